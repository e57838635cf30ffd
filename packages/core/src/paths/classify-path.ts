import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { createLookupCache } from './lookup-cache.js';
import {
  AGENT_SETTINGS_FILES,
  matchesProtectedEntry,
  type ProtectedPaths,
} from './resolve-protected-paths.js';
import type { PathClass, PathContext } from './types.js';

const SYSTEM_DIRS = [
  '/bin',
  '/boot',
  '/dev',
  '/etc',
  '/lib',
  '/lib32',
  '/lib64',
  '/libx32',
  '/opt',
  '/proc',
  '/root',
  '/sbin',
  '/srv',
  '/sys',
  '/usr',
  '/var',
  '/snap',
  '/run',
  '/mnt',
  '/media',
  '/System',
  '/Library',
  '/Applications',
  '/private/etc',
  '/private/var',
  '/cores',
  '/nix',
];
const TMP_DIRS = ['/tmp', '/var/tmp', '/private/tmp', '/private/var/tmp', '/dev/shm'];
/** Harmless device files: writing to them does not touch a disk. */
const PSEUDO_DEVICES =
  /^\/dev\/(null|zero|full|random|urandom|tty|stdin|stdout|stderr|fd\/\d+|ptmx|pts\/\d+|shm(\/.*)?)$/;
/** Block and raw devices: writing to them destroys file systems. */
const BLOCK_DEVICES =
  /^\/dev\/(sd[a-z]+\d*|hd[a-z]+\d*|vd[a-z]+\d*|xvd[a-z]+\d*|nvme\d+(n\d+(p\d+)?)?|mmcblk\d+(p\d+)?|disk\d+(s\d+)?|rdisk\d+(s\d+)?|md\d+|dm-\d+|mapper\/.+|loop\d+|sr\d+|nbd\d+|zd\d+|mem|kmem|port|disk\/.+|root|xd[a-z]\d*)$/;

const SECRET_BASENAMES = [
  /^\.env(\..+)?$/,
  /^.+\.env$/,
  /\.pem$/,
  /\.key$/,
  /\.p12$/,
  /\.pfx$/,
  /\.jks$/,
  /\.keystore$/,
  /\.ppk$/,
  /\.kdbx$/,
  /^id_[a-z0-9_]+$/,
  /^\.netrc$/,
  /^_netrc$/,
  /^\.npmrc$/,
  /^\.yarnrc(\.yml)?$/,
  /^\.pypirc$/,
  /^\.git-credentials$/,
  /^credentials(\.json|\.yml|\.yaml|\.toml)?$/,
  /^.*-credentials\.json$/,
  /^service[-_]account.*\.json$/,
  /^\.pgpass$/,
  /^\.my\.cnf$/,
  /^secrets?\.(ya?ml|json|toml|env)$/,
  /^\.htpasswd$/,
  /^\.vault-token$/,
  /^(\.bash|\.zsh|\.sh|\.python|\.node_repl|\.psql|\.mysql)_?history$/,
  /^\.boto$/,
  /^\.s3cfg$/,
  /^credentials\.tfrc\.json$/,
  /^ssh_host_.*_key$/,
  /^shadow-?$/,
  /^gshadow-?$/,
  /^master\.key$/,
  /^\.dockercfg$/,
  // Service-account and API key files named by what they hold.
  /^.*(service[-_]?account|[-_]sa[-_]key|[-_]sa|gcp[-_]key|gcloud[-_]key|firebase[-_]adminsdk).*\.json$/,
  /^(sa|key|keyfile|private[-_]key|api[-_]keys?|client[-_]secrets?|access[-_]tokens?|tokens?)\.json$/,
  /^client_secret.*\.json$/,
  /^.*\.(tfstate|tfstate\.backup)$/,
  /^\.terraformrc$/,
  /^\.databrickscfg$/,
  /^\.(git|hg)-credentials?$/,
  /^wallet\.dat$/,
  /^\.?keystore(\.json)?$/,
  /^UTC--.*--[0-9a-f]{40}$/,
  /^(key4\.db|logins\.json|cookies\.sqlite|Login Data|Cookies)$/,
  /^\.(vault|consul|nomad)-token$/,
  /^\.(npm|pip)rc$/,
  /^pip\.conf$/,
  /^\.gem-credentials$/,
  /^auth\.json$/,
];
/** Example and template files that only look like secrets. */
const NOT_SECRET =
  /^\.env(\..+)?\.(example|sample|template|dist|defaults?|schema)$|\.pub$|^known_hosts(\.old)?$/;
