import type { TargetAccess } from '../../types.js';
import { addOptionPaths, defineProgram, type ProgramCall, readOptions } from '../program-module.js';

/** Options whose value is a file wget writes (output, log, cookies, where to save) or reads. */
const FILE_OPTIONS = new Map<string, TargetAccess>([
  ...[
    'O',
    'output-document',
    'o',
    'output-file',
    'a',
    'append-output',
    'P',
    'directory-prefix',
    'save-cookies',
  ].map((name) => [name, 'write'] as const),
  ...['i', 'input-file', 'post-file', 'body-file', 'load-cookies'].map((name) => [name, 'read'] as const),
]);

function describeWget(call: ProgramCall): void {
  const { scanned } = readOptions(call, {
    valued: 'OoaPiTtwQUeBYhdl',
    longValued: [
      'output-document',
      'output-file',
      'append-output',
      'directory-prefix',
      'input-file',
      'post-file',
      'body-file',
      'post-data',
      'header',
      'user-agent',
      'user',
      'password',
      'timeout',
      'tries',
      'wait',
      'quota',
      'execute',
      'base',
      'load-cookies',
      'save-cookies',
      'certificate',
      'private-key',
      'ca-certificate',
      'method',
      'body-data',
      'referer',
      'level',
      'accept',
      'reject',
      'domains',
      'exclude-domains',
      'include-directories',
      'exclude-directories',
      'limit-rate',
      'bind-address',
      'restrict-file-names',
    ],
  });
  addOptionPaths({ call, scanned, files: FILE_OPTIONS });
}

/** wget: output and cookie files written; input, post and cookie files read. */
export const wget = defineProgram({
  name: 'network/wget',
  programs: ['wget', 'wget2'],
  findings: [],
  ownsArguments: true,
  describe: describeWget,
});
