import type {
  ArithmeticPart,
  AssignmentNode,
  CaseNode,
  ForNode,
  FunctionNode,
  HeredocNode,
  IfNode,
  ListNode,
  LoopNode,
  RedirectNode,
  Script,
  ShellNode,
  SimpleCommandNode,
  Word,
  WordPart,
} from './shell-syntax.js';

/**
 * A POSIX sh / bash parser written for the guard's hook, where start-up time is the budget:
 * it is a few kilobytes minified and loads in well under a millisecond (see README.md in this
 * folder for the comparison with the parsers on npm). It covers the grammar an agent's command
 * can use to run something: lists, pipelines, subshells, groups, if/while/until/for/select/case,
 * functions, `[[ ]]`, `(( ))`, every quoting form, parameter/command/arithmetic/process
 * substitution, redirections, here-documents and here-strings.
 */
export interface ParseShellResult {
  script?: Script;
  error?: ShellSyntaxError;
  /** What bash accepts with a warning: an unterminated here-document. */
  warnings?: string[];
}

/** Why a command could not be parsed; `expected` is what would have closed it at the end of input. */
export class ShellSyntaxError extends Error {
  readonly position: number;
  readonly expected: string | undefined;
  constructor(options: { message: string; position: number; expected?: string }) {
    super(options.message);
    this.name = 'ShellSyntaxError';
    this.position = options.position;
    this.expected = options.expected;
  }
}

// Deep nesting is only ever an attempt to exhaust the parser; real commands stay far below this.
const MAX_DEPTH = 100;

const OPERATORS = [
  ';;&',
  '<<<',
  '<<-',
  '&>>',
  '&&',
  '||',
  ';;',
  ';&',
  '|&',
  '<<',
  '<&',
  '<>',
  '>>',
  '>&',
  '>|',
  '&>',
  ';',
  '&',
  '|',
  '<',
  '>',
  '(',
  ')',
];
const REDIRECT_OPERATORS = new Set(['<', '>', '>>', '<<', '<<-', '<<<', '<&', '>&', '<>', '>|', '&>', '&>>']);
/** Words that end a list when they stand where a command would start. */
const CLOSING_WORDS = new Set(['then', 'elif', 'else', 'fi', 'do', 'done', 'esac', '}']);
const CLOSING_OPERATORS = new Set([')', ';;', ';&', ';;&']);
const PARAMETER_OPERATORS = [
  ':-',
  ':=',
  ':?',
  ':+',
  '##',
  '%%',
  '//',
  '/#',
  '/%',
  '^^',
  ',,',
  '-',
  '=',
  '?',
  '+',
  '#',
  '%',
  '/',
  '^',
  ',',
  ':',
  '@',
];
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

interface WordToken {
  kind: 'word';
  word: Word;
  start: number;
  elements?: Word[];
  heredoc?: HeredocNode;
}
interface OperatorToken {
  kind: 'operator';
  value: string;
  start: number;
}
interface IoNumberToken {
  kind: 'io_number';
  fd?: number;
  variable?: string;
  start: number;
}
interface NewlineToken {
  kind: 'newline';
  start: number;
}
interface EndToken {
  kind: 'end';
  start: number;
}
type Token = WordToken | OperatorToken | IoNumberToken | NewlineToken | EndToken;

interface PendingHeredoc {
  node: HeredocNode;
  stripTabs: boolean;
}

function isBlank(char: string | undefined): boolean {
  return char === ' ' || char === '\t' || char === '\r';
}

function isWordBreak(char: string | undefined): boolean {
  return (
    char === undefined ||
    char === ' ' ||
    char === '\t' ||
    char === '\r' ||
    char === '\n' ||
    char === ';' ||
    char === '&' ||
    char === '|' ||
    char === '<' ||
    char === '>' ||
    char === '(' ||
    char === ')'
  );
}

/** The value of a word made only of unquoted literal text, e.g. a reserved word. */
function plainText(word: Word): string | undefined {
  if (word.parts.length !== 1) return undefined;
  const part = word.parts[0]!;
  return part.type === 'literal' && !part.quoted ? part.value : undefined;
}

function pushLiteral(parts: WordPart[], value: string, quoted: boolean): void {
  const last = parts[parts.length - 1];
  const mergeable = last !== undefined && last.type === 'literal' && last.quoted === quoted;
  if (value === '') {
    // An empty quoted string still makes a word (`''` is an empty argument): keep a marker.
    if (quoted && !mergeable) parts.push({ type: 'literal', value: '', quoted: true });
    return;
  }
  if (mergeable) last.value += value;
  else parts.push({ type: 'literal', value, quoted });
}

const ANSI_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

class Parser {
  private readonly source: string;
  private position = 0;
  private peeked: Token | undefined;
  private depth: number;
  private heredocNext: { stripTabs: boolean } | undefined;
  private pendingHeredocs: PendingHeredoc[] = [];
  /** Input bash accepts with a warning (an unterminated here-document). */
  readonly warnings: string[] = [];

  constructor(options: { source: string; depth: number }) {
    this.source = options.source;
    this.depth = options.depth;
  }

