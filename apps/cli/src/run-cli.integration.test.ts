import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import {
  createId,
  enqueueEvent,
  listSegments,
  toAuditEntry,
  type WardenEvent,
  writeAuditRecord,
} from '@warden/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const TOKEN = 'cli-token-2b7f';
let home: string;
let server: Server;
let serverUrl: string;
const stored = new Map<string, WardenEvent>();

beforeEach(async () => {
  home = mkdtempSync(path.join(os.tmpdir(), 'warden-cli-'));
  stored.clear();
  // A minimal Warden protocol server: stores event ids once, answers health.
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      response.setHeader('content-type', 'application/json');
      if (request.headers.authorization !== `Bearer ${TOKEN}`) {
        response.statusCode = 401;
        response.end(JSON.stringify({ v: 1, error: { code: 'unauthorized', message: 'bad token' } }));
        return;
      }
      if (request.url === '/v1/health') {
        response.end(JSON.stringify({ v: 1, ok: true, version: 'test' }));
        return;
      }
      let body = Buffer.concat(chunks);
      if (request.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
      const events = (JSON.parse(body.toString()) as { events: WardenEvent[] }).events;
      const accepted = events.filter((event) => !stored.has(event.id)).map((event) => event.id);
      for (const event of events) stored.set(event.id, event);
      response.end(
        JSON.stringify({
          v: 1,
          accepted,
          duplicates: events.map((e) => e.id).filter((id) => !accepted.includes(id)),
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(home, { recursive: true, force: true });
});

const wardenHome = () => path.join(home, '.warden');
const env = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  HOME: home,
  WARDEN_HOME: wardenHome(),
  WARDEN_SPOOL_MIN_FREE_MB: '0',
  ...extra,
});
const withServer = (extra: Record<string, string> = {}) =>
  env({ WARDEN_SERVER_URL: serverUrl, WARDEN_TOKEN: TOKEN, ...extra });

function writeLog(count: number): string {
  let file = '';
  for (let index = 0; index < count; index++) {
    file = writeAuditRecord({
      auditDir: path.join(wardenHome(), 'audit'),
      entry: toAuditEntry({
        event: {
          id: createId(),
          agent: 'claude-code',
          hookEvent: 'PreToolUse',
          phase: 'tool_call',
          session: 's',
          cwd: '/tmp',
          timestamp: new Date().toISOString(),
          tool: { name: 'Bash', input: { command: `echo ${index}` } },
        },
        decision: {
          effect: 'allow',
          policyEffect: 'allow',
          ruleId: 'default',
          reason: 'No rule matched.',
          mode: 'enforce',
          isDefault: true,
          actions: [{ kind: 'shell.exec', resources: { command: `echo ${index}` } }],
          findings: [],
          trace: [],
        },
      }),
    }).file;
  }
  return file;
}

function queue(count: number): string[] {
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const id = createId();
    ids.push(id);
    enqueueEvent({
      spoolDir: path.join(wardenHome(), 'spool'),
      limits: { maxEvents: 1000, minFreeDiskBytes: 0 },
      event: {
        id,
        ts: new Date().toISOString(),
        agent: 'codex',
        session: 's',
        hookEvent: 'PreToolUse',
        phase: 'tool_call',
        cwd: '/tmp',
        actions: [],
        decision: {
          effect: 'allow',
          policyEffect: 'allow',
          ruleId: 'default',
          reason: '',
          mode: 'enforce',
          findings: [],
        },
      },
    });
  }
  return ids;
}

describe('warden audit verify', () => {
  it('passes an intact log and fails at the first broken line, naming file, line and seq', async () => {
    const file = writeLog(5);
    const intact = await runCli({ argv: ['audit', 'verify'], env: env() });
    expect(intact).toMatchObject({ exitCode: 0 });
    expect(intact.stdout).toMatch(/Audit log intact: 5 records in 1 file, seq 1 to 5/);

    const lines = readFileSync(file, 'utf8').split('\n');
    lines[1] = lines[1]!.replace('echo 1', 'echo X');
    writeFileSync(file, lines.join('\n'));
    const broken = await runCli({ argv: ['audit', 'verify', '--dir', path.dirname(file)], env: {} });
    expect(broken.exitCode).toBe(1);
    expect(broken.stderr).toContain(`Audit log BROKEN at ${file}:3 (seq 3)`);
    expect(broken.stderr).toMatch(/2 records before it verified/);
  });

  it('says so when there is nothing to verify, and fails for a directory that does not exist', async () => {
    expect((await runCli({ argv: ['audit', 'verify'], env: env() })).stdout).toMatch(/No audit log/);
    expect(
      (await runCli({ argv: ['audit', 'verify', '--dir', path.join(home, 'nope')], env: env() })).exitCode,
    ).toBe(3);
  });
});

describe('warden flush', () => {
  it('sends what is waiting and reports the counts', async () => {
    const ids = queue(3);
    const result = await runCli({ argv: ['flush'], env: withServer() });
    expect(result).toMatchObject({ exitCode: 0 });
    expect(result.stdout).toMatch(/Sent 3 events to http:\/\/127\.0\.0\.1:\d+\.\nNothing is waiting\./);
    expect([...stored.keys()].sort()).toEqual(ids.sort());
  });

  it('keeps the events and exits 1 with the reason when the server cannot be reached', async () => {
    queue(2);
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    const result = await runCli({ argv: ['flush', '--timeout', '10000'], env: withServer() });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/2 events still waiting in the spool: the server failed: .*ECONNREFUSED/);
    await new Promise<void>((resolve) =>
      server.listen(Number(new URL(serverUrl).port), '127.0.0.1', resolve),
    );
  });

  it('reports JSON, and says plainly when no server is configured', async () => {
    queue(1);
    const report = await runCli({ argv: ['flush', '--json'], env: withServer() });
    expect(JSON.parse(report.stdout)).toMatchObject({ sent: 1, remaining: 0, stoppedBy: 'empty' });
    expect((await runCli({ argv: ['flush'], env: env() })).stdout).toMatch(
      /No server is configured.*nothing to send/,
    );
    queue(1);
    expect((await runCli({ argv: ['flush'], env: env() })).stderr).toMatch(
      /1 event waiting in the spool, but no server/,
    );
  });
});

