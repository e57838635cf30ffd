import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import type { AgentWorkspace } from './temp-dir.ts';

export interface InstallWardenForClaudeCodeOptions {
  /** `warden-claude-code`'s built entry (`dist/bin.cjs` of `@warden/claude-code`). */
  bin: string;
  workspace: AgentWorkspace;
  /** The `claude` binary (`resolveClaudeCodeBinary()`), put on PATH as a user has it. */
  claudePath: string;
  /** Arguments after `install --scope user` (`['--transport', 'command']`). */
  args?: string[];
}

/**
 * Runs `warden-claude-code install --scope user` into the workspace's HOME with `claude` on PATH:
 * install reads its version and registers the session server through the real `claude mcp add`.
 * The PATH holds only that, the running Node and the system directories, and Claude Code's
 * telemetry and update checks are off, so nothing leaves the machine. Returns what install printed;
 * throws (with its stderr) when it fails.
 */
export function installWardenForClaudeCode(options: InstallWardenForClaudeCodeOptions): string {
  const binDir = path.join(options.workspace.root, 'bin');
  mkdirSync(binDir, { recursive: true });
  symlinkSync(options.claudePath, path.join(binDir, 'claude'));
  return execFileSync(
    process.execPath,
    [options.bin, 'install', '--scope', 'user', ...(options.args ?? [])],
    {
      env: {
        PATH: `${binDir}:${path.dirname(process.execPath)}:/usr/bin:/bin`,
        HOME: options.workspace.home,
        DISABLE_TELEMETRY: '1',
        CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
        DISABLE_AUTOUPDATER: '1',
      },
      encoding: 'utf8',
    },
  );
}
