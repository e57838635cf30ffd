import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type IngestSettings,
  resolveIngestSettings,
  resolveServerSettings,
  type ServerSettings,
} from '../config/server-settings.js';
import { flushSpool } from './flush-spool.js';
import { enqueueEvent, listQueue, readSpoolState, spoolStatus } from './spool.js';
import { startWardenTestServer, type WardenTestServer } from './testing/warden-test-server.js';
import type { WardenEvent } from './warden-protocol.js';

const TOKEN = 'test-token-5f1e9c';
let home: string;
let server: WardenTestServer;
let settings: ServerSettings;
let ingest: IngestSettings;

beforeEach(async () => {
  home = mkdtempSync(path.join(os.tmpdir(), 'warden-flush-'));
  server = await startWardenTestServer({ token: TOKEN });
  settings = resolveServerSettings({ env: { WARDEN_SERVER_URL: server.url, WARDEN_TOKEN: TOKEN }, home })!;
  ingest = {
    ...resolveIngestSettings({ env: {}, home }),
    batchSize: 100,
    minFreeDiskBytes: 0,
    backoffBaseMs: 40,
    backoffMaxMs: 200,
  };
});
afterEach(async () => {
  await server.close();
  rmSync(home, { recursive: true, force: true });
});

function wardenEvent(index: number): WardenEvent {
  return {
    id: `evt-${index}-${Math.random().toString(36).slice(2)}`,
    ts: new Date().toISOString(),
    agent: 'claude-code',
    session: 'session-1',
    hookEvent: 'PreToolUse',
    phase: 'tool_call',
    cwd: '/home/dev/project',
    tool: { name: 'Bash', input: { command: `echo ${'x'.repeat(200)} ${index}` } },
    actions: [{ kind: 'shell.exec', tool: 'Bash', resources: { command: `echo ${index}` } }],
    decision: {
      effect: 'allow',
      policyEffect: 'allow',
      ruleId: 'default',
      reason: 'No rule matched.',
      mode: 'enforce',
      findings: [],
    },
  };
}

function queue(count: number): string[] {
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const event = wardenEvent(index);
    ids.push(event.id);
    expect(
      enqueueEvent({ spoolDir: ingest.spoolDir, event, limits: { maxEvents: 100_000, minFreeDiskBytes: 0 } })
        .queued,
    ).toBe(true);
  }
  return ids;
}

const flush = (overrides: Partial<Parameters<typeof flushSpool>[0]> = {}) =>
  flushSpool({ server: settings, ingest, budgetMs: 10_000, ...overrides });

/** Every id stored exactly once on the server, nothing left in the spool. */
function expectDeliveredOnce(ids: string[]): void {
  expect([...server.stored.keys()].sort()).toEqual([...ids].sort());
  expect(listQueue(ingest.spoolDir)).toEqual([]);
}

