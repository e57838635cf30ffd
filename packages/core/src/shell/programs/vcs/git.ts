import { scanOptions } from '../../parse-options.js';
import { CREDENTIAL_PRINT } from '../hosting/gh.js';
import { defineProgram, type ProgramCall, raise } from '../program-module.js';

export const GIT_CONFIG_EXEC = {
  id: 'shell.git_config_exec',
  summary:
    'Git is configured to run a program on its own later (core.hooksPath, core.fsmonitor, core.sshCommand, a credential helper, a filter or diff driver, an alias starting with !).',
};

/** Keys whose value is a program git runs, or a place git loads hooks or more config from. */
const EXEC_KEY =
  /^(core\.(hookspath|fsmonitor|sshcommand|pager|editor|gitproxy|askpass|attributesfile)|credential(\..+)?\.helper|diff\..+\.(command|textconv)|diff\.external|filter\..+\.(clean|smudge|process)|merge\..+\.driver|sequence\.editor|gpg(\..+)?\.program|uploadpack\.packobjectshook|include\.path|includeif\..+\.path|alias\..+|pager\..+|remote\..+\.(uploadpack|receivepack)|init\.templatedir|protocol\.ext\.allow|web\.browser|browser\..+\.cmd|instaweb\..+|man\..+\.cmd|mergetool\..+\.cmd|difftool\..+\.cmd)$/;

const INTERESTING = new Set([
  'config',
  'credential',
  'credential-store',
  'credential-cache',
  'show',
  'cat-file',
  'archive',
  'grep',
  'add',
  'stage',
]);
const GLOBAL_VALUED = ['C', 'c'];
const GLOBAL_LONG_VALUED = [
  'git-dir',
  'work-tree',
  'namespace',
  'exec-path',
  'config-env',
  'super-prefix',
  'attr-source',
];

function configWrites(call: ProgramCall, args: readonly string[]): void {
  const scanned = scanOptions({
    args,
    spec: { permute: true, valued: 'f', longValued: ['file', 'blob', 'type', 'default', 'comment', 'value'] },
  });
  const reading = scanned.flags.some((flag) =>
    /^(get|get-all|get-regexp|get-urlmatch|list|l|unset|unset-all|remove-section|show-origin|show-scope|name-only|edit|e)$/.test(
      flag,
    ),
  );
  const [first, second, third] = scanned.operands;
  // `git config set KEY VALUE` (git 2.46+) and `git config KEY VALUE`.
  const key =
    first === 'set' ? second : first === 'get' || first === 'list' || first === 'unset' ? undefined : first;
  const value = first === 'set' ? third : second;
  if (reading || key === undefined || value === undefined) return;
  const lower = key.toLowerCase();
  if (!EXEC_KEY.test(lower)) return;
  // A plain alias (`alias.co checkout`) runs git itself; only `!` aliases run the shell.
  if (lower.startsWith('alias.') && !value.startsWith('!')) return;
  if (
    lower === 'core.editor' ||
    lower === 'sequence.editor' ||
    lower.startsWith('pager.') ||
    lower === 'core.pager'
  )
    if (
      /^(vim?|nvim|nano|emacs|code( --wait)?|less( -[A-Za-z]+)?|more|cat|delta|diff-so-fancy|true)$/.test(
        value.trim(),
      )
    )
      return;
  raise(call, GIT_CONFIG_EXEC.id, `git config ${key} makes git run a program on its own later.`);
}

/**
 * What git's built-in table does not cover: configuration that runs programs, `rev:path` operands
 * (the file's content at a revision is read), files staged by `git add`, the credential helper
 * asked for a password, and another repository's `.git` named with `--git-dir`.
 */
export const git = defineProgram({
  name: 'vcs/git',
  programs: ['git'],
  findings: [GIT_CONFIG_EXEC, CREDENTIAL_PRINT],
  describe(call) {
    // Most git commands (status, diff, log, commit, push) concern none of this: leave early.
    if (!call.args.some((arg) => INTERESTING.has(arg) || arg.startsWith('--git-dir'))) return;
    const scanned = scanOptions({
      args: call.args,
      spec: { valued: GLOBAL_VALUED.join(''), longValued: GLOBAL_LONG_VALUED },
    });
    const gitDir = scanned.values.get('git-dir');
    if (gitDir) call.description.targets.push({ path: gitDir, access: 'other' });
    const rest = call.args.slice(scanned.firstOperand);
    const [subcommand, ...args] = rest;
    switch (subcommand) {
      case 'config':
        configWrites(call, args);
        break;
      case 'credential':
      case 'credential-store':
      case 'credential-cache':
        if (args.some((arg) => arg === 'fill' || arg === 'get'))
          raise(call, CREDENTIAL_PRINT.id, 'This asks git for a stored password or token.');
        break;
      case 'show':
      case 'cat-file':
      case 'archive':
      case 'grep':
        for (const arg of args) {
          const match = /^[^-:][^:]*:(.+)$/.exec(arg);
          if (match && !arg.includes('://'))
            call.description.targets.push({ path: match[1]!, access: 'read' });
        }
        break;
      case 'add':
      case 'stage': {
        const operands = scanOptions({
          args,
          spec: { permute: true, longValued: ['chmod', 'pathspec-from-file'] },
        }).operands;
        for (const operand of operands) call.description.targets.push({ path: operand, access: 'read' });
        break;
      }
    }
  },
});
