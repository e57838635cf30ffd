import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * A place learned from the live configuration. `exact`: that file (or directory) and nothing
 * else; `children`: the directory and what sits directly in it (a PATH directory: a new file there
 * shadows a program); `tree`: the directory and everything below it; `settings`: an agent's home,
 * itself and the settings and hook files in it (not its caches and transcripts).
 */
export interface ProtectedEntry {
  path: string;
  scope: 'exact' | 'children' | 'tree' | 'settings';
  /** Moving or deleting a directory above this entry removes it too: the ancestors count. */
  ancestors?: boolean;
  /** Why it is protected, for `warden doctor` and the tests. */
  why: string;
}

/**
 * What Warden protects beyond `$WARDEN_HOME` and the fixed agent settings, learned from the live
 * configuration rather than listed: `guard` (classified `guard_config`) holds the policy files
 * wherever they live and the hook code the installed hooks run (the launchers' program and Node);
 * `agent` (classified `agent_config`) holds the places that decide what the agent itself runs
 * (relocated agent homes, PATH directories, files the environment makes every Node or shell load).
 */
export interface ProtectedPaths {
  guard: readonly ProtectedEntry[];
  agent: readonly ProtectedEntry[];
  /** Files whose hard links are protected too, checked by inode (`ln policy.yaml x && edit x`). */
  linkTargets: readonly string[];
}

export interface ResolveProtectedPathsOptions {
  wardenHome: string;
  userHome: string;
  /** The project directory: PATH entries inside it are the project's own tools, not the agent's. */
  cwd?: string;
  /** Every policy file in force (the user's, what it extends, the project's). */
  policyFiles?: readonly string[];
  /** The environment the agent runs in (hooks inherit it); default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** The Node running the hook; default `process.execPath`. */
  nodePath?: string;
}

/** The agents' own homes, relocated by the environment: settings and hooks are read from there. */
const AGENT_HOME_VARIABLES = ['CODEX_HOME', 'CLAUDE_CONFIG_DIR'];
/** Files the shell loads before every command it runs (`bash -c` reads `$BASH_ENV`). */
const SHELL_ENV_VARIABLES = ['BASH_ENV', 'ENV'];
/** Options of NODE_OPTIONS that load a file into every Node the agent or the hook starts. */
const NODE_FILE_OPTIONS = /^(-r|--require|--import|--loader|--experimental-loader|--env-file(-if-exists)?)$/;
/** What an agent reads from its home that changes what it runs (settings, hooks, MCP servers, rules). */
export const AGENT_SETTINGS_FILES =
  /^(settings(\.local)?\.json|hooks\.json|config\.toml|config\.json|requirements\.toml|managed-settings\.json|mcp\.json|hooks|agents|commands|rules)$/;
const SYSTEM_BIN = /^\/(usr\/)?s?bin$|^\/usr\/local\/s?bin$/;

function isInside(child: string, parent: string): boolean {
  if (parent === '/') return true;
  return child === parent || child.startsWith(parent.endsWith('/') ? parent : `${parent}/`);
}

function realOrSelf(file: string): string {
  try {
    return realpathSync.native(file);
  } catch {
    return file;
  }
}

/** Reads `NAME='value'` from a launcher `writeLauncher` wrote (POSIX single quotes). */
function launcherValue(text: string, name: string): string | undefined {
  const match = new RegExp(`^${name}='((?:[^']|'\\\\'')*)'$`, 'm').exec(text);
  return match ? match[1]!.replace(/'\\''/g, "'") : undefined;
}

/** The Node and the program every launcher in `$WARDEN_HOME/bin` runs (what the hook commands run). */
function launcherTargets(wardenHome: string): { node: string[]; scripts: string[] } {
  const node: string[] = [];
  const scripts: string[] = [];
  const directory = path.join(wardenHome, 'bin');
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return { node, scripts };
  }
  for (const name of names) {
    const file = path.join(directory, name);
    try {
      if (statSync(file).size > 64 * 1024) continue;
      const text = readFileSync(file, 'utf8');
      const nodePath = launcherValue(text, 'NODE');
      const script = launcherValue(text, 'SCRIPT');
      if (nodePath && path.isAbsolute(nodePath)) node.push(nodePath);
      if (script && path.isAbsolute(script)) scripts.push(script);
    } catch {
      // An unreadable launcher names nothing; it is inside Warden's home and protected anyway.
    }
  }
  return { node, scripts };
}