  fail(message: string, expected?: string, position = this.position): never {
    throw new ShellSyntaxError({ message, position, ...(expected !== undefined ? { expected } : {}) });
  }

  private enter(): void {
    this.depth++;
    if (this.depth > MAX_DEPTH) this.fail('the command is nested too deeply');
  }

  private leave(): void {
    this.depth--;
  }

  // ---------------------------------------------------------------- tokens

  private peek(): Token {
    if (!this.peeked) this.peeked = this.lex();
    return this.peeked;
  }

  private next(): Token {
    const token = this.peek();
    this.peeked = undefined;
    return token;
  }

  private skipBlanksAndComments(): void {
    const source = this.source;
    while (this.position < source.length) {
      const char = source[this.position];
      if (isBlank(char)) this.position++;
      else if (char === '\\' && source[this.position + 1] === '\n') this.position += 2;
      else if (char === '#') {
        const end = source.indexOf('\n', this.position);
        this.position = end < 0 ? source.length : end;
      } else break;
    }
  }

  private lex(): Token {
    this.skipBlanksAndComments();
    const source = this.source;
    const start = this.position;
    if (start >= source.length) return { kind: 'end', start };
    const char = source[start]!;
    if (char === '\n') {
      this.position++;
      this.readHeredocBodies();
      return { kind: 'newline', start };
    }
    if ((char === '<' || char === '>') && source[start + 1] === '(') return this.lexWord(start);
    for (const operator of OPERATORS) {
      if (source.startsWith(operator, start)) {
        this.position += operator.length;
        if (operator === '<<' || operator === '<<-') this.heredocNext = { stripTabs: operator === '<<-' };
        return { kind: 'operator', value: operator, start };
      }
    }
    // `2>file`, `{fd}>file`
    let end = start;
    while (end < source.length && source[end]! >= '0' && source[end]! <= '9') end++;
    if (end > start && (source[end] === '<' || source[end] === '>') && source[end + 1] !== '(') {
      this.position = end;
      return { kind: 'io_number', fd: Number(source.slice(start, end)), start };
    }
    if (char === '{') {
      const match = /^\{([A-Za-z_][A-Za-z0-9_]*)\}(?=[<>])/.exec(source.slice(start, start + 80));
      if (match) {
        this.position += match[0].length;
        return { kind: 'io_number', variable: match[1]!, start };
      }
    }
    return this.lexWord(start);
  }

  private lexWord(start: number): WordToken {
    const { word, elements } = this.readWord({});
    const token: WordToken = { kind: 'word', word, start };
    if (elements) token.elements = elements;
    if (this.heredocNext) {
      const quoted = word.parts.some((part) => part.type !== 'literal' || part.quoted);
      const delimiter = word.parts.map((part) => (part.type === 'literal' ? part.value : part.raw)).join('');
      const node: HeredocNode = { delimiter, quoted, body: { parts: [], raw: '' } };
      this.pendingHeredocs.push({ node, stripTabs: this.heredocNext.stripTabs });
      this.heredocNext = undefined;
      token.heredoc = node;
    }
    return token;
  }

  private readHeredocBodies(): void {
    const source = this.source;
    for (const pending of this.pendingHeredocs) {
      const lines: string[] = [];
      let terminated = false;
      // An unterminated here-document runs to the end of input, as bash does (with a warning).
      while (this.position < source.length) {
        const lineEnd = source.indexOf('\n', this.position);
        const end = lineEnd < 0 ? source.length : lineEnd;
        let line = source.slice(this.position, end);
        this.position = lineEnd < 0 ? source.length : lineEnd + 1;
        if (pending.stripTabs) line = line.replace(/^\t+/, '');
        if (line === pending.node.delimiter) {
          terminated = true;
          break;
        }
        lines.push(line);
      }
      if (!terminated) this.warnings.push(`here-document "${pending.node.delimiter}" is not terminated`);
      const text = lines.length > 0 ? `${lines.join('\n')}\n` : '';
      if (pending.node.quoted) {
        pending.node.body = { parts: [{ type: 'literal', value: text, quoted: true }], raw: text };
      } else {
        const inner = new Parser({ source: text, depth: this.depth + 1 });
        pending.node.body = { parts: inner.readExpandingText({ terminator: undefined }), raw: text };
      }
    }
    this.pendingHeredocs = [];
  }

  // ---------------------------------------------------------------- words

