import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveWardenHome, startResidentAtInstall, warmCodeCache, writeLauncher } from '@warden/core';
import type { AskBehaviour } from './adapter.js';
import {
  type CodexConfigDocument,
  enableHooksFeature,
  hookFeatureFlags,
  hookStates,
  type McpServer,
  mcpServer,
  projectTrustLevel,
  readCodexConfig,
  removeMcpServer,
  setMcpServer,
} from './codex-config.js';
import { CodexConfigFileError } from './codex-config-file-error.js';
import { type CodexPathOptions, codexDirectory, configFilePath, hooksFilePath } from './codex-paths.js';
import { CODEX_HOOK_EVENTS, type CodexHookEvent } from './hook-input-schema.js';
import { hookTrustHash, hookTrustKey } from './hook-trust.js';
import {
  type HookHandler,
  type HooksFile,
  type MatcherGroup,
  readHooksFile,
  writeHooksFile,
} from './hooks-file.js';
import {
  type CodexSessionEvent,
  codexSessionInputTemplate,
  isCodexSessionEvent,
} from './session-templates.js';

/** Events whose matcher filters tool names: Warden wants every tool. */
const TOOL_EVENTS = new Set<CodexHookEvent>(['PreToolUse', 'PermissionRequest', 'PostToolUse']);
/** Codex allows Interrupt and SessionEnd hooks at most 3 s; everything else gets 30 s (the hook answers within 10). */
const TIMEOUTS: Partial<Record<CodexHookEvent, number>> = { Interrupt: 3, SessionEnd: 3 };
const DEFAULT_TIMEOUT_SECONDS = 30;

/** The bundled entry point of this package (dist/bin.cjs), wherever it is installed. */
export function defaultHookScript(): string {
  // dist/cli.cjs is CommonJS (__filename); dist/index.js is ESM (import.meta.url). Both sit beside bin.cjs.
  const here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
  const directory = path.dirname(here);
  // Run from the TypeScript sources (tests, tsx), the command is still the built one.
  return path.basename(directory) === 'src'
    ? path.join(path.dirname(directory), 'dist', 'bin.cjs')
    : path.join(directory, 'bin.cjs');
}

