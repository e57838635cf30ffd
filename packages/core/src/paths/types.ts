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
  | 'device';

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
];

export interface PathContext {
  /** The project directory (the event's cwd). */
  cwd: string;
  home: string;
  /** Warden's home (`~/.warden` by default). */
  wardenHome: string;
}
