import type { ProtectedPaths } from './resolve-protected-paths.js';

/**
 * Where a path is, as policies name it. A path can be in several classes (`project` and `secret`).
 * `project_root` is the project directory itself (deleting it, or everything in it); `unknown`
 * is a location only known at run time (`rm -rf "$DIR"`). `autorun` is any place whose content
 * runs later on its own (aliases, user services, autostart, LaunchAgents, user bin directories,
 * `.pth` files, git hooks and git config); `git_dir` is a repository's `.git` directory.
 */
export const PATH_CLASSES = [
  'root',
  'home',
  'system',
  'project',
  'outside_project',
  'tmp',
  'secret',
  'shell_rc',
  'autorun',
  'git_dir',
  'guard_config',
  'agent_config',
  'device',
  'project_root',
  'unknown',
] as const;

export type PathClass = (typeof PATH_CLASSES)[number];

export interface PathContext {
  /** The project directory (the event's cwd). */
  cwd: string;
  home: string;
  /** Warden's home (`~/.warden` by default). */
  wardenHome: string;
  /**
   * What the live configuration adds: the policy files wherever they live, the hook code and
   * Node the installed hooks run, the agents' relocated homes and the PATH directories
   * (`resolveProtectedPaths`). Absent: only the fixed places are protected.
   */
  protectedPaths?: ProtectedPaths;
}
