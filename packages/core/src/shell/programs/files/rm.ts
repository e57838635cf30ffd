import { addTargets, defineProgram, type ProgramCall, raise, readOptions } from '../program-module.js';

function describeRm(call: ProgramCall): void {
  const { operands } = readOptions(call, { longValued: ['interactive', 'preserve-root'] });
  addTargets(call, operands, 'delete');
  if (call.description.flags.includes('no-preserve-root')) {
    raise(call, 'shell.rm_no_preserve_root', 'rm was told to ignore its protection of the root directory.');
  }
}

export const RM_NO_PRESERVE_ROOT = {
  id: 'shell.rm_no_preserve_root',
  summary: 'rm was told to ignore its protection of the root directory (--no-preserve-root).',
};

/** Deleting programs: their operands are deleted. */
export const rm = defineProgram({
  name: 'files/rm',
  programs: ['rm', 'rmdir', 'unlink', 'srm', 'wipe', 'trash', 'trash-put'],
  findings: [RM_NO_PRESERVE_ROOT],
  ownsArguments: true,
  describe: describeRm,
});