const SECRET_DIRS = [
  '.ssh',
  '.aws',
  '.gnupg',
  '.kube',
  '.azure',
  '.config/gcloud',
  '.config/gh',
  '.config/op',
  '.docker',
  '.password-store',
  '.terraform.d',
  '.oci',
  '.config/doctl',
  '.config/hub',
  '.cargo/credentials',
  '.fly',
  '.vercel',
  '.netlify',
  '.supabase',
  'Library/Keychains',
  // Agents' own credentials, containers, clusters, clouds, wallets, sync tools, secret managers.
  '.config/containers/auth.json',
  '.config/rclone',
  '.config/sops',
  '.config/age',
  '.config/doppler',
  '.config/heroku',
  '.config/hcloud',
  '.config/stripe',
  '.config/pulumi',
  '.pulumi',
  '.config/glab-cli',
  '.config/netlify',
  '.config/vercel',
  '.config/configstore',
  '.config/Bitwarden CLI',
  '.config/1Password',
  '.config/keybase',
  '.config/solana',
  '.config/syncthing',
  '.config/filezilla',
  '.config/helm/repositories.yaml',
  '.config/git/credentials',
  '.config/op',
  '.local/share/keyrings',
  '.local/share/password-store',
  '.lastpass',
  '.bitcoin',
  '.ethereum/keystore',
  '.electrum',
  '.monero',
  '.solana',
  '.gem/credentials',
  '.cargo/credentials.toml',
  '.m2/settings.xml',
  '.m2/settings-security.xml',
  '.gradle/gradle.properties',
  '.composer/auth.json',
  '.config/composer/auth.json',
  '.nuget/NuGet/NuGet.Config',
  '.tsh',
  '.ngrok2',
  '.config/ngrok',
  '.cf/config.json',
  '.mozilla/firefox',
  '.config/google-chrome',
  '.config/chromium',
  '.config/BraveSoftware',
  'Library/Application Support/Google/Chrome',
  'Library/Application Support/Firefox',
  'Library/Cookies',
  '.claude/.credentials.json',
  '.codex/auth.json',
  '.gemini/oauth_creds.json',
  '.config/github-copilot',
  '.config/anthropic',
  '.config/openai',
  '.aider.conf.yml',
  '.kube/config',
  '.minikube',
  '.talos',
  '.config/kubie',
  '.docker/config.json',
  '.wrangler',
  '.config/.wrangler',
  '.supabase/access-token',
  '.turso',
  '.config/neonctl',
  '.railway',
  '.config/railway',
  '.config/fly',
];
const SECRET_BASENAME = new RegExp(SECRET_BASENAMES.map((pattern) => `(?:${pattern.source})`).join('|'));
/** The secret directories by their first path segment, split once. */
const SECRET_DIRS_BY_FIRST = new Map<string, string[][]>();
for (const dir of SECRET_DIRS) {
  const parts = dir.split('/');
  const list = SECRET_DIRS_BY_FIRST.get(parts[0]!);
  if (list) list.push(parts);
  else SECRET_DIRS_BY_FIRST.set(parts[0]!, [parts]);
}
/** Files inside secret directories that hold no secret. */
const SECRET_DIR_EXCEPTIONS = /^(.*\.pub|known_hosts(\.old)?|config\.json\.example)$/;
const SHELL_RC = [
  '.bashrc',
  '.bash_profile',
  '.bash_login',
  '.bash_logout',
  '.profile',
  '.zshrc',
  '.zprofile',
  '.zshenv',
  '.zlogin',
  '.zlogout',
  '.kshrc',
  '.mkshrc',
  '.cshrc',
  '.tcshrc',
  '.login',
  '.xprofile',
  '.xinitrc',
  '.inputrc',
  '.config/fish/config.fish',
  '.ssh/rc',
  '.ssh/environment',
];
/**
 * Places whose content runs later without anyone asking: aliases and profiles, desktop
 * autostart, user services and agents, user bin directories that come before /usr/bin on PATH,
 * Python start-up hooks, editor and tool start-up files, git hooks and git configuration (which
 * can name hooks, an fsmonitor, pagers and credential helpers to run).
 */
