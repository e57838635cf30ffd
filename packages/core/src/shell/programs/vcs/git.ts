import type { Field } from '../../expand-word.js';
import { type OptionSpec, type ScannedOptions, scanOptions } from '../../parse-options.js';
import type { Unwrapped } from '../../unwrap-command.js';
import { CREDENTIAL_PRINT } from '../hosting/gh.js';
import { SOURCE_REDIRECT } from '../packages/source-redirect.js';
import { defineProgram, type ProgramCall, raise } from '../program-module.js';

// All of Warden's knowledge of git lives in this file: the subcommands that lose work or rewrite
// history, the settings that make git run programs (in `git config`, `git -c`, `GIT_CONFIG_*`),
// the commands git runs itself (`rebase --exec`, `bisect run`, `submodule foreach`, aliases),
// `rev:path` operands and the files `git add` takes into the repository.

export const GIT_CONFIG_EXEC = {
  id: 'shell.git_config_exec',
  summary:
    'Git is configured to run a program on its own later (core.hooksPath, core.fsmonitor, core.sshCommand, a credential helper, a filter or diff driver, an alias starting with !).',
};
const GIT_FINDINGS = [
  SOURCE_REDIRECT,
  { id: 'shell.git_force_push', summary: 'A force push overwrites history on the remote.' },
  {
    id: 'shell.git_force_push_protected',
    summary: 'A force push (or a lease) rewrites a protected branch (main, master, release, production).',
  },
  { id: 'shell.git_push_delete', summary: 'A push deletes branches or tags on the remote.' },
  {
    id: 'shell.git_reset_hard',
    summary: 'git reset --hard (or --merge, --keep) throws away uncommitted changes.',
  },
  { id: 'shell.git_clean', summary: 'git clean -f deletes untracked files for good.' },
  {
    id: 'shell.git_discard_all',
    summary:
      'Every uncommitted change in the working tree is thrown away (checkout -f, restore ., switch -f).',
  },
  {
    id: 'shell.git_discard_changes',
    summary: 'Uncommitted changes to some files, or conflict resolutions, are thrown away.',
  },
  { id: 'shell.git_stash_drop', summary: 'Stashed changes are deleted for good (stash drop, stash clear).' },
  {
    id: 'shell.git_branch_force_delete',
    summary: 'A branch is deleted even if it is not merged (branch -D).',
  },
  { id: 'shell.git_tag_delete', summary: 'Tags are deleted.' },
  {
    id: 'shell.git_history_rewrite',
    summary: 'History is rewritten or its safety net removed (filter-branch, reflog expire, gc --prune=now).',
  },
  { id: 'shell.git_no_verify', summary: "The repository's hooks are skipped (--no-verify)." },
];

// What the discarding subcommands (checkout, restore, switch) say, whichever of them it is.
const DISCARD_ALL = 'This throws away every uncommitted change in the working tree.';
const DISCARD_FILES = 'This throws away uncommitted changes to these files.';

/** Branches a force push must not rewrite without asking. */
export const PROTECTED_BRANCH =
  /^(main|master|trunk|develop|development|dev|production|prod|staging|stable|release([/-].*)?|releases\/.*|hotfix\/.*|gh-pages)$/;

/**
 * Settings whose value is a command line git runs (a credential helper or alias only when it
 * starts with `!`; otherwise it names a git subcommand).
 */
const COMMAND_SETTING =
  /^(core\.(pager|editor|sshcommand|fsmonitor|askpass|gitproxy)|sequence\.editor|diff\.external|gpg(\.[^.]+)?\.program|pager\..+|credential(\..+)?\.helper|alias\..+|filter\..+\.(clean|smudge|process)|merge\..+\.driver|diff\..+\.(textconv|command)|remote\..+\.(uploadpack|receivepack)|uploadpack\.packobjectshook|web\.browser|(browser|man|difftool|mergetool)\..+\.cmd|instaweb\.httpd)$/;
/**
 * Settings that point git at places whose content runs or configures it (hooks, more config,
 * templates with hooks, attributes that pick filters) or let a URL run a command (`ext::`).
 */
