import { defineProgram } from '../program-module.js';

/** The go tool: its first word is the subcommand (`go test`, `go run`); operands are packages. */
export const go = defineProgram({
  name: 'build/go',
  programs: ['go'],
  findings: [],
  describe(call) {
    call.description.subcommand ??= call.args.find((arg) => !arg.startsWith('-'));
  },
});
