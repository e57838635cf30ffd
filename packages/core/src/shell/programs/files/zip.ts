import { addTargets, addTreeReads, addTreeWrite, defineProgram, readOptions } from '../program-module.js';

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
      // `zip -r out.zip ~`: every file beneath the members is read.
      const recursive = call.description.flags.some(
        (flag) => flag === 'r' || flag === 'R' || flag === 'recurse-paths',
      );
      if (recursive) addTreeReads(call, operands.slice(1));
      else addTargets(call, operands.slice(1), 'read');
      return;
    }
    const { scanned, operands } = readOptions(call, { valued: 'dxP' });
    addTargets(call, operands.slice(0, 1), 'read');
    // `unzip -l` and `-t` list and test; `-p` and `-c` write to stdout.
    if (
      scanned.flags.some(
        (flag) => flag === 'l' || flag === 't' || flag === 'p' || flag === 'c' || flag === 'Z',
      )
    )
      return;
    addTreeWrite(call, scanned.values.get('d') ?? '.');
  },
});