const PLACE_SETTING =
  /^(core\.(hookspath|attributesfile)|include\.path|includeif\..+\.path|init\.templatedir|protocol\.ext\.allow)$/;
/** Values of editor and pager settings that are ordinary programs, not something to ask about. */
const PLAIN_EDITOR =
  /^(vim?|nvim|nano|emacs|code( --wait)?|less( -[A-Za-z]+)?|more|cat|delta|diff-so-fancy|true)$/;

/** What a git setting is: a command line git runs, a place it loads from, or neither. */
export function gitSetting(key: string): 'command' | 'place' | undefined {
  const lower = key.toLowerCase();
  if (COMMAND_SETTING.test(lower)) return 'command';
  if (PLACE_SETTING.test(lower)) return 'place';
  return undefined;
}

/**
 * The shell script a setting makes git run (`core.pager='sh -c …'`, `alias.x='!curl … | sh'`),
 * for `git -c`, `git config` and `GIT_CONFIG_KEY_n`/`GIT_CONFIG_VALUE_n` alike.
 */
export function gitSettingScript(options: {
  key: string;
  value: string;
  label: string;
}): Unwrapped | undefined {
  if (gitSetting(options.key) !== 'command') return undefined;
  const lower = options.key.toLowerCase();
  if ((lower.startsWith('alias.') || lower.includes('helper')) && !options.value.startsWith('!'))
    return undefined;
  const script = options.value.startsWith('!') ? options.value.slice(1) : options.value;
  return { kind: 'script', label: `${options.label} ${lower}`, script, dynamic: false, stdin: true };
}

const GLOBAL_WITH_VALUE = new Set([
  '-c',
  '-C',
  '--git-dir',
  '--work-tree',
  '--namespace',
  '--exec-path',
  '--super-prefix',
  '--config-env',
  '--attr-source',
]);

interface GitGlobals {
  /** Index of the subcommand in args. */
  index: number;
  settings: { key: string; value: string }[];
  gitDir?: string;
}

/** git's own options before the subcommand: `-c key=value`, `-C dir`, `--git-dir=…`. */
function readGlobals(args: readonly string[]): GitGlobals {
  const globals: GitGlobals = { index: 0, settings: [] };
  let index = 0;
  while (index < args.length) {
    const arg = args[index]!;
    if (!arg.startsWith('-')) break;
    const setting = arg === '-c' ? args[index + 1] : arg.startsWith('-c') ? arg.slice(2) : undefined;
    if (setting !== undefined) {
      const equals = setting.indexOf('=');
      if (equals > 0)
        globals.settings.push({ key: setting.slice(0, equals), value: setting.slice(equals + 1) });
    }
    if (arg === '--git-dir') globals.gitDir = args[index + 1];
    else if (arg.startsWith('--git-dir=')) globals.gitDir = arg.slice(10);
    index += GLOBAL_WITH_VALUE.has(arg) ? 2 : 1;
  }
  globals.index = index;
  return globals;
}

/** `git config KEY VALUE` (or `git config set KEY VALUE`) that makes git run a program later. */
function configWrites(call: ProgramCall, args: readonly string[]): void {
  const scanned = scanOptions({ args, spec: CONFIG_OPTIONS });
  if (scanned.flags.some((flag) => CONFIG_READING.test(flag))) return;
  const [first, second, third] = scanned.operands;
  const key =
    first === 'set' ? second : first === 'get' || first === 'list' || first === 'unset' ? undefined : first;
  const value = first === 'set' ? third : second;
  if (key === undefined || value === undefined) return;
  // `url.<x>.insteadOf <y>`: every later clone and fetch of <y> goes to <x>.
  if (/^url\..+\.(push)?insteadof$/i.test(key)) {
    raise(call, SOURCE_REDIRECT.id, `git config ${key} redirects later clones and fetches.`);
    return;
  }
  const kind = gitSetting(key);
  if (!kind) return;
  const lower = key.toLowerCase();
  // A plain alias (`alias.co checkout`) runs git itself; only `!` aliases run the shell.
  if (lower.startsWith('alias.') && !value.startsWith('!')) return;
  if (
    (lower === 'core.editor' ||
      lower === 'sequence.editor' ||
      lower === 'core.pager' ||
      lower.startsWith('pager.')) &&
    PLAIN_EDITOR.test(value.trim())
  )
    return;
  raise(call, GIT_CONFIG_EXEC.id, `git config ${key} makes git run a program on its own later.`);
}

