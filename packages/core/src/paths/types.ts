/**
 * Where a path is, as policies name it. A path can be in several classes (`project` and `secret`).
 * `project_root` is the project directory itself (deleting it, or everything in it); `unknown`
 * is a location only known at run time (`rm -rf "$DIR"`).
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
}