const AUTORUN_IN_HOME = [
  /^\.(bash_aliases|zsh_aliases|aliases|alias|bash_functions|zshrc\.local|bashrc\.local|profile\.local|zshenv\.local)$/,
  /^\.(bashrc|zshrc|profile|bash_profile)\.d\/.+$/,
  /^\.oh-my-zsh\/custom\/.+$/,
  /^\.zsh\/.+\.zsh$/,
  /^\.config\/(zsh|bash)\/.+$/,
  /^\.pam_environment$/,
  /^\.config\/environment\.d(\/.+)?$/,
  /^\.config\/systemd\/user(\/.+)?$/,
  /^\.local\/share\/systemd\/user(\/.+)?$/,
  /^\.config\/autostart(\/.+)?$/,
  /^\.config\/autostart-scripts(\/.+)?$/,
  /^\.config\/plasma-workspace\/env(\/.+)?$/,
  /^Library\/LaunchAgents(\/.+)?$/,
  /^\.local\/bin(\/.+)?$/,
  /^bin(\/.+)?$/,
  /^\.bin(\/.+)?$/,
  /^\.gitconfig$/,
  /^\.config\/git\/(config|attributes|hooks(\/.+)?)$/,
  /^\.vimrc$/,
  /^\.vim\/(plugin|autoload|after)(\/.+)?$/,
  /^\.config\/nvim\/(init\.(vim|lua)|plugin(\/.+)?|lua(\/.+)?)$/,
  /^\.emacs(\.d\/init\.el)?$/,
  /^\.tmux\.conf$/,
  /^\.screenrc$/,
  /^\.wgetrc$/,
  /^\.curlrc$/,
  /^\.npmrc$/,
  /^\.config\/direnv\/.+$/,
  /^\.ipython\/profile_[^/]+\/startup(\/.+)?$/,
  // Start-up files that interpreters, debuggers and REPLs run as code when they start.
  /^\.ipython\/profile_[^/]+\/ipython(_kernel)?_config\.py$/,
  /^\.jupyter\/jupyter_[a-z_]*config\.(py|json)$/,
  /^\.(Rprofile|irbrc|pryrc|gdbinit|lldbinit|psqlrc|perldb|guile|sbclrc|ghci)$/,
  /^\.config\/gdb\/gdbinit$/,
  /^\.cargo\/config(\.toml)?$/,
  /^\.pythonrc(\.py)?$/,
  /^\.config\/fish\/functions\/.+$/,
  /^\.xsession(rc)?$/,
  /^\.Xresources$/,
  /^\.config\/upstart(\/.+)?$/,
  /^\.config\/cron(\/.+)?$/,
];
// One alternation each, compiled once: tested on every target of every command.
const AUTORUN_IN_HOME_PATTERN = new RegExp(
  AUTORUN_IN_HOME.map((pattern) => `(?:${pattern.source})`).join('|'),
);
/** Anywhere on disk: Python start-up hooks, git hooks and git configuration of any repository. */
const AUTORUN_ANYWHERE =
  /(^|\/)(site|dist)-packages\/[^/]+\.pth$|(^|\/)(sitecustomize|usercustomize)\.py$|(^|\/)\.git\/(hooks(\/.*)?|config)$|(^|\/)\.husky\/[^/_][^/]*$/;
const SYSTEM_AUTORUN =
  /^\/(etc\/(systemd|init\.d|init|rc\.local|cron\.[a-z]+|crontab|anacrontab|xdg\/autostart|ld\.so\.preload|sudoers(\.d)?|update-motd\.d|profile\.d)|Library\/(LaunchAgents|LaunchDaemons|StartupItems)|usr\/local\/(s?bin)|var\/spool\/cron)(\/|$)/;
/** The `.git` directory of a repository (its history): deleting it loses every commit. */
const GIT_DIR = /(^|\/)\.git(\/(objects|refs|HEAD|packed-refs|index))?$/;
const SYSTEM_SHELL_RC =
  /^\/etc\/(profile|bash\.bashrc|bashrc|zshrc|zsh\/.+|zprofile|zshenv|environment|profile\.d\/.+|fish\/.+)$/;
