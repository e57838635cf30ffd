import { addTargets, defineProgram, type ProgramCall, raise } from '../program-module.js';

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
  const files = reference || !ownerOperand ? operands : operands.slice(1);
  addTargets(call, files, 'metadata');
  // `chmod 777 ~/.ssh`, `chmod o+r key.pem`, `setfacl -m u:nobody:r /etc/shadow`: a mode or ACL
  // that opens a file to other users discloses its content as reading it would.
  const mode = ownerOperand && !reference ? call.args[operands[0] ?? -1] : undefined;
  const opens =
    (call.program === 'chmod' && mode !== undefined && opensToOthers(mode)) ||
    (call.program === 'setfacl' &&
      call.args.some(
        (arg, index) =>
          /^(-[a-zA-Z]*m|--modify)$/.test(arg) && /:[^:]*[rw][^:]*$/.test(call.args[index + 1] ?? ''),
      ));
  // `chmod +s`, `chmod 4755`: whoever runs the file runs it as its owner (root, for a copy of a
  // shell made by root).
  if (call.program === 'chmod' && mode !== undefined && /^[0-7]?[2-7][0-7]{3}$|^[ugoa]*\+[rwxX]*s/.test(mode))
    raise(
      call,
      'shell.privilege_grant',
      "This makes a program run with its owner's rights (setuid or setgid).",
    );
  // Only places outside the working directory's tree are worth the second target: the project's
  // own files are opened to others every day (`chmod 644 src/x.ts`, `chmod -R 755 dist`).
  if (opens) {
    const named =
      call.program === 'setfacl' ? files.filter((index) => !/^-|:/.test(call.args[index]!)) : files;
    addTargets(
      call,
      named.filter((index) => /^[/~$]/.test(call.args[index]!)),
      'read',
    );
  }
}

/** Whether a chmod mode gives the group or others read or write access. */
function opensToOthers(mode: string): boolean {
  const octal = /^0?([0-7])?([0-7])([0-7])([0-7])$/.exec(mode);
  if (octal) return (Number(octal[3]) & 6) !== 0 || (Number(octal[4]) & 6) !== 0;
  return mode
    .split(',')
    .some(
      (clause) =>
        /^([ugoa]*)[+=]([rwxXst]*)$/.test(clause) &&
        /[rw]/.test(clause.split(/[+=]/)[1]!) &&
        /^([ugoa]*[goa][ugoa]*)?[+=]/.test(clause),
    );
}

/** Mode, owner and attribute changes: their operands' metadata is written. */
export const chmod = defineProgram({
  name: 'files/chmod',
  programs: ['chmod', 'chattr', 'setfacl', 'chown', 'chgrp'],
  findings: [
    {
      id: 'shell.privilege_grant',
      summary:
        'A user is given administrator rights (sudo, wheel, admin, root or docker group, the sudoers file, setuid programs).',
    },
  ],
  ownsArguments: true,
  describe(call) {
    // setfacl names no mode operand before its files; chown and chgrp an owner, chmod a mode.
    describeModeChange(call, call.program !== 'setfacl');
  },
});
