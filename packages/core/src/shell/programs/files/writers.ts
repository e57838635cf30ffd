import type { OptionSpec } from '../../parse-options.js';
import { addTargets, defineProgram, readOptions } from '../program-module.js';

const OPTIONS: Record<string, OptionSpec> = {
  tee: { longValued: ['output-error'] },
  touch: { valued: 'drt', longValued: ['date', 'reference', 'time'] },
  mkdir: { valued: 'mZ', longValued: ['mode', 'context'] },
  truncate: { valued: 'sro', longValued: ['size', 'reference'] },
};

/** Programs that create or overwrite their operands: tee, touch, mkdir, truncate. */
export const writers = defineProgram({
  name: 'files/writers',
  programs: ['tee', 'touch', 'mkdir', 'truncate'],
  findings: [],
  ownsArguments: true,
  describe(call) {
    addTargets(call, readOptions(call, OPTIONS[call.program] ?? {}).operands, 'write');
  },
});
