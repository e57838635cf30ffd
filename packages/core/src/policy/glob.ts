/**
 * A glob with `*` and `?` over a whole name (tool, program, finding id, MCP server). Case-sensitive.
 * The common shapes (`rm`, `mkfs.*`, `*.exe`, `*secret*`) are plain string tests: a hook compiles
 * its rules on every run, and a regular expression costs V8 a compilation on first use.
 */
export function compileNameGlob(pattern: string): (value: string) => boolean {
  if (!/[*?]/.test(pattern)) return (value) => value === pattern;
  if (!pattern.includes('?')) {
    const parts = pattern.split('*');
    if (parts.length === 2) {
      const [prefix, suffix] = parts as [string, string];
      return (value) =>
        value.length >= prefix.length + suffix.length && value.startsWith(prefix) && value.endsWith(suffix);
    }
    if (parts.length === 3 && parts[0] === '' && parts[2] === '') {
      const middle = parts[1]!;
      return (value) => value.includes(middle);
    }
  }
  // Not a regular expression: `^.*a.*a.*a.*b$` backtracks polynomially, and a 2,000-character
  // argument held a hook for minutes. The two-pointer match below is O(pattern × value).
  const patternHasTerminator = LINE_TERMINATOR.test(pattern);
  let regex: RegExp | undefined;
  return (value) => {
    if (!LINE_TERMINATOR.test(value)) return wildcardMatch(pattern, value);
    // `*` and `?` never matched a line break (they were `.`): only a literal one in the pattern can.
    if (!patternHasTerminator) return false;
    regex ??= new RegExp(
      `^${pattern
        .split('')
        .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : escapeRegex(char)))
        .join('')}$`,
    );
    return regex.test(value);
  };
}

const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;

/** `*` (any run) and `?` (one character) over a whole value, in time linear in pattern × value. */
function wildcardMatch(pattern: string, value: string): boolean {
  let p = 0;
  let v = 0;
  let star = -1;
  let mark = 0;
  while (v < value.length) {
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === value[v])) {
      p++;
      v++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      mark = v;
    } else if (star !== -1) {
      // Let the last `*` take one more character and retry what follows it.
      p = star + 1;
      v = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

export function compileNameGlobs(patterns: readonly string[]): (value: string) => boolean {
  const exact = new Set(patterns.filter((pattern) => !/[*?]/.test(pattern)));
  const matchers = patterns.filter((pattern) => /[*?]/.test(pattern)).map(compileNameGlob);
  if (matchers.length === 0) return (value) => exact.has(value);
  return (value) => exact.has(value) || matchers.some((matcher) => matcher(value));
}

/** `example.com` matches that host only; `*.example.com` matches its subdomains; `*` matches any host. */
export function compileHostPattern(pattern: string): (host: string) => boolean {
  const normalized = pattern.toLowerCase().replace(/\.$/, '');
  if (normalized === '*') return () => true;
  if (normalized.startsWith('*.')) {
    const suffix = normalized.slice(1);
    return (host) => host.toLowerCase().endsWith(suffix);
  }
  return (host) => host.toLowerCase() === normalized;
}

function escapeRegex(text: string): string {
  return text.replace(/[.+^${}()|[\]\\*?]/g, '\\$&');
}

/**
 * Compiles a path glob to a regular expression over absolute paths: `**` crosses directories,
 * `*` and `?` stay within one, `{a,b}` alternates, `[...]` is a character class. Dot files are
 * matched like any other (a guard must not miss `.env` because it starts with a dot).
 * Written here rather than imported: a hook pays for every module it loads.
 */
export function pathGlobToRegex(pattern: string): RegExp {
  let source = '';
  let index = 0;
  let braceDepth = 0;
  while (index < pattern.length) {
    const char = pattern[index]!;
    if (char === '*') {
      if (pattern[index + 1] === '*') {
        const atSegmentStart = index === 0 || pattern[index - 1] === '/';
        const atSegmentEnd = index + 2 === pattern.length || pattern[index + 2] === '/';
        if (atSegmentStart && atSegmentEnd) {
          // `**/` matches zero or more directories; a trailing `**` matches everything below.
          if (pattern[index + 2] === '/') {
            source += '(?:[^/]*/)*';
            index += 3;
          } else {
            source += '.*';
            index += 2;
          }
          continue;
        }
        source += '[^/]*';
        index += 2;
        continue;
      }
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else if (char === '[') {
      const end = pattern.indexOf(']', index + 2);
      if (end < 0) source += '\\[';
      else {
        const body = pattern
          .slice(index + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\');
        source += `[${body}]`;
        index = end;
      }
    } else if (char === '{') {
      braceDepth++;
      source += '(?:';
    } else if (char === '}' && braceDepth > 0) {
      braceDepth--;
      source += ')';
    } else if (char === ',' && braceDepth > 0) {
      source += '|';
    } else if (char === '\\' && index + 1 < pattern.length) {
      source += escapeRegex(pattern[index + 1]!);
      index++;
    } else {
      source += escapeRegex(char);
    }
    index++;
  }
  return new RegExp(`^${source}$`);
}
