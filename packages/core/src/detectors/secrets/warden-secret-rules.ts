import { isCredentialValue } from './credential-value.js';

/** One of Warden's own secret patterns. They run before the external rules and win where both match. */
export interface WardenSecretRule {
  id: string;
  label: string;
  /** With the `d` flag, the first capture group that matched is the secret (only it is redacted). */
  pattern: RegExp;
  /** Lower-case words one of which must be in the text for the pattern to run. */
  keywords: readonly string[];
  /**
   * Whether a match is a secret, for patterns whose syntax says "password" but whose value may be a
   * stand-in (`user:password@`, `-p$PASS`). Without it, a match must not look like a placeholder and
   * must have an entropy of 3 bits per character.
   */
  accept?: (options: { secret: string; match: string }) => boolean;
}

/** A command-line value: quoted (the quotes are not the secret) or a bare word. */
const VALUE = String.raw`(?:"([^"\n]{1,128})"|'([^'\n]{1,128})'|([^\s"'\`|;&<>()]{1,128}))`;
/** The rest of a simple command after its program name (not past a pipe, list or line end). */
const ARGS = String.raw`[^\n|;&]{0,200}?\s`;

function command(prefix: string, flags = 'dg'): RegExp {
  return new RegExp(`${prefix}${VALUE}`, flags);
}

function percentDecoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** `Basic <base64 of user:password>`: the decoded pair, when it is one. */
function basicCredentials(encoded: string): { user: string; password: string } | undefined {
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const pair = /^([\w.@+\\-]{1,64}):([^\s\p{C}]{1,128})$/u.exec(decoded);
  return pair ? { user: pair[1]!, password: pair[2]! } : undefined;
}

const structural = ({ secret }: { secret: string }) =>
  isCredentialValue({ value: secret, strength: 'structural' });
const assigned = ({ secret }: { secret: string }) =>
  isCredentialValue({ value: secret, strength: 'assignment' });

