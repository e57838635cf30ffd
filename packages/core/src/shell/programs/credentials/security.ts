import { CREDENTIAL_PRINT } from '../hosting/gh.js';
import { defineProgram, raise, words } from '../program-module.js';

/** macOS `security`: reading passwords out of the keychain. */
export const macosSecurity = defineProgram({
  name: 'credentials/security',
  programs: ['security'],
  findings: [CREDENTIAL_PRINT],
  ownsArguments: true,
  describe(call) {
    const [verb] = words(call.args);
    if (
      ((verb === 'find-generic-password' || verb === 'find-internet-password') &&
        call.args.some((arg) => /^-[a-zA-Z]*[wg]/.test(arg))) ||
      verb === 'dump-keychain' ||
      verb === 'export'
    )
      raise(call, CREDENTIAL_PRINT.id, 'This prints passwords stored in the macOS keychain.');
  },
});
