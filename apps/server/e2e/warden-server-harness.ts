import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { flushSpool, loadConfig, readAuditLog } from '@warden/core';
import { type AgentWorkspace, createAgentWorkspace, resolveClaudeCodeBinary } from '@warden/test-utils';
import { generateToken } from '../src/auth/token.js';
import { type RunningServer, startServer } from '../src/start-server.js';

// What every end-to-end test needs: a real `startServer` on loopback with SQLite in a temp
// directory (restartable on the same port and database), a device token, and a throwaway HOME
// where Warden was installed by its own installer and points at that server.

const adapterDir = path.dirname(createRequire(import.meta.url).resolve('@warden/claude-code/package.json'));
/** The adapter's built entry, as an installed `warden-claude-code` runs it. */
export const CLAUDE_CODE_BIN = path.join(adapterDir, 'dist', 'bin.cjs');
/** Claude Code 2.1.330 from npm, resolved beside this package. */
export const CLAUDE_PATH = resolveClaudeCodeBinary({
  resolveFrom: fileURLToPath(new URL('.', import.meta.url)),
});

export interface WardenServerHarness {
  url: string;
  adminToken: string;
  deviceToken: string;
  /** The server process's state lives only in its database: stop and start it again freely. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** A JSON request with the admin token; throws on a non-2xx answer. */
  admin<T = unknown>(options: {
    method?: string;
    path: string;
    body?: string;
    contentType?: string;
  }): Promise<T>;
  close(): Promise<void>;
}

export async function startWardenServerHarness(): Promise<WardenServerHarness> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'warden-server-e2e-'));
  const database = path.join(dataDir, 'warden.db');
  const adminToken = generateToken().token;
  const quiet = { write: () => true };
  let running: RunningServer | undefined = await startServer({
    database,
    port: 0,
    adminToken,
    retentionIntervalMs: 0,
    stderr: quiet,
  });
  const url = running.url;
  const port = Number(new URL(url).port);

  const device = generateToken();
  const tenant = await running.store.ensureTenant({ name: 'default' });
  await running.store.createToken({
    tenantId: tenant.id,
    role: 'device',
    name: 'e2e laptop',
    prefix: device.prefix,
    hash: device.hash,
  });

  const harness: WardenServerHarness = {
    url,
    adminToken,
    deviceToken: device.token,
    async stop() {
      await running?.close();
      running = undefined;
    },
    async start() {
      if (running) return;
      running = await startServer({ database, port, adminToken, retentionIntervalMs: 0, stderr: quiet });
    },
    async admin(options) {
      const response = await fetch(`${url}${options.path}`, {
        method: options.method ?? 'GET',
        headers: {
          authorization: `Bearer ${adminToken}`,
          ...(options.body !== undefined
            ? { 'content-type': options.contentType ?? 'application/json' }
            : {}),
        },
        ...(options.body !== undefined ? { body: options.body } : {}),
      });
      const text = await response.text();
      if (!response.ok)
        throw new Error(`${options.method ?? 'GET'} ${options.path}: HTTP ${response.status}: ${text}`);
      return JSON.parse(text) as never;
    },
    async close() {
      await harness.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

export interface GuardedWorkspace {
  workspace: AgentWorkspace;
  /** The environment the agent (and so its hooks) runs with, pointing at the server. */
  env: Record<string, string>;
}

/** A throwaway HOME with Warden installed for Claude Code by its own installer, reporting to the server. */
export async function guardedWorkspace(options: {
  server: WardenServerHarness;
  device: string;
}): Promise<GuardedWorkspace> {
  const workspace = await createAgentWorkspace({ prefix: 'warden-server-e2e-' });
  const output = execFileSync(process.execPath, [CLAUDE_CODE_BIN, 'install', '--scope', 'user'], {
    env: { PATH: process.env.PATH, HOME: workspace.home },
    encoding: 'utf8',
  });
  if (!output.includes('Installed Warden')) throw new Error(`the installer said: ${output}`);
  return {
    workspace,
    env: {
      WARDEN_SERVER_URL: options.server.url,
      WARDEN_TOKEN: options.server.deviceToken,
      WARDEN_DEVICE_ID: options.device,
      // The background sender exits as soon as the spool is empty, instead of lingering.
      WARDEN_FLUSH_LINGER_MS: '0',
    },
  };
}

/**
 * What `warden flush` does, from the device's own configuration: wait for a background sender
 * still running, then send everything waiting and refresh the org policy (forced). The
 * deterministic way to say "the next refresh" in a test.
 */
export async function flushDevice(guarded: GuardedWorkspace) {
  const env = { HOME: guarded.workspace.home, PATH: process.env.PATH, ...guarded.env };
  const config = await loadConfig({ env, userHome: guarded.workspace.home });
  if (!config.server || !config.ingest) throw new Error('the device has no server configured');
  return flushSpool({
    server: config.server,
    ingest: config.ingest,
    auditDir: config.auditDir,
    budgetMs: 30_000,
    force: true,
    waitForLockMs: 30_000,
    home: config.home,
    env,
    orgPolicy: true,
  });
}

/** The device's local audit log: what the hooks decided, in the order they ran. */
export function localAudit(
  guarded: GuardedWorkspace,
): Array<{ id: string; session: string; hookEvent: string; effect: string; ruleId: string }> {
  const auditDir = path.join(guarded.workspace.home, '.warden', 'audit');
  return [...readAuditLog({ auditDir })].map((line) => line.record as never);
}
