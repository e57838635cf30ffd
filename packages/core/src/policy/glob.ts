/** A glob with `*` and `?` over a whole name (tool, program, finding id, MCP server). Case-sensitive. */
export function compileNameGlob(pattern: string): (value: string) => boolean {
  if (!/[*?]/.test(pattern)) return (value) => value === pattern;
  const source = pattern
    .split('')
    .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  const regex = new RegExp(`^${source}$`);
  return (value) => regex.test(value);
}

export function compileNameGlobs(patterns: readonly string[]): (value: string) => boolean {
  const matchers = patterns.map(compileNameGlob);
  return (value) => matchers.some((matcher) => matcher(value));
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
