import type { OptionSpec } from '../../parse-options.js';
import {
  addPath,
  addTargets,
  addTreeReads,
  defineProgram,
  type ProgramCall,
  readOptions,
} from '../program-module.js';

function describeGrep(call: ProgramCall, spec: OptionSpec): void {
  const { scanned, operands } = readOptions(call, spec);
  const hasPattern = ['e', 'f', 'regexp', 'file'].some((name) => scanned.values.has(name));
  const files = hasPattern ? operands : operands.slice(1);
  // `grep -r AKIA ~`: every file beneath, dot-directories included (ripgrep and ag skip hidden
  // ones unless told with --hidden / -u).
  const flags = scanned.flags;
  const recursive =
    call.program === 'rg' || call.program === 'ag'
      ? flags.some((flag) => flag === 'hidden' || flag === 'u' || flag === 'unrestricted' || flag === '.')
      : flags.some(
          (flag) => flag === 'r' || flag === 'R' || flag === 'recursive' || flag === 'dereference-recursive',
        );
  if (recursive) addTreeReads(call, files);
  else addTargets(call, files, 'read');
  for (const file of [scanned.values.get('f'), scanned.values.get('file')]) addPath(call, file, 'read');
}

const GREP: OptionSpec = {
  valued: 'efmABCdD',
  longValued: [
    'regexp',
    'file',
    'max-count',
    'after-context',
    'before-context',
    'context',
    'exclude',
    'include',
    'exclude-dir',
    'exclude-from',
    'label',
    'binary-files',
    'devices',
    'directories',
    'color',
    'colour',
    'group-separator',
  ],
};
const RIPGREP: OptionSpec = {
  valued: 'efgtTmABCMjrE',
  longValued: [
    'regexp',
    'file',
    'glob',
    'iglob',
    'type',
    'type-not',
    'max-count',
    'replace',
    'after-context',
    'before-context',
    'context',
    'max-depth',
    'ignore-file',
    'pre',
    'pre-glob',
    'encoding',
    'threads',
    'max-filesize',
    'sort',
    'sortr',
    'type-add',
    'type-clear',
    'color',
    'colors',
    'path-separator',
    'field-match-separator',
    'field-context-separator',
    'max-columns',
    'dfa-size-limit',
    'regex-size-limit',
    'engine',
    'context-separator',
    'hostname-bin',
    'hyperlink-format',
    'generate',
  ],
};
const SILVER: OptionSpec = {
  valued: 'ABCGgmp',
  longValued: [
    'after',
    'before',
    'context',
    'file-search-regex',
    'ignore',
    'ignore-dir',
    'max-count',
    'path-to-ignore',
    'pager',
    'depth',
    'type',
  ],
};

/** Searchers: the pattern is not a file (unless given with -e or -f); the rest are read. */
export const grep = defineProgram({
  name: 'text/grep',
  programs: ['grep', 'egrep', 'fgrep', 'ggrep', 'rg', 'ag', 'ack'],
  findings: [],
  ownsArguments: true,
  describe(call) {
    describeGrep(
      call,
      call.program === 'rg' ? RIPGREP : call.program === 'ag' || call.program === 'ack' ? SILVER : GREP,
    );
  },
});
