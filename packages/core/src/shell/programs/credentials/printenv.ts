import { CREDENTIAL_PRINT } from '../hosting/gh.js';
import { defineProgram, raise } from '../program-module.js';

const SECRET_NAME = /(TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|ACCESS_KEY|PRIVATE_KEY|CREDENTIALS?|AUTH)/i;

/** `printenv GITHUB_TOKEN`: the value of a variable that holds a credential. */
export const printenv = defineProgram({
  name: 'credentials/printenv',
  programs: ['printenv'],
  findings: [CREDENTIAL_PRINT],
  describe(call) {
    if (call.args.some((arg) => !arg.startsWith('-') && SECRET_NAME.test(arg)))
      raise(call, CREDENTIAL_PRINT.id, 'This prints an environment variable that holds a credential.');
  },
});