interface HookSettings {
  hooks?: Record<string, { hooks?: { command?: string }[] }[]>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The part of an agent's hook settings that names programs, when the file has that shape
 * (`{hooks?: {[event]: [{hooks?: [{command?: string}]}]}}`), else undefined. Checked by hand, not
 * with zod: this runs on every hook call, where building and running a schema for it cost more
 * than reading the files.
 */
function hookSettingsOf(value: unknown): HookSettings | undefined {
  if (!isRecord(value)) return undefined;
  if (value.hooks === undefined) return {};
  if (!isRecord(value.hooks)) return undefined;
  for (const groups of Object.values(value.hooks)) {
    if (!Array.isArray(groups)) return undefined;
    for (const group of groups) {
      if (!isRecord(group)) return undefined;
      if (group.hooks === undefined) continue;
      if (!Array.isArray(group.hooks)) return undefined;
      for (const handler of group.hooks) {
        if (!isRecord(handler)) return undefined;
        if (handler.command !== undefined && typeof handler.command !== 'string') return undefined;
      }
    }
  }
  return value as HookSettings;
}

/** The words of a hook command, with POSIX single and double quotes (no expansions). */
function commandWords(command: string): string[] {
  const words: string[] = [];
  for (const match of command.matchAll(/'((?:[^']|'\\'')*)'|"([^"]*)"|(\S+)/g)) {
    words.push(match[1] !== undefined ? match[1].replace(/'\\''/g, "'") : (match[2] ?? match[3]!));
  }
  return words;
}

/**
 * The programs the agents' hook settings run, by absolute path: the Node and the script of a
 * hook installed without a launcher (`'/…/node' '/…/dist/bin.cjs' hook`), and any other hook's
 * program. Settings that are missing or unreadable name nothing.
 */
function hookCommandPaths(files: readonly string[]): string[] {
  const paths: string[] = [];
  for (const file of files) {
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      continue;
    }
    const settings = hookSettingsOf(value);
    if (!settings) continue;
    for (const groups of Object.values(settings.hooks ?? {}))
      for (const group of groups)
        for (const handler of group.hooks ?? [])
          for (const word of commandWords(handler.command ?? '').slice(0, 8))
            if (path.isAbsolute(word) && !word.includes('$')) paths.push(word);
  }
  return paths;
}

