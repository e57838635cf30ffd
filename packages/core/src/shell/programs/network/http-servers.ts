import { addTarget, defineProgram, optionValue, readWordsOrOperands, words } from '../program-module.js';

/** Programs of this module whose operands are words, not files. */
const WORD_PROGRAMS = new Set(['python', 'python3', 'php']);

/**
 * Static file servers: the directory they serve is read by anyone who can reach the port, so it is
 * a `read` target under the subcommand `serve` (the pack denies serving home, /, system or secret
 * directories). `python -m http.server` serves the working directory unless told otherwise.
 */
export const httpServers = defineProgram({
  name: 'network/http-servers',
  programs: ['python', 'python3', 'python2', 'http-server', 'serve', 'php', 'live-server', 'static-server'],
  findings: [],
  ownsArguments: true,
  describe(call) {
    readWordsOrOperands(call, WORD_PROGRAMS);
    const { args } = call;
    let directory: string | undefined;
    if (call.program.startsWith('python')) {
      const module = optionValue(args, ['-m']);
      if (module !== 'http.server' && module !== 'SimpleHTTPServer') return;
      directory = optionValue(args, ['-d', '--directory']) ?? '.';
    } else if (call.program === 'php') {
      if (optionValue(args, ['-S']) === undefined) return;
      directory = optionValue(args, ['-t']) ?? '.';
    } else {
      const operands = words(args).filter((word) => !/^\d+$/.test(word));
      directory = operands[0] ?? '.';
    }
    call.description.subcommand = 'serve';
    addTarget(call, directory, 'read');
  },
});
