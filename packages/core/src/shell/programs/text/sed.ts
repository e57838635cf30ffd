import { addPath, addTargets, defineProgram, type ProgramCall, readOptions } from '../program-module.js';

function describeSed(call: ProgramCall): void {
  const { scanned, operands } = readOptions(call, {
    valued: 'efl',
    optionalAttached: 'i',
    longValued: ['expression', 'file', 'line-length'],
  });
  const hasScript =
    scanned.values.has('e') ||
    scanned.values.has('expression') ||
    scanned.values.has('f') ||
    scanned.values.has('file');
  const inPlace = scanned.flags.some((flag) => flag === 'i' || flag === 'in-place' || flag === 'I');
  const files = hasScript ? operands : operands.slice(1);
  addTargets(call, files, inPlace ? 'write' : 'read');
  for (const file of [scanned.values.get('f'), scanned.values.get('file')]) addPath(call, file, 'read');
}

/** sed: its files are read, or written with -i; a script file (-f) is read. */
export const sed = defineProgram({
  name: 'text/sed',
  programs: ['sed', 'gsed'],
  findings: [],
  ownsArguments: true,
  describe: describeSed,
});
