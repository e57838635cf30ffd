import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readHead } from '../audit/audit-files.js';
import { readAuditLog } from '../audit/read-audit-log.js';
import { verifyAuditLog } from '../audit/verify-audit-log.js';
import { loadConfig } from '../config/load-config.js';
import { createId } from '../create-id.js';
import { guard } from '../guard.js';
import type { GuardEvent } from '../guard-event.js';
import { closeRemoteBackends } from './evaluate-remotely.js';
import { flushSpool } from './flush-spool.js';
import { listQueue } from './spool.js';
import { testAdapter } from './testing/test-adapter.js';
import { startWardenTestServer, type WardenTestServer } from './testing/warden-test-server.js';
import type { WardenEvent } from './warden-protocol.js';

const TOKEN = 'guard-test-token-91d2';
const distDir = fileURLToPath(new URL('../../dist/', import.meta.url));
const worker = path.join(distDir, 'flush-worker.js');

let home: string;
let server: WardenTestServer;
const children: ChildProcess[] = [];

beforeAll(() => {
  if (!existsSync(worker)) throw new Error(`build @warden/core first: ${worker} is missing`);
});
beforeEach(async () => {
  home = mkdtempSync(path.join(os.tmpdir(), 'warden-guard-ingest-'));
  server = await startWardenTestServer({ token: TOKEN });
});
afterEach(async () => {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await closeRemoteBackends();
  await server.close();
  rmSync(home, { recursive: true, force: true });
});
afterAll(() => closeRemoteBackends());

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    HOME: home,
    WARDEN_HOME: path.join(home, '.warden'),
    WARDEN_SERVER_URL: server.url,
    WARDEN_TOKEN: TOKEN,
    WARDEN_BACKOFF_BASE_MS: '20',
    WARDEN_BACKOFF_MAX_MS: '100',
    WARDEN_SPOOL_MIN_FREE_MB: '0',
    WARDEN_FLUSH_WORKER: worker,
    WARDEN_FLUSH_LINGER_MS: '0',
    // Generous by default: these tests are about what is decided and sent, not how fast, and a
    // loaded CI machine can take over a second for a first request. Timeout tests set their own.
    WARDEN_DECIDE_TIMEOUT_MS: '20000',
    ...extra,
  };
}

function bash(command: string): GuardEvent {
  return {
    id: createId(),
    agent: 'claude-code',
    hookEvent: 'PreToolUse',
    phase: 'tool_call',
    session: 'session-1',
    cwd: path.join(home, 'project'),
    timestamp: new Date().toISOString(),
    tool: { name: 'Bash', input: { command } },
  };
}

const spoolDir = () => path.join(home, '.warden', 'spool');
const auditDir = () => path.join(home, '.warden', 'audit');
const auditRecords = () => [...readAuditLog({ auditDir: auditDir() })].map((line) => line.record);