// High-precision patterns only: a guard that cries wolf on every hex string gets switched off.
export const WARDEN_SECRET_RULES: readonly WardenSecretRule[] = [
  {
    id: 'secret.private_key',
    label: 'a private key',
    // The whole block is the secret; an unterminated block runs to the end of the text (bounded below).
    pattern:
      /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----(?:[^-]|-(?!----END))*(?:-----END [A-Z0-9 ]*-----)?/g,
    keywords: ['private key'],
  },
  {
    id: 'secret.aws_access_key',
    label: 'an AWS access key id',
    pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/g,
    keywords: ['akia', 'asia', 'abia', 'acca'],
  },
  {
    id: 'secret.github_token',
    label: 'a GitHub token',
    pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{60,255})\b/g,
    keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
  },
  {
    id: 'secret.gitlab_token',
    label: 'a GitLab token',
    pattern: /\bglpat-[A-Za-z0-9_-]{20,}\b/g,
    keywords: ['glpat-'],
  },
  {
    id: 'secret.slack_token',
    label: 'a Slack token',
    // Issued tokens carry the workspace's numeric id first.
    pattern: /\bxox[abposr]-\d{8,}-[A-Za-z0-9-]{10,}\b/g,
    keywords: ['xoxa-', 'xoxb-', 'xoxp-', 'xoxo-', 'xoxs-', 'xoxr-'],
  },
  {
    id: 'secret.anthropic_key',
    label: 'an Anthropic API key',
    // The issued format: a type and version, 93 characters and `AA`.
    pattern: /\bsk-ant-(?:api|admin|oat|sid)\d{2}-[A-Za-z0-9_-]{93}AA\b/g,
    keywords: ['sk-ant-'],
  },
  {
    id: 'secret.openai_key',
    label: 'an OpenAI API key',
    pattern: /\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}\b/g,
    keywords: ['t3blbkfj'],
  },
  {
    id: 'secret.stripe_key',
    label: 'a Stripe secret key',
    pattern: /\b(?:sk|rk)_live_[0-9A-Za-z]{24,}\b/g,
    keywords: ['sk_live_', 'rk_live_'],
  },
  {
    id: 'secret.npm_token',
    label: 'an npm token',
    pattern: /\bnpm_[A-Za-z0-9]{36}\b/g,
    keywords: ['npm_'],
  },
  {
    id: 'secret.jwt',
    label: 'a JSON Web Token',
    pattern: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\b/g,
    keywords: ['eyj'],
  },
  {
    id: 'secret.uri_credentials',
    label: 'a password in a connection URI',
    // `scheme://user:password@host` for any scheme (postgres, mysql, mongodb+srv, redis, amqp,
    // https, ftp, jdbc:…); the user may be empty (`redis://:pw@`) or an address (`smtps://a@b.io:pw@`).
    // The match starts at `://` (a literal the search finds fast; the scheme itself does not matter).
    pattern: /:\/\/[^\s:/?#'"`<>]{0,64}:([^\s@/'"`<>]{1,128})@(?=[\w[])/dgi,
    keywords: ['://'],
    accept: ({ secret, match }) =>
      isCredentialValue({
        value: percentDecoded(secret),
        user: percentDecoded(match.slice(match.indexOf('://') + 3, match.lastIndexOf(secret) - 1)),
        strength: 'structural',
      }),
  },
  {
    id: 'secret.command_line_password',
    label: 'a password on a command line',
    // `--password=pw`, `--password pw`, `-storepass pw`, `-passout pass:pw`: the flag names it.
    pattern: command(
      String.raw`(?<![\w-])(?:--?(?:[a-z]{1,20}-){0,4}(?:password|passwd|pass|pwd|passphrase|storepass|keypass|srcstorepass|deststorepass|srckeypass|destkeypass)(?:=|\s+)|-pass(?:in|out)?\s+pass:)(?!-)`,
      'dgi',
    ),
    keywords: ['pass', 'pwd'],
    accept: structural,
  },
  {
    id: 'secret.command_line_password',
    label: 'a password on a command line',
    // MySQL and MariaDB clients take the password glued to `-p` (`-p` alone prompts for it).
    pattern: command(
      String.raw`\b(?:mysql|mysqldump|mysqladmin|mysqlimport|mysqlcheck|mysqlsh|mysqlpump|mariadb(?:-dump|-admin)?)\b${ARGS}-p(?=\S)`,
    ),
    keywords: ['mysql', 'mariadb'],
    accept: structural,
  },
  // Programs whose short password flag is their own, one rule each so each runs only where its
  // program is named: `sshpass -p`, `redis-cli -a`, `docker login -p`, `sqlcmd -P`, `ldapsearch -w`,
  // `mongosh -p`, Windows `net use … /user:name password`.
  ...(
    [
      [String.raw`\bsshpass\b${ARGS}-p\s*`, ['sshpass']],
      [String.raw`\bredis-cli\b${ARGS}-a\s+`, ['redis-cli']],
      [String.raw`\bdocker\s+login\b${ARGS}-p\s+`, ['docker']],
      [String.raw`\b(?:sqlcmd|bcp|osql|isql)\b${ARGS}-P\s*`, ['sqlcmd', 'bcp', 'osql', 'isql']],
      [String.raw`\bldap(?:search|modify|add|delete|whoami|passwd|compare|modrdn)\b${ARGS}-w\s+`, ['ldap']],
      [String.raw`\bmongo(?:sh|dump|restore|import|export|stat|top)?\b${ARGS}-p\s+`, ['mongo']],
      [String.raw`\bnet\s+use\b${ARGS}\/user:\S{1,64}\s+(?=[^\s/])`, ['net use']],
    ] as const
  ).map(([prefix, keywords]) => ({
    id: 'secret.command_line_password',
    label: 'a password on a command line',
    pattern: command(prefix),
    keywords,
    accept: structural,
  })),
  {
    id: 'secret.command_line_password',
    label: 'a password on a command line',
    // `user:password` handed to a client: `curl -u`, `curl --user`, `smbclient -U user%password`.
    pattern: command(
      String.raw`\b(?:curl\b${ARGS}(?:-u|--user)(?:\s+|=)?["']?[^\s:"'$]{1,64}:|smbclient\b${ARGS}-U\s*["']?[^\s%"']{1,64}%)`,
    ),
    keywords: ['curl', 'smbclient'],
    accept: structural,
  },
  {
    id: 'secret.command_line_password',
    label: 'a password on a command line',
    // Programs that take the password as a positional argument: `htpasswd -b[c] file user pw`,
    // `htpasswd -nb user pw`, `rabbitmqctl add_user name pw`.
    pattern: command(
      String.raw`\b(?:htpasswd\s+-[a-zA-Z]*b[a-zA-Z]*\s+(?:[^\s|;&]+\s+){1,2}|rabbitmqctl\s+(?:add_user|change_password)\s+[^\s|;&]+\s+)(?=[^\s-])`,
    ),
    keywords: ['htpasswd', 'rabbitmqctl'],
    accept: structural,
  },
  {
    id: 'secret.basic_auth',
    label: 'a user name and password in a Basic authorization header',
    pattern: /\bBasic\s+([A-Za-z0-9+/]{8,256}={0,2})(?![\w+/=.-])/dg,
    keywords: ['basic'],
    accept: ({ secret }) => {
      const pair = basicCredentials(secret);
      return (
        pair !== undefined &&
        isCredentialValue({ value: pair.password, user: pair.user, strength: 'structural' })
      );
    },
  },
  {
    id: 'secret.chat_webhook',
    label: 'a Discord or Microsoft Teams webhook URL',
    // Whoever holds the URL can post to the channel: the URL is the credential.
    pattern:
      /\bhttps:\/\/(?:(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/\d{17,20}\/[\w-]{60,68}|[a-z0-9-]{1,63}\.webhook\.office\.com\/webhookb2\/[0-9a-f-]{36}@[0-9a-f-]{36}\/IncomingWebhook\/[0-9a-f]{32}\/[0-9a-f-]{36})/g,
    keywords: ['discord', 'webhook.office.com'],
  },
  {
    id: 'secret.password_assignment',
    label: 'a password assigned in configuration or code',
    // `DB_PASSWORD=…`, `"password": "…"`, `password = …` (INI, TOML), `spring.datasource.password=…`,
    // `'password' => '…'`, `Password=…;` in a connection string, `SECRET_KEY = '…'`. The value must
    // look generated (entropy and mixed characters); references and stand-ins are not secrets.
    pattern:
      /(?:password|passwd|passphrase|pwd|secret(?:[_-]?key)?|(?<![a-z])pass)["'`]?[ \t]*(?::=|=>|=|:)[ \t]*(?:"([^"\s]{6,200})"|'([^'\s]{6,200})'|`([^`\s]{6,200})`|([^\s"'`,;<>]{6,200}))/dgi,
    keywords: ['pass', 'pwd', 'secret'],
    accept: assigned,
  },
  {
    id: 'secret.password_assignment',
    label: 'a password assigned in configuration or code',
    // `.netrc`: `machine host login user password pw`.
    pattern: /\blogin\s+\S{1,256}\s+password\s+(\S{6,200})/dgi,
    keywords: ['login'],
    accept: assigned,
  },
  {
    id: 'secret.password_assignment',
    label: 'a password assigned in configuration or code',
    // XML: `<password>pw</password>`, `<db:adminPassword>pw</db:adminPassword>`.
    pattern: /(?<=<(?:[\w-]{1,40}:)?[\w.-]{0,60}(?:password|passwd|secret))>([^<\s]{6,200})<\//dgi,
    keywords: ['password>', 'passwd>', 'secret>'],
    accept: assigned,
  },
];
