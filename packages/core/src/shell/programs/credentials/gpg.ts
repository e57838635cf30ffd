import { CREDENTIAL_PRINT } from '../hosting/gh.js';
import { addPath, addTargets, defineProgram, raise, readOptions } from '../program-module.js';

/** gpg: its operands are read (signed, encrypted, imported), -o written; exporting private keys prints them. */
export const gpg = defineProgram({
  name: 'credentials/gpg',
  programs: ['gpg', 'gpg2'],
  findings: [CREDENTIAL_PRINT],
  ownsArguments: true,
  describe(call) {
    const { scanned, operands } = readOptions(call, {
      valued: 'ourR',
      longValued: ['output', 'recipient', 'local-user', 'homedir', 'keyring', 'passphrase-file'],
    });
    addTargets(call, operands, 'read');
    addPath(call, scanned.values.get('o') ?? scanned.values.get('output'), 'write');
    if (
      call.args.some((arg) =>
        /^--(export-secret-keys|export-secret-subkeys|export-ssh-key|export-secret-key-files)$/.test(arg),
      )
    )
      raise(call, CREDENTIAL_PRINT.id, 'This exports private keys.');
  },
});
