import { addPath, defineProgram, optionValue, type ProgramCall } from '../program-module.js';

/** A path inside the project: relative and not climbing out of it. */
function insideProject(path: string): boolean {
  return !/^([/~$]|\.\.(\/|$))/.test(path);
}

function dropTarget(call: ProgramCall, path: string | undefined): void {
  if (path === undefined) return;
  call.description.targets = call.description.targets.filter(
    (target) => !(target.path === path && target.access === 'write'),
  );
}

/**
 * New keys and certificates generated into the project (`openssl req -x509 -newkey ... -keyout
 * key.pem`, `ssh-keygen -f ./deploy_key`, `mkcert`) are new files, not someone's credentials:
 * writing them is not a secret write. Keys written outside the project keep their write targets.
 */
export const keyGenerators = defineProgram({
  name: 'keys/key-generators',
  programs: ['openssl', 'ssh-keygen', 'mkcert', 'age-keygen', 'step', 'cfssl', 'certtool'],
  findings: [],
  ownsArguments: true,
  describe(call) {
    if (call.program === 'openssl') {
      // `-in`, `-key`, `-passin file:…` are read, `-out` written; the first word is the subcommand.
      const { args } = call;
      for (const [index, arg] of args.entries()) {
        if (/^-(in|key|inkey|signkey|CAkey|kfile|passin)$/.test(arg) && args[index + 1] !== undefined)
          addPath(call, args[index + 1]!.replace(/^file:/, ''), 'read');
        if (arg === '-out') addPath(call, args[index + 1], 'write');
      }
      call.description.subcommand = args[0];
    }
    const generates =
      call.program === 'mkcert' ||
      call.program === 'age-keygen' ||
      call.program === 'certtool' ||
      (call.program === 'openssl' &&
        /^(genrsa|genpkey|gendsa|ecparam|req|x509|dhparam|rand|rsa|ec|pkey|ca)$/.test(call.args[0] ?? '') &&
        (call.args[0] !== 'req' ||
          call.args.some((arg) => arg === '-new' || arg === '-newkey' || arg === '-x509'))) ||
      (call.program === 'step' && call.args[0] === 'certificate' && call.args[1] === 'create') ||
      (call.program === 'cfssl' && call.args[0] === 'gencert');
    if (call.program === 'ssh-keygen') {
      const at = call.args.findIndex((arg) => /^-[a-zA-Z]*f$/.test(arg));
      const file = at >= 0 ? call.args[at + 1] : optionValue(call.args, ['-f']);
      const operation = call.args.find(
        (arg) => /^-[a-zA-Z]*[ylRFeiDkKQ]/.test(arg) && !/^-[fNtbCmZaOn]/.test(arg),
      );
      if (file === undefined) return;
      if (operation === undefined) {
        // Generating a key: a new file in the project, or a key written somewhere else.
        if (!insideProject(file)) call.description.targets.push({ path: file, access: 'write' });
      } else if (/y|e/.test(operation)) call.description.targets.push({ path: file, access: 'read' });
      else call.description.targets.push({ path: file, access: 'list' });
      return;
    }
    if (!generates) return;
    for (const name of ['-out', '-keyout', '--out', '-o', '--key-file', '--cert-file']) {
      const value = optionValue(call.args, [name]);
      if (value !== undefined && insideProject(value)) dropTarget(call, value);
      else if (value !== undefined && !call.description.targets.some((target) => target.path === value))
        call.description.targets.push({ path: value, access: 'write' });
    }
    // The key read to sign or convert still counts as a read.
    for (const name of ['-key', '-in', '-signkey', '-CAkey', '-inkey']) {
      const value = optionValue(call.args, [name]);
      if (value !== undefined && !call.description.targets.some((target) => target.path === value))
        call.description.targets.push({ path: value, access: 'read' });
    }
  },
});
