import { addPath, defineProgram, type ProgramCall, readOptions } from '../program-module.js';

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
  for (const [name, values] of scanned.allValues) {
    for (const value of values) {
      if (/^(O|output-document|o|output-file|a|append-output|P|directory-prefix|save-cookies)$/.test(name))
        addPath(call, value, 'write');
      else if (/^(i|input-file|post-file|body-file|load-cookies)$/.test(name)) addPath(call, value, 'read');
    }
  }
}

/** wget: output and cookie files written; input, post and cookie files read. */
export const wget = defineProgram({
  name: 'network/wget',
  programs: ['wget', 'wget2'],
  findings: [],
  ownsArguments: true,
  describe: describeWget,
});
