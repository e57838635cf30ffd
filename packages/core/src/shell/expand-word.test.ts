import { describe, expect, it } from 'vitest';
import { type ExpansionContext, expandWord } from './expand-word.js';
import { parseShell } from './parse-shell.js';

function fields(source: string, variables: Record<string, string | null> = {}): string[] {
  const script = parseShell({ source: `: ${source}` }).script!;
  const node = script.body.items[0]!.node;
  if (node.type !== 'simple') throw new Error('expected a simple command');
  const context: ExpansionContext = {
    home: '/home/u',
    lookup: (name) => (name in variables ? variables[name] : undefined),
    evaluateSubstitution: () => undefined,
  };
  return node.words
    .slice(1)
    .flatMap((word) =>
      expandWord({ word, context }).map((field) => (field.dynamic ? `?${field.value}` : field.value)),
    );
}

describe('expandWord', () => {
  it('expands braces like bash, including sequences and nesting', () => {
    expect(fields('{rm,-rf,/}')).toEqual(['rm', '-rf', '/']);
    expect(fields('a{1..3}b')).toEqual(['a1b', 'a2b', 'a3b']);
    expect(fields('{a,b{x,y}}')).toEqual(['a', 'bx', 'by']);
    expect(fields('/{etc,usr}')).toEqual(['/etc', '/usr']);
    expect(fields('"{a,b}" {single} {}')).toEqual(['{a,b}', '{single}', '{}']);
  });

  it('expands ~ at the start of a word only when unquoted', () => {
    expect(fields('~ ~/x "~/y" ~user ~user/z')).toEqual([
      '/home/u',
      '/home/u/x',
      '~/y',
      '/home/user',
      '/home/user/z',
    ]);
  });

  it('substitutes known variables, splitting unquoted values on IFS', () => {
    expect(fields(`$a "$a" \${b}x`, { a: '-rf /', b: 'r' })).toEqual(['-rf', '/', '-rf /', 'rx']);
    expect(fields(`rm\${IFS}-rf\${IFS}/`, { IFS: ' \t\n' })).toEqual(['rm', '-rf', '/']);
  });

  it('keeps unknown expansions as dynamic text', () => {
    expect(fields(`$X/bin "\${Y}"`)).toEqual(['?$X/bin', `?\${Y}`]);
  });

  it('drops unquoted empty expansions but keeps quoted ones', () => {
    expect(fields('$e "$e" x', { e: '' })).toEqual(['', 'x']);
  });

  it('applies default, alternative, removal, replacement and substring operators', () => {
    const variables = { set: 'value', empty: '', unset: null };
    expect(
      fields(
        `\${unset:-/tmp} \${empty:-d} \${set:+alt} \${set#va} \${set%ue} \${set/al/AL} \${set:1:3} \${set^^}`,
        variables,
      ),
    ).toEqual(['/tmp', 'd', 'alt', 'lue', 'val', 'vALue', 'alu', 'VALUE']);
  });

  it('does not expand the same brace pattern without end', () => {
    expect(fields('{1..100000}').length).toBeLessThanOrEqual(65);
  });
});
