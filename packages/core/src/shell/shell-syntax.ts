/**
 * The syntax tree `parseShell` produces. It keeps what the analysis needs to know what would
 * run (commands, words with their quoting, substitutions, redirections, function bodies) and
 * drops what it does not (exact token positions, comments, formatting).
 */

/** One shell word: its parts in order, as the shell would see them before expansion. */
export interface Word {
  parts: WordPart[];
  /** The word as written in the source, for messages and for dynamic values. */
  raw: string;
}

export type WordPart =
  | LiteralPart
  | ParameterPart
  | CommandSubstitutionPart
  | ProcessSubstitutionPart
  | ArithmeticPart;

/** Text after quote removal. `quoted` text is not split, globbed or brace-expanded. */
export interface LiteralPart {
  type: 'literal';
  value: string;
  quoted: boolean;
}

/** `$name`, `${name}`, `${name:-word}`, `${#name}`, `$1`, `$@`. */
export interface ParameterPart {
  type: 'parameter';
  name: string;
  quoted: boolean;
  /** `#` (length) or `!` (indirection) before the name. */
  prefix?: string;
  /** `:-`, `-`, `:=`, `=`, `:?`, `?`, `:+`, `+`, `#`, `##`, `%`, `%%`, `/`, `//`, `^`, `,`, `:`, `@`, `[`. */
  operator?: string;
  /** The word after the operator; it can hold substitutions that run. */
  argument?: Word;
  raw: string;
}

/** `$(...)` or a backquoted command: the script runs and its output becomes text. */
export interface CommandSubstitutionPart {
  type: 'command_substitution';
  script: Script;
  quoted: boolean;
  raw: string;
}

/** `<(...)` or `>(...)`: the script runs and the word becomes a `/dev/fd/N` path. */
export interface ProcessSubstitutionPart {
  type: 'process_substitution';
  direction: '<' | '>';
  script: Script;
  raw: string;
}

/** `$((...))`: its text can hold parameter and command substitutions. */
export interface ArithmeticPart {
  type: 'arithmetic';
  parts: WordPart[];
  quoted: boolean;
  raw: string;
}

export interface Script {
  type: 'script';
  body: ListNode;
}

export type ShellNode =
  | ListNode
  | AndOrNode
  | PipelineNode
  | SimpleCommandNode
  | SubshellNode
  | GroupNode
  | IfNode
  | LoopNode
  | ForNode
  | CaseNode
  | FunctionNode
  | ArithmeticCommandNode
  | ConditionalNode;

/** Commands separated by `;`, `&` or newlines. */
export interface ListNode {
  type: 'list';
  items: { node: ShellNode; background: boolean }[];
}

/** Pipelines joined by `&&` and `||`. */
export interface AndOrNode {
  type: 'and_or';
  nodes: ShellNode[];
  operators: ('&&' | '||')[];
}

export interface PipelineNode {
  type: 'pipeline';
  commands: ShellNode[];
  negated: boolean;
}

export interface AssignmentNode {
  name: string;
  /** Undefined for `name=` (empty) and for arrays. */
  value?: Word;
  /** `name=(a b c)` */
  elements?: Word[];
  append: boolean;
}

export interface HeredocNode {
  delimiter: string;
  /** A quoted delimiter (`<<'EOF'`) keeps the body literal; otherwise it is expanded like `"..."`. */
  quoted: boolean;
  body: Word;
}

export interface RedirectNode {
  /** The file descriptor written before the operator (`2>`), if any. */
  fd?: number;
  /** `{name}>file` allocates a descriptor into a variable. */
  variable?: string;
  operator: string;
  /** The file, descriptor or here-string word. Absent for here-documents. */
  target?: Word;
  heredoc?: HeredocNode;
}

export interface SimpleCommandNode {
  type: 'simple';
  assignments: AssignmentNode[];
  words: Word[];
  redirects: RedirectNode[];
}

export interface SubshellNode {
  type: 'subshell';
  body: ListNode;
  redirects: RedirectNode[];
}

export interface GroupNode {
  type: 'group';
  body: ListNode;
  redirects: RedirectNode[];
}

export interface IfNode {
  type: 'if';
  clauses: { condition: ListNode; body: ListNode }[];
  elseBody?: ListNode;
  redirects: RedirectNode[];
}

/** `while` and `until`. */
export interface LoopNode {
  type: 'loop';
  until: boolean;
  condition: ListNode;
  body: ListNode;
  redirects: RedirectNode[];
}

/** `for name in words`, `select name in words` and the arithmetic `for ((...))`. */
export interface ForNode {
  type: 'for';
  variable?: string;
  /** Undefined when `in` is omitted (the positional parameters). */
  items?: Word[];
  /** The three expressions of `for ((init; test; step))`, which can hold substitutions. */
  arithmetic?: WordPart[];
  body: ListNode;
  redirects: RedirectNode[];
}

export interface CaseNode {
  type: 'case';
  subject: Word;
  items: { patterns: Word[]; body: ListNode }[];
  redirects: RedirectNode[];
}

export interface FunctionNode {
  type: 'function';
  name: string;
  body: ShellNode;
}

/** `(( expression ))` */
export interface ArithmeticCommandNode {
  type: 'arithmetic_command';
  parts: WordPart[];
  redirects: RedirectNode[];
}

/** `[[ expression ]]`: its words are expanded (and can hold substitutions) but nothing runs. */
export interface ConditionalNode {
  type: 'conditional';
  words: Word[];
  redirects: RedirectNode[];
}
