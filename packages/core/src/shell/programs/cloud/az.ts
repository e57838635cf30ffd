import { CREDENTIAL_PRINT } from '../hosting/gh.js';
import {
  addTarget,
  defineProgram,
  optionValues,
  raise,
  readWordsOrOperands,
  words,
} from '../program-module.js';
import { CLOUD_DELETE, describeCloudDelete } from './cloud-delete.js';
import { CLOUD_EXPOSURE, describeCloudExposure } from './cloud-exposure.js';
import { REMOTE_EXEC } from './remote-exec.js';

/** Programs of this module whose operands are words, not files. */
const WORD_PROGRAMS = new Set(['az']);

export const az = defineProgram({
  name: 'cloud/az',
  programs: ['az'],
  findings: [CLOUD_DELETE, CREDENTIAL_PRINT, REMOTE_EXEC, CLOUD_EXPOSURE],
  ownsArguments: true,
  describe(call) {
    readWordsOrOperands(call, WORD_PROGRAMS);
    describeCloudDelete(call);
    describeCloudExposure(call);
    const operands = words(call.args);
    if (operands[0] === 'storage' && call.args.some((arg) => /^upload(-batch)?$/.test(arg)))
      for (const file of optionValues(call.args, ['-f', '--file', '-s', '--source']))
        addTarget(call, file, 'read');
    const path = operands.slice(0, 4).join(' ');
    if (
      /^account get-access-token|^keyvault secret (show|download)|^keyvault key download|^ad sp credential reset|^ad app credential reset|^storage account keys list|^acr credential show|^aks get-credentials .*--admin|^cosmosdb keys list|^redis list-keys/.test(
        path,
      ) ||
      (path.startsWith('aks get-credentials') && call.args.includes('--admin'))
    )
      raise(call, CREDENTIAL_PRINT.id, 'This prints Azure credentials or secret values.');
    if (/^vm run-command (invoke|create)|^vmss run-command invoke/.test(path))
      raise(call, REMOTE_EXEC.id, 'This runs commands on Azure machines.');
  },
});
