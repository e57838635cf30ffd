import { addPath, defineProgram } from '../program-module.js';

/**
 * jq and yq: the filter is not a file (unless given with -f); --slurpfile and --rawfile are read;
 * `yq -i` writes the files it edits in place.
 */
export const jq = defineProgram({
  name: 'text/jq',
  programs: ['jq', 'yq', 'gojq'],
  findings: [],
  ownsArguments: true,
  describe(call) {
    const { args } = call;
    const stripped: string[] = [];
    for (let index = 0; index < args.length; index++) {
      const arg = args[index]!;
      if (/^--(arg|argjson|slurpfile|rawfile)$/.test(arg)) {
        if (arg === '--slurpfile' || arg === '--rawfile') addPath(call, args[index + 2], 'read');
        index += 2;
      } else if (/^(-f|--from-file|-L|--indent)$/.test(arg)) {
        if (arg === '-f' || arg === '--from-file') addPath(call, args[index + 1], 'read');
        index++;
      } else stripped.push(arg);
    }
    let operands = stripped.filter((arg) => !arg.startsWith('-'));
    // yq v4's subcommands come before the expression (`yq eval -i '.a = 1' f.yaml`).
    if (call.program === 'yq' && /^(eval|e|eval-all|ea)$/.test(operands[0] ?? ''))
      operands = operands.slice(1);
    const fromFile = args.includes('-f') || args.includes('--from-file');
    // yq -i (and gojq/jaq forks with --in-place) rewrite the files they read.
    const inPlace = args.some(
      (arg) =>
        arg === '-i' ||
        arg === '--inplace' ||
        arg === '--in-place' ||
        (/^-[a-zA-Z]*i[a-zA-Z]*$/.test(arg) && call.program === 'yq'),
    );
    for (const path of fromFile ? operands : operands.slice(1))
      addPath(call, path, inPlace ? 'write' : 'read');
  },
});
