import type { TargetAccess } from '../../types.js';
import {
  addPath,
  addTargets,
  addTreeWrite,
  defineProgram,
  type ProgramCall,
  readOptions,
} from '../program-module.js';

function describeCopy(call: ProgramCall, sourceAccess: TargetAccess): void {
  const { scanned, operands } = readOptions(call, {
    valued: call.program === 'install' ? 'gmoStT' : 'St',
    longValued: [
      'target-directory',
      'suffix',
      'owner',
      'group',
      'mode',
      'strip-program',
      'context',
      'sparse',
      'reflink',
      'backup',
    ],
  });
  const targetDirectory = scanned.values.get('t') ?? scanned.values.get('target-directory');
  if (call.program === 'install' && scanned.flags.includes('d')) {
    addTargets(call, operands, 'write');
    return;
  }
  if (targetDirectory !== undefined) {
    addPath(call, targetDirectory, 'write');
    addTargets(call, operands, sourceAccess);
    addLandingPaths(call, targetDirectory, operands);
    return;
  }
  if (operands.length === 0) return;
  if (call.program === 'ln' && operands.length === 1) return;
  addTargets(call, operands.slice(0, -1), sourceAccess);
  // `cp -r dotfiles/. ~`, `cp -a build/* ~/.local/`: a tree's contents merged into the
  // destination, files of names the command line does not show.
  const recursive = scanned.flags.some(
    (flag) => flag === 'r' || flag === 'R' || flag === 'a' || flag === 'recursive' || flag === 'archive',
  );
  const contents = operands.slice(0, -1).some((index) => /(^|\/)\.$|\*/.test(call.args[index]!));
  const destination = call.args[operands[operands.length - 1]!]!;
  if (call.program !== 'ln' && recursive && contents) addTreeWrite(call, destination);
  else if (call.program !== 'ln' && (destination.endsWith('/') || operands.length > 2))
    // `cp evil.pth site-packages/`, `mv a b dir`, `mv notes.txt ~/`: each source lands in the
    // directory under its own name, which is the file written (and what protected places are
    // about); the directory itself only gains an entry.
    addLandingPaths(call, destination, operands.slice(0, -1));
  else addTargets(call, operands.slice(-1), 'write');
}

function addLandingPaths(call: ProgramCall, directory: string, sources: readonly number[]): void {
  for (const index of sources) {
    const name = call.args[index]!.replace(/\/+$/, '');
    const base = name.slice(name.lastIndexOf('/') + 1);
    if (base && base !== '.' && base !== '..' && base !== '*')
      addPath(call, `${directory.replace(/\/+$/, '')}/${base}`, 'write');
  }
}

/** Copies, moves, installs and links: sources read (moved ones deleted), the destination written. */
export const cp = defineProgram({
  name: 'files/cp',
  programs: ['cp', 'gcp', 'install', 'ln', 'mv', 'gmv'],
  findings: [],
  ownsArguments: true,
  describe(call) {
    if (call.program === 'mv' || call.program === 'gmv') return describeCopy(call, 'delete');
    // A hard link is a second name for the same file: writing through it writes the original
    // (`ln ~/.warden/config.yaml x && edit x`). A symbolic link is only a name.
    if (call.program === 'ln')
      return describeCopy(
        call,
        call.args.some((arg) => /^-[a-zA-Z]*s|^--symbolic$/.test(arg)) ? 'other' : 'write',
      );
    describeCopy(call, 'read');
  },
});
