import type { Finding } from '../finding.js';

/**
 * How a command uses a file it names: `list` looks at names and metadata (ls, stat),
 * `metadata` changes them (chmod, chown), `other` is an operand of a program the analysis
 * has no table for.
 */
export type TargetAccess = 'read' | 'write' | 'delete' | 'execute' | 'metadata' | 'list' | 'other';

/** A file or directory a command reads, writes, deletes or runs. */
export interface ShellTarget {
  /** As the program receives it, after expansion (`~` and known variables expanded; globs kept). */
  path: string;
  /**
   * Absolute and normalised against the command's working directory; for a glob, the deepest
   * directory the glob can reach (`/tmp/*` -> `/tmp`, `../*` -> the parent, `.*` -> the parent too).
   */
  resolved: string;
  /** The path made absolute as written (globs and unknown parts kept): what `paths:` globs match. */
  absolute: string;
  access: TargetAccess;
  glob: boolean;
  /** Part of the path (or the working directory) is only known at run time. */
  dynamic: boolean;
  /**
   * Where the path points cannot be known at all: it starts with an unknown expansion
   * (`"$DIR"`, `$(cmd)/x`) or is relative to a directory only known at run time.
   */
  unknownLocation?: boolean;
}

/** A redirection of one command, after expansion. */
export interface ShellRedirect {
  operator: string;
  fd?: number;
  /** The file (or descriptor, for `>&2`). Here-documents and here-strings have no target. */
  target?: string;
  dynamic: boolean;
}

/** One simple command that would execute, after unwrapping pipelines, lists and wrappers. */
export interface SimpleCommand {
  /** The program as it would be looked up, quote-removed, basename only (`/bin/rm` -> `rm`). */
  program: string;
  /** The program word as written, after quote removal (`/bin/rm`). */
  path: string;
  /** Arguments after quote and escape removal (argv[1..]). */
  args: string[];
  /** Wrappers it was found inside, outermost first (`sudo`, `bash -c`, `xargs`). */
  via: string[];
  /**
   * Options as the program reads them: short options split into letters (`-rf` -> `r`, `f`),
   * long options without dashes or value (`--force=true` -> `force`). Option values and
   * operands are not flags; parsing stops at `--` and, for wrappers, at the wrapped command.
   */
  flags: string[];
  /** The subcommand of multi-command tools: `push` for `git -C x push`, `system prune` for docker. */
  subcommand?: string;
  /** Files the command reads, writes, deletes or runs (operands and redirections). */
  targets: ShellTarget[];
  redirects: ShellRedirect[];
  /** The program name or some arguments are only known at run time (`$CMD`, `$(...)`, xargs input). */
  dynamic: boolean;
  /** The command starts other commands (sudo, env, xargs, bash -c); they follow it in the list. */
  wrapper?: boolean;
}

export interface ShellAnalysis {
  commands: SimpleCommand[];
  /** `shell.*` findings: download piped to a shell, inline interpreter code, unparseable input, ... */
  findings: Finding[];
  /** Set when the command could not be parsed; `commands` then holds what could be recovered. */
  parseError?: string;
}

export interface AnalyzeShellOptions {
  command: string;
  /** The working directory of the command, for relative paths. */
  cwd: string;
  home: string;
  /**
   * Environment variables whose values are known (`HOME`, `PWD` and `IFS` are known without it).
   * Anything else is treated as unknown until the command assigns it.
   */
  env?: Readonly<Record<string, string>>;
}
