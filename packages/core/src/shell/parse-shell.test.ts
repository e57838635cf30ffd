import { describe, expect, it } from 'vitest';
import { parseShell } from './parse-shell.js';
import type { ListNode, ShellNode, SimpleCommandNode, Word } from './shell-syntax.js';

function parse(source: string): ListNode {
  const result = parseShell({ source });
  if (!result.script) throw new Error(`parse failed: ${result.error?.message}`);
  return result.script.body;
}

/** The literal text of a word (for words without expansions). */
function text(word: Word): string {
  return word.parts.map((part) => (part.type === 'literal' ? part.value : `<${part.type}>`)).join('');
}

function simpleCommands(node: ShellNode): SimpleCommandNode[] {
  switch (node.type) {
    case 'simple':
      return [node];
    case 'list':
      return node.items.flatMap((item) => simpleCommands(item.node));
    case 'and_or':
      return node.nodes.flatMap(simpleCommands);
    case 'pipeline':
      return node.commands.flatMap(simpleCommands);
    case 'subshell':
    case 'group':
      return simpleCommands(node.body);
    case 'if':
      return [
        ...node.clauses.flatMap((clause) => [
          ...simpleCommands(clause.condition),
          ...simpleCommands(clause.body),
        ]),
        ...(node.elseBody ? simpleCommands(node.elseBody) : []),
      ];
    case 'loop':
      return [...simpleCommands(node.condition), ...simpleCommands(node.body)];
    case 'for':
      return simpleCommands(node.body);
    case 'case':
      return node.items.flatMap((item) => simpleCommands(item.body));
    case 'function':
      return simpleCommands(node.body);
    default:
      return [];
  }
}

function argvs(source: string): string[][] {
  return simpleCommands(parse(source)).map((command) => command.words.map(text));
}

