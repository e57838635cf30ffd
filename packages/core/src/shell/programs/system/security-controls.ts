import { defineProgram, raise, readWords, words } from '../program-module.js';

export const SECURITY_DISABLE = {
  id: 'shell.security_disable',
  summary:
    "The operating system's own protections are switched off (Gatekeeper, SIP, SELinux, AppArmor, the quarantine of downloaded files, privacy permissions).",
};

/**
 * macOS Gatekeeper (`spctl --master-disable`), System Integrity Protection (`csrutil disable`),
 * the quarantine flag that makes Gatekeeper check a downloaded binary (`xattr -d
 * com.apple.quarantine`, `defaults write ... LSQuarantine -bool false`), privacy permissions
 * (`tccutil reset`), SELinux (`setenforce 0`) and AppArmor (`aa-teardown`, `aa-disable`): each
 * removes a check the user relies on. Their status reads are everyday.
 */
export const securityControls = defineProgram({
  name: 'system/security-controls',
  programs: [
    'spctl',
    'csrutil',
    'xattr',
    'defaults',
    'tccutil',
    'setenforce',
    'aa-teardown',
    'aa-disable',
    'aa-complain',
  ],
  findings: [SECURITY_DISABLE],
  ownsArguments: true,
  describe(call) {
    const { program, args } = call;
    if (program === 'xattr') {
      // The files are what the attributes belong to: everything after the options and the name.
      const removes = args.some((arg) => /^-[a-zA-Z]*[dc]/.test(arg));
      if (removes && (args.includes('com.apple.quarantine') || args.some((arg) => /^-[a-zA-Z]*c/.test(arg))))
        raise(
          call,
          SECURITY_DISABLE.id,
          'This removes the quarantine that makes Gatekeeper check a downloaded program.',
        );
      return;
    }
    readWords(call);
    const [first, second] = words(args);
    const disables =
      (program === 'spctl' &&
        args.some((arg) => /^--(master|global)-disable$/.test(arg) || arg === '--disable')) ||
      (program === 'csrutil' &&
        (first === 'disable' || (first === 'authenticated-root' && second === 'disable'))) ||
      (program === 'defaults' &&
        (first === 'write' || first === 'delete') &&
        args.some(
          (arg) =>
            /^(LSQuarantine|GKAutoRearm|AllowApplePersonalizedAdvertising)$/.test(arg) ||
            /com\.apple\.(LaunchServices|security|alf)/.test(arg),
        )) ||
      (program === 'tccutil' && first === 'reset') ||
      (program === 'setenforce' && /^(0|permissive)$/i.test(first ?? '')) ||
      program === 'aa-teardown' ||
      program === 'aa-disable' ||
      program === 'aa-complain';
    if (disables)
      raise(call, SECURITY_DISABLE.id, "This switches off one of the operating system's own protections.");
  },
});
