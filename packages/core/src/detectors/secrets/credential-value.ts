/** References to a value kept elsewhere: `$PASS`, `${PASS}`, `$(cat f)`, `{{ .pw }}`, `%s`, `%(pw)s`, `#{pw}`, `<password>`. */
const REFERENCE =
  /^(?:\$|%[sd(]|%\w+%|<[^>]*>?$|\[[^\]]*\]?$|\{[^}]*\}?$|!|&|\*[a-z]|@@|\?|:\w+$)|\$\{|\$\(|\{\{|%\(|#\{|\benv\(|\bprocess\.env\b|\bos\.environ\b|\bgetenv\b|\bENC\[/i;
/** Stand-in wording (the same classes as `isPlaceholder` in scan-secrets.ts, which imports this file's rules). */
const STAND_IN =
  /example|sample|dummy|placeholder|changeme|change_me|redacted|your[_-]?(?:api|token|key|secret|pass)|replace[_-]?me|insert[_-]?(?:your|key|token)|\bfake/i;
/** Masked or elided: `****`, `xxxxxx`, `•••`, `...`. */
const MASK = /^[*x•.#?_-]+$|\*{3}|x{4}|X{4}|\.\.\./;
/** Code, not a value: `config.db.password`, `opts?.secret`, `a || b`, `getPassword()`, `secrets["db"]`. */
const EXPRESSION = /^[A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*)+(?:\(\))?$|\(.*\)|\[.*\]|\?\.|\?\?|\|\|/;
/** Words people type where a real password would go, in docs, tests and default configs. */
const STAND_IN_WORDS = new Set([
  'password',
  'passwd',
  'pass',
  'pwd',
  'secret',
  'changeme',
  'changeit',
  'admin',
  'administrator',
  'root',
  'toor',
  'guest',
  'test',
  'tester',
  'testing',
  'demo',
  'default',
  'postgres',
  'mysql',
  'redis',
  'mongo',
  'rabbitmq',
  'user',
  'username',
  'letmein',
  'welcome',
  'qwerty',
  'hunter',
  // xkcd 936's two examples.
  'troubador',
  'correcthorsebatterystaple',
  'foo',
  'bar',
  'foobar',
  'baz',
  'dev',
  'local',
  'sa',
  'oracle',
  'master',
  'none',
  'null',
  'empty',
  'true',
  'false',
]);
/** Words whose presence makes an all-letters value a stand-in (`myPassword`, `mysecretpassword`). */
const STAND_IN_INSIDE =
  /pass|secret|pwd|admin|user|test|demo|example|sample|dummy|default|change|your|mine|my/i;

/** Undoes leetspeak and drops decoration, so `P@ssw0rd!` and `Passw0rd123` read as `password`. */
function plainWord(value: string): string {
  return value
    .replace(/[^A-Za-z]+$/, '')
    .toLowerCase()
    .replace(/[@4]/g, 'a')
    .replace(/0/g, 'o')
    .replace(/[1!|]/g, 'i')
    .replace(/3/g, 'e')
    .replace(/[$5]/g, 's')
    .replace(/7/g, 't')
    .replace(/[^a-z]/g, '');
}

/** Shannon entropy in bits per character. */
function entropyOf(value: string): number {
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) entropy -= (count / value.length) * Math.log2(count / value.length);
  return entropy;
}

/** The share of characters in ascending runs of three or more (`abcd1234`) or keyboard rows (`qwerty`, `asdf`): typed. */
function typedShare(value: string): number {
  const lower = value.toLowerCase();
  let typed = 0;
  let run = 1;
  for (let index = 1; index <= lower.length; index++) {
    if (
      index < lower.length &&
      /[a-z0-9]/.test(lower[index]!) &&
      lower.charCodeAt(index) === lower.charCodeAt(index - 1) + 1
    )
      run++;
    else {
      if (run >= 3) typed += run;
      run = 1;
    }
  }
  for (const row of ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'])
    for (let start = 0; start + 4 <= row.length; start++)
      if (lower.includes(row.slice(start, start + 4))) typed += 4;
  return value.length === 0 ? 0 : typed / value.length;
}

function characterClasses(value: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((kind) => kind.test(value)).length;
}

/**
 * Whether a password-like value (from a connection URI, a command line or an assignment) is a real
 * credential rather than a reference, a mask, code or a stand-in. `strength` is how much the value
 * itself must show: `structural` where the syntax already says it is a password (a URI's userinfo,
 * `mysql -p…`), `assignment` where only a key name says so (`DB_PASSWORD=…`), which needs a
 * high-entropy value.
 */
export function isCredentialValue(options: {
  value: string;
  user?: string;
  strength: 'structural' | 'assignment';
}): boolean {
  let { value } = options;
  if (/^(["'`]).*\1$/.test(value)) value = value.slice(1, -1);
  if (value.length < 6 || value.length > 200) return false;
  if (REFERENCE.test(value) || MASK.test(value) || EXPRESSION.test(value)) return false;
  if (STAND_IN.test(value)) return false;
  if (/^\d{1,7}$/.test(value)) return false;
  if (/(.)\1{5}/.test(value)) return false;
  if (options.user !== undefined && value.toLowerCase() === options.user.toLowerCase()) return false;
  // A path or a URL is where the password is, not the password.
  if (/^(?:~?\/|\.{1,2}\/|[A-Za-z]:\\|[a-z][a-z0-9+.-]*:\/\/)/i.test(value)) return false;
  const plain = plainWord(value);
  if (STAND_IN_WORDS.has(plain) || STAND_IN_WORDS.has(plain.replace(/s$/, ''))) return false;
  // Letters only: a word or two typed as an example, unless long and mixed.
  if (/^[A-Za-z]+$/.test(value) && (STAND_IN_INSIDE.test(value) || value.length < 12)) return false;
  // Lower-case words joined into a slug (`test-password-123`, `local_dev_pw`): a name, not a generated value.
  if (/^[a-z]+(?:[-_.][a-z]+)*(?:[-_.]?\d{1,4})?$/.test(value)) return false;
  if (typedShare(value) >= 0.5) return false;
  const classes = characterClasses(value);
  const entropy = entropyOf(value);
  if (options.strength === 'structural') return entropy >= 2.5 && (classes >= 2 || value.length >= 12);
  if (value.length < 8 || entropy < 3) return false;
  return classes >= 3 || (classes === 2 && value.length >= 16 && entropy >= 3.5);
}
