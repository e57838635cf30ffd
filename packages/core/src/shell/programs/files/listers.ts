import type { OptionSpec } from '../../parse-options.js';
import { addTargets, defineProgram, readOptions } from '../program-module.js';

/** Options that take a value, per lister. */
const LISTERS: Record<string, OptionSpec> = {
  ls: {
    valued: 'IwTB',
    longValued: [
      'ignore',
      'width',
      'tabsize',
      'hide',
      'format',
      'sort',
      'time',
      'time-style',
      'color',
      'block-size',
      'quoting-style',
      'indicator-style',
    ],
  },
  tree: { valued: 'LPIo', longValued: ['filelimit', 'charset', 'sort'] },
  du: {
    valued: 'dBt',
    longValued: ['max-depth', 'block-size', 'threshold', 'exclude', 'time-style', 'files0-from'],
  },
  stat: { valued: 'cf', longValued: ['format', 'printf'] },
  file: { valued: 'mfFeP', longValued: ['magic-file', 'files-from', 'separator', 'exclude', 'parameter'] },
  eza: { valued: 'LIT', longValued: ['level', 'ignore-glob', 'sort', 'time', 'color', 'time-style'] },
  exa: { valued: 'LIT', longValued: ['level', 'ignore-glob', 'sort', 'time', 'color', 'time-style'] },
  lsd: {
    valued: 'IT',
    longValued: ['depth', 'sort', 'color', 'icon', 'blocks', 'date', 'size', 'group-dirs'],
  },
};

/** Programs that look at files' names and metadata, not their contents. */
export const listers = defineProgram({
  name: 'files/listers',
  programs: Object.keys(LISTERS),
  findings: [],
  ownsArguments: true,
  describe(call) {
    addTargets(call, readOptions(call, LISTERS[call.program] ?? {}).operands, 'list');
  },
});