  /**
   * Reads one word from the current position. `regex` is the right side of `=~` inside `[[ ]]`,
   * where parentheses and `|` belong to the word; `braceArgument` stops at the `}` of `${...}`.
   */
  private readWord(options: { regex?: boolean; braceArgument?: boolean }): { word: Word; elements?: Word[] } {
    const source = this.source;
    const start = this.position;
    const parts: WordPart[] = [];
    let parenDepth = 0;
    while (this.position < source.length) {
      const char = source[this.position]!;
      if (options.braceArgument) {
        if (char === '}') break;
      } else if (options.regex) {
        // The right side of `=~`: parentheses group and `|` alternates inside the word.
        if (isBlank(char) || char === '\n' || (char === ';' && parenDepth === 0)) break;
        if (char === ')' && parenDepth === 0) break;
        if (char === '(' || char === ')' || char === '|' || char === '<' || char === '>' || char === '&') {
          if (char === '(') parenDepth++;
          if (char === ')') parenDepth--;
          pushLiteral(parts, char, false);
          this.position++;
          continue;
        }
      } else if (isWordBreak(char)) {
        if ((char === '<' || char === '>') && source[this.position + 1] === '(' && this.position === start) {
          parts.push(this.readProcessSubstitution());
          continue;
        }
        if (char === '(' && this.position > start) {
          const previous = source[this.position - 1]!;
          const soFar =
            parts.length === 1 && parts[0]!.type === 'literal' && !parts[0]!.quoted ? parts[0]!.value : '';
          if (/^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=$/.test(soFar)) {
            this.position++;
            return {
              word: { parts, raw: source.slice(start, this.position - 1) },
              elements: this.readArrayElements(),
            };
          }
          if ('@!+*?'.includes(previous)) {
            pushLiteral(parts, this.readBalancedParentheses(), false);
            continue;
          }
        }
        break;
      }
      if (char === '\\') {
        const escaped = source[this.position + 1];
        if (escaped === '\n') this.position += 2;
        else if (escaped === undefined) {
          pushLiteral(parts, '\\', true);
          this.position++;
        } else {
          pushLiteral(parts, escaped, true);
          this.position += 2;
        }
      } else if (char === "'") {
        const end = source.indexOf("'", this.position + 1);
        if (end < 0) this.fail('unterminated single quote', "'");
        pushLiteral(parts, source.slice(this.position + 1, end), true);
        this.position = end + 1;
      } else if (char === '"') {
        this.position++;
        parts.push(...this.readExpandingText({ terminator: '"' }));
      } else if (char === '$') {
        this.readDollar(parts, false);
      } else if (char === '`') {
        parts.push(this.readBackquoted(false));
      } else if (
        (char === '@' || char === '!' || char === '+' || char === '*' || char === '?') &&
        source[this.position + 1] === '(' &&
        this.position === start &&
        !options.braceArgument
      ) {
        pushLiteral(parts, char, false);
        this.position++;
        pushLiteral(parts, this.readBalancedParentheses(), false);
      } else {
        pushLiteral(parts, char, false);
        this.position++;
      }
    }
    return { word: { parts, raw: source.slice(start, this.position) } };
  }

  /** An extglob group `@(a|b)` kept as unquoted pattern text. */
  private readBalancedParentheses(): string {
    const source = this.source;
    const start = this.position;
    let depth = 0;
    while (this.position < source.length) {
      const char = source[this.position]!;
      if (char === '\\') this.position++;
      else if (char === '(') depth++;
      else if (char === ')') {
        depth--;
        if (depth === 0) {
          this.position++;
          return source.slice(start, this.position);
        }
      }
      this.position++;
    }
    return this.fail('unterminated pattern group', ')');
  }

  private readArrayElements(): Word[] {
    const elements: Word[] = [];
    for (;;) {
      this.skipBlanksAndComments();
      const char = this.source[this.position];
      if (char === undefined) this.fail('unterminated array assignment', ')');
      if (char === '\n') {
        this.position++;
        continue;
      }
      if (char === ')') {
        this.position++;
        return elements;
      }
      const before = this.position;
      elements.push(this.readWord({}).word);
      if (this.position === before) this.fail(`unexpected "${char}" in an array assignment`);
    }
  }

  /**
   * Text where `$`, backquotes and backslash are special: the inside of double quotes, or an
   * unquoted here-document body (terminator undefined: runs to the end).
   */
  readExpandingText(options: { terminator: '"' | undefined }): WordPart[] {
    const source = this.source;
    const parts: WordPart[] = [];
    // `""` is an empty argument, not nothing.
    pushLiteral(parts, '', true);
    while (this.position < source.length) {
      const char = source[this.position]!;
      if (char === options.terminator) {
        this.position++;
        return parts;
      }
      if (char === '\\') {
        const escaped = source[this.position + 1];
        if (escaped === '\n') this.position += 2;
        else if (
          escaped === '$' ||
          escaped === '`' ||
          escaped === '\\' ||
          (escaped === '"' && options.terminator === '"')
        ) {
          pushLiteral(parts, escaped, true);
          this.position += 2;
        } else {
          pushLiteral(parts, '\\', true);
          this.position++;
        }
      } else if (char === '$') {
        this.readDollar(parts, true);
      } else if (char === '`') {
        parts.push(this.readBackquoted(true));
      } else {
        pushLiteral(parts, char, true);
        this.position++;
      }
    }
    if (options.terminator !== undefined) this.fail('unterminated double quote', '"');
    return parts;
  }

