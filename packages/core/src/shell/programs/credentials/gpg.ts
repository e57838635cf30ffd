import { CREDENTIAL_PRINT } from '../hosting/gh.js';
import { defineProgram, raise } from '../program-module.js';

export const gpg = defineProgram({
  name: 'credentials/gpg',
  programs: ['gpg', 'gpg2'],
  findings: [CREDENTIAL_PRINT],
  describe(call) {
    if (
      call.args.some((arg) =>
        /^--(export-secret-keys|export-secret-subkeys|export-ssh-key|export-secret-key-files)$/.test(arg),
      )
    )
      raise(call, CREDENTIAL_PRINT.id, 'This exports private keys.');
  },
});
