export type PathClass =
  | 'root'
  | 'home'
  | 'system'
  | 'project'
  | 'outside_project'
  | 'tmp'
  | 'secret'
  | 'shell_rc'
  | 'guard_config'
  | 'agent_config'
  | 'device'
  /** The project directory itself (deleting it, or everything in it). */
  | 'project_root'
  /** A location only known at run time (`rm -rf "$DIR"`). */
  | 'unknown';

export const PATH_CLASSES: readonly PathClass[] = [
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
];

export interface PathContext {
  /** The project directory (the event's cwd). */
  cwd: string;
  home: string;
  /** Warden's home (`~/.warden` by default). */
  wardenHome: string;
}
