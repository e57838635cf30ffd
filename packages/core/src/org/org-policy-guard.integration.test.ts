import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load-config.js';
import { createId } from '../create-id.js';
import { guard } from '../guard.js';
import type { GuardEvent } from '../guard-event.js';
import { flushSpool } from '../ingest/flush-spool.js';
import { testAdapter } from '../ingest/testing/test-adapter.js';
import { startWardenTestServer, type WardenTestServer } from '../ingest/testing/warden-test-server.js';
import { policyHash } from './policy-hash.js';

// The whole device loop against a real server on loopback: hooks decide from the cached copy
// only, the sender refreshes it, and every event tells the fleet view what the device applied.

const TOKEN = 'org-guard-test-token-0c7f';
let home: string;
let server: WardenTestServer;

beforeEach(async () => {
  home = mkdtempSync(path.join(os.tmpdir(), 'warden-org-guard-'));
  server = await startWardenTestServer({ token: TOKEN });
});
afterEach(async () => {
  await server.close();
  rmSync(home, { recursive: true, force: true });
});

const env = (): NodeJS.ProcessEnv => ({
  HOME: home,
  WARDEN_HOME: path.join(home, '.warden'),
  WARDEN_SERVER_URL: server.url,
  WARDEN_TOKEN: TOKEN,
  WARDEN_DEVICE_ID: 'laptop-42',
  WARDEN_SPOOL_MIN_FREE_MB: '0',
});

function bash(command: string): GuardEvent {
  return {
    id: createId(),
    agent: 'claude-code',
    hookEvent: 'PreToolUse',
    phase: 'tool_call',
    session: 'session-org',
    cwd: path.join(home, 'project'),
    timestamp: new Date().toISOString(),
    tool: { name: 'Bash', input: { command } },
  };
}

const adapter = { ...testAdapter, package: '@warden/test-adapter@9.9.9' };

async function hook(command: string) {
  return guard({ adapter, input: bash(command), env: env(), delivery: 'queue' });
}

async function flush() {
  const config = await loadConfig({ env: env() });
  return flushSpool({
    server: config.server!,
    ingest: config.ingest!,
    budgetMs: 10_000,
    force: true,
    env: env(),
    orgPolicy: true,
  });
}

describe('the org policy on a device', () => {
  it('takes effect on the next refresh, suspends and resumes, and every event carries the client facts', async () => {
    expect((await hook('curl https://example.com')).decision.effect).toBe('allow');

    server.orgPolicy = {
      v: 1,
      etag: 'etag-a',
      policy: {
        rules: [
          {
            id: 'no-curl',
            effect: 'deny',
            actions: ['shell.exec'],
            when: { programs: ['curl'] },
            reason: 'Use the proxy.',
          },
        ],
      },
      suspended: null,
    };
    // Uploaded, but not fetched yet: the hook never asks the server itself.
    expect((await hook('curl https://example.com')).decision.effect).toBe('allow');
    const first = await flush();
    expect(first.orgPolicy).toEqual({ status: 'updated', etag: 'etag-a', suspended: false });
    const policyRequest = server.requests.find((request) => request.url === '/v1/policy')!;
    expect(policyRequest.headers['x-warden-device']).toBe('laptop-42');

    const denied = await hook('curl https://example.com');
    expect(denied.decision).toMatchObject({
      effect: 'deny',
      ruleId: 'org:no-curl',
      reason: 'Use the proxy.',
    });
    expect((await hook('ls')).decision.effect).toBe('allow');

    server.orgPolicy = {
      ...server.orgPolicy,
      etag: 'etag-b',
      suspended: { scope: 'device', reason: 'offboarding', since: '2026-12-07T01:00:00.000Z' },
    };
    expect((await flush()).orgPolicy?.suspended).toBe(true);
    const suspended = await hook('ls');
    expect(suspended.decision).toMatchObject({ effect: 'deny', ruleId: 'org.suspended' });
    expect(suspended.decision.reason).toContain('offboarding');

    // The server goes away: the last copy, suspension included, stays in force.
    await server.down();
    const offline = await flush();
    expect(offline.orgPolicy?.status).toBe('failed');
    expect((await hook('ls')).decision.ruleId).toBe('org.suspended');
    await server.up();

    server.orgPolicy = { ...server.orgPolicy, etag: 'etag-c', suspended: null };
    await flush();
    expect((await hook('ls')).decision.effect).toBe('allow');

    const config = await loadConfig({ env: env() });
    const events = [...server.stored.values()];
    expect(events.length).toBeGreaterThanOrEqual(6);
    for (const event of events) {
      expect(event.client).toMatchObject({ device: 'laptop-42', adapter: '@warden/test-adapter@9.9.9' });
      expect(event.client!.policyHash).toMatch(/^[0-9a-f]{64}$/);
      expect(event.client!.latencyMs).toBeGreaterThanOrEqual(0);
    }
    const byCommand = (etag: string | undefined) =>
      events.filter((event) => event.client!.orgPolicyEtag === etag);
    expect(byCommand(undefined)).toHaveLength(2);
    expect(byCommand('etag-a')[0]!.client!.policyHash).toBe(
      policyHash({ policy: config.policy, orgEtag: 'etag-a' }),
    );
    expect(byCommand(undefined)[0]!.client!.policyHash).toBe(policyHash({ policy: config.policy }));
    expect(byCommand('etag-a')[0]!.decision.ruleId).toBe('org:no-curl');
  });
});