const CONFIG_OPTIONS: OptionSpec = {
  permute: true,
  valued: 'f',
  longValued: ['file', 'blob', 'type', 'default', 'comment', 'value'],
};
const CONFIG_READING =
  /^(get|get-all|get-regexp|get-urlmatch|list|l|unset|unset-all|remove-section|show-origin|show-scope|name-only|edit|e)$/;
const ADD_OPTIONS: OptionSpec = { permute: true, longValued: ['chmod', 'pathspec-from-file'] };
const REV_PATH = /^[^-:][^:]*:(.+)$/;
const WHOLE_TREE = /^(\.|\.\/|:\/|:\/\/?|\*|:\(top\).*|\.\/\*|\/)$/;
const ABORTABLE = new Set(['merge', 'rebase', 'cherry-pick', 'am', 'revert']);
const HOOKED = new Set(['commit', 'merge', 'rebase', 'cherry-pick', 'am', 'revert', 'pull']);
const PERMUTE: OptionSpec = { permute: true };

/**
 * What git itself runs: scripts in `-c` and `git config` settings, `submodule foreach`,
 * `bisect run`, `rebase --exec` and `filter-branch` filters.
 */
function gitNestedCommands(args: readonly Field[]): Unwrapped[] {
  const values = args.map((field) => field.value);
  const results: Unwrapped[] = [];
  const globals = readGlobals(values);
  for (const setting of globals.settings) {
    const entry = gitSettingScript({ key: setting.key, value: setting.value, label: 'git -c' });
    if (entry) results.push(entry);
  }
  const index = globals.index;
  const subcommand = values[index];
  const rest = args.slice(index + 1);
  const restValues = values.slice(index + 1);
  if (subcommand === 'config') {
    const operands = restValues.filter((value) => !value.startsWith('-'));
    const [name, value] = operands;
    if (
      name &&
      value !== undefined &&
      !restValues.some((item) => /^--(get|unset|list|get-all|get-regexp|remove-section)/.test(item))
    ) {
      const entry = gitSettingScript({ key: name, value, label: 'git config' });
      if (entry) results.push(entry);
    }
  } else if (subcommand === 'submodule' && restValues.includes('foreach')) {
    // foreach's own options come first (`--recursive`, `-q`); the command's own (`--hard`) stay.
    const after = rest.slice(restValues.indexOf('foreach') + 1);
    while (after.length > 0 && /^(--recursive|--quiet|-q)$/.test(after[0]!.value)) after.shift();
    if (after.length > 0)
      results.push({
        kind: 'script',
        label: 'git submodule foreach',
        script: after.map((field) => field.value).join(' '),
        dynamic: after.some((field) => field.dynamic),
        stdin: true,
      });
  } else if (subcommand === 'bisect' && restValues[0] === 'run') {
    if (rest.length > 1)
      results.push({ kind: 'exec', label: 'git bisect run', argv: rest.slice(1), stdin: true });
  } else if (subcommand === 'rebase') {
    restValues.forEach((value, at) => {
      if ((value === '-x' || value === '--exec') && restValues[at + 1] !== undefined) {
        results.push({
          kind: 'script',
          label: 'git rebase --exec',
          script: restValues[at + 1]!,
          dynamic: rest[at + 1]!.dynamic,
          stdin: false,
        });
      } else if (value.startsWith('--exec=')) {
        results.push({
          kind: 'script',
          label: 'git rebase --exec',
          script: value.slice(7),
          dynamic: rest[at]!.dynamic,
          stdin: false,
        });
      }
    });
  } else if (subcommand === 'filter-branch') {
    restValues.forEach((value, at) => {
      if (
        /^--(tree|index|env|parent|msg|commit|tag-name)-filter$/.test(value) &&
        restValues[at + 1] !== undefined
      ) {
        results.push({
          kind: 'script',
          label: `git filter-branch ${value}`,
          script: restValues[at + 1]!,
          dynamic: rest[at + 1]!.dynamic,
          stdin: false,
        });
      }
    });
  }
  return results;
}

