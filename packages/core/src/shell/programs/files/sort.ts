import { addPath, addTargets, defineProgram, readOptions } from '../program-module.js';

/** sort reads its operands and writes the file given with -o (which may be one of them). */
export const sort = defineProgram({
  name: 'files/sort',
  programs: ['sort'],
  findings: [],
  ownsArguments: true,
  describe(call) {
    const { scanned, operands } = readOptions(call, {
      valued: 'kotSTy',
      longValued: [
        'key',
        'output',
        'field-separator',
        'buffer-size',
        'temporary-directory',
        'files0-from',
        'parallel',
        'compress-program',
        'sort',
        'random-source',
        'batch-size',
      ],
    });
    addTargets(call, operands, 'read');
    addPath(call, scanned.values.get('o') ?? scanned.values.get('output'), 'write');
  },
});