const AGENT_CONFIG_DIRS = ['.claude', '.codex', '.cursor', '.gemini', '.windsurf', '.continue', '.aider'];

/** `${HOME}` as the shell writes it. */
const BRACED_HOME = `\${HOME}`;

function isInside(child: string, parent: string): boolean {
  if (parent === '/') return true;
  return child === parent || child.startsWith(parent.endsWith('/') ? parent : `${parent}/`);
}

/** Expands `~` and `$HOME`, resolves against cwd and normalises `..`. Does not touch the disk. */
export function resolvePath(options: { path: string; cwd: string; home: string }): string {
  let value = options.path;
  if (value === '~' || value.startsWith('~/')) value = options.home + value.slice(1);
  else if (value === '$HOME' || value.startsWith('$HOME/'))
    value = options.home + value.slice('$HOME'.length);
  else if (value === BRACED_HOME || value.startsWith(`${BRACED_HOME}/`))
    value = options.home + value.slice(BRACED_HOME.length);
  return path.resolve(options.cwd, value);
}

/**
 * The path with symlinks resolved, where it exists. For a path that does not exist yet, the
 * deepest existing ancestor is resolved and the rest appended, so `link/new-file` still lands
 * where the link points. Returns the input when nothing can be resolved.
 */
export function resolveSymlinks(options: { path: string }): string {
  return resolveFrom(options.path, true);
}

/** `exists: false` when an lstat just found nothing there: the failing realpath is skipped. */
function resolveFrom(target: string, exists: boolean): string {
  if (exists) {
    try {
      return realpathSync.native(target);
    } catch {
      // Not there (a file about to be written) or not reachable: resolve the deepest ancestor that
      // exists and keep the rest. Found with lstat, which answers "no entry" without an exception
      // (a failed realpath per level cost more than the rest of the classification).
    }
  }
  const options = { path: target };
  let current = options.path;
  const rest: string[] = [];
  for (let guard = 0; guard < 64; guard++) {
    const parent = path.dirname(current);
    if (parent === current) return options.path;
    rest.push(path.basename(current));
    current = parent;
    let exists = false;
    try {
      exists = lstatSync(current, { throwIfNoEntry: false }) !== undefined;
    } catch {
      exists = false;
    }
    if (!exists) continue;
    try {
      const real = realpathSync.native(current);
      return path.join(real, ...rest.reverse());
    } catch {
      // A dangling link or no permission here: keep walking up, as before.
    }
  }
  return options.path;
}

/**
 * Where paths really lead, reused briefly (see `LOOKUP_TTL_MS` for how it is kept fresh) and
 * only while the path itself is the same entry as when it was resolved: a link replaced at the
 * path (`ln -sfn`), or a file made where there was none, is a new inode and resolves afresh at
 * once, whoever made it. One lstat instead of a realpath that walks every component.
 */
const realPaths = createLookupCache<{ stamp: string; real: string }>();

function cachedRealPath(target: string): string {
  let stats: ReturnType<typeof lstatSync>;
  try {
    stats = lstatSync(target, { throwIfNoEntry: false });
  } catch {
    // No permission to look: resolved uncached, as before.
    return resolveSymlinks({ path: target });
  }
  const stamp = stats ? `${stats.dev}:${stats.ino}:${stats.ctimeMs}` : '';
  const known = realPaths.get(target);
  if (known !== undefined && known.stamp === stamp) return known.real;
  // A path not there yet (a file about to be written) lands where its directory leads; many new
  // files share a directory, so that is remembered too (kept fresh as every answer here is).
  const parent = path.dirname(target);
  const real =
    stats !== undefined || parent === target
      ? resolveFrom(target, stats !== undefined)
      : path.join(realDirectory(parent), path.basename(target));
  realPaths.set(target, { stamp, real });
  return real;
}

const realDirectories = createLookupCache<string>();

