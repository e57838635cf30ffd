import type { Finding } from '../../finding.js';
import type { CommandDescription } from '../command-semantics.js';
import type { Field } from '../expand-word.js';
import { type OptionSpec, type ScannedOptions, scanOptions } from '../parse-options.js';
import type { TargetAccess } from '../types.js';
import type { Unwrapped } from '../unwrap-command.js';

/** A finding a program module can raise, with the sentence that documents it. */
export interface ProgramFinding {
  id: string;
  summary: string;
}

/** One command as a program module sees it: the words, and what it has found so far. */
export interface ProgramCall {
  program: string;
  args: readonly string[];
  description: CommandDescription;
  /**
   * The text the command reads on stdin when the command line shows it (a here-document, a
   * here-string, `echo ... |`): the statements a database client runs from there.
   */
  stdin?: string | undefined;
}

/**
 * What one program (or a family of programs sharing one syntax) means: which names it claims,
 * the findings it may raise, and how it reads a command: its flags, subcommand, targets with their
 * access, findings, and (`nested`) the commands it runs itself. With `ownsArguments` the module
 * reads every argument; without it, operands are first read as files of unknown access (the
 * reading of a program no module knows) and the module adds to that.
 */
export interface ProgramModule {
  /** `<family>/<program>`, as the file is named. */
  name: string;
  programs: readonly string[];
  /** Names the module claims by shape when they cannot be listed (`mkfs.<type>`); listed names win. */
  matches?: RegExp;
  findings: readonly ProgramFinding[];
  ownsArguments?: boolean;
  describe(call: ProgramCall): void;
  /**
   * The commands the program runs itself (`git rebase --exec CMD`, `git -c core.pager=CMD`), read
   * from the expanded words so the analysis can follow them as it follows `sudo` or `bash -c`.
   */
  nested?(args: readonly Field[]): Unwrapped[];
}

export function defineProgram(module: ProgramModule): ProgramModule {
  return module;
}

/** Adds a finding; its subject is the command line unless the module names a clearer one. */
export function raise(call: ProgramCall, id: string, message: string, subject?: string): void {
  const finding: Finding = {
    id,
    message,
    subject: subject ?? [call.program, ...call.args].join(' ').slice(0, 160),
  };
  call.description.findings.push(finding);
}

export function addTarget(call: ProgramCall, path: string | undefined, access: TargetAccess): void {
  if (path === undefined || path === '' || path === '-') return;
  const index = call.args.indexOf(path);
  call.description.targets.push(index >= 0 ? { path, access, argument: index } : { path, access });
}

/** Options and operands, read with the module's own idea of which options take a value. */
export function scanCall(call: ProgramCall, spec: OptionSpec = {}): ScannedOptions {
  return scanOptions({ args: call.args, spec: { permute: true, ...spec } });
}

/** The arguments that are not options (`-x`, `--long`), in order: a rough subcommand path. */
export function words(args: readonly string[]): string[] {
  return args.filter((arg) => !arg.startsWith('-'));
}

/** The value of an option given as `--name value`, `--name=value` or `-n value`. */
export function optionValue(args: readonly string[], names: readonly string[]): string | undefined {
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    for (const name of names) {
      if (arg === name) return args[index + 1];
      if (name.length > 2 && arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
      if (!name.startsWith('--') && name.length === 2 && arg.startsWith(name) && arg.length > 2)
        return arg.slice(2);
    }
  }
  return undefined;
}

/** Every value of a repeatable option (`-c a -c b`, `--eval=x`). */
export function optionValues(args: readonly string[], names: readonly string[]): string[] {
  const values: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    for (const name of names) {
      if (arg === name && index + 1 < args.length) values.push(args[index + 1]!);
      else if (name.length > 2 && arg.startsWith(`${name}=`)) values.push(arg.slice(name.length + 1));
      else if (!name.startsWith('--') && name.length === 2 && arg.startsWith(name) && arg.length > 2)
        values.push(arg.slice(2));
    }
  }
  return values;
}

/**
 * Reads the call's options with the module's spec (options may follow operands), records its
 * flags on the description, and returns the operands' argument indexes.
 */
export function readOptions(
  call: ProgramCall,
  spec: OptionSpec,
): { scanned: ScannedOptions; operands: number[] } {
  const scanned = scanOptions({ args: call.args, spec: spec.permute ? spec : { permute: true, ...spec } });
  call.description.flags = scanned.flags;
  const indexes: number[] = [];
  let searchFrom = 0;
  // Operands can repeat (`cp a a dir`), so each is looked for after the previous one.
  for (const operand of scanned.operands) {
    let index = call.args.indexOf(operand, searchFrom);
    if (index < 0) index = call.args.indexOf(operand);
    indexes.push(index);
    searchFrom = index + 1;
  }
  return { scanned, operands: indexes };
}

