import { realpathSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type InstallScope = 'user' | 'project';

export interface CodexPathOptions {
  /** `user`: `$CODEX_HOME` (default `~/.codex`); `project`: `<projectDir>/.codex`. */
  scope?: InstallScope;
  /** The project for the `project` scope; default the current directory. */
  projectDir?: string;
  env?: NodeJS.ProcessEnv;
}

function canonical(directory: string): string {
  // Codex canonicalises CODEX_HOME (it refuses one that does not exist), and hook trust is keyed
  // by the hooks.json path it sees, so Warden must name files the same way.
  try {
    return realpathSync(directory);
  } catch {
    return directory;
  }
}

/** `$CODEX_HOME`, else `~/.codex`. */
export function resolveCodexHome(options: { env?: NodeJS.ProcessEnv } = {}): string {
  const env = options.env ?? process.env;
  const configured = env.CODEX_HOME?.trim();
  return canonical(path.resolve(configured || path.join(env.HOME || os.homedir(), '.codex')));
}

/** The `.codex` directory of a scope: the Codex home, or the project's `.codex`. */
export function codexDirectory(options: CodexPathOptions = {}): string {
  if ((options.scope ?? 'user') === 'user') return resolveCodexHome(options);
  return path.join(canonical(path.resolve(options.projectDir ?? process.cwd())), '.codex');
}

export function hooksFilePath(options: CodexPathOptions = {}): string {
  return path.join(codexDirectory(options), 'hooks.json');
}

export function configFilePath(options: CodexPathOptions = {}): string {
  return path.join(codexDirectory(options), 'config.toml');
}
