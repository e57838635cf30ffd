import { addTargets, defineProgram, type ProgramCall } from '../program-module.js';

function describeModeChange(call: ProgramCall, ownerOperand: boolean): void {
  // chmod modes can look like options (`chmod -x file`), so options are only the known letters.
  const flags: string[] = [];
  const operands: number[] = [];
  let reference = false;
  let afterDoubleDash = false;
  call.args.forEach((arg, index) => {
    if (afterDoubleDash) operands.push(index);
    else if (arg === '--') afterDoubleDash = true;
    else if (arg.startsWith('--')) {
      const name = arg.slice(2).split('=')[0]!;
      flags.push(name);
      if (name === 'reference') reference = true;
    } else if (/^-[RcfvhHLP]+$/.test(arg)) flags.push(...arg.slice(1));
    else operands.push(index);
  });
  call.description.flags = flags;
  addTargets(call, reference || !ownerOperand ? operands : operands.slice(1), 'metadata');
}

/** Mode, owner and attribute changes: their operands' metadata is written. */
export const chmod = defineProgram({
  name: 'files/chmod',
  programs: ['chmod', 'chattr', 'setfacl', 'chown', 'chgrp'],
  findings: [],
  ownsArguments: true,
  describe(call) {
    // setfacl names no mode operand before its files; chown and chgrp an owner, chmod a mode.
    describeModeChange(call, call.program !== 'setfacl');
  },
});