/** Where a directory leads: the same walk up to the deepest existing ancestor as `resolveSymlinks`, one remembered level at a time. */
function realDirectory(directory: string): string {
  let real = realDirectories.get(directory);
  if (real !== undefined) return real;
  let exists: boolean;
  try {
    exists = lstatSync(directory, { throwIfNoEntry: false }) !== undefined;
  } catch {
    // Cannot tell: resolved as before, uncached.
    return resolveSymlinks({ path: directory });
  }
  const parent = path.dirname(directory);
  real =
    exists || parent === directory
      ? resolveFrom(directory, exists)
      : path.join(realDirectory(parent), path.basename(directory));
  realDirectories.set(directory, real);
  return real;
}

function lexicalClasses(
  target: string,
  context: PathContext,
  home: string,
  cwd: string,
  ancestors: boolean,
): Set<PathClass> {
  const classes = new Set<PathClass>();
  if (target === '/') classes.add('root');
  // A directory that holds the home directory (`/home`, `/Users`, a sandbox's parent) takes it
  // along in anything recursive: chown -R, rm -r, chmod -R on it reach the home as well.
  if (target === home || (target !== '/' && isInside(home, target))) classes.add('home');
  if (isInside(target, cwd)) classes.add('project');
  else classes.add('outside_project');
  if (BLOCK_DEVICES.test(target)) classes.add('device');
  // Scratch space is only scratch when it is nobody's home: a HOME that lives under /tmp (CI
  // runners, sandboxes) keeps the protection of a home directory.
  if (TMP_DIRS.some((dir) => isInside(target, dir)) && !isInside(target, home)) classes.add('tmp');
  else if (
    !PSEUDO_DEVICES.test(target) &&
    SYSTEM_DIRS.some((dir) => isInside(target, dir)) &&
    !isInside(target, home)
  ) {
    classes.add('system');
  }

  const base = path.basename(target);
  const segments = target.split('/');
  if (SECRET_BASENAME.test(base) && !NOT_SECRET.test(base)) classes.add('secret');
  if (/^\/etc\/(shadow|gshadow|sudoers(\.d\/.*)?|ssh\/ssh_host_.*_key|ssl\/private(\/.*)?)$/.test(target))
    classes.add('secret');
  for (let index = 0; index < segments.length; index++) {
    for (const parts of SECRET_DIRS_BY_FIRST.get(segments[index]!) ?? []) {
      if (index + parts.length > segments.length) continue;
      if (parts.every((part, offset) => segments[index + offset] === part)) {
        const inside = segments.slice(index + parts.length);
        if (inside.length === 0 || !SECRET_DIR_EXCEPTIONS.test(inside[inside.length - 1]!))
          classes.add('secret');
      }
    }
  }
  const relativeToHome = isInside(target, home) && target !== home ? path.relative(home, target) : undefined;
  if (
    relativeToHome !== undefined &&
    (SHELL_RC.includes(relativeToHome) || relativeToHome.startsWith('.config/fish/conf.d/'))
  ) {
    classes.add('shell_rc');
  }
  if (SYSTEM_SHELL_RC.test(target)) classes.add('shell_rc');
  if (
    (relativeToHome !== undefined && AUTORUN_IN_HOME_PATTERN.test(relativeToHome)) ||
    AUTORUN_ANYWHERE.test(target) ||
    SYSTEM_AUTORUN.test(target)
  ) {
    classes.add('autorun');
  }
  if (GIT_DIR.test(target)) classes.add('git_dir');
  if (
    /^\/(var\/)?run\/secrets(\/|$)|^\/etc\/(kubernetes\/(pki|admin\.conf)|rancher\/k3s\/k3s\.yaml)|^\/proc\/(\d+|self|thread-self|\*)(\/task\/[^/]+)?\/environ$/.test(
      target,
    )
  )
    classes.add('secret');
  // Warden's home, any project's `.warden`, and Warden's installed packages (the hook code).
  if (
    isInside(target, path.resolve(context.wardenHome)) ||
    segments.includes('.warden') ||
    /\/node_modules\/@warden(\/|$)/.test(target)
  )
    classes.add('guard_config');
  const agentIndex = segments.findIndex((segment) => AGENT_CONFIG_DIRS.includes(segment));
  if (agentIndex >= 0) {
    // Settings and hook files, not the agents' caches and transcripts. The directory itself
    // counts too: deleting or moving `.claude` removes its hooks.
    const tail = segments.slice(agentIndex + 1);
    if (tail.length === 0 || AGENT_SETTINGS_FILES.test(tail[0]!)) classes.add('agent_config');
  }
  if (relativeToHome === '.claude.json' || base === '.mcp.json') classes.add('agent_config');
  const learned = context.protectedPaths;
  if (learned) {
    const keep = ['/', home, cwd];
    if (matchesProtectedEntry({ path: target, entries: learned.guard, keep, ancestors }))
      classes.add('guard_config');
    if (matchesProtectedEntry({ path: target, entries: learned.agent, keep, ancestors }))
      classes.add('agent_config');
  }
  if (/^\/etc\/(claude-code|codex)(\/|$)|^\/Library\/Application Support\/ClaudeCode(\/|$)/.test(target))
    classes.add('agent_config');
  return classes;
}