/** Values of the file-loading options in NODE_OPTIONS (`--require ./x.js`, `--import=x`). */
function nodeOptionFiles(value: string | undefined): string[] {
  if (!value) return [];
  const files: string[] = [];
  const words = value.split(/\s+/).filter(Boolean);
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    const equals = word.indexOf('=');
    const name = equals > 0 ? word.slice(0, equals) : word;
    if (!NODE_FILE_OPTIONS.test(name)) continue;
    const file = equals > 0 ? word.slice(equals + 1) : words[++index];
    if (file && (file.startsWith('/') || file.startsWith('.'))) files.push(file.replace(/^["']|["']$/g, ''));
  }
  return files;
}

/**
 * Learns the protected places from the live configuration: the policy files in force, the hook
 * code and Node the installed launchers run (and the Node running now), the agents' relocated
 * homes, the PATH directories outside the project (a file dropped there shadows a program the
 * agent or the hook runs) and the files the environment makes every shell or Node load.
 * Reads `$WARDEN_HOME/bin` and the agents' hook settings (user and project); nothing else touches
 * the disk beyond resolving links.
 */
export function resolveProtectedPaths(options: ResolveProtectedPathsOptions): ProtectedPaths {
  const env = options.env ?? process.env;
  const guard: ProtectedEntry[] = [];
  const agent: ProtectedEntry[] = [];
  const linkTargets: string[] = [];
  const add = (list: ProtectedEntry[], entry: ProtectedEntry) => {
    const resolved = path.resolve(entry.path);
    list.push({ ...entry, path: resolved });
    const real = realOrSelf(resolved);
    if (real !== resolved) list.push({ ...entry, path: real });
  };

  for (const file of options.policyFiles ?? []) {
    add(guard, { path: file, scope: 'exact', ancestors: true, why: 'a policy file in force' });
    linkTargets.push(file);
  }
  const launchers = launcherTargets(options.wardenHome);
  for (const script of launchers.scripts) {
    // The bundled hook and the chunks it loads lazily sit together in the adapter's dist/.
    add(guard, { path: path.dirname(script), scope: 'tree', ancestors: true, why: 'the hook code' });
    linkTargets.push(script);
  }
  // Hooks installed without a launcher name their Node and program in the agents' settings.
  const claudeHome = env.CLAUDE_CONFIG_DIR || path.join(options.userHome, '.claude');
  const codexHome = env.CODEX_HOME || path.join(options.userHome, '.codex');
  const settings = [
    path.join(claudeHome, 'settings.json'),
    path.join(claudeHome, 'settings.local.json'),
    path.join(codexHome, 'hooks.json'),
    ...(options.cwd
      ? [
          path.join(options.cwd, '.claude', 'settings.json'),
          path.join(options.cwd, '.claude', 'settings.local.json'),
          path.join(options.cwd, '.codex', 'hooks.json'),
        ]
      : []),
  ];
  for (const program of hookCommandPaths(settings)) {
    // A bundled hook loads its lazy chunks from beside it; a project's own hook script is one file.
    const inProject = options.cwd !== undefined && isInside(path.resolve(program), path.resolve(options.cwd));
    if (/\.c?js$/.test(program) && !inProject) {
      add(guard, { path: path.dirname(program), scope: 'tree', ancestors: true, why: 'the hook code' });
      linkTargets.push(program);
    } else add(guard, { path: program, scope: 'exact', ancestors: true, why: 'a program the hooks run' });
  }
  for (const node of [...launchers.node, options.nodePath ?? process.execPath]) {
    add(guard, { path: node, scope: 'exact', ancestors: true, why: 'the Node the hooks run' });
    linkTargets.push(node);
  }

  for (const name of AGENT_HOME_VARIABLES) {
    const value = env[name];
    if (value && path.isAbsolute(value))
      add(agent, { path: value, scope: 'settings', why: `the agent's settings ($${name})` });
  }
  for (const name of SHELL_ENV_VARIABLES) {
    const value = env[name];
    if (value && path.isAbsolute(value))
      add(agent, { path: value, scope: 'exact', why: `loaded by every shell ($${name})` });
  }
  for (const file of nodeOptionFiles(env.NODE_OPTIONS)) {
    add(agent, {
      path: path.resolve(options.cwd ?? options.userHome, file),
      scope: 'exact',
      why: 'loaded by every Node (NODE_OPTIONS)',
    });
  }
  const home = path.resolve(options.userHome);
  for (const entry of (env.PATH ?? '').split(path.delimiter)) {
    // Relative entries (`.`, `node_modules/.bin`) move with the directory; the project's own
    // tools are the project's business; system directories are protected as system files.
    if (!path.isAbsolute(entry)) continue;
    const directory = path.resolve(entry);
    if (options.cwd && isInside(directory, path.resolve(options.cwd))) continue;
    if (SYSTEM_BIN.test(directory) || directory === home || directory === '/') continue;
    add(agent, { path: directory, scope: 'children', why: 'a directory on PATH' });
  }
  return { guard, agent, linkTargets };
}

/** Whether the path is one of the entries (or, where the entry says so, a directory above it). */
export function matchesProtectedEntry(options: {
  path: string;
  entries: readonly ProtectedEntry[];
  /** Directories never counted as ancestors: `/`, the home and the project directory. */
  keep: readonly string[];
  /** Whether a directory above an entry that says so counts (default true); false: the places themselves. */
  ancestors?: boolean;
}): boolean {
  const target = options.path;
  for (const entry of options.entries) {
    if (target === entry.path) return true;
    if (entry.scope === 'tree' && isInside(target, entry.path)) return true;
    if (entry.scope === 'children' && path.dirname(target) === entry.path) return true;
    if (
      entry.scope === 'settings' &&
      isInside(target, entry.path) &&
      AGENT_SETTINGS_FILES.test(target.slice(entry.path.length + 1).split('/')[0]!)
    )
      return true;
    if (
      entry.ancestors &&
      options.ancestors !== false &&
      isInside(entry.path, target) &&
      !options.keep.some((kept) => isInside(kept, target))
    )
      return true;
  }
  return false;
}
