import { CREDENTIAL_PRINT } from '../hosting/gh.js';
import { addTarget, defineProgram, raise, readWordsOrOperands, words } from '../program-module.js';
import { localOperands } from '../transfer/local-sources.js';
import { CLOUD_DELETE, describeCloudDelete } from './cloud-delete.js';
import { CLOUD_EXPOSURE, describeCloudExposure } from './cloud-exposure.js';
import { REMOTE_EXEC } from './remote-exec.js';

/** Programs of this module whose operands are words, not files. */
const WORD_PROGRAMS = new Set(['aws']);

/** The AWS CLI: deletions, credential printers, remote execution and local files sent to S3. */
export const aws = defineProgram({
  name: 'cloud/aws',
  programs: ['aws'],
  findings: [CLOUD_DELETE, CREDENTIAL_PRINT, REMOTE_EXEC, CLOUD_EXPOSURE],
  ownsArguments: true,
  describe(call) {
    readWordsOrOperands(call, WORD_PROGRAMS);
    describeCloudDelete(call);
    describeCloudExposure(call);
    const [service, operation, ...rest] = words(call.args);
    if (service === 's3' && (operation === 'cp' || operation === 'mv' || operation === 'sync')) {
      const { sources, destination } = localOperands(rest);
      for (const source of sources)
        if (!call.description.targets.some((target) => target.path === source))
          addTarget(call, source, 'read');
      if (destination && !call.description.targets.some((target) => target.path === destination))
        addTarget(call, destination, 'write');
    }
    const prints =
      (service === 'configure' &&
        ((operation === 'get' && /secret|session_token|access_key/i.test(rest[0] ?? '')) ||
          operation === 'export-credentials')) ||
      (service === 'secretsmanager' && operation === 'get-secret-value') ||
      (service === 'ssm' &&
        (operation === 'get-parameter' ||
          operation === 'get-parameters' ||
          operation === 'get-parameters-by-path') &&
        call.args.includes('--with-decryption')) ||
      (service === 'iam' && (operation === 'create-access-key' || operation === 'create-login-profile')) ||
      (service === 'sts' && (operation === 'get-session-token' || operation === 'assume-role')) ||
      (service === 'kms' && operation === 'decrypt');
    if (prints) raise(call, CREDENTIAL_PRINT.id, 'This prints AWS credentials or secret values.');
    if (
      (service === 'ssm' && operation === 'send-command') ||
      (service === 'ecs' && operation === 'execute-command')
    )
      raise(call, REMOTE_EXEC.id, 'This runs commands on cloud machines.');
  },
});
