import { addTargets, defineProgram, readOptions } from '../program-module.js';

/** awk: the program text is not a file (unless given with -f); `-i inplace` writes its files. */
export const awk = defineProgram({
  name: 'text/awk',
  programs: ['awk', 'gawk', 'mawk', 'nawk'],
  findings: [],
  ownsArguments: true,
  describe(call) {
    const { scanned, operands } = readOptions(call, {
      valued: 'fvFi',
      longValued: ['file', 'assign', 'field-separator', 'include', 'load'],
    });
    const hasProgram = scanned.values.has('f') || scanned.values.has('file');
    const inPlace = (scanned.allValues.get('i') ?? []).includes('inplace');
    addTargets(call, hasProgram ? operands : operands.slice(1), inPlace ? 'write' : 'read');
  },
});
