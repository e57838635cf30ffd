import type { Finding } from '../finding.js';

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
}
