import { defineProgram, readWords } from '../program-module.js';

/** System and language package managers: their operands are package names. */
export const systemPackages = defineProgram({
  name: 'packages/system-packages',
  programs: ['pip', 'pip3', 'brew', 'apt', 'apt-get', 'dnf', 'yum', 'pacman', 'apk'],
  findings: [],
  ownsArguments: true,
  describe: readWords,
});
