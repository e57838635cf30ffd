import { addTargets, defineProgram, readOptions } from '../program-module.js';

/** shred overwrites its files, and deletes them with -u. */
export const shred = defineProgram({
  name: 'files/shred',
  programs: ['shred'],
  findings: [],
  ownsArguments: true,
  describe(call) {
    const { scanned, operands } = readOptions(call, {
      valued: 'ns',
      longValued: ['iterations', 'size', 'random-source', 'remove'],
    });
    const removes = scanned.flags.some((flag) => flag === 'u' || flag === 'remove');
    addTargets(call, operands, removes ? 'delete' : 'write');
  },
});