function branchOf(ref: string): string {
  return ref.replace(/^\+/, '').replace(/^refs\/heads\//, '');
}

/**
 * Long options of the git subcommands the analysis judges. git accepts any unambiguous prefix
 * (`git reset --har`, `git push --forc`), so typed names are completed against these lists.
 */
const GIT_LONG_OPTIONS: Record<string, readonly string[]> = {
  push: [
    'all',
    'branches',
    'mirror',
    'tags',
    'follow-tags',
    'atomic',
    'dry-run',
    'porcelain',
    'delete',
    'prune',
    'force',
    'force-with-lease',
    'force-if-includes',
    'no-force-with-lease',
    'no-force-if-includes',
    'repo',
    'set-upstream',
    'thin',
    'no-thin',
    'quiet',
    'verbose',
    'progress',
    'no-progress',
    'recurse-submodules',
    'no-recurse-submodules',
    'verify',
    'no-verify',
    'push-option',
    'signed',
    'no-signed',
    'receive-pack',
    'exec',
    'ipv4',
    'ipv6',
  ],
  reset: [
    'soft',
    'mixed',
    'hard',
    'merge',
    'keep',
    'recurse-submodules',
    'no-recurse-submodules',
    'quiet',
    'no-quiet',
    'pathspec-from-file',
    'pathspec-file-nul',
    'patch',
    'intent-to-add',
    'refresh',
    'no-refresh',
  ],
  clean: ['force', 'dry-run', 'quiet', 'interactive', 'exclude'],
  checkout: [
    'quiet',
    'progress',
    'no-progress',
    'force',
    'ours',
    'theirs',
    'track',
    'no-track',
    'guess',
    'no-guess',
    'detach',
    'orphan',
    'ignore-skip-worktree-bits',
    'merge',
    'conflict',
    'patch',
    'ignore-other-worktrees',
    'overwrite-ignore',
    'no-overwrite-ignore',
    'recurse-submodules',
    'no-recurse-submodules',
    'overlay',
    'no-overlay',
    'pathspec-from-file',
    'pathspec-file-nul',
  ],
  switch: [
    'create',
    'force-create',
    'detach',
    'guess',
    'no-guess',
    'discard-changes',
    'force',
    'merge',
    'conflict',
    'quiet',
    'progress',
    'no-progress',
    'track',
    'no-track',
    'orphan',
    'ignore-other-worktrees',
    'recurse-submodules',
    'no-recurse-submodules',
  ],
  restore: [
    'source',
    'patch',
    'worktree',
    'no-worktree',
    'staged',
    'no-staged',
    'quiet',
    'progress',
    'no-progress',
    'ours',
    'theirs',
    'merge',
    'conflict',
    'ignore-unmerged',
    'ignore-skip-worktree-bits',
    'recurse-submodules',
    'no-recurse-submodules',
    'overlay',
    'no-overlay',
    'pathspec-from-file',
    'pathspec-file-nul',
  ],
  branch: [
    'delete',
    'force',
    'create-reflog',
    'move',
    'copy',
    'list',
    'verbose',
    'quiet',
    'all',
    'remotes',
    'track',
    'no-track',
    'set-upstream-to',
    'unset-upstream',
    'edit-description',
    'contains',
    'no-contains',
    'merged',
    'no-merged',
    'sort',
    'points-at',
    'format',
    'color',
    'no-color',
    'column',
    'no-column',
    'ignore-case',
    'show-current',
    'abbrev',
    'no-abbrev',
    'omit-empty',
    'recurse-submodules',
  ],
  tag: [
    'annotate',
    'sign',
    'no-sign',
    'local-user',
    'force',
    'delete',
    'verify',
    'list',
    'sort',
    'contains',
    'no-contains',
    'merged',
    'no-merged',
    'points-at',
    'message',
    'file',
    'edit',
    'cleanup',
    'create-reflog',
    'column',
    'no-column',
    'format',
    'color',
    'ignore-case',
    'omit-empty',
    'trailer',
  ],
  commit: [
    'all',
    'patch',
    'reuse-message',
    'reedit-message',
    'fixup',
    'squash',
    'reset-author',
    'short',
    'branch',
    'porcelain',
    'long',
    'null',
    'file',
    'author',
    'date',
    'message',
    'template',
    'signoff',
    'no-signoff',
    'trailer',
    'no-verify',
    'verify',
    'allow-empty',
    'allow-empty-message',
    'cleanup',
    'edit',
    'no-edit',
    'amend',
    'no-post-rewrite',
    'include',
    'only',
    'pathspec-from-file',
    'pathspec-file-nul',
    'untracked-files',
    'verbose',
    'quiet',
    'dry-run',
    'status',
    'no-status',
    'gpg-sign',
    'no-gpg-sign',
  ],
  merge: [
    'commit',
    'no-commit',
    'edit',
    'no-edit',
    'cleanup',
    'ff',
    'no-ff',
    'ff-only',
    'gpg-sign',
    'no-gpg-sign',
    'log',
    'no-log',
    'signoff',
    'no-signoff',
    'stat',
    'no-stat',
    'squash',
    'no-squash',
    'verify',
    'no-verify',
    'strategy',
    'strategy-option',
    'verify-signatures',
    'no-verify-signatures',
    'summary',
    'quiet',
    'verbose',
    'progress',
    'no-progress',
    'autostash',
    'no-autostash',
    'allow-unrelated-histories',
    'rerere-autoupdate',
    'no-rerere-autoupdate',
    'abort',
    'quit',
    'continue',
    'message',
    'file',
    'into-name',
  ],
  rebase: [
    'onto',
    'keep-base',
    'apply',
    'merge',
    'interactive',
    'exec',
    'abort',
    'continue',
    'skip',
    'quit',
    'edit-todo',
    'show-current-patch',
    'root',
    'autosquash',
    'no-autosquash',
    'autostash',
    'no-autostash',
    'update-refs',
    'no-update-refs',
    'strategy',
    'strategy-option',
    'verbose',
    'quiet',
    'signoff',
    'force-rebase',
    'no-ff',
    'fork-point',
    'no-fork-point',
    'empty',
    'keep-empty',
    'no-keep-empty',
    'rebase-merges',
    'no-rebase-merges',
    'gpg-sign',
    'no-gpg-sign',
    'no-verify',
    'verify',
    'committer-date-is-author-date',
    'ignore-date',
    'reschedule-failed-exec',
    'whitespace',
    'context',
    'ignore-whitespace',
    'rerere-autoupdate',
    'stat',
    'no-stat',
  ],
  'cherry-pick': [
    'abort',
    'continue',
    'skip',
    'quit',
    'edit',
    'no-edit',
    'mainline',
    'no-commit',
    'signoff',
    'gpg-sign',
    'no-gpg-sign',
    'ff',
    'allow-empty',
    'allow-empty-message',
    'keep-redundant-commits',
    'empty',
    'strategy',
    'strategy-option',
    'rerere-autoupdate',
    'no-verify',
  ],
  revert: [
    'abort',
    'continue',
    'skip',
    'quit',
    'edit',
    'no-edit',
    'mainline',
    'no-commit',
    'signoff',
    'gpg-sign',
    'no-gpg-sign',
    'strategy',
    'strategy-option',
    'rerere-autoupdate',
    'reference',
  ],
  am: [
    'abort',
    'continue',
    'skip',
    'quit',
    'resolved',
    'signoff',
    'keep',
    'keep-non-patch',
    'quiet',
    'no-verify',
    'verify',
    'interactive',
    'show-current-patch',
    '3way',
    'no-3way',
  ],
  worktree: [
    'force',
    'detach',
    'checkout',
    'no-checkout',
    'lock',
    'reason',
    'orphan',
    'track',
    'no-track',
    'guess-remote',
    'no-guess-remote',
    'quiet',
    'expire',
    'porcelain',
    'verbose',
    'dry-run',
  ],
  gc: [
    'aggressive',
    'auto',
    'prune',
    'no-prune',
    'quiet',
    'force',
    'keep-largest-pack',
    'cruft',
    'no-cruft',
    'max-cruft-size',
    'detach',
    'no-detach',
  ],
  stash: [
    'keep-index',
    'no-keep-index',
    'include-untracked',
    'all',
    'quiet',
    'message',
    'patch',
    'staged',
    'pathspec-from-file',
    'pathspec-file-nul',
    'index',
  ],
};

/** Completes abbreviated long options the way git does (a unique prefix of a known option). */
function completeGitOptions(subcommand: string, scanned: ScannedOptions): void {
  const known = GIT_LONG_OPTIONS[subcommand];
  if (!known) return;
  const complete = (name: string): string => {
    if (name.length < 2 || known.includes(name)) return name;
    const candidates = known.filter((option) => option.startsWith(name));
    return candidates.length === 1 ? candidates[0]! : name;
  };
  scanned.flags = scanned.flags.map(complete);
  for (const map of [scanned.values, scanned.allValues] as Map<string, unknown>[]) {
    for (const [name, value] of [...map]) {
      const full = complete(name);
      if (full !== name) {
        map.delete(name);
        map.set(full, value);
      }
    }
  }
}

/** Options that take a value, per subcommand, so their values are not read as operands. */
const SUBCOMMAND_OPTIONS: Record<string, OptionSpec> = {
  push: { valued: 'o', longValued: ['repo', 'receive-pack', 'exec', 'push-option', 'signed'] },
  commit: {
    valued: 'mFcCt',
    longValued: [
      'message',
      'file',
      'reuse-message',
      'reedit-message',
      'fixup',
      'squash',
      'author',
      'date',
      'template',
      'cleanup',
      'trailer',
      'pathspec-from-file',
    ],
  },
  checkout: { valued: 'bB', longValued: ['orphan', 'conflict', 'pathspec-from-file'] },
  switch: { valued: 'cC', longValued: ['create', 'force-create', 'orphan', 'conflict'] },
  restore: { valued: 's', longValued: ['source', 'conflict', 'pathspec-from-file'] },
  reset: { longValued: ['pathspec-from-file'] },
  clean: { valued: 'e', longValued: ['exclude'] },
  branch: {
    valued: 'tu',
    longValued: [
      'set-upstream-to',
      'contains',
      'no-contains',
      'merged',
      'no-merged',
      'points-at',
      'sort',
      'format',
      'color',
    ],
  },
  tag: {
    valued: 'mFu',
    longValued: ['message', 'file', 'local-user', 'contains', 'points-at', 'sort', 'format', 'cleanup'],
  },
  merge: { valued: 'mFsX', longValued: ['message', 'file', 'strategy', 'strategy-option'] },
  stash: { valued: 'm', longValued: ['message', 'pathspec-from-file'] },
  rebase: { valued: 'sXx', longValued: ['onto', 'strategy', 'strategy-option', 'exec'] },
  worktree: { valued: 'bB', longValued: ['reason'] },
};

const SUBCOMMAND_SPECS = new Map<string, OptionSpec>(
  Object.entries(SUBCOMMAND_OPTIONS).map(([name, spec]) => [name, { permute: true, ...spec }]),
);

/**
 * Everything git means: global options (`-c key=value`, `--git-dir`), then the subcommand's
 * options (abbreviated long options completed as git does), and what it does to work, history,
 * remotes, configuration and files.
 */
function describeGit(call: ProgramCall): void {
  const globals = readGlobals(call.args);
  if (globals.gitDir) call.description.targets.push({ path: globals.gitDir, access: 'other' });
  for (const setting of globals.settings) {
    // `git -c core.hooksPath=/tmp/h commit`: the hooks in that place run; their content is unknown.
    if (gitSetting(setting.key) === 'place')
      raise(call, GIT_CONFIG_EXEC.id, `git -c ${setting.key} makes git run programs from ${setting.value}.`);
  }
  let subcommand = call.args[globals.index];
  if (subcommand === undefined) return;
  let rest = call.args.slice(globals.index + 1);
  // `git -c alias.x=push x --force`: an alias that is not a shell command expands in place.
  for (const setting of globals.settings) {
    if (setting.key.toLowerCase() === `alias.${subcommand.toLowerCase()}` && !setting.value.startsWith('!')) {
      const words = setting.value.trim().split(/\s+/);
      subcommand = words[0]!;
      rest = [...words.slice(1), ...rest];
    }
  }
  switch (subcommand) {
    case 'config':
      configWrites(call, rest);
      break;
    case 'credential':
    case 'credential-store':
    case 'credential-cache':
      if (rest.some((arg) => arg === 'fill' || arg === 'get'))
        raise(call, CREDENTIAL_PRINT.id, 'This asks git for a stored password or token.');
      break;
    case 'show':
    case 'cat-file':
    case 'archive':
    case 'grep':
      // `git show HEAD:.env`: the file's content at a revision is read.
      for (const arg of rest) {
        const match = REV_PATH.exec(arg);
        if (match && !arg.includes('://')) call.description.targets.push({ path: match[1]!, access: 'read' });
      }
      break;
    case 'add':
    case 'stage':
      // Staged files are read into the repository, and from there pushed.
      for (const operand of scanOptions({ args: rest, spec: ADD_OPTIONS }).operands)
        call.description.targets.push({ path: operand, access: 'read' });
      break;
  }
  const scanned = scanOptions({ args: rest, spec: SUBCOMMAND_SPECS.get(subcommand) ?? PERMUTE });
  completeGitOptions(subcommand, scanned);
  const flags = scanned.flags;
  call.description.flags = flags;
  call.description.subcommand = subcommand;
  // `git restore --help` only prints help.
  if (flags.some((flag) => flag === 'h' || flag === 'help' || flag === 'version')) return;
  const has = (...names: string[]) => names.some((name) => flags.includes(name));
  const operands = scanned.operands;
  const text = ['git', subcommand, ...rest].join(' ').slice(0, 160);

  switch (subcommand) {
    case 'push': {
      const refspecs = operands.slice(1);
      const forceValue = scanned.values.get('force');
      const force = has('f') || (has('force') && forceValue !== 'false');
      const leaseBranches = (scanned.allValues.get('force-with-lease') ?? [])
        .map((value) => branchOf(value.split(':')[0]!))
        .filter(Boolean);
      const lease = has('force-with-lease', 'force-if-includes');
      const plus = refspecs.filter((refspec) => refspec.startsWith('+'));
      const forced = force || plus.length > 0 || has('mirror');
      const destinations = refspecs
        .map((refspec) => branchOf(refspec.includes(':') ? refspec.slice(refspec.indexOf(':') + 1) : refspec))
        .filter(Boolean);
      const forcedDestinations =
        force || has('mirror')
          ? destinations
          : plus.map((refspec) =>
              branchOf(refspec.includes(':') ? refspec.slice(refspec.indexOf(':') + 1) : refspec),
            );
      if (forced) raise(call, 'shell.git_force_push', 'A force push overwrites history on the remote.', text);
      const touched = forced ? forcedDestinations : [...destinations, ...leaseBranches];
      if (
        (forced || lease) &&
        (touched.some((branch) => PROTECTED_BRANCH.test(branch)) || has('all', 'mirror', 'branches'))
      ) {
        raise(call, 'shell.git_force_push_protected', 'This force push rewrites a protected branch.', text);
      }
      if (has('delete', 'd', 'prune') || refspecs.some((refspec) => /^:[^:]+$/.test(refspec))) {
        raise(call, 'shell.git_push_delete', 'This push deletes branches or tags on the remote.', text);
      }
      if (has('no-verify')) raise(call, 'shell.git_no_verify', 'This skips the repository hooks.', text);
      break;
    }
    case 'reset':
      if (has('hard', 'merge', 'keep'))
        raise(call, 'shell.git_reset_hard', 'git reset --hard throws away uncommitted changes.', text);
      break;
    case 'clean':
      if (has('f', 'force') && !has('n', 'dry-run'))
        raise(call, 'shell.git_clean', 'git clean -f deletes untracked files for good.', text);
      break;
    case 'checkout': {
      const separator = rest.indexOf('--');
      const paths = separator >= 0 ? rest.slice(separator + 1) : operands;
      // -f throws local changes away even when it also creates a branch (`checkout -f -B x`).
      if (has('f', 'force')) {
        raise(call, 'shell.git_discard_all', DISCARD_ALL, text);
        break;
      }
      if (has('b', 'B', 'orphan')) break;
      // `git checkout <tree-ish> <paths>` (or --pathspec-from-file) overwrites those files.
      const fromTree = separator < 0 && operands.length >= 2;
      const fromFile = scanned.values.has('pathspec-from-file');
      if (paths.some((path) => WHOLE_TREE.test(path)))
        raise(call, 'shell.git_discard_all', DISCARD_ALL, text);
      else if ((separator >= 0 && paths.length > 0) || fromTree || fromFile)
        raise(call, 'shell.git_discard_changes', DISCARD_FILES, text);
      else if (has('ours', 'theirs', 'p', 'patch', 'm', 'merge') && operands.length > 0)
        raise(call, 'shell.git_discard_changes', 'This overwrites uncommitted changes to these files.', text);
      break;
    }
    case 'restore': {
      // The working tree is restored by default, or with -W; git refuses `--no-staged` or
      // `--no-worktree` alone ("neither --staged nor --worktree is specified").
      const stagedGiven = has('S', 'staged') && !has('no-staged');
      const worktree =
        (has('W', 'worktree') && !has('no-worktree')) || (!stagedGiven && !has('no-staged', 'no-worktree'));
      const paths = operands;
      if (!worktree || (paths.length === 0 && !scanned.values.has('pathspec-from-file'))) break;
      if (paths.some((path) => WHOLE_TREE.test(path)))
        raise(call, 'shell.git_discard_all', DISCARD_ALL, text);
      else raise(call, 'shell.git_discard_changes', DISCARD_FILES, text);
      break;
    }
    case 'switch':
      if (has('discard-changes', 'f', 'force')) raise(call, 'shell.git_discard_all', DISCARD_ALL, text);
      break;
    case 'stash':
      if (operands[0] === 'drop' || operands[0] === 'clear') {
        call.description.subcommand = `stash ${operands[0]}`;
        raise(call, 'shell.git_stash_drop', 'This deletes stashed changes for good.', text);
      }
      break;
    case 'branch':
      if (has('D') || (has('d', 'delete') && has('f', 'force')))
        raise(
          call,
          'shell.git_branch_force_delete',
          'git branch -D deletes a branch even if it is not merged.',
          text,
        );
      break;
    case 'tag':
      if (has('d', 'delete')) raise(call, 'shell.git_tag_delete', 'This deletes tags.', text);
      break;
    case 'worktree':
      if (operands[0] === 'remove' && has('f', 'force'))
        raise(call, 'shell.git_discard_all', 'This removes a worktree with its uncommitted changes.', text);
      break;
    case 'filter-branch':
    case 'filter-repo':
      raise(call, 'shell.git_history_rewrite', 'This rewrites the repository history.', text);
      break;
    case 'reflog':
      if (operands[0] === 'expire' || operands[0] === 'delete')
        raise(
          call,
          'shell.git_history_rewrite',
          'This deletes reflog entries, the safety net for lost commits.',
          text,
        );
      break;
    case 'gc':
      if ((scanned.values.get('prune') ?? '') === 'now' || rest.includes('--prune=all'))
        raise(call, 'shell.git_history_rewrite', 'This deletes unreachable commits for good.', text);
      break;
    case 'update-ref':
      if (has('d')) raise(call, 'shell.git_history_rewrite', 'This deletes a ref directly.', text);
      break;
  }
  if (ABORTABLE.has(subcommand) && has('abort')) {
    raise(
      call,
      'shell.git_discard_changes',
      `git ${subcommand} --abort throws away the conflict resolutions made so far.`,
      text,
    );
  }
  if (HOOKED.has(subcommand) && (has('no-verify') || (subcommand === 'commit' && has('n')))) {
    raise(call, 'shell.git_no_verify', 'This skips the repository hooks.', text);
  }
}

export const git = defineProgram({
  name: 'vcs/git',
  programs: ['git'],
  findings: [...GIT_FINDINGS, GIT_CONFIG_EXEC, CREDENTIAL_PRINT],
  ownsArguments: true,
  describe: describeGit,
  nested: gitNestedCommands,
});
