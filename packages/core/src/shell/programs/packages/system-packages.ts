import { defineProgram, raise, readWords, words } from '../program-module.js';
import { describeSourceRedirect, SOURCE_REDIRECT } from './source-redirect.js';
import { describeUrlInstall, URL_INSTALL } from './url-install.js';

export const SYSTEM_PACKAGE_REMOVE = {
  id: 'shell.system_package_remove',
  summary:
    "A system package manager removes or purges the machine's packages (apt-get remove/purge/autoremove, dnf/yum/zypper remove, pacman -R, apk del, snap remove, brew uninstall --force).",
};

/** System package managers: what they remove is gone for every user and service of the machine. */
const SYSTEM_REMOVE: Readonly<Record<string, RegExp>> = {
  apt: /^(remove|purge|autoremove|autopurge)$/,
  'apt-get': /^(remove|purge|autoremove|autopurge)$/,
  dnf: /^(remove|erase|autoremove)$/,
  yum: /^(remove|erase|autoremove)$/,
  zypper: /^(remove|rm)$/,
  apk: /^del$/,
  snap: /^remove$/,
};

/** System and language package managers: their operands are package names (or URLs of archives). */
export const systemPackages = defineProgram({
  name: 'packages/system-packages',
  programs: ['pip', 'pip3', 'brew', 'apt', 'apt-get', 'dnf', 'yum', 'pacman', 'apk', 'zypper', 'snap'],
  findings: [URL_INSTALL, SYSTEM_PACKAGE_REMOVE, SOURCE_REDIRECT],
  ownsArguments: true,
  describe(call) {
    readWords(call);
    describeUrlInstall(call);
    if (call.program.startsWith('pip')) describeSourceRedirect(call);
    const first = words(call.args)[0];
    const removes =
      SYSTEM_REMOVE[call.program]?.test(first ?? '') ||
      (call.program === 'pacman' &&
        call.args.some((arg) => /^-R[a-zA-Z]*$/.test(arg) || arg === '--remove')) ||
      (call.program === 'brew' &&
        /^(uninstall|remove|rm)$/.test(first ?? '') &&
        call.args.some((arg) => arg === '--force' || arg === '-f' || arg === '--ignore-dependencies'));
    if (removes)
      raise(
        call,
        SYSTEM_PACKAGE_REMOVE.id,
        "This removes packages the machine's other programs and services may depend on.",
      );
  },
});