  private readDollar(parts: WordPart[], quoted: boolean): void {
    const source = this.source;
    const start = this.position;
    const next = source[start + 1];
    if (next === "'" && !quoted) {
      this.position += 2;
      pushLiteral(parts, this.readAnsiC(), true);
      return;
    }
    if (next === '"' && !quoted) {
      this.position += 2;
      parts.push(...this.readExpandingText({ terminator: '"' }));
      return;
    }
    if (next === '{') {
      parts.push(this.readBracedParameter(quoted));
      return;
    }
    if (next === '(') {
      if (source[start + 2] === '(') {
        const arithmetic = this.tryReadArithmetic(start + 3, quoted);
        if (arithmetic) {
          parts.push(arithmetic);
          return;
        }
      }
      this.position = start + 2;
      const script = this.readSubstitutionScript();
      parts.push({ type: 'command_substitution', script, quoted, raw: source.slice(start, this.position) });
      return;
    }
    if (next === '[') {
      // Old-style arithmetic `$[ ... ]`.
      const end = source.indexOf(']', start + 2);
      if (end < 0) this.fail('unterminated arithmetic expansion', ']');
      const raw = source.slice(start, end + 1);
      parts.push({
        type: 'arithmetic',
        parts: [{ type: 'literal', value: raw.slice(2, -1), quoted: true }],
        quoted,
        raw,
      });
      this.position = end + 1;
      return;
    }
    if (next !== undefined && NAME_START.test(next)) {
      let end = start + 1;
      while (end < source.length && NAME_CHAR.test(source[end]!)) end++;
      parts.push({
        type: 'parameter',
        name: source.slice(start + 1, end),
        quoted,
        raw: source.slice(start, end),
      });
      this.position = end;
      return;
    }
    if (next !== undefined && ((next >= '0' && next <= '9') || '@*#?$!-'.includes(next))) {
      parts.push({ type: 'parameter', name: next, quoted, raw: source.slice(start, start + 2) });
      this.position = start + 2;
      return;
    }
    pushLiteral(parts, '$', quoted);
    this.position++;
  }

  private readAnsiC(): string {
    const source = this.source;
    let value = '';
    while (this.position < source.length) {
      const char = source[this.position]!;
      if (char === "'") {
        this.position++;
        return value;
      }
      if (char !== '\\') {
        value += char;
        this.position++;
        continue;
      }
      const sequence = source[this.position + 1];
      if (sequence === undefined) break;
      this.position += 2;
      if (sequence in ANSI_ESCAPES) value += ANSI_ESCAPES[sequence];
      else if (sequence === 'x' || sequence === 'u' || sequence === 'U') {
        const limit = sequence === 'x' ? 2 : sequence === 'u' ? 4 : 8;
        const match = new RegExp(`^[0-9A-Fa-f]{1,${limit}}`).exec(
          source.slice(this.position, this.position + limit),
        );
        if (match) {
          const code = Number.parseInt(match[0], 16);
          value += code <= 0x10ffff ? String.fromCodePoint(code) : '';
          this.position += match[0].length;
        } else value += `\\${sequence}`;
      } else if (sequence >= '0' && sequence <= '7') {
        const match = /^[0-7]{1,3}/.exec(source.slice(this.position - 1, this.position + 2))!;
        value += String.fromCharCode(Number.parseInt(match[0], 8) & 0xff);
        this.position += match[0].length - 1;
      } else if (sequence === 'c') {
        const control = source[this.position];
        if (control !== undefined) {
          value += String.fromCharCode(control.toUpperCase().charCodeAt(0) ^ 0x40);
          this.position++;
        }
      } else value += `\\${sequence}`;
    }
    return this.fail("unterminated $'...' string", "'");
  }

  private readBracedParameter(quoted: boolean): WordPart {
    const source = this.source;
    const start = this.position;
    this.position += 2;
    let prefix: string | undefined;
    const first = source[this.position];
    if ((first === '#' || first === '!') && source[this.position + 1] !== '}') {
      prefix = first;
      this.position++;
    }
    let nameEnd = this.position;
    const nameStart = source[nameEnd];
    if (nameStart !== undefined && NAME_START.test(nameStart)) {
      while (nameEnd < source.length && NAME_CHAR.test(source[nameEnd]!)) nameEnd++;
    } else if (nameStart !== undefined && nameStart >= '0' && nameStart <= '9') {
      while (nameEnd < source.length && source[nameEnd]! >= '0' && source[nameEnd]! <= '9') nameEnd++;
    } else if (nameStart !== undefined && '@*#?$!-'.includes(nameStart)) nameEnd++;
    else this.fail('bad parameter expansion', '}');
    const name = source.slice(this.position, nameEnd);
    this.position = nameEnd;
    let operator: string | undefined;
    let argument: Word | undefined;
    if (source[this.position] === '[') {
      operator = '[';
      this.position++;
      argument = this.readWord({ braceArgument: true }).word;
      // The subscript ends at its `]`; whatever follows it (an operator and a word) stays in the argument.
    } else if (source[this.position] !== '}') {
      operator = PARAMETER_OPERATORS.find((candidate) => source.startsWith(candidate, this.position));
      if (!operator) this.fail('bad parameter expansion', '}');
      this.position += operator.length;
      argument = this.readWord({ braceArgument: true }).word;
    }
    if (source[this.position] !== '}') this.fail('unterminated parameter expansion', '}');
    this.position++;
    const part: WordPart = { type: 'parameter', name, quoted, raw: source.slice(start, this.position) };
    if (prefix) part.prefix = prefix;
    if (operator) part.operator = operator;
    if (argument) part.argument = argument;
    return part;
  }