describe('flushSpool against a real server on loopback', () => {
  it('sends everything in gzip batches over one kept-alive connection, with the bearer token', async () => {
    const ids = queue(250);
    const report = await flush();
    expect(report).toMatchObject({ sent: 250, duplicates: 0, remaining: 0, stoppedBy: 'empty', requests: 3 });
    expectDeliveredOnce(ids);
    const batches = server.requests.filter((request) => request.url === '/v1/events');
    expect(batches.map((request) => (request.body as { events: unknown[] }).events.length)).toEqual([
      100, 100, 50,
    ]);
    expect(batches.every((request) => request.headers['content-encoding'] === 'gzip')).toBe(true);
    expect(batches.every((request) => request.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect(new Set(batches.map((request) => request.socket)).size).toBe(1);
  });

  it('keeps everything while the server is down, backs off for every process, and drains when it is back', async () => {
    // A backoff window long enough that the second flush lands inside it however slow the machine.
    ingest = { ...ingest, backoffBaseMs: 60_000, backoffMaxMs: 120_000 };
    const ids = queue(30);
    await server.down();
    const failed = await flush();
    expect(failed).toMatchObject({ sent: 0, remaining: 30, stoppedBy: 'failed' });
    expect(failed.error).toMatch(/ECONNREFUSED/);
    const state = readSpoolState(ingest.spoolDir);
    expect(state.failures).toBe(1);
    expect(state.nextAttemptAt).toBeGreaterThan(Date.now() - 1000);

    // Another process in the backoff window does not touch the network.
    const waiting = await flush();
    expect(waiting).toMatchObject({ stoppedBy: 'backoff', requests: 0, remaining: 30 });

    await server.up();
    const drained = await flush({ force: true });
    expect(drained).toMatchObject({ sent: 30, remaining: 0, stoppedBy: 'empty' });
    expectDeliveredOnce(ids);
    expect(readSpoolState(ingest.spoolDir)).toMatchObject({ failures: 0, nextAttemptAt: 0 });
  });

  it('retries 500s with backoff within the flush and stores each event once', async () => {
    const ids = queue(40);
    server.failNext = 2;
    const report = await flush();
    expect(report).toMatchObject({ sent: 40, remaining: 0, requests: 3 });
    expectDeliveredOnce(ids);
  });

  it('gives up on a server that keeps failing, keeps the events and records the error', async () => {
    const ids = queue(10);
    server.mode = 'error500';
    const report = await flush();
    expect(report).toMatchObject({ sent: 0, remaining: 10, stoppedBy: 'failed', requests: 4 });
    expect(spoolStatus(ingest.spoolDir).state.lastError).toMatch(/HTTP 500: down for maintenance/);
    server.mode = 'accept';
    expect(await flush({ force: true })).toMatchObject({ sent: 10, remaining: 0 });
    expectDeliveredOnce(ids);
  });

  it('survives connections reset after the server stored the batch: resent, answered as duplicates, stored once', async () => {
    const ids = queue(20);
    server.mode = 'reset';
    const report = await flush({ budgetMs: 5000 });
    expect(report.sent).toBe(0);
    expect(report.remaining).toBe(20);
    expect(server.stored.size).toBe(20);
    server.mode = 'accept';
    const second = await flush({ force: true });
    expect(second).toMatchObject({ sent: 0, duplicates: 20, remaining: 0 });
    expectDeliveredOnce(ids);
    expect([...server.deliveries.values()].every((count) => count >= 2)).toBe(true);
  });

  it('stops at its time budget when the server is slow, loses nothing, and the next flush completes', async () => {
    const ids = queue(15);
    server.mode = 'slow';
    server.delayMs = 3000;
    const report = await flush({ budgetMs: 300 });
    expect(report.stoppedBy).toBe('budget');
    expect(report.remaining).toBe(15);
    server.mode = 'accept';
    const second = await flush({ force: true });
    expect(second.remaining).toBe(0);
    expectDeliveredOnce(ids);
  });

  it('sets aside, visibly, only the events the server refuses for good', async () => {
    const ids = queue(5);
    server.rejectIds.add(ids[2]!);
    const report = await flush();
    expect(report).toMatchObject({ sent: 4, deadLettered: 1, remaining: 0 });
    const dead = readdirSync(path.join(ingest.spoolDir, 'dead'));
    expect(dead.some((name) => name.includes(ids[2]!))).toBe(true);
    const reason = dead.find((name) => name.endsWith('.reason'))!;
    expect(readFileSync(path.join(ingest.spoolDir, 'dead', reason), 'utf8')).toMatch(/refused by test/);
  });

  it('splits a batch the server finds too large', async () => {
    const ids = queue(10);
    server.maxBatch = 3;
    const report = await flush();
    expect(report.sent).toBe(10);
    expectDeliveredOnce(ids);
  });

  it('keeps the events on a bad token, says what to check, and never shows the token', async () => {
    queue(3);
    settings = resolveServerSettings({
      env: { WARDEN_SERVER_URL: server.url, WARDEN_TOKEN: 'wrong-token-77' },
      home,
    })!;
    const report = await flush();
    expect(report).toMatchObject({ sent: 0, remaining: 3, stoppedBy: 'failed', requests: 1 });
    expect(report.error).toMatch(/HTTP 401.*check WARDEN_TOKEN/);
    expect(JSON.stringify(report)).not.toContain('wrong-token-77');
    expect(readFileSync(path.join(ingest.spoolDir, 'state.json'), 'utf8')).not.toContain('wrong-token-77');
  });

  it('lets only one process send at a time', async () => {
    queue(5);
    server.mode = 'slow';
    server.delayMs = 500;
    const first = flush();
    await server.nextRequest('/v1/events');
    const second = await flush();
    expect(second.stoppedBy).toBe('locked');
    expect((await first).sent).toBe(5);
  });
});
