import { isSecretName, secretGlobSample } from '../../../paths/classify-path.js';
import type { TargetAccess } from '../../types.js';
import { addPath, addTargets, defineProgram, type ProgramCall } from '../program-module.js';

/** Name patterns already judged (a glob's check compiles a regular expression). */
const secretPatterns = new Map<string, boolean>();

function isSecretPattern(name: string): boolean {
  let known = secretPatterns.get(name);
  if (known === undefined) {
    known = isSecretName(name) || secretGlobSample(name) !== undefined;
    if (secretPatterns.size > 256) secretPatterns.clear();
    secretPatterns.set(name, known);
  }
  return known;
}

function describeFind(call: ProgramCall): void {
  const { args } = call;
  let index = 0;
  const flags: string[] = [];
  while (index < args.length && /^-(H|L|P|D|O\d*)$/.test(args[index]!)) {
    flags.push(args[index]!.slice(1));
    index += args[index] === '-D' ? 2 : 1;
  }
  const starts: number[] = [];
  while (index < args.length && !/^[-(!,]/.test(args[index]!)) starts.push(index++);
  for (let position = index; position < args.length; position++) {
    const arg = args[position]!;
    if (!arg.startsWith('-')) continue;
    const name = arg.slice(1);
    flags.push(name);
    if (/^(fprint|fprint0|fprintf|fls)$/.test(name)) addPath(call, args[position + 1], 'write');
    if (/^(exec|execdir|ok|okdir)$/.test(name)) {
      // The command's own words are not find's flags.
      const end = args.findIndex((value, at) => at > position && (value === ';' || value === '+'));
      position = end < 0 ? args.length : end;
    }
  }
  call.description.flags = flags;
  const access: TargetAccess = flags.includes('delete') ? 'delete' : 'read';
  // With tests (-name, -type, ...) find acts on some files under its starting points, which the
  // target says as a glob; without, on everything including the starting point itself.
  const filtered = flags.some((flag) =>
    /^(i?name|i?path|i?regex|type|newer|mtime|mmin|atime|amin|ctime|cmin|size|user|group|perm|empty|wholename|links|inum)$/.test(
      flag,
    ),
  );
  // `find / -name id_rsa`, `find ~ -name '*.pem'`: a hunt for credential files across the disk
  // or the home reaches them, named as the pattern says (a search inside the project does not).
  for (const index of starts) {
    const start = args[index]!;
    if (!/^(\/|~|\$HOME|\$\{HOME\})/.test(start)) continue;
    for (let at = 0; at < args.length - 1; at++)
      if ((args[at] === '-name' || args[at] === '-iname') && isSecretPattern(args[at + 1]!))
        addPath(call, `${start.replace(/\/+$/, '')}/${args[at + 1]!}`, 'read');
  }
  if (starts.length === 0) addPath(call, filtered ? './**' : '.', access);
  else if (filtered)
    for (const index of starts) addPath(call, `${args[index]!.replace(/\/+$/, '')}/**`, access);
  else addTargets(call, starts, access);
}

/** find: its starting points are read (deleted with -delete); -fprint files written. */
export const find = defineProgram({
  name: 'files/find',
  programs: ['find', 'gfind'],
  findings: [],
  ownsArguments: true,
  describe: describeFind,
});