  /** `$(( ... ))` from just after `$((`; undefined when it is really `$( (...) )`. */
  private tryReadArithmetic(from: number, quoted: boolean): ArithmeticPart | undefined {
    const saved = this.position;
    this.position = from;
    try {
      const parts = this.readArithmeticBody();
      return { type: 'arithmetic', parts, quoted, raw: this.source.slice(from - 3, this.position) };
    } catch {
      this.position = saved;
      return undefined;
    }
  }

  /** The inside of `((...))` up to and including the closing `))`. */
  private readArithmeticBody(): WordPart[] {
    const source = this.source;
    const parts: WordPart[] = [];
    let depth = 0;
    while (this.position < source.length) {
      const char = source[this.position]!;
      if (char === '(') depth++;
      else if (char === ')') {
        if (depth === 0) {
          if (source[this.position + 1] !== ')') this.fail('not an arithmetic expression');
          this.position += 2;
          return parts;
        }
        depth--;
      } else if (char === '$') {
        this.readDollar(parts, true);
        continue;
      } else if (char === '`') {
        parts.push(this.readBackquoted(true));
        continue;
      } else if (char === '"') {
        this.position++;
        parts.push(...this.readExpandingText({ terminator: '"' }));
        continue;
      }
      pushLiteral(parts, char, true);
      this.position++;
    }
    return this.fail('unterminated arithmetic expression', '))');
  }

  private readSubstitutionScript(): Script {
    this.enter();
    try {
      const body = this.parseList();
      const token = this.next();
      if (token.kind !== 'operator' || token.value !== ')') {
        this.fail(
          token.kind === 'end'
            ? 'unterminated command substitution'
            : 'unexpected token in command substitution',
          token.kind === 'end' ? ')' : undefined,
          token.start,
        );
      }
      return { type: 'script', body };
    } finally {
      this.leave();
    }
  }

  private readProcessSubstitution(): WordPart {
    const start = this.position;
    const direction = this.source[start] as '<' | '>';
    this.position += 2;
    const script = this.readSubstitutionScript();
    return { type: 'process_substitution', direction, script, raw: this.source.slice(start, this.position) };
  }

  private readBackquoted(quoted: boolean): WordPart {
    const source = this.source;
    const start = this.position;
    let inner = '';
    this.position++;
    for (;;) {
      const char = source[this.position];
      if (char === undefined) this.fail('unterminated backquote', '`');
      if (char === '`') break;
      if (char === '\\') {
        const escaped = source[this.position + 1];
        if (escaped === '$' || escaped === '`' || escaped === '\\' || (quoted && escaped === '"')) {
          inner += escaped;
          this.position += 2;
          continue;
        }
      }
      inner += char;
      this.position++;
    }
    this.position++;
    const parser = new Parser({ source: inner, depth: this.depth + 1 });
    if (this.depth + 1 > MAX_DEPTH) this.fail('the command is nested too deeply');
    return {
      type: 'command_substitution',
      script: parser.parseScript(),
      quoted,
      raw: source.slice(start, this.position),
    };
  }

  // ---------------------------------------------------------------- grammar

  parseScript(): Script {
    const body = this.parseList();
    const token = this.peek();
    if (token.kind !== 'end') {
      const text = token.kind === 'word' ? token.word.raw : token.kind === 'operator' ? token.value : 'token';
      this.fail(`unexpected "${text}"`, undefined, token.start);
    }
    for (const pending of this.pendingHeredocs)
      this.warnings.push(`here-document "${pending.node.delimiter}" has no body`);
    this.pendingHeredocs = [];
    return { type: 'script', body };
  }

  private skipNewlines(): void {
    while (this.peek().kind === 'newline') this.next();
  }

  private isClosing(token: Token): boolean {
    if (token.kind === 'end') return true;
    if (token.kind === 'operator') return CLOSING_OPERATORS.has(token.value);
    if (token.kind === 'word') {
      const text = plainText(token.word);
      return text !== undefined && CLOSING_WORDS.has(text);
    }
    return false;
  }

  private parseList(): ListNode {
    const items: ListNode['items'] = [];
    for (;;) {
      this.skipNewlines();
      if (this.isClosing(this.peek())) break;
      const node = this.parseAndOr();
      const token = this.peek();
      if (token.kind === 'operator' && (token.value === ';' || token.value === '&')) {
        this.next();
        items.push({ node, background: token.value === '&' });
      } else if (token.kind === 'newline') {
        items.push({ node, background: false });
      } else {
        items.push({ node, background: false });
        break;
      }
    }
    return { type: 'list', items };
  }

  private parseAndOr(): ShellNode {
    const nodes = [this.parsePipeline()];
    const operators: ('&&' | '||')[] = [];
    for (;;) {
      const token = this.peek();
      if (token.kind !== 'operator' || (token.value !== '&&' && token.value !== '||')) break;
      this.next();
      this.skipNewlines();
      operators.push(token.value);
      nodes.push(this.parsePipeline());
    }
    return nodes.length === 1 ? nodes[0]! : { type: 'and_or', nodes, operators };
  }

