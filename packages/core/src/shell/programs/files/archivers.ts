import { addPath, addTreeWrite, defineProgram, type ProgramCall, words } from '../program-module.js';

function describe7z(call: ProgramCall): void {
  const [command, archive, ...rest] = words(call.args);
  addPath(call, archive, command === 'a' || command === 'u' || command === 'd' ? 'write' : 'read');
  if (command === 'a' || command === 'u') for (const file of rest) addPath(call, file, 'read');
  if (command !== 'x' && command !== 'e') return;
  // `-o/dir` (no space): the output directory, the working directory without it.
  const output = call.args.find((arg) => arg.startsWith('-o'))?.slice(2);
  addTreeWrite(call, output || '.');
}

function describeUnrar(call: ProgramCall): void {
  const [command, archive, ...rest] = words(call.args);
  addPath(call, archive, 'read');
  if (command !== 'x' && command !== 'e') return;
  // The destination is the last operand ending in a slash, the working directory without one.
  const destination = rest.length > 0 && rest[rest.length - 1]!.endsWith('/') ? rest[rest.length - 1] : '.';
  addTreeWrite(call, destination);
}

function describeCpio(call: ProgramCall): void {
  const { args } = call;
  const extract = args.some((arg) => arg === '--extract' || /^-[a-zA-Z]*i[a-zA-Z]*$/.test(arg));
  const pass = args.some((arg) => arg === '--pass-through' || /^-[a-zA-Z]*p[a-zA-Z]*$/.test(arg));
  let directory: string | undefined;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === '-D' || arg === '--directory') directory = args[index + 1];
    else if (arg.startsWith('--directory=')) directory = arg.slice('--directory='.length);
  }
  if (extract) addTreeWrite(call, directory ?? '.');
  else if (pass) addTreeWrite(call, words(args).at(-1));
}

/**
 * 7-Zip, unrar and cpio: the archive is read, and extracting writes files of names the command
 * line does not show into the output directory (the working directory unless one is given), so
 * the protected places beneath it are written too.
 */
export const archivers = defineProgram({
  name: 'files/archivers',
  programs: ['7z', '7za', '7zr', '7zz', 'unrar', 'cpio'],
  findings: [],
  ownsArguments: true,
  describe(call) {
    if (call.program === 'unrar') describeUnrar(call);
    else if (call.program === 'cpio') describeCpio(call);
    else describe7z(call);
  },
});
