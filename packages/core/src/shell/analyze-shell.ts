import type { AnalyzeShellOptions, ShellAnalysis, SimpleCommand } from './types.js';

// FIRST VERSION: a small tokenizer with quote removal and operator splitting; the shell
// analysis issue replaces it with a real parser behind the same interface.
const WRAPPERS = new Set([
  'sudo',
  'doas',
  'nohup',
  'nice',
  'time',
  'command',
  'builtin',
  'exec',
  'timeout',
  'env',
]);
const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh']);

function tokenize(source: string): { words: string[][]; error?: string } {
  const commands: string[][] = [];
  let current: string[] = [];
  let word = '';
  let inWord = false;
  let index = 0;
  const flushWord = () => {
    if (inWord) current.push(word);
    word = '';
    inWord = false;
  };
  const flushCommand = () => {
    flushWord();
    if (current.length > 0) commands.push(current);
    current = [];
  };
  while (index < source.length) {
    const char = source[index]!;
    if (char === "'") {
      const end = source.indexOf("'", index + 1);
      if (end < 0) return { words: commands, error: 'unterminated single quote' };
      word += source.slice(index + 1, end);
      inWord = true;
      index = end + 1;
    } else if (char === '"') {
      let end = index + 1;
      let value = '';
      while (end < source.length && source[end] !== '"') {
        if (source[end] === '\\' && end + 1 < source.length) {
          value += source[end + 1];
          end += 2;
        } else value += source[end++];
      }
      if (end >= source.length) return { words: commands, error: 'unterminated double quote' };
      word += value;
      inWord = true;
      index = end + 1;
    } else if (char === '\\') {
      word += source[index + 1] ?? '';
      inWord = true;
      index += 2;
    } else if (/\s/.test(char)) {
      if (char === '\n') flushCommand();
      else flushWord();
      index++;
    } else if (';&|()`'.includes(char)) {
      flushCommand();
      index++;
    } else if (char === '$' && source[index + 1] === '(') {
      flushCommand();
      index += 2;
    } else {
      word += char;
      inWord = true;
      index++;
    }
  }
  flushCommand();
  return { words: commands };
}

function unwrap(argv: string[], via: string[], out: SimpleCommand[], depth: number): void {
  let words = argv.filter((word) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(word) || argv.indexOf(word) > 0);
  while (words.length > 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0]!)) words = words.slice(1);
  if (words.length === 0) return;
  const path = words[0]!;
  const program = path.split('/').pop() ?? path;
  if (depth < 8 && WRAPPERS.has(program)) {
    let rest = words.slice(1);
    while (
      rest.length > 0 &&
      (rest[0]!.startsWith('-') ||
        /^[A-Za-z_][A-Za-z0-9_]*=/.test(rest[0]!) ||
        (program === 'timeout' && /^\d/.test(rest[0]!)))
    )
      rest = rest.slice(1);
    if (rest.length > 0) return unwrap(rest, [...via, program], out, depth + 1);
  }
  if (depth < 8 && SHELLS.has(program)) {
    const flagIndex = words.findIndex((word, position) => position > 0 && /^-[a-z]*c[a-z]*$/.test(word));
    if (flagIndex > 0 && words[flagIndex + 1] !== undefined) {
      for (const inner of tokenize(words[flagIndex + 1]!).words)
        unwrap(inner, [...via, `${program} -c`], out, depth + 1);
      return;
    }
  }
  if (depth < 8 && program === 'xargs') {
    let rest = words.slice(1);
    while (rest.length > 0 && rest[0]!.startsWith('-')) rest = rest.slice(1);
    if (rest.length > 0) unwrap(rest, [...via, 'xargs'], out, depth + 1);
  }
  out.push({ program, path, args: words.slice(1), via });
}

export function analyzeShell(options: AnalyzeShellOptions): ShellAnalysis {
  const { words, error } = tokenize(options.command);
  const commands: SimpleCommand[] = [];
  for (const argv of words) unwrap(argv, [], commands, 0);
  const findings = error
    ? [{ id: 'shell.unparseable', message: `The command could not be parsed (${error}).` }]
    : [];
  return error ? { commands, findings, parseError: error } : { commands, findings };
}
