import path from 'node:path';
import type { Finding } from '../finding.js';
import { globReach, hasGlob, resolvePath, secretGlobSample } from '../paths/classify-path.js';
import { describeCommand } from './command-semantics.js';
import {
  dumpsEnvironment,
  ENVIRONMENT_DUMPERS,
  isEnvironmentPrinter,
  SENDERS,
} from './environment-printers.js';
import { type ExpansionContext, expandToString, expandWord, type Field } from './expand-word.js';
import { inspectInlineCode } from './inspect-inline-code.js';
import { parseShell } from './parse-shell.js';
import {
  AWKS,
  DECODERS,
  interpreterFor,
  NETWORK_TOOLS,
  SHELLS,
  STREAMING_DOWNLOADERS,
} from './program-sets.js';
import { gitSettingScript } from './programs/vcs/git.js';
import type {
  FunctionNode,
  ListNode,
  RedirectNode,
  Script,
  ShellNode,
  SimpleCommandNode,
  Word,
  WordPart,
} from './shell-syntax.js';
import { decodeBase64, decodeHex, echoOutput, printfOutput, reverseLines, translate } from './text-output.js';
import { protectedPlacesBelow } from './tree-writes.js';
import type {
  AnalyzeShellOptions,
  ShellAnalysis,
  ShellRedirect,
  ShellTarget,
  SimpleCommand,
  TargetAccess,
} from './types.js';
import { type Unwrapped, unwrapCommand } from './unwrap-command.js';

// Limits that keep a hostile command from making the analysis itself slow. Past them the
// analysis stops and reports `shell.too_complex`, which the packs ask about.
const MAX_COMMANDS = 500;
const MAX_SCRIPT_DEPTH = 16;
const MAX_LOOP_VALUES = 8;

/** Shell variables a program reads as a command line to run. */
const COMMAND_VARIABLES = new Set([
  'GIT_SSH_COMMAND',
  'GIT_SSH',
  'GIT_EDITOR',
  'GIT_PAGER',
  'GIT_SEQUENCE_EDITOR',
  'GIT_EXTERNAL_DIFF',
  'GIT_ASKPASS',
  'GIT_PROXY_COMMAND',
  'SSH_ASKPASS',
  'EDITOR',
  'VISUAL',
  'PAGER',
  'MANPAGER',
  'SYSTEMD_PAGER',
  'PROMPT_COMMAND',
  'BROWSER',
  'LESSOPEN',
  'LESSCLOSE',
  'RSYNC_RSH',
  'CVS_RSH',
  'FCEDIT',
]);
/** Shell variables naming a file the shell sources at start-up. */
const SOURCED_VARIABLES = new Set(['BASH_ENV', 'ENV', 'ZDOTDIR']);
const PSEUDO_DEVICE = /^\/dev\/(null|zero|full|random|urandom|tty|stdin|stdout|stderr|fd\/\d+)$/;
const NETWORK_DEVICE = /^\/dev\/(tcp|udp)\//;

interface Scope {
  variables: Map<string, string | null | undefined>;
  /** `$0`, `$1`, ...; undefined when unknown (the agent's own shell). */
  positional: string[] | undefined;
  functions: Map<string, FunctionNode>;
  /** Files a downloader wrote earlier in the command (shared across subshells: files persist). */
  downloaded: Set<string>;
  /** Files written earlier in the command with text known now (`echo 'rm -rf ~' > x.sh`), by path. */
  written: Map<string, string>;
  /**
   * Files written earlier in the command with the environment or a database dump in them
   * (`printenv > /tmp/e`), so sending them later (`curl -F f=@/tmp/e`) is the same exfiltration.
   */
  dumps: Map<string, 'environment' | 'database'>;
  cwd: string;
  cwdKnown: boolean;
}

/** Database dumpers, for `dumpsDatabaseToStdout`: a cheap first test. */
const DATABASE_DUMPERS = new Set([
  'pg_dump',
  'pg_dumpall',
  'mysqldump',
  'mariadb-dump',
  'mongodump',
  'redis-cli',
]);

/**
 * Whether a dumper writes the dump to stdout, where a pipe can carry it to the network (`pg_dump
 * prod | gzip | aws s3 cp - s3://x`); written to a file (`-f`, `--result-file`, `--out dir`) it
 * is not streamed.
 */
function dumpsDatabaseToStdout(options: { program: string; args: readonly string[] }): boolean {
  const { program, args } = options;
  if (program === 'redis-cli') return args.includes('--rdb') && args[args.indexOf('--rdb') + 1] === '-';
  if (program === 'mongodump')
    return (
      args.some((arg) => arg === '--archive' || arg === '--out=-' || arg === '-o=-') ||
      (args.includes('--out') && args[args.indexOf('--out') + 1] === '-')
    );
  return !args.some((arg) => /^(-f|--file|-r|--result-file)(=|$)|^-f./.test(arg));
}

/** What flows into a command's stdin (or out of its stdout). */
interface Stream {
  /** The text itself, when it can be known without running anything. */
  content?: string;
  /** It comes from the network. */
  download: boolean;
  /** It went through a decoder (base64 -d, xxd -r, gunzip, rev, tr). */
  decoded: boolean;
  /** It started as text written in the command itself (echo, printf, a here-string). */
  literal: boolean;
  /** It is the output of a program whose output the guard cannot know (`foo | sh`). */
  opaque?: boolean;
  /** It holds the environment (`env`, `printenv`), with whatever tokens it carries. */
  environment?: boolean;
  /** It holds a database's dump (`pg_dump`, `mysqldump`, `mongodump --archive`). */
  databaseDump?: boolean;
  /** The command whose output it is, when opaque. */
  producer?: SimpleCommand;
}

interface Frame {
  scope: Scope;
  via: string[];
  depth: number;
  stdin?: Stream;
  /** Functions being expanded, to stop recursion. */
  functions: string[];
}

interface Effective {
  command: SimpleCommand;
  output: Stream;
  readsScriptFromStdin: boolean;
  network: boolean;
}

function cloneScope(scope: Scope): Scope {
  return {
    variables: new Map(scope.variables),
    positional: scope.positional ? [...scope.positional] : undefined,
    functions: new Map(scope.functions),
    downloaded: scope.downloaded,
    written: scope.written,
    dumps: scope.dumps,
    cwd: scope.cwd,
    cwdKnown: scope.cwdKnown,
  };
}

function literalField(value: string): Field {
  return { value, dynamic: false, glob: false };
}

function basename(value: string): string {
  const trimmed = value.replace(/\/+$/, '');
  const slash = trimmed.lastIndexOf('/');
  return slash < 0 ? trimmed : trimmed.slice(slash + 1);
}

/**
 * The program as the system would find it: macOS and Windows file systems ignore case (`RM`
 * runs rm), Windows adds `.exe` and uses backslashes (`C:\Git\bin\git.exe`).
 */
function programName(value: string): string {
  // zsh's `=rm` is the path of rm.
  const name = basename(value.replace(/\\/g, '/').replace(/^=(?=[A-Za-z_])/, '')) || value;
  return name.toLowerCase().replace(/\.exe$/, '');
}

function plainWord(word: Word | undefined): string | undefined {
  if (word?.parts.length !== 1) return undefined;
  const part = word.parts[0]!;
  return part.type === 'literal' && !part.quoted ? part.value : undefined;
}

