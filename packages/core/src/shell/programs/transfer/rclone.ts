import { CLOUD_DELETE, describeCloudDelete } from '../cloud/cloud-delete.js';
import { CLOUD_EXPOSURE, describeCloudExposure } from '../cloud/cloud-exposure.js';
import { addTarget, defineProgram, readWords, scanCall } from '../program-module.js';
import { localOperands } from './local-sources.js';

/** Programs of this module whose operands are words, not files. */
const WORD_PROGRAMS = new Set(['gsutil']);

/** rclone and gsutil copies: local sources are read (they leave the machine), local destinations written. */
export const rclone = defineProgram({
  name: 'transfer/rclone',
  programs: ['rclone', 'gsutil', 's3cmd', 'azcopy', 'b2', 'mc'],
  findings: [CLOUD_DELETE, CLOUD_EXPOSURE],
  ownsArguments: true,
  describe(call) {
    if (WORD_PROGRAMS.has(call.program)) readWords(call);
    describeCloudDelete(call);
    describeCloudExposure(call);
    const scanned = scanCall(call, {
      valued: 'hp',
      longValued: [
        'config',
        'include',
        'exclude',
        'filter',
        'transfers',
        'checkers',
        'log-file',
        'bwlimit',
        'max-age',
        'min-age',
      ],
    });
    const [verb, ...rest] = scanned.operands;
    if (!/^(copy|copyto|sync|move|moveto|bisync|cp|mv|rsync|put|sync-push|upload|mirror)$/.test(verb ?? ''))
      return;
    const { sources, destination } = localOperands(rest);
    for (const source of sources) addTarget(call, source, 'read');
    if (destination) addTarget(call, destination, 'write');
  },
});
