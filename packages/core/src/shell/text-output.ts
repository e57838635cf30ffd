/**
 * The output of the few programs whose output can be known without running them: `echo`,
 * `printf`, and the decoders agents (and attackers) chain in front of a shell. Knowing it lets
 * the analysis read `echo cm0gLXJmIC8= | base64 -d | sh` as `rm -rf /`.
 */

function unescapeBackslashes(text: string): string {
  return text.replace(
    /\\(x[0-9A-Fa-f]{1,2}|0[0-7]{0,3}|[0-7]{1,3}|[abefnrtv\\c])/g,
    (_, sequence: string) => {
      if (sequence.startsWith('x')) return String.fromCharCode(Number.parseInt(sequence.slice(1), 16));
      if (/^[0-7]+$/.test(sequence)) return String.fromCharCode(Number.parseInt(sequence, 8) & 0xff);
      return (
        (
          {
            a: '\x07',
            b: '\b',
            e: '\x1b',
            f: '\f',
            n: '\n',
            r: '\r',
            t: '\t',
            v: '\v',
            '\\': '\\',
            c: '',
          } as Record<string, string>
        )[sequence] ?? sequence
      );
    },
  );
}

export function echoOutput(args: readonly string[]): string {
  let index = 0;
  let newline = true;
  let escapes = false;
  while (index < args.length && /^-[neE]+$/.test(args[index]!)) {
    for (const letter of args[index]!.slice(1)) {
      if (letter === 'n') newline = false;
      else if (letter === 'e') escapes = true;
      else escapes = false;
    }
    index++;
  }
  const text = args.slice(index).join(' ');
  return (escapes ? unescapeBackslashes(text) : text) + (newline ? '\n' : '');
}

/** printf with `%s`, `%b`, `%d`, `%c`, `%%` and backslash escapes; undefined for anything fancier. */
export function printfOutput(args: readonly string[]): string | undefined {
  let rest = [...args];
  if (rest[0] === '--') rest = rest.slice(1);
  if (rest[0] === '-v') return undefined;
  const format = rest[0];
  if (format === undefined) return undefined;
  const values = rest.slice(1);
  let output = '';
  let position = 0;
  // The format is reused while values remain, as printf does.
  for (let round = 0; round < 64; round++) {
    let consumed = false;
    const piece = format.replace(
      /%(-?\d*(?:\.\d+)?)([sbdicxXo%])/g,
      (_, _width: string, conversion: string) => {
        if (conversion === '%') return '%';
        const value = values[position] ?? '';
        if (position < values.length) consumed = true;
        position++;
        if (conversion === 'b') return unescapeBackslashes(value);
        if (conversion === 'c') return value.slice(0, 1);
        if (conversion === 's') return value;
        const number = Number.parseInt(value || '0', 10);
        if (conversion === 'x') return number.toString(16);
        if (conversion === 'X') return number.toString(16).toUpperCase();
        if (conversion === 'o') return number.toString(8);
        return String(number);
      },
    );
    if (/%[^sbdicxXo%]/.test(format.replace(/%%/g, ''))) return undefined;
    output += unescapeBackslashes(piece);
    if (!consumed || position >= values.length) break;
  }
  return output;
}

export function decodeBase64(text: string): string | undefined {
  const cleaned = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(cleaned)) return undefined;
  return Buffer.from(cleaned.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
}

export function decodeHex(text: string): string | undefined {
  const cleaned = text.replace(/\s+/g, '');
  if (!/^([0-9A-Fa-f]{2})*$/.test(cleaned)) return undefined;
  return Buffer.from(cleaned, 'hex').toString('utf8');
}

export function reverseLines(text: string): string {
  const trailing = text.endsWith('\n');
  const lines = (trailing ? text.slice(0, -1) : text).split('\n');
  return lines.map((line) => [...line].reverse().join('')).join('\n') + (trailing ? '\n' : '');
}

function expandSet(set: string): string | undefined {
  if (/\[:|\[=|\\/.test(set)) return undefined;
  let result = '';
  for (let index = 0; index < set.length; index++) {
    const char = set[index]!;
    const end = set[index + 2];
    if (set[index + 1] === '-' && end !== undefined) {
      for (let code = char.charCodeAt(0); code <= end.charCodeAt(0); code++)
        result += String.fromCharCode(code);
      index += 2;
    } else result += char;
  }
  return result;
}

/** `tr SET1 SET2` and `tr -d SET` on plain character sets and ranges (rot13 and friends). */
export function translate(options: { text: string; args: readonly string[] }): string | undefined {
  const flags = options.args.filter((arg) => /^-[a-zA-Z]+$/.test(arg)).join('');
  const sets = options.args.filter((arg) => !/^-[a-zA-Z]+$/.test(arg));
  if (/[cCs]/.test(flags)) return undefined;
  const first = sets[0] !== undefined ? expandSet(sets[0]) : undefined;
  if (first === undefined) return undefined;
  if (flags.includes('d')) return [...options.text].filter((char) => !first.includes(char)).join('');
  const second = sets[1] !== undefined ? expandSet(sets[1]) : undefined;
  if (second === undefined || second === '') return undefined;
  return [...options.text]
    .map((char) => {
      const at = first.indexOf(char);
      return at < 0 ? char : (second[Math.min(at, second.length - 1)] ?? char);
    })
    .join('');
}
