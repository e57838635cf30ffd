import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DECIDE_TOOL,
  resolveWardenHome,
  startResidentAtInstall,
  warmCodeCache,
  writeLauncher,
} from '@warden/core';
import { CLAUDE_CODE_HOOK_EVENTS } from './adapter.js';
import {
  isWardenServer,
  readRegisteredServer,
  registerSessionServer,
  SESSION_SERVER_NAME,
  unregisterSessionServer,
} from './register-session-server.js';
import { claudeCodeSessionTemplate } from './session-input.js';
import { type MatcherGroup, readSettingsFile, type Settings, writeSettingsFile } from './settings-file.js';

export type InstallScope = 'user' | 'project' | 'local';

export interface SettingsLocationOptions {
  scope: InstallScope;
  /** Project directory for `project` and `local` scopes; default the current directory. */
  projectDir?: string;
  env?: NodeJS.ProcessEnv;
}

/** `~/.claude/settings.json` (or `$CLAUDE_CONFIG_DIR`), `.claude/settings.json`, `.claude/settings.local.json`. */
export function settingsPath(options: SettingsLocationOptions): string {
  const env = options.env ?? process.env;
  if (options.scope === 'user') {
    const configDir = env.CLAUDE_CONFIG_DIR || path.join(env.HOME || os.homedir(), '.claude');
    return path.join(configDir, 'settings.json');
  }
  const projectDir = path.resolve(options.projectDir ?? process.cwd());
  return path.join(
    projectDir,
    '.claude',
    options.scope === 'project' ? 'settings.json' : 'settings.local.json',
  );
}

/** The bundled hook entry point of this package (dist/bin.cjs), wherever it is installed. */
export function defaultHookScript(): string {
  // dist/cli.cjs is CommonJS (__filename); dist/index.js is ESM (import.meta.url). Both sit beside bin.cjs.
  const here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
  return path.join(path.dirname(here), 'bin.cjs');
}