/** Single-quotes a word for `$SHELL -lc`, which is how Codex runs a command hook. */
function shellQuote(word: string): string {
  return /^[A-Za-z0-9_/.,:@%+=-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The command Codex runs. Node by absolute path: Codex starts hooks from a login shell whose PATH
 * may not have this Node (or may have an older one).
 */
export function hookCommand(options: {
  nodePath: string;
  hookScript: string;
  askBehaviour?: AskBehaviour;
}): string {
  const ask = options.askBehaviour === 'defer' ? ' --ask defer' : '';
  return `${shellQuote(options.nodePath)} ${shellQuote(options.hookScript)} hook${ask}`;
}

/**
 * How Codex reaches Warden: `command` (default) spawns the hook per event; `mcp` calls the tool
 * of one session server per session for the events Codex routes to MCP hooks.
 */
export type CodexTransport = 'command' | 'mcp';

/** The `[mcp_servers]` name and tool the `mcp_tool` hooks call. */
export const SESSION_SERVER_NAME = 'warden';
export const SESSION_TOOL = 'decide';
/** Said by install and the README: what `--transport mcp` gives up. */
export const MCP_TRADE_OFF =
  'Codex ignores onFailure for MCP hooks and never restarts a crashed MCP server: should the session server die, every routed hook of that session does nothing (fails open) until Codex restarts; a command hook fails one call at most.';

/** Recognises Warden's handlers, from this install or an earlier one at another path. */
export function isWardenHandler(handler: Pick<HookHandler, 'command' | 'type' | 'server' | 'tool'>): boolean {
  if (handler.type === 'mcp_tool')
    return handler.server === SESSION_SERVER_NAME && handler.tool === SESSION_TOOL;
  return (
    typeof handler.command === 'string' &&
    (/(warden-codex|[\\/]codex[\\/]dist[\\/]bin\.c?js)'?\s+hook\b/.test(handler.command) ||
      handler.command.includes('/bin/warden-codex";'))
  );
}

/** The `mcp_tool` handler of one routed event. */
export function wardenSessionHandler(event: CodexSessionEvent): HookHandler {
  return {
    type: 'mcp_tool',
    server: SESSION_SERVER_NAME,
    tool: SESSION_TOOL,
    timeout: DEFAULT_TIMEOUT_SECONDS,
    input: codexSessionInputTemplate(event),
  };
}

/** `[mcp_servers.warden]`: this Node by absolute path, and `WARDEN_HOME` (Codex passes no environment but HOME). */
export function sessionServerEntry(options: {
  nodePath: string;
  hookScript: string;
  askBehaviour?: AskBehaviour;
  env?: NodeJS.ProcessEnv;
  /** Offer the model the read-only `policy_test` and `audit_query` tools. */
  exposeTools?: boolean;
}): McpServer {
  const wardenHome = options.env?.WARDEN_HOME?.trim();
  return {
    command: options.nodePath,
    args: [
      options.hookScript,
      'serve-session',
      ...(options.askBehaviour === 'defer' ? ['--ask', 'defer'] : []),
      ...(options.exposeTools ? ['--expose-tools'] : []),
    ],
    ...(wardenHome ? { env: { WARDEN_HOME: path.resolve(wardenHome) } } : {}),
  };
}

/** Whether a `[mcp_servers]` entry is one Warden wrote (so uninstall may remove it). */
export function isWardenSessionServer(server: McpServer | undefined): boolean {
  return (
    server !== undefined &&
    (server.args ?? []).includes('serve-session') &&
    (server.args ?? []).some((arg) => /(warden-codex|[\\/]codex[\\/]dist[\\/]bin\.c?js)$/.test(arg))
  );
}

/** Warden's matcher group for each Codex event. */
export function wardenHookGroups(
  command: string,
  transport: CodexTransport = 'command',
): Record<CodexHookEvent, MatcherGroup> {
  const groups = {} as Record<CodexHookEvent, MatcherGroup>;
  for (const event of CODEX_HOOK_EVENTS) {
    const handler: HookHandler =
      transport === 'mcp' && isCodexSessionEvent(event)
        ? wardenSessionHandler(event)
        : { type: 'command', command, timeout: TIMEOUTS[event] ?? DEFAULT_TIMEOUT_SECONDS };
    groups[event] = TOOL_EVENTS.has(event) ? { matcher: '*', hooks: [handler] } : { hooks: [handler] };
  }
  return groups;
}

/** Removes Warden's handlers (and the groups and events they leave empty), keeping everything else. */
export function removeWardenHooks(hooksFile: HooksFile): HooksFile {
  if (!hooksFile.hooks) return hooksFile;
  const hooks: Record<string, MatcherGroup[]> = {};
  for (const [event, groups] of Object.entries(hooksFile.hooks)) {
    const kept = groups
      .map((group) => ({ ...group, hooks: group.hooks.filter((handler) => !isWardenHandler(handler)) }))
      .filter((group, index) => group.hooks.length > 0 || (groups[index]?.hooks.length ?? 0) === 0);
    if (kept.length > 0) hooks[event] = kept;
  }
  const { hooks: _previous, ...rest } = hooksFile;
  return Object.keys(hooks).length > 0 ? { ...rest, hooks } : rest;
}

/**
 * Adds Warden's group to every Codex event, after the user's own groups, replacing any earlier
 * Warden entries. Codex runs all matching hooks of an event concurrently and any block wins, so
 * the position does not weaken Warden; it keeps the user's trusted hooks at their positions.
 */
export function mergeWardenHooks(options: {
  hooksFile: HooksFile;
  command: string;
  transport?: CodexTransport;
}): HooksFile {
  const cleaned = removeWardenHooks(options.hooksFile);
  const hooks: Record<string, MatcherGroup[]> = { ...(cleaned.hooks ?? {}) };
  for (const [event, group] of Object.entries(wardenHookGroups(options.command, options.transport)))
    hooks[event] = [...(hooks[event] ?? []), group];
  return { ...cleaned, hooks };
}

export interface CodexDetection {
  /** `codex --version`, e.g. `0.169.0`; undefined when Codex could not be run. */
  version?: string;
  /** `codex features list` with this CODEX_HOME: feature name -> effective state. */
  features?: Record<string, boolean>;
}

/** Asks the installed Codex for its version and effective feature flags. Never throws. */
export function detectCodex(options: { codexPath?: string; env?: NodeJS.ProcessEnv } = {}): CodexDetection {
  const run = (args: string[]) =>
    execFileSync(options.codexPath ?? 'codex', args, {
      encoding: 'utf8',
      timeout: 20_000,
      stdio: ['ignore', 'pipe', 'ignore'],
      env: options.env ?? process.env,
    });
  const detection: CodexDetection = {};
  try {
    const version = /\d+\.\d+\.\d+/.exec(run(['--version']))?.[0];
    if (version) detection.version = version;
  } catch {
    return detection;
  }
  try {
    const features: Record<string, boolean> = {};
    for (const line of run(['features', 'list']).split('\n')) {
      const match = /^(\S+)\s+.*\s(true|false)\s*$/.exec(line);
      if (match) features[match[1]!] = match[2] === 'true';
    }
    if (Object.keys(features).length > 0) detection.features = features;
  } catch {
    // An older Codex without `features list`: the flags in config.toml are all there is to go on.
  }
  return detection;
}

export type HookTrust = 'trusted' | 'modified' | 'untrusted' | 'disabled';

export interface HookTrustEntry {
  eventName: string;
  /** The `[hooks.state."<key>"]` key Codex records trust under. */
  key: string;
  /** The `trusted_hash` Codex expects for the hook as it is now. */
  hash: string;
  trust: HookTrust;
  /** `command` or `mcp_tool`. */
  type: string;
}

/** Trust of every Warden handler in a hooks.json, as Codex will see it. */
export function wardenHookTrust(options: {
  hooksFilePath: string;
  hooksFile: HooksFile;
  configs: CodexConfigDocument[];
}): HookTrustEntry[] {
  const states = Object.assign({}, ...options.configs.map((document) => hookStates(document.config)));
  const entries: HookTrustEntry[] = [];
  for (const [eventName, groups] of Object.entries(options.hooksFile.hooks ?? {})) {
    groups.forEach((group, groupIndex) => {
      group.hooks.forEach((handler, handlerIndex) => {
        if (!isWardenHandler(handler)) return;
        const hash = hookTrustHash({ eventName, matcher: group.matcher, handler });
        if (!hash) return;
        const key = hookTrustKey({ hooksFile: options.hooksFilePath, eventName, groupIndex, handlerIndex });
        const state = states[key];
        const trust: HookTrust =
          state?.enabled === false
            ? 'disabled'
            : state?.trusted_hash === undefined
              ? 'untrusted'
              : state.trusted_hash === hash
                ? 'trusted'
                : 'modified';
        entries.push({ eventName, key, hash, trust, type: handler.type });
      });
    });
  }
  return entries;
}

export interface InstallOptions extends CodexPathOptions {
  nodePath?: string;
  hookScript?: string;
  askBehaviour?: AskBehaviour;
  /** The `codex` executable used to read the effective feature flags; default `codex` on PATH. */
  codexPath?: string;
  /** Skip running Codex (tests, or machines where it is not installed yet). */
  detection?: CodexDetection;
  /**
   * Run the hook through `$WARDEN_HOME/bin/warden-codex` (see @warden/core's writeLauncher), so
   * removing the package or its Node leaves a clear message; the project scope then names no path
   * of this machine. The CLIs set it; the default keeps the direct command.
   */
  launcher?: boolean;
  /** Warden's home for the launcher (default `$WARDEN_HOME` or `~/.warden`). */
  wardenHome?: string;
  /** `command` (default) or `mcp`: the session server for the events Codex routes to MCP hooks (user scope only). */
  transport?: CodexTransport;
  /** With `transport: "mcp"`: the server also offers the model `policy_test` and `audit_query` (read-only). */
  exposeTools?: boolean;
}

/** The launcher's name in `$WARDEN_HOME/bin`; it matches `isWardenHandler`. */
export const LAUNCHER_NAME = 'warden-codex';

/** The command a committed `.codex/hooks.json` runs: each user's own launcher, or a message naming the install command. */
export function projectHookCommand(askBehaviour?: AskBehaviour): string {
  const ask = askBehaviour === 'defer' ? ' --ask defer' : '';
  return `l="\${WARDEN_HOME:-$HOME/.warden}/bin/${LAUNCHER_NAME}"; [ -x "$l" ] && exec "$l" hook${ask}; echo 'This project is guarded by Warden, which is not installed for this user: run npx @warden/cli install' >&2; grep -qE '"hook_event_name" *: *"(PreToolUse|UserPromptSubmit|PermissionRequest)"' && exit 2; exit 0`;
}

export interface FeatureChange {
  file: string;
  key: 'hooks' | 'codex_hooks';
  backup?: string;
}

export interface InstallResult {
  /** The launcher the hooks run, with `launcher`. */
  launcher?: string;
  hooksFile: string;
  changed: boolean;
  backup?: string;
  command: string;
  /** `[features]` flags Warden turned on. */
  featureChanges: FeatureChange[];
  /** Whether Codex will run hooks at all, after the changes; undefined when it cannot be told. */
  hooksFeatureOn?: boolean;
  codexVersion?: string;
  trust: HookTrustEntry[];
  transport: CodexTransport;
  /** With `transport: "mcp"`: the config.toml that declares the session server, and whether it changed. */
  sessionServer?: { file: string; changed: boolean; backup?: string };
}

function configDocuments(options: CodexPathOptions): CodexConfigDocument[] {
  const user = readCodexConfig(configFilePath({ ...options, scope: 'user' }));
  if ((options.scope ?? 'user') === 'user') return [user];
  return [user, readCodexConfig(configFilePath(options))];
}

/**
 * Turns the hooks feature on where it is off: a flag written `false` in a config.toml (`hooks`,
 * or the older alias `codex_hooks`), or off in Codex's effective flags (an older Codex where
 * hooks are opt-in). A Codex where hooks are on by default gets no flag written.
 */
function ensureHooksFeature(options: { documents: CodexConfigDocument[]; detection: CodexDetection }): {
  changes: FeatureChange[];
  on?: boolean;
} {
  const changes: FeatureChange[] = [];
  const [user] = options.documents;
  for (const document of options.documents) {
    const flags = hookFeatureFlags(document.config);
    if (flags.hooks === false) changes.push({ file: document.file, key: 'hooks' });
    if (flags.codexHooks === false) changes.push({ file: document.file, key: 'codex_hooks' });
  }
  const features = options.detection.features;
  if (changes.length === 0 && features && user) {
    if (features.hooks === false) changes.push({ file: user.file, key: 'hooks' });
    else if (!('hooks' in features) && features.codex_hooks === false)
      changes.push({ file: user.file, key: 'codex_hooks' });
  }
  const applied: FeatureChange[] = [];
  for (const change of changes) {
    // Re-read before each edit: two flags may live in the same file.
    const result = enableHooksFeature({ document: readCodexConfig(change.file), key: change.key });
    if (result.changed) applied.push({ ...change, ...(result.backup ? { backup: result.backup } : {}) });
  }
  const on =
    changes.length > 0
      ? true
      : features
        ? (features.hooks ?? features.codex_hooks)
        : hookFeatureFlags(user?.config ?? {}).hooks;
  return { changes: applied, ...(on === undefined ? {} : { on }) };
}

/** A harmless Codex PreToolUse, for the code-cache warm-up run of `install`. */
const warmUpInput = (cwd: string): string =>
  JSON.stringify({
    session_id: 'warden-install-warm-up',
    turn_id: 'warden-install-warm-up',
    transcript_path: null,
    cwd,
    hook_event_name: 'PreToolUse',
    model: 'warden-install',
    permission_mode: 'default',
    tool_name: 'Bash',
    tool_input: { command: 'git status --short && ls -la' },
    tool_use_id: 'warden-install-warm-up',
  });

export function install(options: InstallOptions = {}): InstallResult {
  const transport = options.transport ?? 'command';
  if (transport === 'mcp' && (options.scope ?? 'user') === 'project') {
    throw new CodexConfigFileError({
      file: hooksFilePath(options),
      message:
        "--transport mcp installs for the user scope only: the session server is declared in $CODEX_HOME/config.toml with this machine's Node and paths, which a committed project .codex cannot carry. Use --scope user, or --transport command for the project.",
    });
  }
  const file = hooksFilePath(options);
  const current = readHooksFile(file);
  // Read (and so validate) the TOML before touching anything: a broken config.toml stops the install.
  const documents = configDocuments(options);
  if (transport === 'mcp') {
    const declared = readCodexConfig(configFilePath({ ...options, scope: 'user' }));
    const existing = declared.config.mcp_servers?.[SESSION_SERVER_NAME];
    if (
      existing !== undefined &&
      !isWardenSessionServer(mcpServer({ config: declared.config, name: SESSION_SERVER_NAME }))
    )
      throw new CodexConfigFileError({
        file: declared.file,
        message: `[mcp_servers.${SESSION_SERVER_NAME}] already declares another server, which Warden will not replace. Rename it (and the hooks that name it), then install again.`,
      });
  }
  const nodePath = options.nodePath ?? process.execPath;
  const hookScript = options.hookScript ?? defaultHookScript();
  let command = hookCommand({ nodePath, hookScript, askBehaviour: options.askBehaviour });
  let launcher: string | undefined;
  if (options.launcher) {
    const wardenHome = options.wardenHome ?? resolveWardenHome({ env: options.env ?? process.env });
    // The first tool call after install is as fast as later ones: its code cache is made now.
    warmCodeCache({ wardenHome, nodePath, hookScript, input: warmUpInput });
    launcher = writeLauncher({
      wardenHome,
      name: LAUNCHER_NAME,
      nodePath,
      hookScript,
      blockingEvents: ['PreToolUse', 'PermissionRequest', 'UserPromptSubmit'],
      failure: 'closed',
      packageName: '@warden/codex',
    }).file;
    command =
      (options.scope ?? 'user') === 'project'
        ? projectHookCommand(options.askBehaviour)
        : `${shellQuote(launcher)} hook${options.askBehaviour === 'defer' ? ' --ask defer' : ''}`;
  }
  const next = mergeWardenHooks({ hooksFile: current, command, transport });
  // Command hooks: their resident decider is up before the first call.
  if (launcher && transport === 'command')
    startResidentAtInstall({
      name: 'codex',
      nodePath,
      hookScript,
      wardenHome: options.wardenHome ?? resolveWardenHome({ env: options.env ?? process.env }),
      env: options.env ?? process.env,
    });
  const changed = JSON.stringify(next) !== JSON.stringify(current);
  const written = changed ? writeHooksFile({ file, hooksFile: next }) : {};

  // The server entry follows the hooks: written for mcp, removed when going back to command hooks.
  const configFile = configFilePath({ ...options, scope: 'user' });
  const userConfig = readCodexConfig(configFile);
  let sessionServer: InstallResult['sessionServer'];
  if (transport === 'mcp') {
    const entry = sessionServerEntry({
      nodePath,
      hookScript,
      askBehaviour: options.askBehaviour,
      env: options.env ?? process.env,
      ...(options.exposeTools ? { exposeTools: true } : {}),
    });
    const result = setMcpServer({
      document: userConfig,
      name: SESSION_SERVER_NAME,
      server: entry,
      comment: "Warden's session guard server (warden-codex install --transport mcp)",
    });
    sessionServer = { file: configFile, ...result };
  } else if (
    // Only a user-scope install replaces the user-scope one: a project install leaves it alone.
    (options.scope ?? 'user') === 'user' &&
    isWardenSessionServer(mcpServer({ config: userConfig.config, name: SESSION_SERVER_NAME }))
  ) {
    removeMcpServer({ document: userConfig, name: SESSION_SERVER_NAME });
  }

  const detection =
    options.detection ?? detectCodex({ codexPath: options.codexPath, env: options.env ?? process.env });
  const feature = ensureHooksFeature({ documents, detection });
  return {
    hooksFile: file,
    changed,
    ...written,
    command,
    ...(launcher ? { launcher } : {}),
    featureChanges: feature.changes,
    ...(feature.on === undefined ? {} : { hooksFeatureOn: feature.on }),
    ...(detection.version ? { codexVersion: detection.version } : {}),
    trust: wardenHookTrust({ hooksFilePath: file, hooksFile: next, configs: configDocuments(options) }),
    transport,
    ...(sessionServer ? { sessionServer } : {}),
  };
}

export function uninstall(options: CodexPathOptions = {}): {
  hooksFile: string;
  changed: boolean;
  backup?: string;
  /** The config.toml Warden's `[mcp_servers.warden]` was removed from, if there was one. */
  removedSessionServer?: string;
} {
  const file = hooksFilePath(options);
  const current = readHooksFile(file);
  const next = removeWardenHooks(current);
  // The session server belongs to the user-scope install, the only one that writes it.
  const configFile = configFilePath({ ...options, scope: 'user' });
  let serverRemoved = false;
  if ((options.scope ?? 'user') === 'user') {
    const userConfig = readCodexConfig(configFile);
    if (isWardenSessionServer(mcpServer({ config: userConfig.config, name: SESSION_SERVER_NAME })))
      serverRemoved = removeMcpServer({ document: userConfig, name: SESSION_SERVER_NAME }).changed;
  }
  const removed = serverRemoved ? { removedSessionServer: configFile } : {};
  if (JSON.stringify(next) === JSON.stringify(current))
    return { hooksFile: file, changed: serverRemoved, ...removed };
  // The feature flag and trust records stay: other hooks may rely on the flag, and a trust record
  // only matches the exact hook it was made for.
  return { hooksFile: file, changed: true, ...writeHooksFile({ file, hooksFile: next }), ...removed };
}

export interface StatusOptions extends CodexPathOptions {
  codexPath?: string;
  detection?: CodexDetection;
}

export interface StatusResult {
  hooksFile: string;
  /** Warden handlers found, one per event. */
  trust: HookTrustEntry[];
  /** Codex events Warden has no handler for. */
  missingEvents: string[];
  hooksFeatureOn?: boolean;
  codexVersion?: string;
  /** For the project scope: the project's trust level in Codex (its `.codex` loads only when trusted). */
  projectTrustLevel?: string;
  /** How the installed hooks reach Warden: `mixed` when hooks of both kinds are Warden's and routed events disagree. */
  transport?: CodexTransport | 'mixed';
  /** With MCP hooks: whether `[mcp_servers.warden]` is declared, and its command line. */
  sessionServer?: {
    declared: boolean;
    file: string;
    command?: string;
    /** A file the declared server needs that does not exist (Node or Warden moved or removed): Codex cannot start it. */
    missing?: string;
  };
  /** True when Codex will run Warden on every event. */
  guarded: boolean;
}

export function status(options: StatusOptions = {}): StatusResult {
  const file = hooksFilePath(options);
  const hooksFile = readHooksFile(file);
  const documents = configDocuments(options);
  const detection =
    options.detection ?? detectCodex({ codexPath: options.codexPath, env: options.env ?? process.env });
  const trust = wardenHookTrust({ hooksFilePath: file, hooksFile, configs: documents });
  const missingEvents = CODEX_HOOK_EVENTS.filter(
    (event) => !trust.some((entry) => entry.eventName === event),
  );
  const hooksFeatureOn = detection.features
    ? (detection.features.hooks ?? detection.features.codex_hooks)
    : (hookFeatureFlags(documents[0]!.config).hooks ?? hookFeatureFlags(documents[0]!.config).codexHooks);
  const isProject = (options.scope ?? 'user') === 'project';
  const projectDir = path.dirname(codexDirectory(options));
  const level = isProject ? projectTrustLevel({ config: documents[0]!.config, projectDir }) : undefined;
  const mcpEvents = new Set(
    trust.filter((entry) => entry.type === 'mcp_tool').map((entry) => entry.eventName),
  );
  const transport =
    trust.length === 0
      ? undefined
      : mcpEvents.size === 0
        ? 'command'
        : [...mcpEvents].every(isCodexSessionEvent) &&
            trust.every((entry) => entry.type === 'mcp_tool' || !isCodexSessionEvent(entry.eventName))
          ? 'mcp'
          : 'mixed';
  const configFile = configFilePath({ ...options, scope: 'user' });
  const server =
    mcpEvents.size > 0
      ? mcpServer({ config: readCodexConfig(configFile).config, name: SESSION_SERVER_NAME })
      : undefined;
  // Codex fails a server that cannot start silently (one WARN line): check what it will run.
  const missingFile = server
    ? [server.command, server.args?.[0]].find(
        (file): file is string => typeof file === 'string' && path.isAbsolute(file) && !existsSync(file),
      )
    : undefined;
  const sessionServer =
    mcpEvents.size > 0
      ? {
          declared: server !== undefined,
          file: configFile,
          ...(server ? { command: [server.command, ...(server.args ?? [])].join(' ') } : {}),
          ...(missingFile ? { missing: missingFile } : {}),
        }
      : undefined;
  const guarded =
    (sessionServer?.declared ?? true) &&
    sessionServer?.missing === undefined &&
    trust.length > 0 &&
    missingEvents.length === 0 &&
    trust.every((entry) => entry.trust === 'trusted') &&
    hooksFeatureOn !== false &&
    (!isProject || level === 'trusted');
  return {
    hooksFile: file,
    trust,
    missingEvents,
    ...(hooksFeatureOn === undefined ? {} : { hooksFeatureOn }),
    ...(detection.version ? { codexVersion: detection.version } : {}),
    ...(level ? { projectTrustLevel: level } : {}),
    ...(transport ? { transport } : {}),
    ...(sessionServer ? { sessionServer } : {}),
    guarded,
  };
}
