import { describe, expect, it } from 'vitest';
import { compileHostPattern, compileNameGlob, compileNameGlobs, pathGlobToRegex } from './glob.js';

describe('pathGlobToRegex', () => {
  const matches = (pattern: string, path: string) => pathGlobToRegex(pattern).test(path);

  it('crosses directories only with **', () => {
    expect(matches('/home/*/x', '/home/dev/x')).toBe(true);
    expect(matches('/home/*/x', '/home/dev/sub/x')).toBe(false);
    expect(matches('/home/**/x', '/home/dev/sub/x')).toBe(true);
    expect(matches('/home/**/x', '/home/x')).toBe(true);
    expect(matches('/srv/**', '/srv/a/b/c')).toBe(true);
  });

  it('matches dot files, alternatives and classes', () => {
    expect(matches('**/.env*', '/p/.env.local')).toBe(true);
    expect(matches('**/*.{pem,key}', '/p/certs/server.key')).toBe(true);
    expect(matches('**/id_[rd]sa', '/h/.ssh/id_rsa')).toBe(true);
    expect(matches('**/id_[!r]sa', '/h/.ssh/id_rsa')).toBe(false);
    expect(matches('/a.b', '/aXb')).toBe(false);
  });
});

describe('name and host patterns', () => {
  it('matches names whole', () => {
    expect(compileNameGlob('mcp__*')('mcp__github__x')).toBe(true);
    expect(compileNameGlob('rm')('rmdir')).toBe(false);
    expect(compileNameGlob('mkfs.*')('mkfs.ext4')).toBe(true);
  });

  it('matches hosts exactly or by subdomain', () => {
    expect(compileHostPattern('example.com')('EXAMPLE.com')).toBe(true);
    expect(compileHostPattern('example.com')('api.example.com')).toBe(false);
    expect(compileHostPattern('*.example.com')('api.example.com')).toBe(true);
    expect(compileHostPattern('*.example.com')('evilexample.com')).toBe(false);
  });
});

describe('compileNameGlob fast paths', () => {
  it('agrees with the regular-expression form on prefix, suffix and infix globs', () => {
    const cases: Array<[string, string, boolean]> = [
      ['mkfs.*', 'mkfs.ext4', true],
      ['mkfs.*', 'mkfs', false],
      ['*.exe', 'rm.exe', true],
      ['*.exe', '.exe', true],
      ['*.exe', 'exe', false],
      ['a*a', 'a', false],
      ['a*a', 'aa', true],
      ['*secret*', 'my-secret-file', true],
      ['*secret*', 'secre', false],
      ['s?do', 'sudo', true],
      ['a*b*c', 'axxbyyc', true],
      ['a*b*c', 'axxbyy', false],
    ];
    for (const [pattern, value, expected] of cases)
      expect(compileNameGlob(pattern)(value), `${pattern} ~ ${value}`).toBe(expected);
    expect(compileNameGlobs(['rm', 'shred', 'mkfs.*'])('mkfs.xfs')).toBe(true);
    expect(compileNameGlobs(['rm', 'shred'])('rmdir')).toBe(false);
  });
});

describe('compileNameGlob on hostile values', () => {
  it('matches a many-star glob against a long argument in linear time', () => {
    const glob = compileNameGlob('*a*a*a*a*b');
    // A backtracking regular expression takes minutes on this; the two-pointer match, microseconds.
    expect(glob('a'.repeat(20_000))).toBe(false);
    expect(glob(`${'a'.repeat(20_000)}b`)).toBe(true);
  });

  it('keeps the meaning of * and ?: any run and one character, never a line break', () => {
    expect(compileNameGlob('g?t*sh')('git-push')).toBe(true);
    expect(compileNameGlob('g?t*sh')('gt-push')).toBe(false);
    expect(compileNameGlob('a*b*c')('axxbyyc')).toBe(true);
    expect(compileNameGlob('a*b*c')('axxcyyb')).toBe(false);
    expect(compileNameGlob('a*b?')('a\nbc')).toBe(false);
    expect(compileNameGlob('a*b?')('aXbc')).toBe(true);
  });
});
