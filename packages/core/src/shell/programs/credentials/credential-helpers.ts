import { CREDENTIAL_PRINT } from '../hosting/gh.js';
import { defineProgram, raise, words } from '../program-module.js';

/** Git's and Docker's credential helpers and the desktop keyrings, asked for a stored secret. */
export const credentialHelpers = defineProgram({
  name: 'credentials/credential-helpers',
  programs: [
    'git-credential-osxkeychain',
    'git-credential-manager',
    'git-credential-manager-core',
    'git-credential-store',
    'git-credential-libsecret',
    'git-credential-cache',
    'git-credential-wincred',
    'docker-credential-desktop',
    'docker-credential-osxkeychain',
    'docker-credential-pass',
    'docker-credential-secretservice',
    'docker-credential-ecr-login',
    'docker-credential-gcloud',
    'docker-credential-wincred',
    'secret-tool',
    'kwallet-query',
    'keyring',
  ],
  findings: [CREDENTIAL_PRINT],
  ownsArguments: true,
  describe(call) {
    const [verb] = words(call.args);
    const asks =
      verb === 'get' ||
      verb === 'fill' ||
      verb === 'lookup' ||
      verb === 'list' ||
      (call.program === 'kwallet-query' &&
        call.args.some((arg) => arg === '-r' || arg === '--read-password'));
    if (asks)
      raise(call, CREDENTIAL_PRINT.id, 'This asks a credential store for a stored password or token.');
  },
});