/**
 * The classes of a path (relative paths resolve against cwd). A path can be in several
 * (`project` and `secret`). Where the path exists, symlinks are followed and the classes of
 * the real location are added, so a link inside the project that points at `/etc` is `system`
 * too and the protection cannot be side-stepped through a link.
 */
export function classifyPath(
  options: {
    path: string;
    followSymlinks?: boolean;
    /**
     * Whether a directory above a learned protected place is protected too (default true: moving
     * or deleting it removes the place); false asks about the places themselves.
     */
    protectedAncestors?: boolean;
  } & PathContext,
): PathClass[] {
  const target = path.resolve(options.cwd, options.path);
  const home = path.resolve(options.home);
  const cwd = path.resolve(options.cwd);
  const ancestors = options.protectedAncestors !== false;
  const classes = lexicalClasses(target, options, home, cwd, ancestors);
  if (options.followSymlinks !== false) {
    const real = cachedRealPath(target);
    if (real !== target) {
      // The project and home directories may themselves live behind a link (macOS /tmp -> /private/tmp).
      const realCwd = cachedRealPath(cwd);
      const realHome = cachedRealPath(home);
      for (const name of lexicalClasses(real, options, realHome, realCwd, ancestors)) {
        if (name === 'project' || name === 'outside_project') continue;
        classes.add(name);
      }
      const realInside = isInside(real, realCwd);
      if (!realInside) {
        classes.delete('project');
        classes.add('outside_project');
      }
    }
    if (options.protectedPaths && !classes.has('guard_config') && isHardLinkToGuard(real, options)) {
      classes.add('guard_config');
    }
  }
  return [...classes];
}

/** `dev:ino` of the files a hard link must not reach, per learned set (computed on first need). */
const guardInodes = new WeakMap<ProtectedPaths, Set<string>>();

function inodeKey(file: string): string | undefined {
  const stats = statSync(file, { throwIfNoEntry: false });
  return stats?.isFile() ? `${stats.dev}:${stats.ino}` : undefined;
}

/**
 * Whether the path is another name (a hard link) of a protected file: Warden's own files, the
 * policy files and the hook code. A link made before Warden was installed, or through a route the
 * analysis cannot see, would otherwise let an edit of `x` change `~/.warden/config.yaml`.
 */
function isHardLinkToGuard(file: string, context: PathContext): boolean {
  // Only a file with more than one name can be another name of a protected file.
  let linked = linkedFiles.get(file);
  if (linked === undefined) {
    const stats = statSync(file, { throwIfNoEntry: false });
    linked = stats?.isFile() && stats.nlink >= 2 ? `${stats.dev}:${stats.ino}` : '';
    linkedFiles.set(file, linked);
  }
  if (linked === '') return false;
  const learned = context.protectedPaths!;
  let inodes = guardInodes.get(learned);
  if (!inodes) {
    inodes = new Set<string>();
    const files = [...learned.linkTargets];
    for (const directory of [context.wardenHome, path.join(context.wardenHome, 'bin')]) {
      try {
        for (const name of readdirSync(directory)) files.push(path.join(directory, name));
      } catch {
        // No such directory: nothing in it to link to.
      }
    }
    for (const candidate of files) {
      const key = inodeKey(candidate);
      if (key) inodes.add(key);
    }
    guardInodes.set(learned, inodes);
  }
  return inodes.has(linked);
}