function urlFileName(args: readonly string[]): string | undefined {
  const url = args.find((arg) => /^[a-z][a-z0-9+.-]*:\/\//i.test(arg));
  if (!url) return undefined;
  const name = basename(url.replace(/[?#].*$/, '').replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, ''));
  return name || 'index.html';
}

class ShellAnalyzer {
  readonly commands: SimpleCommand[] = [];
  readonly findings: Finding[] = [];
  private readonly home: string;
  private readonly env: Readonly<Record<string, string>>;
  private readonly substitutionCommands = new WeakMap<Word, SimpleCommand[]>();
  private readonly fieldWords = new WeakMap<Field, Word>();
  private exhausted = false;

  constructor(options: { home: string; env: Readonly<Record<string, string>> }) {
    this.home = options.home;
    this.env = options.env;
  }

  addFinding(id: string, message: string, subject?: string): void {
    if (this.findings.some((item) => item.id === id && item.subject === subject)) return;
    this.findings.push(subject === undefined ? { id, message } : { id, message, subject });
  }

  private spend(): boolean {
    if (this.commands.length < MAX_COMMANDS) return true;
    if (!this.exhausted) {
      this.exhausted = true;
      this.addFinding(
        'shell.too_complex',
        'The command expands to more commands than the guard analyses; the rest was not checked.',
      );
    }
    return false;
  }

  // ------------------------------------------------------------------ scripts

  /** Parses and analyses shell source met inside the command (bash -c, eval, ssh host CMD, ...). */
  analyzeScriptText(options: { text: string; frame: Frame; label: string }): void {
    const { text, frame, label } = options;
    if (frame.depth >= MAX_SCRIPT_DEPTH) {
      this.addFinding(
        'shell.too_complex',
        'The command nests scripts deeper than the guard analyses.',
        label,
      );
      return;
    }
    const inner: Frame = { ...frame, via: [...frame.via, label], depth: frame.depth + 1 };
    const parsed = parseWithRecovery(text);
    if (parsed.error) {
      this.addFinding(
        'shell.unparseable',
        `The ${label} script could not be parsed (${parsed.error}); it is not safe to assume what it runs.`,
        label,
      );
    }
    if (parsed.script) this.analyzeList(parsed.script.body, inner);
    else this.analyzeFallback(text, inner);
  }

  /** When even recovery fails: split on operators and whitespace so obvious commands still show. */
  analyzeFallback(text: string, frame: Frame): void {
    for (const segment of text.split(/[;&|\n()`]+|\$\(/)) {
      const words = segment
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map((word) => literalField(word.replace(/\\(.)/g, '$1').replace(/['"]/g, '')));
      while (words.length > 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0]!.value)) words.shift();
      if (words.length > 0) this.runArgv({ argv: words, frame, redirects: [], redirectTargets: [] });
    }
  }

  analyzeList(list: ListNode, frame: Frame): void {
    for (const item of list.items) {
      if (item.background) {
        this.analyzeNode(item.node, { ...frame, scope: cloneScope(frame.scope) });
      } else this.analyzeNode(item.node, frame);
    }
  }

  analyzeNode(node: ShellNode, frame: Frame): Effective | undefined {
    if (!this.spend()) return undefined;
    switch (node.type) {
      case 'list':
        this.analyzeList(node, frame);
        return undefined;
      case 'and_or':
        for (const inner of node.nodes) this.analyzeNode(inner, frame);
        return undefined;
      case 'pipeline':
        this.analyzePipeline(node.commands, frame);
        return undefined;
      case 'simple':
        return this.analyzeSimple(node, frame);
      case 'function':
        this.defineFunction(node, frame);
        return undefined;
      case 'subshell':
        this.withRedirects(node.redirects, frame, (inner) =>
          this.analyzeList(node.body, { ...inner, scope: cloneScope(frame.scope) }),
        );
        return undefined;
      case 'group':
        this.withRedirects(node.redirects, frame, (inner) => this.analyzeList(node.body, inner));
        return undefined;
      case 'if':
        this.withRedirects(node.redirects, frame, (inner) => {
          for (const clause of node.clauses) {
            this.analyzeList(clause.condition, inner);
            this.analyzeList(clause.body, inner);
          }
          if (node.elseBody) this.analyzeList(node.elseBody, inner);
        });
        return undefined;
      case 'loop':
        this.withRedirects(node.redirects, frame, (inner) => {
          this.analyzeList(node.condition, inner);
          this.analyzeList(node.body, inner);
        });
        return undefined;
      case 'for':
        this.withRedirects(node.redirects, frame, (inner) => this.analyzeFor(node, inner));
        return undefined;
      case 'case':
        this.withRedirects(node.redirects, frame, (inner) => {
          this.analyzeWordSubstitutions(node.subject, inner);
          for (const item of node.items) {
            for (const pattern of item.patterns) this.analyzeWordSubstitutions(pattern, inner);
            this.analyzeList(item.body, inner);
          }
        });
        return undefined;
      case 'arithmetic_command':
        this.analyzePartsSubstitutions(node.parts, frame);
        return undefined;
      case 'conditional':
        for (const word of node.words) this.analyzeWordSubstitutions(word, frame);
        return undefined;
    }
  }

  private analyzeFor(node: Extract<ShellNode, { type: 'for' }>, frame: Frame): void {
    if (node.arithmetic) this.analyzePartsSubstitutions(node.arithmetic, frame);
    if (!node.variable) {
      this.analyzeList(node.body, frame);
      return;
    }
    let values: Field[] | undefined;
    if (node.items) {
      values = [];
      for (const item of node.items) {
        this.analyzeWordSubstitutions(item, frame);
        values.push(...expandWord({ word: item, context: this.context(frame) }));
      }
    } else if (frame.scope.positional) values = frame.scope.positional.slice(1).map(literalField);
    const known =
      values && values.length <= MAX_LOOP_VALUES && values.every((field) => !field.dynamic && !field.glob);
    if (known && values!.length > 0) {
      // Each value can steer the body differently (`for d in / ; do rm -rf "$d"; done`).
      for (const value of values!) {
        frame.scope.variables.set(node.variable, value.value);
        this.analyzeList(node.body, frame);
      }
    } else {
      frame.scope.variables.set(node.variable, undefined);
      this.analyzeList(node.body, frame);
    }
  }

  private defineFunction(node: FunctionNode, frame: Frame): void {
    frame.scope.functions.set(node.name, node);
    if (callsItselfConcurrently(node.body, node.name, false)) {
      this.addFinding(
        'shell.fork_bomb',
        `The function "${node.name}" starts copies of itself in a pipe or in the background: a fork bomb.`,
        node.name,
      );
    }
  }

  private analyzePipeline(stages: readonly ShellNode[], frame: Frame): void {
    let stdin = frame.stdin;
    // A reverse shell sends the shell's output back: a network stage after a shell that reads
    // its commands from the pipe. (A network stage only before it is a download: `nc host | sh`.)
    let shellFromStdin = false;
    let networkAfterShell = false;
    for (const stage of stages) {
      const effective = this.analyzeNode(stage, {
        ...frame,
        scope: stages.length > 1 ? cloneScope(frame.scope) : frame.scope,
        stdin,
      });
      stdin = effective?.output ?? { download: false, decoded: false, literal: false };
      if (effective?.network && shellFromStdin) networkAfterShell = true;
      if (effective?.readsScriptFromStdin) shellFromStdin = true;
    }
    if (networkAfterShell) {
      this.addFinding(
        'shell.reverse_shell',
        'A shell sends the output of commands it reads from a pipe to a network connection: a reverse shell.',
        'pipeline',
      );
    }
  }

  /** Runs `body` with the redirections of a compound command applied to what runs inside. */
  private withRedirects(
    redirects: readonly RedirectNode[],
    frame: Frame,
    body: (inner: Frame) => void,
  ): void {
    if (redirects.length === 0) {
      body(frame);
      return;
    }
    const evaluated = this.evaluateRedirects(redirects, frame);
    const before = this.commands.length;
    body(evaluated.stdin ? { ...frame, stdin: evaluated.stdin } : frame);
    for (const command of this.commands.slice(before)) {
      command.redirects.push(...evaluated.redirects);
      command.targets.push(...evaluated.targets);
    }
  }

  // ------------------------------------------------------------------ words

  private context(frame: Frame): ExpansionContext {
    return {
      home: this.home,
      lookup: (name) => this.lookup(name, frame),
      evaluateSubstitution: (script) => this.evaluateStatically(script, frame),
    };
  }

  private lookup(name: string, frame: Frame): string | null | undefined {
    const { scope } = frame;
    if (/^\d+$/.test(name)) {
      if (!scope.positional) return undefined;
      return scope.positional[Number(name)] ?? null;
    }
    if (name === '@' || name === '*')
      return scope.positional ? scope.positional.slice(1).join(' ') : undefined;
    if (name === '#') return scope.positional ? String(Math.max(0, scope.positional.length - 1)) : undefined;
    if (scope.variables.has(name)) return scope.variables.get(name);
    if (name === 'HOME') return this.home;
    if (name === 'PWD') return scope.cwdKnown ? scope.cwd : undefined;
    if (name === 'IFS') return ' \t\n';
    // Whatever it is exactly, $SHELL names a shell: `$SHELL -c '...'` runs a script.
    if (name === 'SHELL' && !Object.hasOwn(this.env, name)) return '/bin/sh';
    // $TMPDIR is taken to be a temporary directory (agents run with one; the other guards assume
    // the same). Where it is unset, `$TMPDIR/x` is `/x`: pass env: { TMPDIR: '' } to say so.
    if (name === 'TMPDIR' && !Object.hasOwn(this.env, name)) return '/tmp';
    if (Object.hasOwn(this.env, name)) return this.env[name];
    return undefined;
  }

  /** The output of `$(...)` when it is an `echo` or `printf` of known text. */
  private evaluateStatically(script: Script, frame: Frame): string | undefined {
    const items = script.body.items;
    if (items.length !== 1) return undefined;
    const node = items[0]!.node;
    if (node.type !== 'simple' || node.redirects.length > 0 || node.words.length === 0) return undefined;
    const program = plainWord(node.words[0]);
    if (program !== 'echo' && program !== 'printf' && program !== 'pwd' && program !== 'mktemp')
      return undefined;
    if (program === 'pwd') return frame.scope.cwdKnown ? `${frame.scope.cwd}\n` : undefined;
    // mktemp's name is random, but its directory is known: /tmp unless told otherwise.
    if (program === 'mktemp') {
      const options = node.words.slice(1).map((word) => plainWord(word) ?? '');
      return options.every((option) => /^-[dqu]+$|^--(directory|quiet|dry-run)$/.test(option))
        ? '/tmp/tmp.XXXXXXXXXX\n'
        : undefined;
    }
    const context = this.context(frame);
    const args = node.words.slice(1).flatMap((word) => expandWord({ word, context }));
    if (args.some((field) => field.dynamic)) return undefined;
    const values = args.map((field) => field.value);
    return program === 'echo' ? echoOutput(values) : printfOutput(values);
  }

  /** Analyses the commands inside a word's substitutions: they run before the command itself. */
  private analyzeWordSubstitutions(word: Word, frame: Frame): void {
    const before = this.commands.length;
    this.analyzePartsSubstitutions(word.parts, frame);
    if (this.commands.length > before) this.substitutionCommands.set(word, this.commands.slice(before));
  }

  private analyzePartsSubstitutions(parts: readonly WordPart[], frame: Frame): void {
    for (const part of parts) {
      if (part.type === 'command_substitution' || part.type === 'process_substitution') {
        if (frame.depth >= MAX_SCRIPT_DEPTH) {
          this.addFinding(
            'shell.too_complex',
            'The command nests substitutions deeper than the guard analyses.',
          );
          continue;
        }
        const label = part.type === 'command_substitution' ? '$()' : `${part.direction}()`;
        this.analyzeList(part.script.body, {
          ...frame,
          scope: cloneScope(frame.scope),
          via: [...frame.via, label],
          depth: frame.depth + 1,
          stdin: undefined,
        });
      } else if (part.type === 'parameter' && part.argument)
        this.analyzePartsSubstitutions(part.argument.parts, frame);
      else if (part.type === 'arithmetic') this.analyzePartsSubstitutions(part.parts, frame);
    }
  }

  private expandFields(words: readonly Word[], frame: Frame): Field[] {
    const context = this.context(frame);
    const fields: Field[] = [];
    for (const word of words) {
      for (const field of expandWord({ word, context })) {
        this.fieldWords.set(field, word);
        fields.push(field);
      }
    }
    return fields;
  }

  /** The commands run by substitutions inside the word a field came from. */
  private substitutionsOf(field: Field): SimpleCommand[] {
    const word = this.fieldWords.get(field);
    return word ? (this.substitutionCommands.get(word) ?? []) : [];
  }

  private fetchesCode(field: Field): boolean {
    return this.substitutionsOf(field).some(
      (command) => STREAMING_DOWNLOADERS.has(command.program) && isStreamingDownload(command),
    );
  }

  private isProcessSubstitution(field: Field): boolean {
    const word = this.fieldWords.get(field);
    return word?.parts.length === 1 && word.parts[0]?.type === 'process_substitution';
  }

  /** Every unknown part of these arguments is the output of a known environment printer. */
  private onlyEnvironmentPrinters(fields: readonly Field[]): boolean {
    let seen = false;
    for (const field of fields) {
      if (!field.dynamic) continue;
      const commands = this.substitutionsOf(field);
      if (commands.length === 0 || !commands.every(isEnvironmentPrinter)) return false;
      seen = true;
    }
    return seen;
  }

  /** The script a process substitution argument (`bash <(echo ...)`) would feed, when known. */
  private processSubstitutionText(field: Field, frame: Frame): string | undefined {
    const word = this.fieldWords.get(field);
    const part = word?.parts.length === 1 ? word.parts[0] : undefined;
    if (part?.type !== 'process_substitution') return undefined;
    return this.evaluateStatically(part.script, frame);
  }

  // ------------------------------------------------------------------ redirections

  private evaluateRedirects(
    redirects: readonly RedirectNode[],
    frame: Frame,
  ): {
    redirects: ShellRedirect[];
    targets: ShellTarget[];
    stdin?: Stream;
    stdoutFiles: string[];
    network: boolean;
    duplicatesStandardStreams: boolean;
  } {
    const result: ReturnType<ShellAnalyzer['evaluateRedirects']> = {
      redirects: [],
      targets: [],
      stdoutFiles: [],
      network: false,
      duplicatesStandardStreams: false,
    };
    const context = this.context(frame);
    for (const redirect of redirects) {
      if (redirect.heredoc) {
        this.analyzePartsSubstitutions(redirect.heredoc.body.parts, frame);
        const body = expandToString({ word: redirect.heredoc.body, context });
        result.stdin = {
          download: false,
          decoded: false,
          literal: true,
          ...(body.dynamic ? {} : { content: body.value }),
        };
        result.redirects.push({
          operator: redirect.operator,
          ...(redirect.fd !== undefined ? { fd: redirect.fd } : {}),
          dynamic: body.dynamic,
        });
        continue;
      }
      if (!redirect.target) continue;
      this.analyzeWordSubstitutions(redirect.target, frame);
      if (redirect.operator === '<<<') {
        const text = expandToString({ word: redirect.target, context });
        result.stdin = {
          download: false,
          decoded: false,
          literal: true,
          ...(text.dynamic ? {} : { content: `${text.value}\n` }),
        };
        result.redirects.push({ operator: '<<<', dynamic: text.dynamic });
        continue;
      }
      const fields = expandWord({ word: redirect.target, context });
      const field = fields[0] ?? literalField('');
      const target = field.value;
      const entry: ShellRedirect = {
        operator: redirect.operator,
        target,
        dynamic: field.dynamic || fields.length !== 1,
      };
      if (redirect.fd !== undefined) entry.fd = redirect.fd;
      result.redirects.push(entry);
      if ((redirect.operator === '>&' || redirect.operator === '<&') && /^(\d+|-)$/.test(target)) {
        if ((redirect.fd ?? (redirect.operator === '>&' ? 1 : 0)) <= 2)
          result.duplicatesStandardStreams = true;
        continue;
      }
      if (NETWORK_DEVICE.test(target)) {
        result.network = true;
        if (redirect.operator === '<' || redirect.operator === '<>')
          result.stdin = { download: true, decoded: false, literal: false };
        if (redirect.operator !== '<')
          result.duplicatesStandardStreams ||= redirect.fd === undefined || redirect.fd <= 2;
        continue;
      }
      if (PSEUDO_DEVICE.test(target) || target === '') continue;
      const access: TargetAccess = redirect.operator === '<' ? 'read' : 'write';
      if (redirect.operator === '<') {
        result.stdin = { download: false, decoded: false, literal: false };
        const resolved = this.resolveTarget({
          path: target,
          access,
          glob: field.glob,
          dynamic: entry.dynamic,
          scope: frame.scope,
        });
        result.targets.push(resolved);
        continue;
      }
      const resolved = this.resolveTarget({
        path: target,
        access,
        glob: field.glob,
        dynamic: entry.dynamic,
        scope: frame.scope,
      });
      result.targets.push(resolved);
      if (redirect.fd === undefined || redirect.fd === 1 || redirect.operator.startsWith('&'))
        result.stdoutFiles.push(resolved.resolved);
    }
    return result;
  }

  private resolveTarget(options: {
    path: string;
    access: TargetAccess;
    glob: boolean;
    dynamic: boolean;
    scope: Scope;
  }): ShellTarget {
    const { path: value, scope } = options;
    let dynamic = options.dynamic;
    let glob = options.glob;
    let resolved: string;
    const dynamicAt = dynamic ? value.search(/\$|`/) : -1;
    if (dynamicAt >= 0) {
      // Only the part before the first unknown expansion is known: it bounds where the path can be.
      const prefix = value.slice(0, dynamicAt);
      const directory = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/') + 1) || '/' : '';
      resolved = directory
        ? globReach({ pattern: `${directory}*`, cwd: scope.cwd, home: this.home })
        : scope.cwd;
      glob = true;
    } else if (glob) resolved = globReach({ pattern: value, cwd: scope.cwd, home: this.home });
    else resolved = resolvePath({ path: value, cwd: scope.cwd, home: this.home });
    const relativeToUnknown = !scope.cwdKnown && !value.startsWith('/') && !value.startsWith('~');
    if (relativeToUnknown) dynamic = true;
    const absolute = resolvePath({ path: value, cwd: scope.cwd, home: this.home });
    const target: ShellTarget = {
      path: value,
      resolved,
      absolute,
      access: options.access,
      glob: glob || hasGlob(value),
      dynamic,
    };
    if (dynamicAt === 0 || relativeToUnknown) target.unknownLocation = true;
    return target;
  }

  // ------------------------------------------------------------------ simple commands

  private analyzeSimple(node: SimpleCommandNode, frame: Frame): Effective | undefined {
    for (const assignment of node.assignments) {
      if (assignment.value) this.analyzeWordSubstitutions(assignment.value, frame);
      for (const element of assignment.elements ?? []) this.analyzeWordSubstitutions(element, frame);
    }
    for (const word of node.words) this.analyzeWordSubstitutions(word, frame);
    const redirects = this.evaluateRedirects(node.redirects, frame);
    const argv = this.expandFields(node.words, frame);
    const context = this.context(frame);

    if (argv.length === 0) {
      for (const assignment of node.assignments) {
        if (assignment.elements) frame.scope.variables.set(assignment.name, undefined);
        else if (!assignment.value)
          frame.scope.variables.set(
            assignment.name,
            assignment.append ? frame.scope.variables.get(assignment.name) : '',
          );
        else {
          const value = expandToString({ word: assignment.value, context });
          const previous = frame.scope.variables.get(assignment.name);
          if (
            value.dynamic ||
            (assignment.append && previous === undefined && frame.scope.variables.has(assignment.name))
          )
            frame.scope.variables.set(assignment.name, undefined);
          else
            frame.scope.variables.set(
              assignment.name,
              assignment.append ? `${previous ?? ''}${value.value}` : value.value,
            );
        }
      }
      if (redirects.network && redirects.duplicatesStandardStreams) {
        this.addFinding(
          'shell.reverse_shell',
          'The shell connects its standard streams to a network socket: a reverse shell.',
          '/dev/tcp',
        );
      }
      // A redirection alone still opens its file: `> ~/.warden/audit.log` empties it and
      // `$(< ~/.ssh/id_rsa)` reads it. It is recorded as the null command `:` with those targets.
      if (redirects.targets.length > 0) {
        this.commands.push({
          program: ':',
          path: ':',
          args: [],
          via: frame.via,
          flags: [],
          targets: redirects.targets,
          redirects: redirects.redirects,
          dynamic: false,
        });
      }
      return undefined;
    }

    // Variables that hold a command line run it when the program reads them.
    for (const assignment of node.assignments) {
      if (!assignment.value) continue;
      const value = expandToString({ word: assignment.value, context });
      if (COMMAND_VARIABLES.has(assignment.name))
        this.analyzeScriptText({ text: value.value, frame, label: assignment.name });
      if (SOURCED_VARIABLES.has(assignment.name) && argv[0] && SHELLS.has(basename(argv[0].value))) {
        this.noteExecutedFile({ path: value.value, frame, label: assignment.name });
      }
    }
    this.gitConfigFromEnvironment(node, frame);

    const stdin = redirects.stdin ?? frame.stdin;
    return this.runArgv({
      argv,
      frame,
      redirects: redirects.redirects,
      redirectTargets: redirects.targets,
      stdoutFiles: redirects.stdoutFiles,
      network: redirects.network,
      duplicatesStandardStreams: redirects.duplicatesStandardStreams,
      ...(stdin ? { stdin } : {}),
    });
  }

  /** `GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=core.pager GIT_CONFIG_VALUE_0='sh -c ...' git log` */
  private gitConfigFromEnvironment(node: SimpleCommandNode, frame: Frame): void {
    if (!node.assignments.some((assignment) => assignment.name.startsWith('GIT_CONFIG_'))) return;
    const values = new Map<string, string>();
    const context = this.context(frame);
    for (const assignment of node.assignments) {
      if (assignment.value && assignment.name.startsWith('GIT_CONFIG_'))
        values.set(assignment.name, expandToString({ word: assignment.value, context }).value);
    }
    for (const [name, key] of values) {
      const index = /^GIT_CONFIG_KEY_(\d+)$/.exec(name)?.[1];
      const value = index === undefined ? undefined : values.get(`GIT_CONFIG_VALUE_${index}`);
      if (value === undefined) continue;
      const entry = gitSettingScript({ key, value, label: 'git -c' });
      if (entry?.kind === 'script')
        this.analyzeScriptText({ text: entry.script, frame, label: `GIT_CONFIG ${key}` });
    }
  }

  /** Remembers text written to files, so running one of them later in the line is analysed. */
  /** Which dump, if any, this command reads from a file the same command line filled with one. */
  private dumpRead(command: SimpleCommand, scope: Scope): 'environment' | 'database' | undefined {
    if (scope.dumps.size === 0) return undefined;
    let found: 'environment' | 'database' | undefined;
    for (const target of command.targets) {
      if (target.access !== 'read') continue;
      const dump = scope.dumps.get(target.resolved);
      if (dump === 'environment') return dump;
      if (dump) found = dump;
    }
    return found;
  }

  private recordWritten(options: {
    output: Stream;
    files: string[];
    frame: Frame;
    stdin: Stream | undefined;
  }): Stream {
    const text = options.stdin?.content ?? options.output.content;
    const dump = options.output.environment
      ? 'environment'
      : options.output.databaseDump
        ? 'database'
        : undefined;
    if (dump) for (const file of options.files) options.frame.scope.dumps.set(file, dump);
    for (const file of options.files) {
      if (text !== undefined) options.frame.scope.written.set(file, text);
      else options.frame.scope.written.delete(file);
    }
    return options.output;
  }

  private noteExecutedFile(options: { path: string; frame: Frame; label: string }): ShellTarget {
    const target = this.resolveTarget({
      path: options.path,
      access: 'execute',
      glob: false,
      dynamic: false,
      scope: options.frame.scope,
    });
    if (options.frame.scope.downloaded.has(target.resolved)) {
      this.addFinding(
        'shell.download_exec',
        'A file downloaded earlier in this command is executed: unreviewed code from the network.',
        `${options.label} ${options.path}`,
      );
    }
    // A script written earlier in the same line (`echo 'rm -rf ~' > x.sh && sh x.sh`) runs its text.
    const written = options.frame.scope.written.get(target.resolved);
    if (written !== undefined) {
      options.frame.scope.written.delete(target.resolved);
      this.analyzeScriptText({
        text: written,
        frame: { ...options.frame, stdin: undefined },
        label: `${options.label} ${options.path}`,
      });
      options.frame.scope.written.set(target.resolved, written);
    }
    return target;
  }

  private runArgv(options: {
    argv: Field[];
    frame: Frame;
    redirects: ShellRedirect[];
    redirectTargets: ShellTarget[];
    stdoutFiles?: string[];
    stdin?: Stream;
    appendsInput?: boolean;
    /** Started by an external wrapper (sudo, env, xargs): shell functions are not visible. */
    external?: boolean;
    network?: boolean;
    duplicatesStandardStreams?: boolean;
  }): Effective | undefined {
    const { argv, frame } = options;
    if (!this.spend()) return undefined;
    const programField = argv[0]!;
    const argFields = argv.slice(1);
    const args = argFields.map((field) => field.value);
    const program = programName(programField.value);
    const commandText = [programField.value, ...args].join(' ').slice(0, 160);
    const dynamic =
      programField.dynamic || argFields.some((field) => field.dynamic) || options.appendsInput === true;
    const unknownStream: Stream = {
      download: options.stdin?.download ?? false,
      decoded: options.stdin?.decoded ?? false,
      literal: options.stdin?.literal ?? false,
    };

    const base: SimpleCommand = {
      program,
      path: programField.value,
      args,
      via: frame.via,
      flags: [],
      targets: [],
      redirects: options.redirects,
      dynamic,
    };

    if (programField.dynamic) {
      if (this.fetchesCode(programField))
        this.addFinding(
          'shell.download_exec',
          'The program to run comes from a download: unreviewed code from the network.',
          commandText,
        );
      this.addFinding(
        'shell.dynamic_command',
        'The program name is only known when the command runs, so the guard cannot tell what it is.',
        programField.value,
      );
      base.targets.push(...options.redirectTargets);
      this.commands.push(base);
      return { command: base, output: unknownStream, readsScriptFromStdin: false, network: false };
    }

    // Only the shell itself calls functions: not through sudo, env, xargs, /usr/bin/time, ...
    const called =
      !programField.value.includes('/') && !options.external
        ? frame.scope.functions.get(programField.value)
        : undefined;
    if (called && !frame.functions.includes(program) && frame.depth < MAX_SCRIPT_DEPTH) {
      const scope: Scope = { ...frame.scope, positional: [program, ...args] };
      this.analyzeNode(called.body, {
        ...frame,
        scope,
        via: [...frame.via, `${program}()`],
        depth: frame.depth + 1,
        functions: [...frame.functions, program],
      });
      frame.scope.cwd = scope.cwd;
      frame.scope.cwdKnown = scope.cwdKnown;
      return undefined;
    }

    this.applyBuiltin({ program, argFields, frame });

    // No spread: this runs for every command.
    const description = describeCommand({ program, args, stdin: options.stdin?.content });
    const command: SimpleCommand = { ...base, flags: description.flags, targets: [] };
    if (description.subcommand !== undefined) command.subcommand = description.subcommand;
    for (const raw of description.targets) {
      const field = raw.argument !== undefined ? argFields[raw.argument] : undefined;
      const target = this.resolveTarget({
        path: raw.path,
        access: raw.access,
        glob: field?.glob ?? hasGlob(raw.path),
        dynamic: field?.dynamic ?? false,
        scope: frame.scope,
      });
      command.targets.push(target);
      if (raw.tree && !target.unknownLocation)
        for (const place of protectedPlacesBelow({
          directory: target.resolved,
          home: this.home,
          includeHome: raw.access === 'read',
        }))
          command.targets.push({ ...target, resolved: place, absolute: place, glob: false });
      // `cat .env*`, `cp ~/keys/id_* .`: a glob whose name part matches a secret's name reaches
      // that secret; the directory it reaches alone would not say so.
      const sample = target.glob && !target.unknownLocation ? secretGlobSample(raw.path) : undefined;
      if (sample && !hasGlob(raw.path.slice(0, Math.max(0, raw.path.lastIndexOf('/')))))
        command.targets.push({
          ...target,
          path: raw.path,
          resolved: `${target.resolved.replace(/\/+$/, '')}/${sample}`,
          glob: false,
        });
    }
    command.targets.push(...options.redirectTargets);
    if (programField.value.includes('/'))
      command.targets.push(this.noteExecutedFile({ path: programField.value, frame, label: 'run' }));
    this.commands.push(command);
    for (const item of description.findings) this.addFinding(item.id, item.message, item.subject);

    const network = NETWORK_TOOLS.has(program) || options.network === true;
    // A file this command line filled with a dump earlier, now read by a sender (`-F f=@/tmp/e`).
    const sentDump = SENDERS.has(program) ? this.dumpRead(command, frame.scope) : undefined;
    if (SENDERS.has(program) && (options.stdin?.databaseDump === true || sentDump === 'database'))
      this.addFinding(
        'shell.database_exfiltration',
        "A database's dump (its users, data and secrets) is sent over the network.",
        commandText,
      );
    if (
      SENDERS.has(program) &&
      (options.stdin?.environment === true ||
        sentDump === 'environment' ||
        argFields.some((field) => this.substitutionsOf(field).some(dumpsEnvironment)))
    ) {
      this.addFinding(
        'shell.env_exfiltration',
        'The environment (with the tokens and keys it holds) is sent over the network.',
        commandText,
      );
    }
    if (
      options.network &&
      (SHELLS.has(program) ||
        program === 'exec' ||
        interpreterFor(program) ||
        options.duplicatesStandardStreams)
    ) {
      this.addFinding(
        'shell.reverse_shell',
        'A shell is connected to a network socket through /dev/tcp: a reverse shell.',
        commandText,
      );
    }
    if (
      options.appendsInput &&
      program === 'rm' &&
      command.flags.some((flag) => flag === 'r' || flag === 'R' || flag === 'recursive')
    ) {
      // Deletion targets that come from a pipe cannot be checked.
      this.addFinding(
        'shell.dynamic_targets',
        'The files this command deletes recursively come from its input and cannot be checked.',
        commandText,
      );
    }

    // Downloads written to files, so running them later is caught.
    if (
      STREAMING_DOWNLOADERS.has(program) ||
      program === 'wget' ||
      program === 'aria2c' ||
      program === 'scp' ||
      program === 'rsync'
    ) {
      for (const target of command.targets)
        if (target.access === 'write') frame.scope.downloaded.add(target.resolved);
      if (isStreamingDownload(command))
        for (const file of options.stdoutFiles ?? []) frame.scope.downloaded.add(file);
      const remoteName =
        (program === 'wget' && !command.targets.some((target) => target.access === 'write')) ||
        (program === 'curl' && args.some((arg) => /^-[a-zA-Z]*O[a-zA-Z]*$|^--remote-name(-all)?$/.test(arg)));
      const name = remoteName ? urlFileName(args) : undefined;
      if (name)
        frame.scope.downloaded.add(resolvePath({ path: name, cwd: frame.scope.cwd, home: this.home }));
    }

    let readsScriptFromStdin = false;
    let effective: Effective | undefined;
    const stdinItems =
      options.stdin?.content !== undefined ? splitItems(options.stdin.content, args) : undefined;
    const unwrapped = unwrapCommand({
      program,
      args: argFields,
      ...(stdinItems ? { stdinItems } : {}),
      ...(options.stdin?.content !== undefined ? { stdinText: options.stdin.content } : {}),
    });
    if (unwrapped && unwrapped.length > 0) {
      command.wrapper = true;
      const codeRunner = unwrapped.some((entry) => entry.kind !== 'exec');
      if (codeRunner && argFields.some((field) => this.fetchesCode(field))) {
        this.addFinding(
          'shell.download_exec',
          'A shell runs a script straight from a download: unreviewed code from the network.',
          commandText,
        );
      }
      for (const entry of unwrapped) {
        const result = this.runUnwrapped({ entry, frame, stdin: options.stdin, argFields });
        if (result?.effective) effective = result.effective;
        if (result?.readsScriptFromStdin) readsScriptFromStdin = true;
      }
    }

    const interpreter = interpreterFor(program);
    if (interpreter) {
      const reads = this.analyzeInterpreter({
        program,
        family: interpreter.family,
        codeOptions: interpreter.codeOptions,
        argFields,
        frame,
        stdin: options.stdin,
      });
      if (reads) readsScriptFromStdin = true;
    } else if (AWKS.has(program)) this.analyzeAwk({ program, args, frame });

    if (effective)
      return {
        ...effective,
        readsScriptFromStdin: effective.readsScriptFromStdin || readsScriptFromStdin,
        network: effective.network || network,
      };
    return {
      command,
      output:
        (options.stdoutFiles?.length ?? 0) > 0 || program === 'tee'
          ? this.recordWritten({
              output: this.outputOf({ command, program, args, stdin: options.stdin, scope: frame.scope }),
              files: [
                ...(options.stdoutFiles ?? []),
                ...(program === 'tee'
                  ? command.targets
                      .filter((target) => target.access === 'write')
                      .map((target) => target.resolved)
                  : []),
              ],
              frame,
              stdin: program === 'tee' ? options.stdin : undefined,
            })
          : this.outputOf({ command, program, args, stdin: options.stdin, scope: frame.scope }),
      readsScriptFromStdin,
      network,
    };
  }

  private runUnwrapped(options: {
    entry: Unwrapped;
    frame: Frame;
    stdin: Stream | undefined;
    argFields: Field[];
  }): { effective?: Effective; readsScriptFromStdin?: boolean } | undefined {
    const { entry, frame } = options;
    const via = [...frame.via, entry.label];
    switch (entry.kind) {
      case 'exec': {
        const scope = entry.cwd
          ? { ...frame.scope, cwd: resolvePath({ path: entry.cwd, cwd: frame.scope.cwd, home: this.home }) }
          : frame.scope;
        const stdin = entry.stdin ? options.stdin : undefined;
        const effective = this.runArgv({
          argv: entry.argv,
          frame: { ...frame, scope, via },
          redirects: [],
          redirectTargets: [],
          ...(stdin ? { stdin } : {}),
          ...(entry.appendsInput ? { appendsInput: true } : {}),
          external: true,
        });
        return effective ? { effective } : undefined;
      }
      case 'script': {
        // `eval "$(pyenv init -)"`: the code comes from a known environment printer.
        if (entry.dynamic && entry.label === 'eval' && this.onlyEnvironmentPrinters(options.argFields))
          return undefined;
        if (entry.dynamic) {
          this.addFinding(
            'shell.dynamic_command',
            `The ${entry.label} script is only known when the command runs, so the guard cannot tell what it does.`,
            entry.label,
          );
        }
        // A script runs in a child shell (bash -c, ssh, watch): its `cd` and variables stay there.
        // eval runs in the current shell.
        // A new shell does not see the functions of this one either (short of `export -f`).
        const scope =
          entry.label === 'eval'
            ? frame.scope
            : {
                ...cloneScope(frame.scope),
                functions: new Map(),
                ...(entry.positional ? { positional: entry.positional } : {}),
              };
        const stdin = entry.stdin ? options.stdin : undefined;
        this.analyzeScriptText({
          text: entry.script,
          frame: { ...frame, scope, ...(stdin ? { stdin } : { stdin: undefined }) },
          label: entry.label,
        });
        return undefined;
      }
      case 'stdin_script': {
        const scope = entry.positional
          ? { ...cloneScope(frame.scope), positional: entry.positional }
          : frame.scope;
        this.runStdinScript({ label: entry.label, frame: { ...frame, scope }, stdin: options.stdin });
        return { readsScriptFromStdin: true };
      }
      case 'file_script': {
        const field = options.argFields.find((candidate) => candidate.value === entry.path);
        const text = field ? this.processSubstitutionText(field, frame) : undefined;
        if (text !== undefined) {
          this.analyzeScriptText({ text, frame, label: `${entry.label} <()` });
          return undefined;
        }
        if (field && this.isProcessSubstitution(field)) {
          const commands = this.substitutionsOf(field);
          if (commands.length > 0 && commands.every(isEnvironmentPrinter)) return undefined;
          this.addFinding(
            'shell.opaque_exec',
            'A shell runs the output of a program, and what that program prints is only known when it runs.',
            `${entry.label} ${entry.path}`,
          );
          return undefined;
        }
        const target = this.noteExecutedFile({ path: entry.path, frame, label: entry.label });
        if (!entry.path.startsWith('/dev/fd/')) this.commands[this.commands.length - 1]?.targets.push(target);
        return undefined;
      }
    }
  }

  /** A shell (or `source /dev/stdin`) that reads its script from stdin. */
  private runStdinScript(options: { label: string; frame: Frame; stdin: Stream | undefined }): void {
    const { stdin, frame, label } = options;
    if (!stdin) return;
    if (stdin.download)
      this.addFinding(
        'shell.download_exec',
        'A download is piped straight into a shell: unreviewed code from the network.',
        label,
      );
    if (stdin.decoded)
      this.addFinding(
        'shell.decode_exec',
        'Encoded or scrambled text is decoded and run by a shell: the command hides what it does.',
        label,
      );
    if (stdin.content !== undefined)
      this.analyzeScriptText({ text: stdin.content, frame: { ...frame, stdin: undefined }, label });
    else if (stdin.literal && !stdin.download) {
      this.addFinding(
        'shell.dynamic_command',
        'A shell runs text that is transformed before it runs, so the guard cannot tell what it does.',
        label,
      );
    } else if (
      stdin.opaque &&
      !stdin.download &&
      !stdin.decoded &&
      !(stdin.producer && isEnvironmentPrinter(stdin.producer))
    ) {
      this.addFinding(
        'shell.opaque_exec',
        'A shell runs the output of a program, and what that program prints is only known when it runs.',
        label,
      );
    }
  }

  private analyzeInterpreter(options: {
    program: string;
    family: string;
    codeOptions: string[];
    argFields: Field[];
    frame: Frame;
    stdin: Stream | undefined;
  }): boolean {
    const { program, family, codeOptions, argFields, frame } = options;
    const args = argFields.map((field) => field.value);
    let code: string | undefined;
    let codeDynamic = false;
    let option = '';
    let script: Field | undefined;
    let module: string | undefined;
    // Options of these interpreters that take a value (so the value is not read as the script).
    const valued: Record<string, string> = {
      python: 'WXQ',
      node: 'rC',
      perl: 'IMmdDx0l',
      ruby: 'IrCEFKTWx',
      php: 'cdzBERF',
      lua: 'l',
    };
    for (let index = 0; index < argFields.length; index++) {
      const field = argFields[index]!;
      const arg = field.value;
      if (arg === '--') {
        script = argFields[index + 1];
        break;
      }
      if (program === 'deno' && index === 0 && arg === 'eval') {
        code = args[index + 1];
        codeDynamic = argFields[index + 1]?.dynamic ?? false;
        option = 'eval';
        break;
      }
      if (arg.startsWith('--')) {
        const [name, attached] = [
          arg.slice(2).split('=')[0]!,
          arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : undefined,
        ];
        if (codeOptions.includes(name)) {
          code = attached ?? args[index + 1];
          codeDynamic = (attached === undefined ? argFields[index + 1]?.dynamic : field.dynamic) ?? false;
          option = `--${name}`;
          break;
        }
        if (
          attached === undefined &&
          /^(require|import|loader|experimental-loader|env-file|input-type|conditions|title)$/.test(name)
        )
          index++;
        continue;
      }
      if (arg.startsWith('-') && arg.length > 1) {
        let consumed = false;
        for (let position = 1; position < arg.length; position++) {
          const letter = arg[position]!;
          if (codeOptions.includes(letter)) {
            // `node -pe CODE`: the rest of the cluster is another code option, not the code.
            const rest = arg.slice(position + 1);
            const attached = codeOptions.includes(rest) ? '' : rest;
            code = attached || args[index + 1];
            codeDynamic = (attached ? field.dynamic : argFields[index + 1]?.dynamic) ?? false;
            option = `-${letter}`;
            consumed = true;
            break;
          }
          if (family === 'python' && letter === 'm') {
            module = arg.slice(position + 1) || args[index + 1];
            consumed = true;
            break;
          }
          if ((valued[family] ?? '').includes(letter)) {
            if (!arg.slice(position + 1)) index++;
            break;
          }
        }
        if (consumed) break;
        continue;
      }
      script = field;
      break;
    }
    const label = `${program} ${option || '(code)'}`.trim();
    if (module !== undefined) {
      const rest = args.slice(args.indexOf(module) + 1);
      if (module === 'twine' && rest.includes('upload'))
        this.addFinding('shell.package_publish', 'This publishes a package.', `${program} -m twine upload`);
      return false;
    }
    if (code !== undefined) {
      this.addFinding('shell.inline_code', `${program} runs code given on the command line.`, label);
      if (codeDynamic && argFields.some((field) => this.fetchesCode(field))) {
        this.addFinding(
          'shell.download_exec',
          'An interpreter runs code straight from a download: unreviewed code from the network.',
          label,
        );
      }
      this.applyInlineCode({ code, family, frame, label });
      return false;
    }
    if (script && script.value !== '-' && script.value !== '/dev/stdin') {
      if (this.fetchesCode(script))
        this.addFinding(
          'shell.download_exec',
          'An interpreter runs a script straight from a download: unreviewed code from the network.',
          `${program} ${script.value}`,
        );
      const text = this.processSubstitutionText(script, frame);
      if (text !== undefined) this.applyInlineCode({ code: text, family, frame, label: `${program} <()` });
      else
        this.commands[this.commands.length - 1]?.targets.push(
          this.noteExecutedFile({ path: script.value, frame, label: program }),
        );
      return false;
    }
    if (
      program === 'deno' ||
      program === 'osascript' ||
      program === 'Rscript' ||
      program === 'julia' ||
      program === 'pwsh' ||
      program === 'powershell'
    ) {
      if (args.length > 0) return false;
    }
    // No script: the interpreter reads its program from stdin.
    const stdin = options.stdin;
    if (!stdin) return false;
    if (stdin.download)
      this.addFinding(
        'shell.download_exec',
        'A download is piped straight into an interpreter: unreviewed code from the network.',
        `${program} (stdin)`,
      );
    if (stdin.decoded)
      this.addFinding(
        'shell.decode_exec',
        'Encoded text is decoded and run by an interpreter: the command hides what it does.',
        `${program} (stdin)`,
      );
    if (stdin.content !== undefined) {
      this.addFinding(
        'shell.inline_code',
        `${program} runs code given in the command.`,
        `${program} (stdin)`,
      );
      this.applyInlineCode({ code: stdin.content, family, frame, label: `${program} (stdin)` });
    }
    return true;
  }

  private analyzeAwk(options: { program: string; args: string[]; frame: Frame }): void {
    const { args } = options;
    let index = 0;
    while (index < args.length && args[index]!.startsWith('-') && args[index] !== '--') {
      if (/^-[fvF]$/.test(args[index]!) || /^--(file|assign|field-separator)$/.test(args[index]!)) {
        if (args[index] === '-f' || args[index] === '--file') return;
        index += 2;
      } else index++;
    }
    if (args[index] === '--') index++;
    const code = args[index];
    if (code === undefined) return;
    const inspection = inspectInlineCode({ code, family: 'awk' });
    if (inspection.shellScripts.length > 0 || inspection.opaque) {
      this.addFinding(
        'shell.inline_code',
        `${options.program} runs shell commands from its program.`,
        `${options.program} system()`,
      );
    }
    this.applyInspection({ inspection, frame: options.frame, label: `${options.program} system()` });
  }

  private applyInlineCode(options: { code: string; family: string; frame: Frame; label: string }): void {
    this.applyInspection({
      inspection: inspectInlineCode({ code: options.code, family: options.family }),
      frame: options.frame,
      label: options.label,
    });
  }

  private applyInspection(options: {
    inspection: ReturnType<typeof inspectInlineCode>;
    frame: Frame;
    label: string;
  }): void {
    const { inspection, frame, label } = options;
    for (const script of inspection.shellScripts)
      this.analyzeScriptText({ text: script, frame: { ...frame, stdin: undefined }, label });
    // File operations are judged as the shell commands with the same effect.
    const inner: Frame = { ...frame, via: [...frame.via, label], stdin: undefined };
    // Paths handed to file APIs are not globbed by a shell, but `glob("...")` calls are.
    const synthetic = (argv: string[]) =>
      this.runArgv({
        argv: argv.map((value) => ({ value, dynamic: false, glob: hasGlob(value) })),
        frame: inner,
        redirects: [],
        redirectTargets: [],
      });
    for (const argv of inspection.argvs) synthetic(argv);
    for (const deletion of inspection.deletions)
      synthetic(['rm', deletion.recursive ? '-rf' : '-f', deletion.path]);
    for (const file of inspection.writes) synthetic(['tee', file]);
    for (const file of inspection.reads) synthetic(['cat', file]);
    if (inspection.opaque) {
      this.addFinding(
        'shell.inline_code_exec',
        'The inline code runs programs or deletes files with arguments the guard cannot read.',
        label,
      );
    }
    if (inspection.fetchedExec)
      this.addFinding(
        'shell.download_exec',
        'The inline code evaluates code it downloads: unreviewed code from the network.',
        label,
      );
    else if (inspection.decodedExec)
      this.addFinding(
        'shell.decode_exec',
        'The inline code decodes hidden text and evaluates it: the command hides what it does.',
        label,
      );
    if (inspection.reverseShell)
      this.addFinding(
        'shell.reverse_shell',
        'The inline code connects a shell to a network socket: a reverse shell.',
        label,
      );
    if (inspection.forkBomb)
      this.addFinding('shell.fork_bomb', 'The inline code forks without end: a fork bomb.', label);
  }

  /** Builtins that change what later commands see: the directory, variables, positional parameters. */
  private applyBuiltin(options: { program: string; argFields: Field[]; frame: Frame }): void {
    const { program, argFields, frame } = options;
    const { scope } = frame;
    const args = argFields.map((field) => field.value);
    switch (program) {
      case 'cd':
      case 'pushd': {
        const operands = argFields.filter((field) => !/^-[LPe@]+$/.test(field.value));
        const target = operands[0];
        if (!target) {
          if (program === 'cd') {
            scope.cwd = this.home;
            scope.cwdKnown = true;
          }
        } else if (target.dynamic || target.value === '-' || /^[+-]\d+$/.test(target.value))
          scope.cwdKnown = false;
        else scope.cwd = resolvePath({ path: target.value, cwd: scope.cwd, home: this.home });
        break;
      }
      case 'popd':
        scope.cwdKnown = false;
        break;
      case 'export':
      case 'declare':
      case 'typeset':
      case 'local':
      case 'readonly':
        for (const field of argFields) {
          const match = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=([\s\S]*)$/.exec(field.value);
          if (!match) continue;
          // A nameref (`declare -n ref=HOME`) names another variable: its value is that one's.
          const nameref = args.some((arg) => /^-[a-zA-Z]*n/.test(arg));
          scope.variables.set(
            match[1]!,
            field.dynamic ? undefined : nameref ? this.lookup(match[3]!, frame) : match[3]!,
          );
          // An exported command variable runs when a later program reads it (GIT_SSH_COMMAND).
          if (program === 'export' && COMMAND_VARIABLES.has(match[1]!)) {
            this.analyzeScriptText({ text: match[3]!, frame, label: match[1]! });
          }
        }
        break;
      case 'unset':
        if (args.includes('-f')) for (const name of args) scope.functions.delete(name);
        else for (const name of args) if (!name.startsWith('-')) scope.variables.set(name, null);
        break;
      case 'read':
      case 'mapfile':
      case 'readarray':
      case 'getopts':
        for (const name of args)
          if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) scope.variables.set(name, undefined);
        break;
      case 'set': {
        const at = args.indexOf('--');
        const operands =
          at >= 0 ? argFields.slice(at + 1) : args.every((arg) => !/^[-+]/.test(arg)) ? argFields : undefined;
        if (operands)
          scope.positional = operands.some((field) => field.dynamic)
            ? undefined
            : [scope.positional?.[0] ?? 'sh', ...operands.map((field) => field.value)];
        break;
      }
      case 'shift':
        if (scope.positional)
          scope.positional = [scope.positional[0]!, ...scope.positional.slice(1 + Number(args[0] ?? 1))];
        break;
      case 'alias':
        for (const arg of args) {
          const equals = arg.indexOf('=');
          if (equals > 0)
            this.analyzeScriptText({
              text: arg.slice(equals + 1),
              frame,
              label: `alias ${arg.slice(0, equals)}`,
            });
        }
        break;
      case 'trap':
        if (args[0] && args[0] !== '-' && !args[0].startsWith('-') && args.length > 1)
          this.analyzeScriptText({ text: args[0], frame, label: 'trap' });
        break;
      case 'complete':
      case 'compgen': {
        const at = args.indexOf('-C');
        if (at >= 0 && args[at + 1])
          this.analyzeScriptText({ text: args[at + 1]!, frame, label: `${program} -C` });
        break;
      }
    }
  }

  /** What a command writes to stdout, as far as it can be known. */
  private outputOf(options: {
    command: SimpleCommand;
    program: string;
    args: string[];
    stdin: Stream | undefined;
    scope: Scope;
  }): Stream {
    const { command, program, args, stdin } = options;
    const passthrough: Stream = {
      download: stdin?.download ?? false,
      decoded: stdin?.decoded ?? false,
      literal: stdin?.literal ?? false,
    };
    // Set, not spread: this runs for every command and object spreads are slow.
    if (stdin?.environment || (ENVIRONMENT_DUMPERS.has(program) && dumpsEnvironment({ program, args })))
      passthrough.environment = true;
    if (stdin?.databaseDump || (DATABASE_DUMPERS.has(program) && dumpsDatabaseToStdout({ program, args })))
      passthrough.databaseDump = true;
    const operands = args.filter((arg) => !arg.startsWith('-') || arg === '-');
    switch (program) {
      case 'echo':
        return {
          download: false,
          decoded: false,
          literal: true,
          ...(command.dynamic ? {} : { content: echoOutput(args) }),
        };
      case 'printf': {
        const content = command.dynamic ? undefined : printfOutput(args);
        return {
          download: false,
          decoded: false,
          literal: true,
          ...(content !== undefined ? { content } : {}),
        };
      }
      case 'cat':
      case 'tee':
        if (program === 'cat' && operands.some((operand) => operand !== '-')) {
          const dump = this.dumpRead(command, options.scope);
          return {
            download: false,
            decoded: false,
            literal: false,
            ...(dumpsEnvironment({ program, args }) || dump === 'environment' ? { environment: true } : {}),
            ...(dump === 'database' ? { databaseDump: true } : {}),
          };
        }
        return stdin ?? { download: false, decoded: false, literal: false };
    }
    if (STREAMING_DOWNLOADERS.has(program) && isStreamingDownload(command))
      return { download: true, decoded: false, literal: false };
    if (DECODERS.has(program) && isDecoding(program, args)) {
      const input = stdin?.content;
      let content: string | undefined;
      if (input !== undefined) {
        if (program === 'base64' || program === 'base32' || program === 'basenc' || program === 'openssl')
          content = program === 'base32' ? undefined : decodeBase64(input);
        else if (program === 'xxd')
          content = args.some((arg) => /^-[a-z]*p/.test(arg)) ? decodeHex(input) : undefined;
        else if (program === 'rev') content = reverseLines(input);
        else if (program === 'tr') content = translate({ text: input, args });
      }
      return { ...passthrough, decoded: true, ...(content !== undefined ? { content } : {}) };
    }
    // Anything else prints what only running it shows (a known environment printer is told apart
    // where the output is run, which is rare).
    if (!passthrough.literal && !passthrough.download) {
      passthrough.opaque = true;
      passthrough.producer = command;
    }
    return passthrough;
  }
}

function isDecoding(program: string, args: readonly string[]): boolean {
  switch (program) {
    case 'base64':
    case 'base32':
    case 'basenc':
      return args.some((arg) => /^-[a-zA-Z]*[dD]|^--decode$/.test(arg));
    case 'xxd':
      return args.some((arg) => /^-[a-z]*r/.test(arg));
    case 'openssl':
      return (args[0] === 'base64' || args[0] === 'enc' || args[0] === 'aes-256-cbc') && args.includes('-d');
    case 'gzip':
    case 'bzip2':
    case 'xz':
    case 'zstd':
      return args.some((arg) => /^-[a-zA-Z]*d|^--decompress$/.test(arg));
    default:
      return true;
  }
}

/** A downloader that writes what it fetches to stdout (so it can feed a pipe). */
function isStreamingDownload(command: SimpleCommand): boolean {
  const { program, args } = command;
  if (program === 'curl')
    return (
      !args.some((arg) => /^-[a-zA-Z]*[oO][a-zA-Z]*$|^--output$|^--output=|^--remote-name/.test(arg)) ||
      args.some((arg, index) => (arg === '-o' || arg === '--output') && args[index + 1] === '-')
    );
  if (program === 'wget' || program === 'wget2')
    return (
      args.some(
        (arg, index) => /^-[a-zA-Z]*O-?$/.test(arg) && (arg.endsWith('-') || args[index + 1] === '-'),
      ) ||
      args.includes('--output-document=-') ||
      args.some((arg, index) => arg === '--output-document' && args[index + 1] === '-')
    );
  if (program === 'openssl') return args[0] === 's_client';
  if (program === 'gh') return args[0] === 'api' || (args[0] === 'gist' && args[1] === 'view');
  return true;
}

/** The items xargs and parallel read from known input. */
function splitItems(content: string, args: readonly string[]): string[] {
  if (args.includes('-0') || args.includes('--null')) return content.split('\0').filter(Boolean);
  const delimiterIndex = args.findIndex((arg) => arg === '-d' || arg === '--delimiter');
  if (delimiterIndex >= 0 && args[delimiterIndex + 1]) {
    const delimiter = args[delimiterIndex + 1] === '\\n' ? '\n' : args[delimiterIndex + 1]!;
    return content.split(delimiter).filter(Boolean);
  }
  if (args.some((arg) => /^-[a-zA-Z]*I/.test(arg) || arg === '-i' || arg.startsWith('--replace')))
    return content.split('\n').filter(Boolean);
  return content.split(/\s+/).filter(Boolean);
}

/** Does the function body call `name` in a pipeline or in the background? (`:(){ :|:& };:`) */
function callsItselfConcurrently(node: ShellNode, name: string, concurrent: boolean): boolean {
  switch (node.type) {
    case 'simple':
      return concurrent && plainWord(node.words[0]) === name;
    case 'list':
      return node.items.some((item) =>
        callsItselfConcurrently(item.node, name, concurrent || item.background),
      );
    case 'and_or':
      return node.nodes.some((inner) => callsItselfConcurrently(inner, name, concurrent));
    case 'pipeline':
      return node.commands.some((inner) =>
        callsItselfConcurrently(inner, name, concurrent || node.commands.length > 1),
      );
    case 'subshell':
    case 'group':
      return callsItselfConcurrently(node.body, name, concurrent);
    case 'if':
      return (
        node.clauses.some(
          (clause) =>
            callsItselfConcurrently(clause.body, name, concurrent) ||
            callsItselfConcurrently(clause.condition, name, concurrent),
        ) || (node.elseBody ? callsItselfConcurrently(node.elseBody, name, concurrent) : false)
      );
    case 'loop':
      return (
        callsItselfConcurrently(node.body, name, concurrent) ||
        callsItselfConcurrently(node.condition, name, concurrent)
      );
    case 'for':
      return callsItselfConcurrently(node.body, name, concurrent);
    case 'case':
      return node.items.some((item) => callsItselfConcurrently(item.body, name, concurrent));
    default:
      return false;
  }
}

/**
 * Parses, and when the input is cut short (an unbalanced quote, a missing `fi`), retries with
 * what would close it, so the commands can still be judged; the error is still reported.
 */
function parseWithRecovery(source: string): { script?: Script; error?: string } {
  const first = parseShell({ source });
  // bash runs an unterminated here-document with a warning; the command is still cut short.
  if (first.script)
    return first.warnings
      ? { script: first.script, error: first.warnings.join('; ') }
      : { script: first.script };
  const message = first.error?.message ?? 'unknown error';
  let attempt = source;
  let error = first.error;
  for (let round = 0; round < 4 && error?.expected !== undefined; round++) {
    attempt += error.expected;
    const retry = parseShell({ source: attempt });
    if (retry.script) return { script: retry.script, error: message };
    error = retry.error;
  }
  return { error: message };
}

/**
 * Analyses a shell command line: the simple commands that would run (through pipelines, lists,
 * subshells, substitutions, functions and wrappers such as sudo, xargs, find -exec, bash -c and
 * eval), their flags and file targets, and findings such as a download piped to a shell.
 * Never throws; a command that cannot be parsed gets a `shell.unparseable` finding.
 */
export function analyzeShell(options: AnalyzeShellOptions): ShellAnalysis {
  const analyzer = new ShellAnalyzer({ home: options.home, env: options.env ?? {} });
  const scope: Scope = {
    variables: new Map(),
    positional: undefined,
    functions: new Map(),
    downloaded: new Set(),
    written: new Map(),
    dumps: new Map(),
    cwd: path.resolve(options.cwd),
    cwdKnown: true,
  };
  const frame: Frame = { scope, via: [], depth: 0, functions: [] };
  const parsed = parseWithRecovery(options.command);
  if (parsed.script) analyzer.analyzeList(parsed.script.body, frame);
  else analyzer.analyzeFallback(options.command, frame);
  const analysis: ShellAnalysis = { commands: analyzer.commands, findings: analyzer.findings };
  if (parsed.error) {
    analysis.parseError = parsed.error;
    analysis.findings.unshift({
      id: 'shell.unparseable',
      message: `The command could not be parsed (${parsed.error}), so it is not safe to assume what it runs.`,
    });
  }
  return analysis;
}
