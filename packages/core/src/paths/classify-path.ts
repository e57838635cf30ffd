import path from 'node:path';
import type { PathClass, PathContext } from './types.js';

const SYSTEM_DIRS = [
  '/bin',
  '/boot',
  '/dev',
  '/etc',
  '/lib',
  '/lib32',
  '/lib64',
  '/opt',
  '/proc',
  '/root',
  '/sbin',
  '/srv',
  '/sys',
  '/usr',
  '/var',
];
const SECRET_BASENAMES = [
  /^\.env(\..*)?$/,
  /\.pem$/,
  /\.key$/,
  /\.p12$/,
  /\.pfx$/,
  /^id_[a-z0-9]+$/,
  /^id_[a-z0-9]+\.pub$/,
  /^\.netrc$/,
  /^\.npmrc$/,
  /^\.pypirc$/,
  /^\.git-credentials$/,
  /^credentials(\.json)?$/,
  /^\.pgpass$/,
  /^secrets?\.(ya?ml|json|toml)$/,
];
const SECRET_DIRS = ['.ssh', '.aws', '.gnupg', '.kube', '.docker', '.azure', '.config/gcloud', '.config/gh'];
const SHELL_RC = [
  '.bashrc',
  '.bash_profile',
  '.bash_login',
  '.profile',
  '.zshrc',
  '.zprofile',
  '.zshenv',
  '.zlogin',
  '.config/fish/config.fish',
];
const AGENT_CONFIG_DIRS = ['.claude', '.codex', '.cursor', '.gemini'];

function isInside(child: string, parent: string): boolean {
  if (parent === '/') return true;
  return child === parent || child.startsWith(parent.endsWith('/') ? parent : `${parent}/`);
}

/** Expands `~` and `$HOME`, resolves against cwd and normalises `..`. Does not touch the disk. */
export function resolvePath(options: { path: string; cwd: string; home: string }): string {
  let value = options.path;
  if (value === '~' || value.startsWith('~/')) value = options.home + value.slice(1);
  else if (value.startsWith('$HOME')) value = options.home + value.slice('$HOME'.length);
  else if (value.startsWith('${HOME}')) value = options.home + value.slice('${HOME}'.length);
  return path.resolve(options.cwd, value);
}

/** The classes of an absolute, normalised path. A path can be in several (`project` and `secret`). */
export function classifyPath(options: { path: string } & PathContext): PathClass[] {
  const target = path.resolve(options.cwd, options.path);
  const classes = new Set<PathClass>();
  const home = path.resolve(options.home);
  const cwd = path.resolve(options.cwd);
  if (target === '/') classes.add('root');
  if (target === home) classes.add('home');
  if (isInside(target, cwd)) classes.add('project');
  else classes.add('outside_project');
  // Scratch space is only scratch when it is nobody's home: a HOME that lives under /tmp (CI
  // runners, sandboxes) keeps the protection of a home directory.
  const inTemp = isInside(target, '/tmp') || isInside(target, '/var/tmp');
  if (inTemp && !isInside(target, home)) classes.add('tmp');
  else if (SYSTEM_DIRS.some((dir) => isInside(target, dir)) && !isInside(target, home)) classes.add('system');

  const base = path.basename(target);
  if (
    SECRET_BASENAMES.some((pattern) => pattern.test(base)) &&
    !/^\.env\.(example|sample|template)$/.test(base)
  ) {
    classes.add('secret');
  }
  const segments = target.split('/');
  for (const dir of SECRET_DIRS) {
    const parts = dir.split('/');
    for (let index = 0; index + parts.length <= segments.length; index++) {
      if (parts.every((part, offset) => segments[index + offset] === part)) classes.add('secret');
    }
  }
  const relativeToHome = isInside(target, home) ? path.relative(home, target) : undefined;
  if (relativeToHome !== undefined && SHELL_RC.includes(relativeToHome)) classes.add('shell_rc');
  if (isInside(target, path.resolve(options.wardenHome)) || segments.includes('.warden'))
    classes.add('guard_config');
  if (segments.some((segment) => AGENT_CONFIG_DIRS.includes(segment))) {
    const tail = segments.slice(segments.findIndex((segment) => AGENT_CONFIG_DIRS.includes(segment)));
    // Settings and hook files, not the agents' caches and transcripts.
    if (
      tail.some((segment) =>
        /^(settings(\.local)?\.json|hooks\.json|config\.toml|requirements\.toml|managed-settings\.json|hooks)$/.test(
          segment,
        ),
      )
    ) {
      classes.add('agent_config');
    }
  }
  if (/^\/etc\/(claude-code|codex)(\/|$)/.test(target)) classes.add('agent_config');
  return [...classes];
}
