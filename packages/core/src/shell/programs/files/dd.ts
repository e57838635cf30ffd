import { defineProgram, type ProgramCall } from '../program-module.js';

function describeDd(call: ProgramCall): void {
  call.description.flags = [];
  for (const [index, arg] of call.args.entries()) {
    const match = /^(if|of)=(.*)$/.exec(arg);
    if (match?.[2])
      call.description.targets.push({
        path: match[2],
        access: match[1] === 'of' ? 'write' : 'read',
        argument: index,
      });
  }
}

/** dd: `if=` is read, `of=` written (a device, often). */
export const dd = defineProgram({
  name: 'files/dd',
  programs: ['dd'],
  findings: [],
  ownsArguments: true,
  describe: describeDd,
});
