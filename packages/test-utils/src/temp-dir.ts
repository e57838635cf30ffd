import { mkdir, mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';

export interface TempDir {
  /** Absolute, symlink-free path (agents report real paths, so comparisons stay simple). */
  path: string;
  /** Deletes the directory and everything in it; safe to call twice. */
  remove(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

export interface CreateTempDirOptions {
  /** Start of the directory name, to tell leftovers apart. Defaults to `warden-test-`. */
  prefix?: string;
}

/** Creates a fresh directory under the OS temp directory. Use it with `await using` or call `remove()`. */
export async function createTempDir(options: CreateTempDirOptions = {}): Promise<TempDir> {
  const temporaryRoot = await realpath(tmpdir());
  const path = await mkdtemp(join(temporaryRoot, options.prefix ?? 'warden-test-'));
  const remove = async () => {
    // A guard against a caller having changed `path`: never delete anything outside the temp root.
    if (!path.startsWith(temporaryRoot + sep)) throw new Error(`refusing to delete ${path}`);
    await rm(path, { recursive: true, force: true, maxRetries: 3 });
  };
  return { path, remove, [Symbol.asyncDispose]: remove };
}

export interface AgentWorkspace {
  /** Parent of `home` and `project`; removing it removes both. */
  root: string;
  /** The agent's HOME, with an empty `.claude` directory ready for settings. */
  home: string;
  /** The agent's working directory. */
  project: string;
  remove(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/**
 * Creates a throwaway HOME and project directory side by side, so one test run never sees another's
 * settings, transcripts or files, nor the developer's own `~/.claude`.
 */
export async function createAgentWorkspace(options: CreateTempDirOptions = {}): Promise<AgentWorkspace> {
  const root = await createTempDir({ prefix: options.prefix ?? 'warden-agent-' });
  const home = join(root.path, 'home');
  const project = join(root.path, 'project');
  await mkdir(join(home, '.claude'), { recursive: true });
  await mkdir(project, { recursive: true });
  return { root: root.path, home, project, remove: root.remove, [Symbol.asyncDispose]: root.remove };
}
