import { CREDENTIAL_PRINT } from '../hosting/gh.js';
import {
  addTarget,
  defineProgram,
  optionValue,
  raise,
  readWordsOrOperands,
  words,
} from '../program-module.js';
import { localOperands } from '../transfer/local-sources.js';
import { CLOUD_DELETE, describeCloudDelete } from './cloud-delete.js';
import { CLOUD_EXPOSURE, describeCloudExposure } from './cloud-exposure.js';
import { REMOTE_EXEC } from './remote-exec.js';

/** Programs of this module whose operands are words, not files. */
const WORD_PROGRAMS = new Set(['gcloud']);

export const gcloud = defineProgram({
  name: 'cloud/gcloud',
  programs: ['gcloud'],
  findings: [CLOUD_DELETE, CREDENTIAL_PRINT, REMOTE_EXEC, CLOUD_EXPOSURE],
  ownsArguments: true,
  describe(call) {
    readWordsOrOperands(call, WORD_PROGRAMS);
    describeCloudDelete(call);
    describeCloudExposure(call);
    const operands = words(call.args);
    if (
      operands[0] === 'storage' &&
      (operands[1] === 'cp' || operands[1] === 'mv' || operands[1] === 'rsync')
    ) {
      const { sources, destination } = localOperands(operands.slice(2));
      for (const source of sources) addTarget(call, source, 'read');
      if (destination) addTarget(call, destination, 'write');
    }
    const path = operands.slice(0, 5).join(' ');
    if (
      /^auth (application-default )?print-(access|identity)-token|^secrets versions access|^iam service-accounts keys create|^sql users set-password|^container clusters get-credentials .*--internal-ip-admin/.test(
        path,
      )
    )
      raise(call, CREDENTIAL_PRINT.id, 'This prints Google Cloud credentials or secret values.');
    if (path.startsWith('iam service-accounts keys create')) addTarget(call, operands[4], 'write');
    if (path.startsWith('compute ssh') && optionValue(call.args, ['--command']) !== undefined)
      raise(call, REMOTE_EXEC.id, 'This runs a command on a Compute Engine machine.');
    const keyFile = optionValue(call.args, ['--key-file']);
    if (keyFile) addTarget(call, keyFile, 'other');
  },
});
