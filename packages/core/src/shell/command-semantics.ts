import type { Finding } from '../finding.js';
import { type ProgramCall, readUnknownOperands } from './programs/program-module.js';
import { programModule } from './programs/registry.js';
import type { TargetAccess } from './types.js';

/** A file a command names, before resolution. `argument` is its index in args when it is one. */
export interface RawTarget {
  path: string;
  access: TargetAccess;
  argument?: number;
  /**
   * The command writes (or reads) files of names it does not know beneath this directory (an
   * archive extracted into it, a tree copied into it; `grep -r`, `tar c` of it): the protected
   * places beneath it are written (or read) too.
   */
  tree?: boolean;
}

/** What one command does, from its program and arguments alone. */
export interface CommandDescription {
  flags: string[];
  subcommand?: string;
  targets: RawTarget[];
  findings: Finding[];
}

function dedupeFindings(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((item) => {
    const key = `${item.id}\u0000${item.subject ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Flags, subcommand, file targets and findings of one command, from its program and arguments:
 * the program's module (`programs/<family>/<program>.ts`) says what its arguments mean. A program
 * no module owns gets generic flag parsing and its operands as targets of unknown access, so path
 * rules (secrets, the guard's files) still see them.
 */
export function describeCommand(options: {
  program: string;
  args: string[];
  /** What the command reads on stdin, when the line shows it (`echo 'DROP TABLE x' | psql`). */
  stdin?: string | undefined;
}): CommandDescription {
  const { program, args } = options;
  const description: CommandDescription = { flags: [], targets: [], findings: [] };
  // One object shape for every call (stdin set even when unknown): the modules' property reads
  // stay monomorphic.
  const call: ProgramCall = { program, args, description, stdin: options.stdin };
  const module = programModule(program);
  if (!module?.ownsArguments) readUnknownOperands(call);
  module?.describe(call);
  // `file://` operands name local files whatever the program (`curl file:///etc/shadow`).
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg.indexOf('file://') < 0) continue;
    const local = /^(?:--?[\w-]+=)?file:\/\/(?:localhost)?(\/[^?#]*|~[^?#]*)$/.exec(arg)?.[1];
    if (local) description.targets.push({ path: safeDecode(local), access: 'read' });
  }
  if (description.findings.length > 1) description.findings = dedupeFindings(description.findings);
  return description;
}
