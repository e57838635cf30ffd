import { defineProgram, readWordsOrOperands } from '../program-module.js';

/** Programs of this module whose operands are words, not files. */
const WORD_PROGRAMS = new Set(['go']);

/** The go tool: its first word is the subcommand (`go test`, `go run`); operands are packages. */
export const go = defineProgram({
  name: 'build/go',
  programs: ['go'],
  findings: [],
  ownsArguments: true,
  describe(call) {
    readWordsOrOperands(call, WORD_PROGRAMS);
    call.description.subcommand ??= call.args.find((arg) => !arg.startsWith('-'));
  },
});