/** `dev:ino` of the files with several names, '' for the others, reused briefly (see `LOOKUP_TTL_MS`). */
const linkedFiles = createLookupCache<string>();

export function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index]!;
    if (char === '*') source += '.*';
    else if (char === '?') source += '.';
    else if (char === '[') {
      const end = pattern.indexOf(']', index + 2);
      if (end < 0) source += '\\[';
      else {
        const body = pattern
          .slice(index + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\');
        source += `[${body}]`;
        index = end;
      }
    } else source += char.replace(/[.+^${}()|\\/]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

export function hasGlob(value: string): boolean {
  return /[*?[]/.test(value);
}

/**
 * The deepest directory a glob can reach: `/tmp/*.log` -> `/tmp`, `src/**` -> `<cwd>/src`,
 * `*` -> cwd, `../*` -> the parent, `*` followed by `/..` -> the parent, and `.*` -> the parent,
 * because `.*` matches `..` in most shells. Paths without glob characters resolve as usual.
 */
export function globReach(options: { pattern: string; cwd: string; home: string }): string {
  const expanded = resolvePathPrefix(options.pattern, options.home);
  const absolute = expanded.startsWith('/') ? expanded : `${options.cwd.replace(/\/+$/, '')}/${expanded}`;
  const segments = absolute.split('/');
  const fixed: string[] = [];
  let index = 0;
  for (; index < segments.length; index++) {
    const segment = segments[index]!;
    if (hasGlob(segment)) break;
    fixed.push(segment);
  }
  let reach = path.resolve(fixed.join('/') || '/');
  if (index >= segments.length) return reach;
  let depth = 0;
  let lowest = 0;
  for (; index < segments.length; index++) {
    const segment = segments[index]!;
    if (segment === '' || segment === '.') continue;
    if (segment === '..') depth--;
    // Without a leading dot a glob never matches `.` or `..`; `.*` does in most shells.
    else if (hasGlob(segment) && segment.startsWith('.') && globToRegExp(segment).test('..')) depth--;
    else depth++;
    lowest = Math.min(lowest, depth);
  }
  for (let up = lowest; up < 0; up++) reach = path.dirname(reach);
  return reach;
}

function resolvePathPrefix(value: string, home: string): string {
  if (value === '~' || value.startsWith('~/')) return home + value.slice(1);
  if (value === '$HOME' || value.startsWith('$HOME/')) return home + value.slice('$HOME'.length);
  if (value === BRACED_HOME || value.startsWith(`${BRACED_HOME}/`))
    return home + value.slice(BRACED_HOME.length);
  return value;
}

// Names a secret glob would match, and everyday names that show a glob is too broad to say so.
const SECRET_SAMPLES = [
  '.env',
  '.env.local',
  '.env.production',
  'id_rsa',
  'id_ed25519',
  'id_ecdsa',
  'credentials',
  'credentials.json',
  'server.key',
  'server.pem',
  'cert.p12',
  '.netrc',
  '.npmrc',
  '.pgpass',
  'secrets.yaml',
  'secrets.json',
  'service-account.json',
  'terraform.tfstate',
  'wallet.dat',
  '.git-credentials',
  '.vault-token',
];
const EVERYDAY_SAMPLES = [
  '.gitignore',
  '.editorconfig',
  'package.json',
  'index.js',
  'README.md',
  'config.yaml',
  'main.go',
  'data.txt',
  'Makefile',
  'a',
];

/**
 * A secret name a glob's last segment matches (`.env*` -> `.env`, `id_*` -> `id_rsa`), unless the
 * glob also matches everyday names (`*`, `*.json`): then it says nothing about secrets.
 */
/** Whether a file name alone says it holds a secret (`id_rsa`, `.env`, `credentials.json`). */
export function isSecretName(name: string): boolean {
  return SECRET_BASENAME.test(name) && !NOT_SECRET.test(name);
}

export function secretGlobSample(pattern: string): string | undefined {
  const base = pattern.slice(pattern.lastIndexOf('/') + 1);
  if (!hasGlob(base)) return undefined;
  const regexp = globToRegExp(base);
  if (EVERYDAY_SAMPLES.some((name) => regexp.test(name))) return undefined;
  return SECRET_SAMPLES.find((name) => regexp.test(name));
}
