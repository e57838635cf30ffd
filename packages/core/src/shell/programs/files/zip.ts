import { addPath, addTargets, defineProgram, readOptions } from '../program-module.js';

/** zip writes its archive and reads the members; unzip reads the archive and writes a directory. */
export const zip = defineProgram({
  name: 'files/zip',
  programs: ['zip', 'unzip'],
  findings: [],
  ownsArguments: true,
  describe(call) {
    if (call.program === 'zip') {
      const { operands } = readOptions(call, {
        valued: 'bdinPtx',
        longValued: ['password', 'exclude', 'include'],
      });
      addTargets(call, operands.slice(0, 1), 'write');
      addTargets(call, operands.slice(1), 'read');
      return;
    }
    const { scanned, operands } = readOptions(call, { valued: 'dxP' });
    addTargets(call, operands.slice(0, 1), 'read');
    addPath(call, scanned.values.get('d') ?? '.', 'write');
  },
});
