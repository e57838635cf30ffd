import { defineProgram, readWordsOrOperands } from '../program-module.js';
import { describePublish, PACKAGE_PUBLISH } from './publish.js';

/** What publishes, by program, for the language registries' own tools. */
const PUBLISHES: Record<string, (operands: string[]) => boolean> = {
  twine: (operands) => operands[0] === 'upload',
  cargo: (operands) => operands[0] === 'publish' || operands[0] === 'yank' || operands[0] === 'owner',
  gem: (operands) => operands[0] === 'push' || operands[0] === 'yank' || operands[0] === 'owner',
  poetry: (operands) => operands[0] === 'publish',
  flit: (operands) => operands[0] === 'publish',
  hatch: (operands) => operands[0] === 'publish',
  uv: (operands) => operands[0] === 'publish',
  dotnet: (operands) => operands[0] === 'nuget' && operands[1] === 'push',
  nuget: (operands) => operands[0] === 'push' || operands[0] === 'delete',
  pod: (operands) => operands[0] === 'trunk' && (operands[1] === 'push' || operands[1] === 'delete'),
  vsce: (operands) => operands[0] === 'publish' || operands[0] === 'unpublish',
  ovsx: (operands) => operands[0] === 'publish',
  changeset: (operands) => operands[0] === 'publish',
  lerna: (operands) => operands[0] === 'publish',
  jsr: (operands) => operands[0] === 'publish',
  deno: (operands) => operands[0] === 'publish',
};

/** Programs of this module whose operands are words, not files. */
const WORD_PROGRAMS = new Set(['cargo', 'uv', 'poetry', 'deno', 'dotnet']);

/** Registry clients of other languages: publishing, yanking, changing owners. */
export const publishers = defineProgram({
  name: 'packages/publishers',
  programs: Object.keys(PUBLISHES),
  findings: [PACKAGE_PUBLISH],
  ownsArguments: true,
  describe(call) {
    readWordsOrOperands(call, WORD_PROGRAMS);
    if (call.program === 'cargo' && !call.description.subcommand)
      call.description.subcommand = call.args.find((arg) => !arg.startsWith('-'));
    const publishes = PUBLISHES[call.program];
    if (publishes) describePublish(call, publishes);
  },
});
