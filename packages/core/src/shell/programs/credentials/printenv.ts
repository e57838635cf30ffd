import { CREDENTIAL_PRINT } from '../hosting/gh.js';
import { defineProgram, raise, readWordsOrOperands } from '../program-module.js';

const SECRET_NAME = /(TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|ACCESS_KEY|PRIVATE_KEY|CREDENTIALS?|AUTH)/i;

/** Programs of this module whose operands are words, not files. */
const WORD_PROGRAMS = new Set(['printenv']);

/** `printenv GITHUB_TOKEN`: the value of a variable that holds a credential. */
export const printenv = defineProgram({
  name: 'credentials/printenv',
  programs: ['printenv'],
  findings: [CREDENTIAL_PRINT],
  ownsArguments: true,
  describe(call) {
    readWordsOrOperands(call, WORD_PROGRAMS);
    if (call.args.some((arg) => !arg.startsWith('-') && SECRET_NAME.test(arg)))
      raise(call, CREDENTIAL_PRINT.id, 'This prints an environment variable that holds a credential.');
  },
});