async function waitFor(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

describe('guard with a Warden server: remote evaluation', () => {
  it('applies a remote deny, records the verdict, and sends the server the unredacted event with the local decision', async () => {
    server.verdict = {
      v: 1,
      effect: 'deny',
      reason: 'Production database is off limits',
      ruleId: 'org.prod-db',
    };
    const result = await guard({
      adapter: testAdapter,
      input: bash('psql prod -c "select * from users"'),
      env: env({ WARDEN_REMOTE_DECIDE: 'true' }),
      delivery: 'queue',
    });
    expect(result.decision).toMatchObject({
      effect: 'deny',
      ruleId: 'org.prod-db',
      reason: 'Production database is off limits',
    });
    expect(result.remote).toMatchObject({ backend: 'warden', status: 'ok', effect: 'deny' });
    const decide = server.requests.find((request) => request.url === '/v1/decide')!;
    expect(decide.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(decide.body).toMatchObject({
      v: 1,
      event: {
        tool: { name: 'Bash', input: { command: 'psql prod -c "select * from users"' } },
        decision: { effect: 'allow' },
      },
    });
    expect(auditRecords().at(-1)).toMatchObject({
      effect: 'deny',
      ruleId: 'org.prod-db',
      remote: { status: 'ok', effect: 'deny' },
    });
  });

  it('never lets a remote allow override a local deny, and does not even ask', async () => {
    server.verdict = { v: 1, effect: 'allow' };
    // The recommended pack denies a prompt that carries a credential.
    const prompt: GuardEvent = {
      ...bash('unused'),
      hookEvent: 'UserPromptSubmit',
      phase: 'prompt',
      tool: undefined,
      prompt: 'deploy with the key AKIAQWERTYUIOPASDFGH',
    };
    const result = await guard({
      adapter: testAdapter,
      input: prompt,
      env: env({ WARDEN_REMOTE_DECIDE: 'true' }),
      delivery: 'queue',
    });
    expect(result.decision).toMatchObject({ effect: 'deny', ruleId: 'secrets.in-prompt' });
    expect(result.remote).toMatchObject({ status: 'skipped' });
    expect(server.requests.filter((request) => request.url === '/v1/decide')).toEqual([]);
  });

  it('on a remote timeout applies the failure policy (closed: deny), and records that it did', async () => {
    server.mode = 'slow';
    server.delayMs = 5000;
    const result = await guard({
      adapter: testAdapter,
      input: bash('ls'),
      env: env({ WARDEN_REMOTE_DECIDE: 'true', WARDEN_DECIDE_TIMEOUT_MS: '100' }),
      delivery: 'queue',
    });
    expect(result.decision).toMatchObject({
      effect: 'deny',
      ruleId: 'warden.failure',
      failure: { policy: 'closed' },
    });
    expect(result.decision.reason).toMatch(/remote evaluation \(warden\) timed out/);
    expect(result.remote).toMatchObject({ status: 'timeout', failurePolicy: 'closed' });
    expect(auditRecords().at(-1)).toMatchObject({
      ruleId: 'warden.failure',
      remote: { status: 'timeout', failurePolicy: 'closed' },
    });
  });

  it('on a remote error with the failure policy open keeps the local decision, and records the error', async () => {
    server.mode = 'error500';
    const result = await guard({
      adapter: testAdapter,
      input: bash('ls'),
      env: env({ WARDEN_REMOTE_DECIDE: 'true', WARDEN_FAILURE: 'open' }),
      delivery: 'queue',
    });
    expect(result.decision).toMatchObject({ effect: 'allow', ruleId: 'default' });
    expect(result.remote).toMatchObject({ status: 'error', failurePolicy: 'open' });
    expect(result.remote?.error).toMatch(/HTTP 500/);
  });

  it('asks only within what is left of the hook deadline', async () => {
    server.mode = 'slow';
    server.delayMs = 5000;
    const result = await guard({
      adapter: testAdapter,
      input: bash('ls'),
      env: env({ WARDEN_REMOTE_DECIDE: 'true', WARDEN_DECIDE_TIMEOUT_MS: '5000' }),
      deadline: Date.now() + 300,
      delivery: 'queue',
    });
    expect(result.remote?.status).toBe('timeout');
    // Either the budget was what was left of the deadline, or nothing was left at all.
    const budget = /no verdict within (\d+) ms/.exec(result.remote?.error ?? '')?.[1];
    if (budget) expect(Number(budget)).toBeLessThanOrEqual(300);
    else expect(result.remote?.error).toMatch(/no time left before the hook deadline/);
  });

  it('treats a server that is down like any other failure', async () => {
    await server.down();
    const result = await guard({
      adapter: testAdapter,
      input: bash('ls'),
      env: env({ WARDEN_REMOTE_DECIDE: 'true' }),
      delivery: 'queue',
    });
    expect(result.remote).toMatchObject({ status: 'error', failurePolicy: 'closed' });
    expect(result.remote?.error).toMatch(/ECONNREFUSED/);
    expect(result.decision.effect).toBe('deny');
  });
});

describe('guard with a Warden server: delivery', () => {
  it('sends inline after answering: redacted, anchored to the audit chain, stored once', async () => {
    const key = 'AKIAQWERTYUIOPASDFGH';
    const result = await guard({
      adapter: testAdapter,
      input: bash(`echo ${key}`),
      // A generous budget: this is about what is sent, not how fast (a loaded machine is slow).
      env: env({ WARDEN_INGEST_BUDGET_MS: '10000' }),
      delivery: 'inline',
    });
    expect(result.delivery).toMatchObject({ queued: true, sender: 'inline', flush: { sent: 1 } });
    const stored = [...server.stored.values()][0] as WardenEvent;
    expect(stored.id).toBe(result.event.id);
    expect(JSON.stringify(stored)).not.toContain(key);
    expect(JSON.stringify(stored)).toContain('[REDACTED:secret.aws_access_key]');
    const head = readHead(auditDir())!;
    expect(stored.audit).toEqual({ seq: head.seq, hash: head.hash });
    expect(listQueue(spoolDir())).toEqual([]);
  });

  it('hands sending to a background process and returns at once; the event arrives', async () => {
    const result = await guard({ adapter: testAdapter, input: bash('git status'), env: env() });
    expect(result.delivery).toMatchObject({ queued: true, sender: 'spawned' });
    await waitFor(() => server.stored.has(result.event.id), 'the background sender to deliver');
    await waitFor(() => !existsSync(path.join(spoolDir(), 'flush.lock')), 'the background sender to finish');
    expect(listQueue(spoolDir())).toEqual([]);
  });

  it('does not start a sender while the server is in backoff, and the next send drains everything', async () => {
    await server.down();
    const first = await guard({
      adapter: testAdapter,
      input: bash('ls'),
      // A long backoff (base and cap): the next hooks must find it in force however slow the machine.
      env: env({
        WARDEN_BACKOFF_BASE_MS: '60000',
        WARDEN_BACKOFF_MAX_MS: '120000',
        WARDEN_INGEST_BUDGET_MS: '10000',
      }),
      delivery: 'inline',
    });
    expect(first.delivery).toMatchObject({ queued: true, sender: 'inline', flush: { stoppedBy: 'failed' } });
    const ids = [first.event.id];
    for (let index = 0; index < 5; index++) {
      const next = await guard({
        adapter: testAdapter,
        input: bash(`echo ${index}`),
        env: env({ WARDEN_BACKOFF_BASE_MS: '60000', WARDEN_BACKOFF_MAX_MS: '120000' }),
      });
      expect(next.delivery?.sender).toBe('backoff');
      ids.push(next.event.id);
    }
    expect(listQueue(spoolDir())).toHaveLength(6);
    await server.up();
    const config = await loadConfig({ env: env() });
    const report = await flushSpool({
      server: config.server!,
      ingest: config.ingest!,
      budgetMs: 10_000,
      force: true,
    });
    expect(report).toMatchObject({ sent: 6, remaining: 0 });
    expect([...server.stored.keys()].sort()).toEqual(ids.sort());
  });

  it('when the spool is full, says so, keeps the event in the audit log, and sends it later from there', async () => {
    const limited = env({ WARDEN_SPOOL_MAX_EVENTS: '3' });
    const ids: string[] = [];
    const warnings: string[] = [];
    for (let index = 0; index < 7; index++) {
      const result = await guard({
        adapter: testAdapter,
        input: bash(`echo ${index}`),
        env: limited,
        delivery: 'queue',
      });
      ids.push(result.event.id);
      warnings.push(...result.warnings);
    }
    expect(warnings).toHaveLength(4);
    expect(warnings[0]).toMatch(
      /not queued for the server: the spool is full \(3 events waiting, limit 3.*local audit log \(seq 4\)/,
    );
    expect(auditRecords()).toHaveLength(7);
    const config = await loadConfig({ env: limited });
    const report = await flushSpool({
      server: config.server!,
      ingest: config.ingest!,
      auditDir: config.auditDir,
      budgetMs: 10_000,
    });
    expect(report).toMatchObject({ sent: 7, backfilled: 4, lost: 0, remaining: 0 });
    expect([...server.stored.keys()].sort()).toEqual([...ids].sort());
    const backfilled = [...server.stored.values()].filter((event) => event.backfilled);
    expect(backfilled).toHaveLength(4);
    expect(backfilled[0]!.audit?.seq).toBeGreaterThan(3);
  });
});

describe('guard without a server', () => {
  it('pays nothing for ingestion: no spool, no network modules loaded', () => {
    const script = `
      const { guard, createId } = await import(${JSON.stringify(new URL(`file://${distDir}index.js`).href)});
      const adapter = { specificationVersion: 'v1', id: 'claude-code', parse: (input) => ({ success: true, event: input }), render: ({ decision }) => decision.effect };
      const event = { id: createId(), agent: 'claude-code', hookEvent: 'PreToolUse', phase: 'tool_call', session: 's', cwd: '/tmp', timestamp: new Date().toISOString(), tool: { name: 'Bash', input: { command: 'ls' } } };
      const result = await guard({ adapter, input: event });
      const network = process.moduleLoadList.filter((name) => /^NativeModule (net|tls|http|https|child_process|zlib)$/.test(name));
      console.log(JSON.stringify({ effect: result.output, delivery: result.delivery ?? null, network }));
    `;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      env: { PATH: process.env.PATH, HOME: home, WARDEN_HOME: path.join(home, '.warden') },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ effect: 'allow', delivery: null, network: [] });
    expect(readdirSync(path.join(home, '.warden'))).toEqual(['audit']);
  });
});

describe('a hook killed with SIGKILL in the middle of a send', () => {
  const childScript = `
    const { guard, createId } = await import(process.env.DIST_URL);
    const adapter = { specificationVersion: 'v1', id: 'claude-code', parse: (input) => ({ success: true, event: input }), render: ({ decision }) => decision.effect };
    const event = { id: process.env.EVENT_ID, agent: 'claude-code', hookEvent: 'PreToolUse', phase: 'tool_call', session: 's', cwd: '/tmp', timestamp: new Date().toISOString(), tool: { name: 'Bash', input: { command: 'make deploy' } } };
    await guard({ adapter, input: event, delivery: 'inline' });
  `;

  async function killMidSend(options: { storeFirst: boolean }): Promise<string> {
    server.mode = options.storeFirst ? 'slow' : 'hang';
    server.delayMs = 60_000;
    const eventId = createId();
    const arrived = server.nextRequest('/v1/events');
    const child = spawn(process.execPath, ['--input-type=module', '-e', childScript], {
      env: {
        ...env({ WARDEN_INGEST_BUDGET_MS: '10000' }),
        PATH: process.env.PATH ?? '',
        EVENT_ID: eventId,
        DIST_URL: new URL(`file://${distDir}index.js`).href,
      },
      stdio: 'ignore',
    });
    children.push(child);
    const exited = new Promise((resolve) => child.on('exit', resolve));
    await Promise.race([arrived, sleep(20_000).then(() => Promise.reject(new Error('the hook never sent')))]);
    child.kill('SIGKILL');
    await exited;
    return eventId;
  }

  it('loses nothing when killed before the server stored the event: the next flush delivers it once', async () => {
    const eventId = await killMidSend({ storeFirst: false });
    expect(server.stored.size).toBe(0);
    expect(listQueue(spoolDir())).toHaveLength(1);
    expect(verifyAuditLog({ auditDir: auditDir() })).toMatchObject({ ok: true, records: 1 });
    server.mode = 'accept';
    const config = await loadConfig({ env: env() });
    // The dead hook's lock is recognised as stale at once (its pid is gone).
    const report = await flushSpool({ server: config.server!, ingest: config.ingest!, budgetMs: 10_000 });
    expect(report).toMatchObject({ sent: 1, remaining: 0 });
    expect([...server.stored.keys()]).toEqual([eventId]);
  });

  it('stores nothing twice when killed after the server stored the event but before the answer', async () => {
    const eventId = await killMidSend({ storeFirst: true });
    expect(server.stored.has(eventId)).toBe(true);
    expect(listQueue(spoolDir())).toHaveLength(1);
    server.mode = 'accept';
    const config = await loadConfig({ env: env() });
    const report = await flushSpool({ server: config.server!, ingest: config.ingest!, budgetMs: 10_000 });
    expect(report).toMatchObject({ sent: 0, duplicates: 1, remaining: 0 });
    expect(server.stored.size).toBe(1);
    expect(server.deliveries.get(eventId)).toBe(2);
  });

  it('loses nothing when the background sender itself is killed mid-send', async () => {
    server.mode = 'hang';
    const result = await guard({ adapter: testAdapter, input: bash('ls'), env: env() });
    expect(result.delivery?.sender).toBe('spawned');
    await server.nextRequest('/v1/events');
    const lock = readFileSync(path.join(spoolDir(), 'flush.lock'), 'utf8');
    const pid = Number(lock.split(' ')[0]);
    process.kill(pid, 'SIGKILL');
    await waitFor(() => {
      try {
        process.kill(pid, 0);
        return false;
      } catch {
        return true;
      }
    }, 'the sender to die');
    server.mode = 'accept';
    const config = await loadConfig({ env: env() });
    const report = await flushSpool({ server: config.server!, ingest: config.ingest!, budgetMs: 10_000 });
    expect(report).toMatchObject({ sent: 1, remaining: 0 });
    expect([...server.stored.keys()]).toEqual([result.event.id]);
  });
});
