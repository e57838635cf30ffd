import { describePlatformSecretRead } from '../cloud/platform-secrets.js';
import {
  addTarget,
  defineProgram,
  optionValue,
  raise,
  readWordsOrOperands,
  scanCall,
} from '../program-module.js';
import { CREDENTIAL_PRINT, HOSTED_DESTRUCTIVE } from './gh.js';

/** Programs of this module whose operands are words, not files. */
const WORD_PROGRAMS = new Set(['glab']);

/** GitLab's CLI, the same dangers as gh's under its own names. */
export const glab = defineProgram({
  name: 'hosting/glab',
  programs: ['glab', 'tea', 'bb'],
  findings: [HOSTED_DESTRUCTIVE, CREDENTIAL_PRINT],
  ownsArguments: true,
  describe(call) {
    readWordsOrOperands(call, WORD_PROGRAMS);
    const scanned = scanCall(call, {
      valued: 'RXHfFgt',
      longValued: ['repo', 'method', 'header', 'field', 'raw-field', 'group', 'title'],
    });
    const [group, action, ...rest] = scanned.operands;
    const method = (optionValue(call.args, ['-X', '--method']) ?? '').toUpperCase();
    if (
      ((group === 'repo' || group === 'release' || group === 'variable' || group === 'snippet') &&
        (action === 'delete' || action === 'archive')) ||
      (group === 'api' && method === 'DELETE')
    )
      raise(
        call,
        HOSTED_DESTRUCTIVE.id,
        'This deletes something on the hosting platform that others depend on.',
      );
    if (
      group === 'auth' &&
      action === 'status' &&
      (call.args.includes('-t') || call.args.includes('--show-token'))
    )
      raise(call, CREDENTIAL_PRINT.id, "This prints the CLI's access token.");
    // CI/CD variables hold the pipeline's deploy keys and tokens: `glab variable get|list|export`.
    if (group === 'variable') describePlatformSecretRead(call);
    if (group === 'snippet' && (action === 'create' || action === 'new'))
      for (const file of rest) addTarget(call, file, 'read');
  },
});