describe('warden status', () => {
  it('shows configuration, policy, audit, the server and whether it answers, and the spool, never the token', async () => {
    writeLog(2);
    queue(4);
    const result = await runCli({ argv: ['status'], env: withServer({ WARDEN_REMOTE_DECIDE: 'true' }) });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/Mode: +enforce/);
    expect(result.stdout).toMatch(/Policy: +pack:recommended/);
    expect(result.stdout).toMatch(/Audit: .*on, 1 file, last seq 2/);
    expect(result.stdout).toMatch(
      /Server: +http:\/\/127\.0\.0\.1:\d+ \(Warden protocol v1, from WARDEN_SERVER_URL\), token set/,
    );
    expect(result.stdout).toMatch(/remote verdicts: on, 1500 ms budget/);
    expect(result.stdout).toMatch(/reachable: reachable, server test/);
    expect(result.stdout).toMatch(/Spool: .*4 events waiting/);
    expect(result.stdout).not.toContain(TOKEN);

    const json = JSON.parse((await runCli({ argv: ['status', '--json'], env: withServer() })).stdout);
    expect(json).toMatchObject({ server: { token: true, reachability: { ok: true } }, spool: { queued: 4 } });
    expect(JSON.stringify(json)).not.toContain(TOKEN);
  });

  it('reports a server that refuses the token, and an invalid configuration, without failing to print', async () => {
    const refused = await runCli({ argv: ['status'], env: withServer({ WARDEN_TOKEN: 'wrong' }) });
    expect(refused.stdout).toMatch(/UNREACHABLE: .*HTTP 401/);
    const invalid = await runCli({ argv: ['status'], env: env({ WARDEN_MODE: 'sideways' }) });
    expect(invalid.exitCode).toBe(1);
    expect(invalid.stdout).toMatch(/Config: +INVALID: WARDEN_MODE/);
  });
});

describe('the warden command', () => {
  const bin = fileURLToPath(new URL('../dist/warden.js', import.meta.url));

  it('runs as a program: version, usage errors, and the exit code of verify', () => {
    expect(existsSync(bin), 'build @warden/cli first').toBe(true);
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [bin, ...args], {
        env: { ...env(), PATH: process.env.PATH },
        encoding: 'utf8',
      });
    expect(run('--version').stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(run('frobnicate')).toMatchObject({ status: 2 });
    expect(run('flush', '--bogus').status).toBe(2);
    writeLog(3);
    expect(run('audit', 'verify')).toMatchObject({ status: 0 });
    const [segment] = listSegments(path.join(wardenHome(), 'audit'));
    const file = path.join(wardenHome(), 'audit', segment!);
    writeFileSync(file, readFileSync(file, 'utf8').split('\n').slice(1).join('\n'));
    const broken = run('audit', 'verify');
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/BROKEN at .*:1 \(seq 2\): the log starts at seq 2/);
  });
});