  private parsePipeline(): ShellNode {
    let negated = false;
    for (;;) {
      const token = this.peek();
      const text = token.kind === 'word' ? plainText(token.word) : undefined;
      if (text === '!') {
        this.next();
        negated = !negated;
      } else if (text === 'time') {
        this.next();
        // `time -p -- pipeline`: the keyword's own options.
        for (;;) {
          const option = this.peek();
          const value = option.kind === 'word' ? plainText(option.word) : undefined;
          if (value !== '-p' && value !== '--') break;
          this.next();
        }
      } else break;
    }
    const commands = [this.parseCommand()];
    for (;;) {
      const token = this.peek();
      if (token.kind !== 'operator' || (token.value !== '|' && token.value !== '|&')) break;
      this.next();
      this.skipNewlines();
      commands.push(this.parseCommand());
    }
    return commands.length === 1 && !negated ? commands[0]! : { type: 'pipeline', commands, negated };
  }

  private expectWord(expected: string): void {
    this.skipNewlines();
    const token = this.next();
    if (token.kind === 'word' && plainText(token.word) === expected) return;
    const found =
      token.kind === 'end'
        ? 'the end of the command'
        : token.kind === 'word'
          ? `"${token.word.raw}"`
          : token.kind === 'operator'
            ? `"${token.value}"`
            : 'a newline';
    this.fail(
      `expected "${expected}" but found ${found}`,
      token.kind === 'end' ? `\n${expected}` : undefined,
      token.start,
    );
  }

  private expectOperator(expected: string): void {
    const token = this.next();
    if (token.kind === 'operator' && token.value === expected) return;
    this.fail(`expected "${expected}"`, token.kind === 'end' ? expected : undefined, token.start);
  }

  private parseCommand(): ShellNode {
    this.enter();
    try {
      const token = this.peek();
      if (token.kind === 'word') {
        const text = plainText(token.word);
        let compound: ShellNode | undefined;
        switch (text) {
          case 'if':
            compound = this.parseIf();
            break;
          case 'while':
          case 'until':
            compound = this.parseLoop(text === 'until');
            break;
          case 'for':
          case 'select':
            compound = this.parseFor();
            break;
          case 'case':
            compound = this.parseCase();
            break;
          case 'function':
            return this.parseFunctionKeyword();
          case '{': {
            this.next();
            const body = this.parseList();
            this.expectWord('}');
            compound = { type: 'group', body, redirects: [] };
            break;
          }
          case '[[':
            this.next();
            compound = { type: 'conditional', words: this.readConditionalWords(), redirects: [] };
            break;
          case 'coproc': {
            this.next();
            const after = this.peek();
            // `coproc NAME { ...; }` names the coprocess; `coproc command args` runs a command.
            if (
              after.kind === 'word' &&
              plainText(after.word) !== undefined &&
              !CLOSING_WORDS.has(plainText(after.word)!)
            ) {
              const saved = { position: this.position, peeked: this.peeked };
              this.next();
              const following = this.peek();
              const starts =
                following.kind === 'word'
                  ? plainText(following.word)
                  : following.kind === 'operator'
                    ? following.value
                    : undefined;
              if (
                starts === '{' ||
                starts === '(' ||
                starts === 'if' ||
                starts === 'while' ||
                starts === 'for'
              )
                return this.parseCommand();
              this.position = saved.position;
              this.peeked = saved.peeked;
            }
            return this.parseCommand();
          }
          default:
            if (text !== undefined && CLOSING_WORDS.has(text))
              this.fail(`unexpected "${text}"`, undefined, token.start);
        }
        if (compound) {
          this.readTrailingRedirects(compound);
          return compound;
        }
        return this.parseSimpleCommand();
      }
      if (token.kind === 'operator' && token.value === '(') {
        this.next();
        let compound: ShellNode | undefined;
        if (this.source[this.position] === '(') {
          const saved = this.position;
          this.position++;
          try {
            compound = { type: 'arithmetic_command', parts: this.readArithmeticBody(), redirects: [] };
          } catch {
            this.position = saved;
          }
        }
        if (!compound) {
          const body = this.parseList();
          this.expectOperator(')');
          compound = { type: 'subshell', body, redirects: [] };
        }
        this.readTrailingRedirects(compound);
        return compound;
      }
      if (token.kind === 'io_number' || (token.kind === 'operator' && REDIRECT_OPERATORS.has(token.value))) {
        return this.parseSimpleCommand();
      }
      if (token.kind === 'end') this.fail('unexpected end of the command', undefined, token.start);
      const text = token.kind === 'operator' ? token.value : 'newline';
      return this.fail(`unexpected "${text}"`, undefined, token.start);
    } finally {
      this.leave();
    }
  }

