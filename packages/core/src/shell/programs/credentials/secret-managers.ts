import { CLOUD_DELETE, describeCloudDelete } from '../cloud/cloud-delete.js';
import { describePlatformSecretRead } from '../cloud/platform-secrets.js';
import { REMOTE_EXEC } from '../cloud/remote-exec.js';
import { CREDENTIAL_PRINT } from '../hosting/gh.js';
import { defineProgram, raise, readWordsOrOperands, words } from '../program-module.js';

/** Programs of this module whose operands are words, not files. */
const WORD_PROGRAMS = new Set(['heroku', 'fly', 'flyctl']);

/**
 * Password managers and secret stores asked for a value (1Password, Vault, pass, Bitwarden,
 * LastPass, Doppler, Infisical, chamber, sops, ansible-vault, aws-vault) and CLIs printing their
 * own login token.
 */
export const secretManagers = defineProgram({
  name: 'credentials/secret-managers',
  programs: [
    'op',
    'vault',
    'pass',
    'gopass',
    'bw',
    'lpass',
    'doppler',
    'infisical',
    'chamber',
    'sops',
    'ansible-vault',
    'aws-vault',
    'heroku',
    'fly',
    'flyctl',
    'akeyless',
    'conjur',
    'ksm',
  ],
  findings: [CLOUD_DELETE, CREDENTIAL_PRINT, REMOTE_EXEC],
  ownsArguments: true,
  describe(call) {
    readWordsOrOperands(call, WORD_PROGRAMS);
    if (call.program === 'heroku' || call.program === 'fly' || call.program === 'flyctl') {
      describeCloudDelete(call);
      // `fly secrets list`, `heroku config:get X`: the app's secrets read back.
      if (describePlatformSecretRead(call)) return;
      // A command run on the app's own machines (`fly ssh console -C`, `heroku run`), where the
      // production secrets and data are.
      const [first, second] = words(call.args);
      if (
        (call.program === 'heroku' && (first === 'run' || first === 'run:detached')) ||
        (call.program !== 'heroku' &&
          ((first === 'ssh' &&
            second === 'console' &&
            call.args.some((arg) => /^(-C|--command)(=|$)/.test(arg))) ||
            (first === 'console' && call.args.some((arg) => /^(-C|--command)(=|$)/.test(arg))) ||
            (first === 'machine' && second === 'exec')))
      )
        raise(call, REMOTE_EXEC.id, "This runs a command on the app's production machines.");
    }
    const operands = words(call.args);
    const [first, second] = operands;
    const has = (flag: string) => call.args.includes(flag);
    let prints = false;
    switch (call.program) {
      case 'op':
        prints =
          first === 'read' ||
          (first === 'item' &&
            second === 'get' &&
            (has('--reveal') || call.args.some((arg) => arg.startsWith('--fields')))) ||
          (first === 'document' && second === 'get');
        break;
      case 'vault':
        prints =
          first === 'read' ||
          (first === 'kv' && (second === 'get' || second === 'export')) ||
          (first === 'token' && (second === 'create' || second === 'lookup')) ||
          first === 'print';
        break;
      case 'pass':
      case 'gopass':
        prints =
          first === 'show' ||
          first === 'cat' ||
          (first !== undefined &&
            !/^(ls|list|find|search|grep|init|insert|generate|edit|rm|mv|cp|git|help|version|sync|mounts|setup|config|otp)$/.test(
              first,
            ));
        break;
      case 'bw':
        prints = first === 'get' || (first === 'list' && second === 'items') || first === 'export';
        break;
      case 'lpass':
        prints = first === 'show' || first === 'export';
        break;
      case 'doppler':
        prints =
          (first === 'secrets' && (second === undefined || second === 'get' || second === 'download')) ||
          (first === 'configs' && second === 'tokens');
        break;
      case 'infisical':
        prints = first === 'secrets' || first === 'export';
        break;
      case 'chamber':
        prints = first === 'read' || first === 'export' || first === 'env';
        break;
      case 'sops':
        prints = has('-d') || has('--decrypt') || first === 'decrypt';
        break;
      case 'ansible-vault':
        prints = first === 'view' || (first === 'decrypt' && has('--output=-'));
        break;
      case 'aws-vault':
        prints = first === 'export';
        break;
      case 'heroku':
        prints =
          first === 'auth:token' ||
          first === 'authorizations:create' ||
          /^(pg|redis|kafka):credentials(:url)?$/.test(first ?? '');
        break;
      case 'fly':
      case 'flyctl':
        prints = (first === 'auth' && second === 'token') || (first === 'tokens' && second === 'create');
        break;
      default:
        // `akeyless get-secret-value`, `conjur variable get`, `ksm secret get`.
        prints =
          /^(get|read|show|export|secret)(-[a-z-]+)?$/.test(first ?? '') ||
          (/^(variable|variables|secret|secrets)$/.test(first ?? '') &&
            /^(get|read|show|export)$/.test(second ?? ''));
    }
    if (prints)
      raise(call, CREDENTIAL_PRINT.id, 'This prints a secret from a password manager or secret store.');
  },
});
