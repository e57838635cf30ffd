import { defineProgram, readWords } from '../program-module.js';
import { describeUrlInstall, URL_INSTALL } from './url-install.js';

/** System and language package managers: their operands are package names (or URLs of archives). */
export const systemPackages = defineProgram({
  name: 'packages/system-packages',
  programs: ['pip', 'pip3', 'brew', 'apt', 'apt-get', 'dnf', 'yum', 'pacman', 'apk'],
  findings: [URL_INSTALL],
  ownsArguments: true,
  describe(call) {
    readWords(call);
    describeUrlInstall(call);
  },
});