  private readTrailingRedirects(node: ShellNode): void {
    if (!('redirects' in node)) return;
    for (;;) {
      const token = this.peek();
      if (token.kind === 'io_number' || (token.kind === 'operator' && REDIRECT_OPERATORS.has(token.value))) {
        node.redirects.push(this.parseRedirect());
      } else return;
    }
  }

  private parseRedirect(): RedirectNode {
    let token = this.next();
    const redirect: RedirectNode = { operator: '' };
    if (token.kind === 'io_number') {
      if (token.fd !== undefined) redirect.fd = token.fd;
      if (token.variable !== undefined) redirect.variable = token.variable;
      token = this.next();
    }
    if (token.kind !== 'operator' || !REDIRECT_OPERATORS.has(token.value))
      this.fail('expected a redirection operator', undefined, token.start);
    redirect.operator = token.value;
    const target = this.next();
    if (target.kind !== 'word')
      this.fail(`expected a file name after "${token.value}"`, undefined, target.start);
    if (target.heredoc) redirect.heredoc = target.heredoc;
    else redirect.target = target.word;
    return redirect;
  }

  private parseSimpleCommand(): ShellNode {
    const command: SimpleCommandNode = { type: 'simple', assignments: [], words: [], redirects: [] };
    for (;;) {
      const token = this.peek();
      if (token.kind === 'io_number' || (token.kind === 'operator' && REDIRECT_OPERATORS.has(token.value))) {
        command.redirects.push(this.parseRedirect());
        continue;
      }
      if (token.kind !== 'word') break;
      this.next();
      if (command.words.length === 0) {
        const assignment = this.toAssignment(token);
        if (assignment) {
          command.assignments.push(assignment);
          continue;
        }
      }
      if (token.elements) {
        // `declare -a list=(a b)`: keep the elements as words so their substitutions are seen.
        command.words.push(token.word, ...token.elements);
        continue;
      }
      command.words.push(token.word);
      if (command.words.length === 1 && command.assignments.length === 0 && command.redirects.length === 0) {
        const following = this.peek();
        if (following.kind === 'operator' && following.value === '(') {
          const name = plainText(token.word) ?? token.word.raw;
          this.next();
          this.expectOperator(')');
          this.skipNewlines();
          const body = this.parseCommand();
          const node: FunctionNode = { type: 'function', name, body };
          return node;
        }
      }
    }
    if (command.words.length === 0 && command.assignments.length === 0 && command.redirects.length === 0) {
      const token = this.peek();
      this.fail('expected a command', undefined, token.start);
    }
    return command;
  }

