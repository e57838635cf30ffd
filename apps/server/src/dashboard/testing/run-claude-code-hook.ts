import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { flushSpool, resolveIngestSettings, resolveServerSettings } from '@warden/core';

const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url));
/** The built Claude Code hook bundle, as `warden-claude-code hook` runs it. */
export const CLAUDE_CODE_BIN = path.join(repoRoot, 'packages/claude-code/dist/bin.cjs');
const FIXTURES_DIR = fileURLToPath(new URL('../__fixtures__/', import.meta.url));

/** A captured Claude Code hook input (copied from the reference samples), e.g. `claude-code-PreToolUse.json`. */
export function readFixture(name: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, name), 'utf8')) as Record<string, unknown>;
}

/**
 * Runs the real Claude Code hook on one input with the server configured, then delivers what it
 * queued (what `warden flush` does), so the event is on the server when this returns.
 */
export async function runClaudeCodeHook(options: {
  input: Record<string, unknown>;
  home: string;
  serverUrl: string;
  token: string;
  device: string;
}): Promise<{ stdout: string; exitCode: number | null }> {
  if (!fs.existsSync(CLAUDE_CODE_BIN)) {
    throw new Error(
      `${CLAUDE_CODE_BIN} is missing: build it with \`pnpm --filter @warden/claude-code build\`.`,
    );
  }
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: options.home,
    WARDEN_HOME: path.join(options.home, '.warden'),
    WARDEN_SERVER_URL: options.serverUrl,
    WARDEN_TOKEN: options.token,
    WARDEN_DEVICE_ID: options.device,
    WARDEN_FLUSH_LINGER_MS: '0',
  };
  const result = spawnSync(process.execPath, [CLAUDE_CODE_BIN, 'hook'], {
    input: JSON.stringify(options.input),
    env,
    encoding: 'utf8',
    timeout: 20_000,
  });
  const home = env.WARDEN_HOME;
  const report = await flushSpool({
    server: resolveServerSettings({ env, home })!,
    ingest: resolveIngestSettings({ env, home }),
    budgetMs: 10_000,
    force: true,
    waitForLockMs: 10_000,
    // As the background sender and `warden flush` do: fetch the org policy the next hook applies.
    orgPolicy: true,
    home,
    env,
  });
  if (report.remaining > 0 || report.deadLettered > 0 || report.stoppedBy === 'failed') {
    throw new Error(`the hook's events were not delivered: ${JSON.stringify(report)}`);
  }
  return { stdout: result.stdout, exitCode: result.status };
}
