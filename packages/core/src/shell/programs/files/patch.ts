import { addPath, addTargets, defineProgram, readOptions } from '../program-module.js';

/** patch writes the file it patches and reads the patch given with -i. */
export const patch = defineProgram({
  name: 'files/patch',
  programs: ['patch'],
  findings: [],
  ownsArguments: true,
  describe(call) {
    const { scanned, operands } = readOptions(call, {
      valued: 'iopdBDFrVYzg',
      longValued: ['input', 'output', 'strip', 'directory', 'reject-file'],
    });
    addTargets(call, operands.slice(0, 1), 'write');
    addPath(call, scanned.values.get('i') ?? scanned.values.get('input'), 'read');
  },
});
