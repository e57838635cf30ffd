import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The name of Warden's server under `mcpServers`; the hook entries name it in `server`. */
export const SESSION_SERVER_NAME = 'warden';

export interface SessionServerCommand {
  command: string;
  args: string[];
}

export interface RegistrationOptions {
  /** The `claude` executable (default: `claude` on PATH). */
  claudePath?: string;
  env?: NodeJS.ProcessEnv;
}

/** `~/.claude.json`, where `claude mcp add --scope user` keeps user-scope servers (or `$CLAUDE_CONFIG_DIR/.claude.json`). */
export function claudeUserConfigPath(options: { env?: NodeJS.ProcessEnv } = {}): string {
  const env = options.env ?? process.env;
  if (env.CLAUDE_CONFIG_DIR) return path.join(env.CLAUDE_CONFIG_DIR, '.claude.json');
  return path.join(env.HOME || os.homedir(), '.claude.json');
}

/** The `warden` entry of the user's MCP servers as Claude Code stores it, if any (read only). */
export function readRegisteredServer(
  options: { env?: NodeJS.ProcessEnv } = {},
): Record<string, unknown> | undefined {
  const file = claudeUserConfigPath(options);
  if (!existsSync(file)) return undefined;
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (typeof value !== 'object' || value === null) return undefined;
    const servers = (value as { mcpServers?: unknown }).mcpServers;
    if (typeof servers !== 'object' || servers === null) return undefined;
    const entry = (servers as Record<string, unknown>)[SESSION_SERVER_NAME];
    return typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** True when an `mcpServers` entry runs Warden's session server (so install may replace it and uninstall remove it). */
export function isWardenServer(entry: Record<string, unknown> | undefined): boolean {
  if (!entry) return false;
  const args = Array.isArray(entry.args)
    ? entry.args.filter((arg): arg is string => typeof arg === 'string')
    : [];
  const words = [typeof entry.command === 'string' ? entry.command : '', ...args];
  return (
    args.includes('serve-session') &&
    words.some((word) => /warden-claude-code$|[\\/]claude-code[\\/]dist[\\/]bin\.c?js$/.test(word))
  );
}

function runClaude(options: RegistrationOptions, args: string[]): void {
  execFileSync(options.claudePath ?? 'claude', args, {
    encoding: 'utf8',
    timeout: 30_000,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: options.env ?? process.env,
  });
}

function failureMessage(error: unknown): string {
  const stderr = (error as { stderr?: unknown }).stderr;
  const text = typeof stderr === 'string' && stderr.trim() ? stderr.trim() : (error as Error).message;
  return text.split('\n')[0]!.slice(0, 300);
}

/**
 * Registers the session server at user scope through Claude Code's own `claude mcp add --scope
 * user`: Claude Code rewrites `~/.claude.json` itself while it runs, so it is the one to edit it
 * (see the README for the evidence). Replaces an earlier Warden entry; refuses to replace a
 * different server of the same name. Returns why it could not, or undefined when registered.
 */
export function registerSessionServer(
  options: RegistrationOptions & { server: SessionServerCommand },
): string | undefined {
  const current = readRegisteredServer(options);
  if (current && !isWardenServer(current))
    return `an MCP server named "${SESSION_SERVER_NAME}" that is not Warden's is already configured in ${claudeUserConfigPath(options)}`;
  const wanted = { command: options.server.command, args: options.server.args };
  if (
    current &&
    current.command === wanted.command &&
    JSON.stringify(current.args) === JSON.stringify(wanted.args)
  )
    return undefined;
  try {
    if (current) runClaude(options, ['mcp', 'remove', '--scope', 'user', SESSION_SERVER_NAME]);
    runClaude(options, [
      'mcp',
      'add',
      '--scope',
      'user',
      '--transport',
      'stdio',
      SESSION_SERVER_NAME,
      '--',
      wanted.command,
      ...wanted.args,
    ]);
  } catch (error) {
    return `\`claude mcp add\` failed: ${failureMessage(error)}`;
  }
  return isWardenServer(readRegisteredServer(options))
    ? undefined
    : `\`claude mcp add\` did not record the server in ${claudeUserConfigPath(options)}`;
}

/** Removes Warden's server entry (and only Warden's) with `claude mcp remove --scope user`. */
export function unregisterSessionServer(options: RegistrationOptions): {
  removed: boolean;
  problem?: string;
} {
  if (!isWardenServer(readRegisteredServer(options))) return { removed: false };
  try {
    runClaude(options, ['mcp', 'remove', '--scope', 'user', SESSION_SERVER_NAME]);
  } catch (error) {
    return {
      removed: false,
      problem: `\`claude mcp remove --scope user ${SESSION_SERVER_NAME}\` failed (${failureMessage(error)}); run it yourself to remove Warden's session server`,
    };
  }
  return { removed: true };
}