describe('parseShell', () => {
  it('splits lists, and-or chains and pipelines into simple commands', () => {
    expect(argvs('a 1; b 2 && c || d | e & f')).toEqual([['a', '1'], ['b', '2'], ['c'], ['d'], ['e'], ['f']]);
  });

  it('marks background items', () => {
    const list = parse('sleep 1 & echo x');
    expect(list.items.map((item) => item.background)).toEqual([true, false]);
  });

  it('removes quotes and escapes the way the shell does', () => {
    expect(argvs(`s\\udo 'r''m' "a b" $'\\x72m' $'\\162\\155' a\\ b "\\$x" '\\n'`)).toEqual([
      ['sudo', 'rm', 'a b', 'rm', 'rm', 'a b', '$x', '\\n'],
    ]);
  });

  it('keeps an empty quoted string as an argument', () => {
    expect(argvs(`echo '' ""`)).toEqual([['echo', '', '']]);
  });

  it('joins lines continued with a backslash', () => {
    expect(argvs('rm \\\n  -rf \\\n  /')).toEqual([['rm', '-rf', '/']]);
  });

  it('ignores comments but not # inside words', () => {
    expect(argvs('echo a#b # comment\necho c')).toEqual([
      ['echo', 'a#b'],
      ['echo', 'c'],
    ]);
  });

  it('parses command substitution, backquotes and process substitution as nested scripts', () => {
    const [command] = simpleCommands(parse('echo $(id -u) `whoami` <(ls)'));
    const types = command!.words.slice(1).map((word) => word.parts[0]!.type);
    expect(types).toEqual(['command_substitution', 'command_substitution', 'process_substitution']);
  });

  it('tells $(( arithmetic )) from $( (subshell) )', () => {
    const [arithmetic] = simpleCommands(parse('echo $(( 1 + (2 * 3) ))'));
    expect(arithmetic!.words[1]!.parts[0]!.type).toBe('arithmetic');
    const [substitution] = simpleCommands(parse('echo $( (ls) )'));
    expect(substitution!.words[1]!.parts[0]!.type).toBe('command_substitution');
  });

  it('reads parameter expansions with operators and nested substitutions', () => {
    const [command] = simpleCommands(parse(`echo \${x:-$(rm -rf /)} \${#y} \${z//a/b}`));
    const parts = command!.words.slice(1).map((word) => word.parts[0]!);
    expect(
      parts.map((part) =>
        part.type === 'parameter' ? [part.name, part.operator ?? part.prefix] : part.type,
      ),
    ).toEqual([
      ['x', ':-'],
      ['y', '#'],
      ['z', '//'],
    ]);
    const first = parts[0]!;
    expect(first.type === 'parameter' && first.argument?.parts[0]?.type).toBe('command_substitution');
  });

  it('reads here-documents, expanding unless the delimiter is quoted', () => {
    const [expanded] = simpleCommands(parse('cat <<EOF\nhi $(id)\nEOF\necho after'));
    const body = expanded!.redirects[0]!.heredoc!.body;
    expect(body.parts.some((part) => part.type === 'command_substitution')).toBe(true);
    const [literal] = simpleCommands(parse("cat <<'EOF'\nhi $(id)\nEOF"));
    expect(text(literal!.redirects[0]!.heredoc!.body)).toBe('hi $(id)\n');
    expect(argvs('cat <<EOF\nx\nEOF\necho after')).toEqual([['cat'], ['echo', 'after']]);
  });

  it('strips leading tabs with <<-', () => {
    const [command] = simpleCommands(parse('cat <<-EOF\n\tindented\n\tEOF'));
    expect(text(command!.redirects[0]!.heredoc!.body)).toBe('indented\n');
  });

  it('reads redirections with descriptors', () => {
    const [command] = simpleCommands(parse('cmd 2>&1 >out.txt &>>all.log {fd}>x <<< "here"'));
    expect(
      command!.redirects.map((redirect) => [
        redirect.fd ?? redirect.variable ?? '',
        redirect.operator,
        redirect.target ? text(redirect.target) : '',
      ]),
    ).toEqual([
      [2, '>&', '1'],
      ['', '>', 'out.txt'],
      ['', '&>>', 'all.log'],
      ['fd', '>', 'x'],
      ['', '<<<', 'here'],
    ]);
  });

  it('parses compound commands', () => {
    expect(argvs('if a; then b; elif c; then d; else e; fi')).toEqual([['a'], ['b'], ['c'], ['d'], ['e']]);
    expect(argvs('while a; do b; done; until c; do d; done')).toEqual([['a'], ['b'], ['c'], ['d']]);
    expect(argvs('for f in *.ts; do echo "$f"; done')).toEqual([['echo', '<parameter>']]);
    expect(argvs('for ((i=0; i<3; i++)); do echo $i; done')).toEqual([['echo', '<parameter>']]);
    expect(argvs('case "$1" in a|b) x;; (c) y;& *) z;;& esac')).toEqual([['x'], ['y'], ['z']]);
    expect(argvs('(a; b) && { c; }')).toEqual([['a'], ['b'], ['c']]);
  });

  it('parses function definitions in all three forms, including odd names', () => {
    for (const source of ['f() { a; }', 'function f { a; }', 'function f() ( a )', ':(){ :|:& };:']) {
      const list = parse(source);
      expect(list.items[0]!.node.type).toBe('function');
    }
  });

  it('treats the inside of [[ ]] as test words, including regexes with parentheses', () => {
    const list = parse('[[ -n $x && $y =~ ^(a|b)+$ ]] && echo ok');
    const node = list.items[0]!.node;
    expect(node.type === 'and_or' && node.nodes[0]!.type).toBe('conditional');
  });

  it('accepts extglob patterns and array assignments', () => {
    expect(argvs('rm !(*.txt) @(a|b)')).toEqual([['rm', '!(*.txt)', '@(a|b)']]);
    const [command] = simpleCommands(parse('a=(1 2 3) b=x'));
    expect(
      command!.assignments.map((assignment) => [
        assignment.name,
        assignment.elements?.length ?? text(assignment.value!),
      ]),
    ).toEqual([
      ['a', 3],
      ['b', 'x'],
    ]);
  });

  it('reports unbalanced input with what would close it', () => {
    for (const [source, expected] of [
      ['echo "x', '"'],
      ["echo 'x", "'"],
      ['echo $(ls', ')'],
      ['echo `ls', '`'],
      [`echo \${x`, '}'],
      ['if true; then ls', '\nfi'],
      ['for x in a; do ls', '\ndone'],
    ] as const) {
      const result = parseShell({ source });
      expect(result.error, source).toBeDefined();
      expect(result.error!.expected, source).toBe(expected);
    }
  });

  it('rejects syntax errors bash rejects', () => {
    for (const source of [
      'echo ) x',
      '&& ls',
      '| grep',
      'ls ;; ls',
      'fi',
      'done',
      '{ echo',
      '( echo',
      'case x in a) echo',
    ]) {
      expect(parseShell({ source }).error, source).toBeDefined();
    }
  });

  it('stops runaway nesting instead of overflowing the stack', () => {
    const deep = `${'$('.repeat(500)}ls${')'.repeat(500)}`;
    const result = parseShell({ source: deep });
    expect(result.error?.message).toMatch(/nested too deeply/);
  });
});
