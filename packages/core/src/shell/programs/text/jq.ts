import { addPath, defineProgram } from '../program-module.js';

/** jq and yq: the filter is not a file (unless given with -f); --slurpfile and --rawfile are read. */
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
    const operands = stripped.filter((arg) => !arg.startsWith('-'));
    const fromFile = args.includes('-f') || args.includes('--from-file');
    for (const path of fromFile ? operands : operands.slice(1)) addPath(call, path, 'read');
  },
});