/** Single-quotes a word for `sh -c`, which is how Claude Code runs a command hook. */
function shellQuote(word: string): string {
  return /^[A-Za-z0-9_/.,:@%+=-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export function hookCommand(options: { nodePath: string; hookScript: string }): string {
  return `${shellQuote(options.nodePath)} ${shellQuote(options.hookScript)} hook`;
}

/** Recognises Warden's handlers, from this install or an earlier one at another path. */
export function isWardenHandler(handler: {
  type?: string;
  command?: string;
  server?: unknown;
  tool?: unknown;
}): boolean {
  if (handler.type === 'mcp_tool')
    return handler.server === SESSION_SERVER_NAME && handler.tool === DECIDE_TOOL;
  const command = handler.command;
  if (typeof command !== 'string') return false;
  return (
    /(warden-claude-code|[\\/]claude-code[\\/]dist[\\/]bin\.c?js)['"]?\s+hook\b/.test(command) ||
    // The project-scope command, which finds the launcher through $WARDEN_HOME.
    command.includes('/bin/warden-claude-code";')
  );
}

/** `onFailure: "block"` exists from Claude Code 2.1.295; older versions may reject the key. */
export function supportsOnFailure(version: string | undefined): boolean {
  const match = version ? /(\d+)\.(\d+)\.(\d+)/.exec(version) : null;
  if (!match) return false;
  const [major, minor, patch] = match.slice(1).map(Number) as [number, number, number];
  return major > 2 || (major === 2 && (minor > 1 || (minor === 1 && patch >= 295)));
}

/**
 * The first Claude Code version the session server is used with: `mcp_tool` hooks exist in the
 * August 2026 docs (2.1.240) and `onFailure` from 2.1.295, but how templates render objects, how a
 * crashed server is restarted and how failures block were measured on 2.1.330 only, so older
 * versions keep command hooks.
 */
export const MIN_SESSION_SERVER_VERSION = '2.1.330';

function versionAtLeast(version: string | undefined, minimum: string): boolean {
  const match = version ? /(\d+)\.(\d+)\.(\d+)/.exec(version) : null;
  if (!match) return false;
  const have = match.slice(1).map(Number);
  const need = minimum.split('.').map(Number);
  for (let index = 0; index < 3; index++) {
    if (have[index]! !== need[index]!) return have[index]! > need[index]!;
  }
  return true;
}

/** Whether this Claude Code gets the session server (`mcp_tool` hooks) rather than command hooks. */
export function supportsSessionServer(version: string | undefined): boolean {
  return versionAtLeast(version, MIN_SESSION_SERVER_VERSION);
}

/** The installed Claude Code's version, or undefined when `claude` is not found. */
export function detectClaudeCodeVersion(
  options: { claudePath?: string; env?: NodeJS.ProcessEnv } = {},
): string | undefined {
  try {
    const output = execFileSync(options.claudePath ?? 'claude', ['--version'], {
      encoding: 'utf8',
      timeout: 10_000,
      stdio: ['ignore', 'pipe', 'ignore'],
      env: options.env ?? process.env,
    });
    return /\d+\.\d+\.\d+/.exec(output)?.[0];
  } catch {
    return undefined;
  }
}

const TIMEOUTS: Record<string, number> = { SessionStart: 10, SessionEnd: 5 };
// onFailure is ignored on Stop/SubagentStop and means nothing on record-only events.
const BLOCKING_EVENTS = new Set(['PreToolUse', 'PermissionRequest', 'UserPromptSubmit']);
const TOOL_EVENTS = new Set(['PreToolUse', 'PermissionRequest', 'PostToolUse']);
/**
 * The events the session server answers. SessionStart and SessionEnd cannot use `mcp_tool` hooks
 * (no MCP client yet / already gone, session-hooks.md §6); SubagentStop was not measured.
 */
export const SESSION_SERVER_EVENTS: readonly string[] = [
  'PreToolUse',
  'PermissionRequest',
  'PostToolUse',
  'UserPromptSubmit',
  'Stop',
];

export type Transport = 'mcp' | 'command';

export interface MergeOptions {
  settings: Settings;
  command: string;
  onFailureBlock: boolean;
  /** `mcp`: the session server answers SESSION_SERVER_EVENTS; default `command`. */
  transport?: Transport;
}

/** Removes Warden's handlers (and the groups and events they leave empty), keeping everything else. */
export function removeWardenHooks(settings: Settings): Settings {
  if (!settings.hooks) return settings;
  const hooks: Record<string, MatcherGroup[]> = {};
  for (const [event, groups] of Object.entries(settings.hooks)) {
    const kept = groups
      .map((group) => ({ ...group, hooks: group.hooks.filter((handler) => !isWardenHandler(handler)) }))
      .filter((group, index) => group.hooks.length > 0 || (groups[index]?.hooks.length ?? 0) === 0);
    if (kept.length > 0) hooks[event] = kept;
  }
  // Rebuild in place so the user's key order survives (and an unchanged file compares equal).
  const result: Settings = { ...settings, hooks };
  if (Object.keys(hooks).length === 0) delete result.hooks;
  return result;
}

/** Adds Warden's handlers for every guarded event, replacing any earlier Warden entries. */
export function mergeWardenHooks(options: MergeOptions): Settings {
  const cleaned = removeWardenHooks(options.settings);
  const hooks: Record<string, MatcherGroup[]> = { ...(cleaned.hooks ?? {}) };
  for (const event of CLAUDE_CODE_HOOK_EVENTS) {
    const handler: Record<string, unknown> =
      options.transport === 'mcp' && SESSION_SERVER_EVENTS.includes(event)
        ? {
            type: 'mcp_tool',
            server: SESSION_SERVER_NAME,
            tool: DECIDE_TOOL,
            timeout: 30,
            input: claudeCodeSessionTemplate(),
          }
        : { type: 'command', command: options.command, timeout: TIMEOUTS[event] ?? 30 };
    if (options.onFailureBlock && BLOCKING_EVENTS.has(event)) handler.onFailure = 'block';
    const group: MatcherGroup = TOOL_EVENTS.has(event)
      ? { matcher: '*', hooks: [handler] }
      : { hooks: [handler] };
    hooks[event] = [...(hooks[event] ?? []), group];
  }
  return { ...cleaned, hooks };
}

export interface InstallOptions extends SettingsLocationOptions {
  nodePath?: string;
  hookScript?: string;
  /** `block` adds `onFailure: "block"`; `auto` does so when the failure policy is closed and Claude Code supports it. */
  onFailure?: 'auto' | 'block' | 'continue';
  /** The failure policy for tool calls, for `onFailure: auto`. */
  failurePolicy?: 'open' | 'closed';
  claudeVersion?: string;
  /**
   * Run the hook through a launcher at a stable path in Warden's home (`$WARDEN_HOME/bin/
   * warden-claude-code`) instead of this Node and package path, so removing either leaves a clear
   * message rather than a hook that cannot start. For the project scope the command names no
   * path of this machine at all. The CLIs set it; the default keeps the direct command.
   */
  launcher?: boolean;
  /** Warden's home for the launcher (default: `$WARDEN_HOME` or `~/.warden`). */
  wardenHome?: string;
  /**
   * `mcp` (default): the session server answers tool calls, prompts and answers, with command hooks
   * for SessionStart and SessionEnd; it falls back to command hooks (and says why) for the project and
   * local scopes, a Claude Code older than MIN_SESSION_SERVER_VERSION or not found, or a failed
   * registration. `command`: a command hook for every event.
   */
  transport?: Transport;
  /** The `claude` executable, to read its version and register the server (default: `claude` on PATH). */
  claudePath?: string;
  /** Register the server with `--expose-tools`: the model may call `policy_test` and `audit_query`. */
  exposeTools?: boolean;
}

/** The launcher's name in `$WARDEN_HOME/bin`; it matches `isWardenHandler`. */
export const LAUNCHER_NAME = 'warden-claude-code';

/**
 * The command a committed `.claude/settings.json` runs: the user's own launcher, found through
 * `$WARDEN_HOME` or `~/.warden`, and when Warden is not installed for that user a message naming
 * the install command, blocking tool calls and prompts (never Stop, which would loop).
 */
export const PROJECT_HOOK_COMMAND = `l="\${WARDEN_HOME:-$HOME/.warden}/bin/${LAUNCHER_NAME}"; [ -x "$l" ] && exec "$l" hook; echo 'This project is guarded by Warden, which is not installed for this user: run npx @warden/cli install' >&2; grep -qE '"hook_event_name" *: *"(PreToolUse|UserPromptSubmit|PermissionRequest)"' && exit 2; exit 0`;

export interface InstallResult {
  /** The launcher in Warden's home the hooks run (user and local scopes, with `launcher`). */
  launcher?: string;
  /** The script that switches Warden off without Node. */
  offScript?: string;
  file: string;
  changed: boolean;
  backup?: string;
  command: string;
  onFailureBlock: boolean;
  claudeVersion?: string;
  /** The transport the hooks use. */
  transport: Transport;
  /** Why the session server was not used although `mcp` was asked for. */
  transportNote?: string;
  /** The session server's command, as registered with `claude mcp add --scope user`. */
  server?: { command: string; args: string[] };
}

/** A harmless PreToolUse, for the code-cache warm-up run of `install`. */
const warmUpInput = (cwd: string): string =>
  JSON.stringify({
    session_id: 'warden-install-warm-up',
    transcript_path: '',
    cwd,
    permission_mode: 'default',
    hook_event_name: 'PreToolUse',
    tool_name: 'Bash',
    tool_input: { command: 'git status --short && ls -la', description: 'Warm-up' },
    tool_use_id: 'warden-install-warm-up',
  });

export function install(options: InstallOptions): InstallResult {
  const file = settingsPath(options);
  const settings = readSettingsFile(file);
  const nodePath = options.nodePath ?? process.execPath;
  const hookScript = options.hookScript ?? defaultHookScript();
  let command = hookCommand({ nodePath, hookScript });
  let launcher: { file: string; offScript: string } | undefined;
  if (options.launcher) {
    const env = options.env ?? process.env;
    const wardenHome = options.wardenHome ?? resolveWardenHome({ env });
    // The first tool call after install is as fast as later ones: its code cache is made now.
    warmCodeCache({ wardenHome, nodePath, hookScript, input: warmUpInput });
    launcher = writeLauncher({
      wardenHome,
      name: LAUNCHER_NAME,
      nodePath,
      hookScript,
      blockingEvents: [...BLOCKING_EVENTS],
      failure: options.failurePolicy ?? 'closed',
      packageName: '@warden/claude-code',
    });
    command = options.scope === 'project' ? PROJECT_HOOK_COMMAND : `${shellQuote(launcher.file)} hook`;
  }
  const onFailure = options.onFailure ?? 'auto';
  const env = options.env ?? process.env;
  const wanted: Transport = options.transport ?? 'mcp';
  const claudeVersion =
    options.claudeVersion ??
    (onFailure === 'auto' || wanted === 'mcp'
      ? detectClaudeCodeVersion({ env, ...(options.claudePath ? { claudePath: options.claudePath } : {}) })
      : undefined);
  const onFailureBlock =
    onFailure === 'block' ||
    (onFailure === 'auto' && options.failurePolicy !== 'open' && supportsOnFailure(claudeVersion));

  let transport: Transport = 'command';
  let transportNote: string | undefined;
  let server: { command: string; args: string[] } | undefined;
  if (wanted === 'mcp') {
    if (options.scope !== 'user') {
      transportNote = `the session server is registered per user; --scope ${options.scope} keeps command hooks`;
    } else if (!supportsSessionServer(claudeVersion)) {
      transportNote = claudeVersion
        ? `Claude Code ${claudeVersion} is older than ${MIN_SESSION_SERVER_VERSION}, the first version the session server is measured with`
        : `Claude Code was not found on PATH to check its version and register the session server (${MIN_SESSION_SERVER_VERSION} or newer needed)`;
    } else {
      const serveArgs = ['serve-session', ...(options.exposeTools ? ['--expose-tools'] : [])];
      server = launcher
        ? { command: launcher.file, args: serveArgs }
        : { command: nodePath, args: [hookScript, ...serveArgs] };
      const problem = registerSessionServer({
        server,
        env,
        ...(options.claudePath ? { claudePath: options.claudePath } : {}),
      });
      if (problem) {
        transportNote = problem;
        server = undefined;
      } else transport = 'mcp';
    }
  }
  // Command hooks for this user: a server registered by an earlier install would start for nothing.
  if (options.scope === 'user' && transport === 'command' && isWardenServer(readRegisteredServer({ env }))) {
    const removed = unregisterSessionServer({
      env,
      ...(options.claudePath ? { claudePath: options.claudePath } : {}),
    });
    if (removed.problem) transportNote = [transportNote, removed.problem].filter(Boolean).join('; ');
  }
  const next = mergeWardenHooks({ settings, command, onFailureBlock, transport });
  // Command hooks for tool calls: their resident decider is up before the first call.
  if (launcher && transport === 'command')
    startResidentAtInstall({
      name: 'claude-code',
      nodePath,
      hookScript,
      wardenHome: options.wardenHome ?? resolveWardenHome({ env: options.env ?? process.env }),
      env: options.env ?? process.env,
    });
  const base = {
    file,
    command,
    onFailureBlock,
    transport,
    ...(transportNote ? { transportNote } : {}),
    ...(server ? { server } : {}),
    ...(claudeVersion ? { claudeVersion } : {}),
    ...(launcher ? { launcher: launcher.file, offScript: launcher.offScript } : {}),
  };
  if (JSON.stringify(next) === JSON.stringify(settings)) return { ...base, changed: false };
  return { ...base, changed: true, ...writeSettingsFile({ file, settings: next }) };
}

export interface UninstallResult {
  file: string;
  changed: boolean;
  backup?: string;
  /** Warden's session server was removed from Claude Code's user config. */
  serverRemoved?: boolean;
  /** What could not be removed, and how to remove it. */
  problem?: string;
}

/**
 * Removes what install added: Warden's hook entries (command and `mcp_tool`) from the settings
 * file and, for the user scope, Warden's session server (only an entry that runs Warden's
 * `serve-session`) through `claude mcp remove --scope user`.
 */
export function uninstall(options: SettingsLocationOptions & { claudePath?: string }): UninstallResult {
  const file = settingsPath(options);
  const settings = readSettingsFile(file);
  const next = removeWardenHooks(settings);
  let server: { removed: boolean; problem?: string } = { removed: false };
  if (options.scope === 'user' && isWardenServer(readRegisteredServer({ env: options.env })))
    server = unregisterSessionServer({
      ...(options.env ? { env: options.env } : {}),
      ...(options.claudePath ? { claudePath: options.claudePath } : {}),
    });
  const extra = {
    ...(server.removed ? { serverRemoved: true } : {}),
    ...(server.problem ? { problem: server.problem } : {}),
  };
  if (JSON.stringify(next) === JSON.stringify(settings)) return { file, changed: false, ...extra };
  return { file, changed: true, ...writeSettingsFile({ file, settings: next }), ...extra };
}