/** The arguments at these indexes are files of this access. */
export function addTargets(call: ProgramCall, indexes: readonly number[], access: TargetAccess): void {
  for (const index of indexes) {
    const path = call.args[index];
    if (path === undefined || path === '-' || path === '') continue;
    call.description.targets.push({ path, access, argument: index });
  }
}

/** A file named inside an argument (`of=/dev/sda`, `-o out`), unless it is a URL. */
export function addPath(call: ProgramCall, path: string | undefined, access: TargetAccess): void {
  if (path === undefined || path === '' || path === '-' || path.includes('://')) return;
  call.description.targets.push({ path, access });
}

/**
 * A directory the command fills with files whose names it does not know (an archive extracted
 * into it, a tree copied into it): written, and so are the protected places beneath it.
 */
export function addTreeWrite(call: ProgramCall, path: string | undefined): void {
  if (path === undefined || path === '' || path === '-' || path.includes('://')) return;
  const index = call.args.indexOf(path);
  call.description.targets.push(
    index >= 0
      ? { path, access: 'write', argument: index, tree: true }
      : { path, access: 'write', tree: true },
  );
}

/** Directories the command reads recursively (`grep -r`, `tar c`, `zip -r`, `scp -r`): every file beneath. */
export function addTreeReads(call: ProgramCall, indexes: readonly number[]): void {
  for (const index of indexes) {
    const path = call.args[index];
    if (path === undefined || path === '-' || path === '' || path.includes('://')) continue;
    call.description.targets.push({ path, access: 'read', argument: index, tree: true });
  }
}

/**
 * The files named by option values (`-o out`, `--input-file list`), in the order given: an option
 * in `files` adds its value as a file of that access; any other option goes to `other`, for values
 * that name a file only in part (`-d @body.json`, `-F x=@file`).
 */
export function addOptionPaths(options: {
  call: ProgramCall;
  scanned: ScannedOptions;
  files: ReadonlyMap<string, TargetAccess>;
  other?: (name: string, value: string) => void;
}): void {
  for (const [name, values] of options.scanned.allValues) {
    const access = options.files.get(name);
    for (const value of values) {
      if (access) addPath(options.call, value, access);
      else options.other?.(name, value);
    }
  }
}

/** Go-style tools whose options are single-dash words (`terraform destroy -auto-approve`). */
const SINGLE_DASH_LONG = new Set(['terraform', 'tofu', 'terragrunt', 'go', 'java', 'javac']);

/** A program whose operands are words, not files (`npm run build`, `kubectl get pods`): flags only. */
export function readWords(call: ProgramCall): void {
  call.description.flags = scanOptions({
    args: call.args,
    spec: SINGLE_DASH_LONG.has(call.program) ? { permute: true, singleDashLong: true } : { permute: true },
  }).flags;
}

/** A wrapper reads its own options only up to the command it runs (`sudo -u root rm -rf x`). */
export function readWrapperFlags(call: ProgramCall): void {
  call.description.flags = scanOptions({ args: call.args, spec: {} }).flags;
}

/**
 * What no module knows: every operand (and `--option=/path` value) of an unknown program is a file
 * of unknown access, so path rules (secrets, the guard's files, autorun places) still see them.
 */
export function readUnknownOperands(call: ProgramCall): void {
  const { args } = call;
  const { operands } = readOptions(call, {});
  for (const arg of args) {
    const value = /^--?[A-Za-z][\w-]*=([/~$].*)$/.exec(arg)?.[1];
    if (value && !value.includes('://')) call.description.targets.push({ path: value, access: 'other' });
  }
  for (const index of operands) {
    const arg = args[index]!;
    if (arg.includes('://')) continue;
    const assignment = /^[A-Za-z_][A-Za-z0-9_.-]*=([/~.$].*)$/.exec(arg);
    if (assignment) call.description.targets.push({ path: assignment[1]!, access: 'other' });
    else if (!arg.includes('='))
      call.description.targets.push({ path: arg, access: 'other', argument: index });
  }
}

/** For modules mixing both kinds: these programs take words, the others are read as unknown. */
export function readWordsOrOperands(call: ProgramCall, wordPrograms: ReadonlySet<string>): void {
  if (wordPrograms.has(call.program)) readWords(call);
  else readUnknownOperands(call);
}