  private toAssignment(token: WordToken): AssignmentNode | undefined {
    const first = token.word.parts[0];
    if (first?.type !== 'literal' || first.quoted) return undefined;
    const match = /^([A-Za-z_][A-Za-z0-9_]*)(\[[^\]]*\])?(\+?)=/.exec(first.value);
    if (!match) return undefined;
    const assignment: AssignmentNode = { name: match[1]!, append: match[3] === '+' };
    if (token.elements) {
      assignment.elements = token.elements;
      return assignment;
    }
    const rest = first.value.slice(match[0].length);
    const parts: WordPart[] = rest ? [{ type: 'literal', value: rest, quoted: false }] : [];
    parts.push(...token.word.parts.slice(1));
    if (parts.length > 0)
      assignment.value = { parts, raw: token.word.raw.slice(token.word.raw.indexOf('=') + 1) };
    return assignment;
  }

  private parseFunctionKeyword(): ShellNode {
    this.next();
    const nameToken = this.next();
    if (nameToken.kind !== 'word') this.fail('expected a function name', undefined, nameToken.start);
    const name = plainText(nameToken.word) ?? nameToken.word.raw;
    const token = this.peek();
    if (token.kind === 'operator' && token.value === '(') {
      this.next();
      this.expectOperator(')');
    }
    this.skipNewlines();
    const node: FunctionNode = { type: 'function', name, body: this.parseCommand() };
    return node;
  }

  private parseIf(): IfNode {
    this.next();
    const clauses: IfNode['clauses'] = [];
    const condition = this.parseList();
    this.expectWord('then');
    clauses.push({ condition, body: this.parseList() });
    const node: IfNode = { type: 'if', clauses, redirects: [] };
    for (;;) {
      const token = this.peek();
      const text = token.kind === 'word' ? plainText(token.word) : undefined;
      if (text === 'elif') {
        this.next();
        const elifCondition = this.parseList();
        this.expectWord('then');
        clauses.push({ condition: elifCondition, body: this.parseList() });
      } else if (text === 'else') {
        this.next();
        node.elseBody = this.parseList();
      } else break;
    }
    this.expectWord('fi');
    return node;
  }

  private parseLoop(until: boolean): LoopNode {
    this.next();
    const condition = this.parseList();
    this.expectWord('do');
    const body = this.parseList();
    this.expectWord('done');
    return { type: 'loop', until, condition, body, redirects: [] };
  }

  private parseLoopBody(): ListNode {
    this.skipNewlines();
    const token = this.peek();
    if (token.kind === 'word' && plainText(token.word) === '{') {
      this.next();
      const body = this.parseList();
      this.expectWord('}');
      return body;
    }
    this.expectWord('do');
    const body = this.parseList();
    this.expectWord('done');
    return body;
  }

  private parseFor(): ForNode {
    this.next();
    const token = this.peek();
    if (token.kind === 'operator' && token.value === '(' && this.source[this.position] === '(') {
      this.next();
      this.position++;
      const arithmetic = this.readArithmeticBody();
      const separator = this.peek();
      if (separator.kind === 'operator' && separator.value === ';') this.next();
      return { type: 'for', arithmetic, body: this.parseLoopBody(), redirects: [] };
    }
    const nameToken = this.next();
    if (nameToken.kind !== 'word') this.fail('expected a loop variable', undefined, nameToken.start);
    const node: ForNode = {
      type: 'for',
      variable: plainText(nameToken.word) ?? nameToken.word.raw,
      body: { type: 'list', items: [] },
      redirects: [],
    };
    this.skipNewlines();
    const next = this.peek();
    if (next.kind === 'word' && plainText(next.word) === 'in') {
      this.next();
      const items: Word[] = [];
      for (;;) {
        const item = this.peek();
        if (item.kind !== 'word') break;
        this.next();
        items.push(item.word);
      }
      node.items = items;
      const separator = this.peek();
      if (separator.kind === 'operator' && separator.value === ';') this.next();
      else if (separator.kind !== 'newline')
        this.fail(
          'expected ";" or a newline after the loop words',
          separator.kind === 'end' ? '; do :; done' : undefined,
          separator.start,
        );
    } else if (next.kind === 'operator' && next.value === ';') this.next();
    node.body = this.parseLoopBody();
    return node;
  }

  private parseCase(): CaseNode {
    this.next();
    const subjectToken = this.next();
    if (subjectToken.kind !== 'word')
      this.fail('expected a word after "case"', undefined, subjectToken.start);
    this.expectWord('in');
    const node: CaseNode = { type: 'case', subject: subjectToken.word, items: [], redirects: [] };
    for (;;) {
      this.skipNewlines();
      let token = this.peek();
      if (token.kind === 'word' && plainText(token.word) === 'esac') {
        this.next();
        return node;
      }
      if (token.kind === 'end') this.fail('expected "esac"', '\nesac', token.start);
      if (token.kind === 'operator' && token.value === '(') {
        this.next();
        token = this.peek();
      }
      const patterns: Word[] = [];
      for (;;) {
        const pattern = this.next();
        if (pattern.kind !== 'word') this.fail('expected a case pattern', undefined, pattern.start);
        patterns.push(pattern.word);
        const separator = this.peek();
        if (separator.kind === 'operator' && separator.value === '|') {
          this.next();
          continue;
        }
        break;
      }
      this.expectOperator(')');
      const body = this.parseList();
      node.items.push({ patterns, body });
      const end = this.peek();
      if (end.kind === 'operator' && (end.value === ';;' || end.value === ';&' || end.value === ';;&'))
        this.next();
      else if (!(end.kind === 'word' && plainText(end.word) === 'esac')) {
        this.fail('expected ";;" or "esac"', end.kind === 'end' ? '\nesac' : undefined, end.start);
      }
    }
  }

  /** The words between `[[` and `]]`, where `&&`, `||`, `(`, `)`, `<`, `>` are operators of the test. */
  private readConditionalWords(): Word[] {
    const source = this.source;
    const words: Word[] = [];
    let regexNext = false;
    for (;;) {
      this.skipBlanksAndComments();
      if (this.position >= source.length) this.fail('expected "]]"', ' ]]');
      const char = source[this.position]!;
      if (char === '\n') {
        this.position++;
        continue;
      }
      if (source.startsWith(']]', this.position) && isWordBreak(source[this.position + 2])) {
        this.position += 2;
        return words;
      }
      const operator =
        ['&&', '||'].find((candidate) => source.startsWith(candidate, this.position)) ??
        ('()<>'.includes(char) ? char : undefined);
      if (
        operator &&
        !(char === '<' && source[this.position + 1] === '(') &&
        !(char === '>' && source[this.position + 1] === '(')
      ) {
        this.position += operator.length;
        words.push({ parts: [{ type: 'literal', value: operator, quoted: false }], raw: operator });
        regexNext = false;
        continue;
      }
      const before = this.position;
      const { word } = this.readWord(regexNext ? { regex: true } : {});
      if (this.position === before) this.fail(`unexpected "${char}" in [[ ]]`);
      words.push(word);
      regexNext = plainText(word) === '=~';
    }
  }
}

/** Parses a command line (or a script). Never throws: a syntax error comes back as `error`. */
export function parseShell(options: { source: string }): ParseShellResult {
  const parser = new Parser({ source: options.source, depth: 0 });
  try {
    const script = parser.parseScript();
    return parser.warnings.length > 0 ? { script, warnings: parser.warnings } : { script };
  } catch (error) {
    if (error instanceof ShellSyntaxError) return { error };
    // Only a stack overflow can get here (the depth limit stops real nesting first).
    return {
      error: new ShellSyntaxError({
        message: error instanceof Error ? error.message : String(error),
        position: 0,
      }),
    };
  }
}
