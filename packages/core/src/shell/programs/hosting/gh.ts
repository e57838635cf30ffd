import { describePublish, PACKAGE_PUBLISH } from '../packages/publish.js';
import {
  addTarget,
  defineProgram,
  optionValue,
  optionValues,
  raise,
  readWordsOrOperands,
  scanCall,
} from '../program-module.js';

export const HOSTED_DESTRUCTIVE = {
  id: 'shell.hosted_destructive',
  summary:
    'A hosting platform CLI deletes or exposes something shared: a repository, a release, secrets, keys, or a destructive API call.',
};
export const CREDENTIAL_PRINT = {
  id: 'shell.credential_print',
  summary: 'The command prints a credential (an access token, a password, a secret value, a private key).',
};

/** The command groups this module reads; `gh pr list` and the like leave at once. */
const GROUPS = new Set([
  'repo',
  'release',
  'secret',
  'variable',
  'ssh-key',
  'gpg-key',
  'gist',
  'run',
  'cache',
  'project',
  'label',
  'api',
  'auth',
  'issue',
  'pr',
]);

const VALUED = [
  'R',
  'repo',
  'X',
  'method',
  'H',
  'header',
  'f',
  'F',
  'field',
  'raw-field',
  'input',
  'q',
  'jq',
  't',
  'template',
  'hostname',
  'p',
  'preview',
  'cache',
  'd',
  'desc',
  'description',
  'visibility',
  'filename',
  'n',
  'notes',
  'notes-file',
  'title',
  'b',
  'body',
  'body-file',
  'e',
  'env',
  'o',
  'org',
];

/** Programs of this module whose operands are words, not files. */
const WORD_PROGRAMS = new Set(['gh']);

/**
 * GitHub's CLI: deleting repositories, releases and secrets, making a repository public, DELETE
 * calls through `gh api`, printing the login token, and files uploaded as gists or release assets.
 */
export const gh = defineProgram({
  name: 'hosting/gh',
  programs: ['gh'],
  findings: [HOSTED_DESTRUCTIVE, CREDENTIAL_PRINT, PACKAGE_PUBLISH],
  ownsArguments: true,
  describe(call) {
    readWordsOrOperands(call, WORD_PROGRAMS);
    describePublish(
      call,
      (operands) =>
        operands[0] === 'release' &&
        (operands[1] === 'create' || operands[1] === 'delete' || operands[1] === 'upload'),
    );
    if (!call.args.some((arg) => GROUPS.has(arg))) return;
    const scanned = scanCall(call, {
      valued: 'RXHfFqtpdnbeoN',
      longValued: VALUED.filter((name) => name.length > 1),
    });
    const [group, action, ...rest] = scanned.operands;
    const method = (optionValue(call.args, ['-X', '--method']) ?? '').toUpperCase();
    const fields = optionValues(call.args, ['-f', '-F', '--field', '--raw-field']);
    const visibility = optionValue(call.args, ['--visibility']);
    const destructive =
      (group === 'repo' && (action === 'delete' || action === 'archive')) ||
      (group === 'repo' &&
        action === 'edit' &&
        (visibility === 'public' || call.args.includes('--public'))) ||
      (group === 'release' && (action === 'delete' || action === 'delete-asset')) ||
      // Merging past the branch protection's required reviews and checks.
      (group === 'pr' && action === 'merge' && call.args.includes('--admin')) ||
      ((group === 'secret' || group === 'variable' || group === 'ssh-key' || group === 'gpg-key') &&
        action === 'delete') ||
      ((group === 'gist' ||
        group === 'run' ||
        group === 'cache' ||
        group === 'project' ||
        group === 'label') &&
        action === 'delete' &&
        (group !== 'cache' || call.args.includes('--all'))) ||
      (group === 'api' &&
        (method === 'DELETE' ||
          (method !== '' &&
            method !== 'GET' &&
            fields.some((field) => /^private=false$|^visibility=public$/.test(field)))));
    if (destructive)
      raise(
        call,
        HOSTED_DESTRUCTIVE.id,
        'This deletes or exposes something on GitHub that others depend on.',
      );
    if (
      (group === 'auth' && action === 'token') ||
      // The repository's, environment's or organisation's secrets: their names and dates, a
      // reconnaissance of what the deploy keys are (values never leave GitHub).
      (group === 'secret' && (action === 'list' || action === 'ls')) ||
      (group === 'auth' &&
        action === 'status' &&
        (call.args.includes('--show-token') || call.args.includes('-t')))
    )
      raise(call, CREDENTIAL_PRINT.id, "This prints the GitHub CLI's access token.");
    // Files that leave the machine: gist contents and release assets.
    if (group === 'gist' && (action === 'create' || action === 'new'))
      for (const file of rest) addTarget(call, file, 'read');
    if (group === 'release' && (action === 'upload' || action === 'create'))
      for (const file of rest.slice(1)) addTarget(call, file.replace(/#.*$/, ''), 'read');
    for (const file of optionValues(call.args, ['--body-file', '-F', '--notes-file']))
      if (!file.includes('=')) addTarget(call, file, 'read');
  },
});
