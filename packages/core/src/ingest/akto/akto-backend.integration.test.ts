import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/load-config.js';
import { createId } from '../../create-id.js';
import { guard } from '../../guard.js';
import type { GuardEvent } from '../../guard-event.js';
import { closeRemoteBackends } from '../evaluate-remotely.js';
import { flushSpool } from '../flush-spool.js';
import { listQueue } from '../spool.js';
import { testAdapter } from '../testing/test-adapter.js';

const TOKEN = 'akto-jwt-abc.def.ghi';

interface Received {
  url: URL;
  headers: IncomingMessage['headers'];
  body: Record<string, string | null>;
}

let home: string;
let server: Server;
let baseUrl: string;
let received: Received[];
let guardrailsResult: Record<string, unknown> | undefined;
let status: number;

beforeEach(async () => {
  home = mkdtempSync(path.join(os.tmpdir(), 'warden-akto-'));
  received = [];
  guardrailsResult = { Allowed: true, Reason: '', behaviour: '' };
  status = 200;
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://x');
      received.push({
        url,
        headers: request.headers,
        body: chunks.length ? JSON.parse(Buffer.concat(chunks).toString()) : {},
      });
      const runs =
        url.searchParams.get('guardrails') === 'true' ||
        url.searchParams.get('response_guardrails') === 'true';
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          success: status === 200,
          message: status === 200 ? 'Request processed successfully' : 'failed',
          data:
            runs && status === 200
              ? { success: true, message: 'ok', guardrailsResult }
              : { success: status === 200 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  await closeRemoteBackends();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(home, { recursive: true, force: true });
});

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    HOME: home,
    WARDEN_HOME: path.join(home, '.warden'),
    AKTO_DATA_INGESTION_URL: `${baseUrl}/`,
    AKTO_API_TOKEN: TOKEN,
    AKTO_CONNECTOR: 'claude_code_cli',
    DEVICE_ID: 'dev-laptop',
    WARDEN_SPOOL_MIN_FREE_MB: '0',
    ...extra,
  };
}

function mcpCall(): GuardEvent {
  return {
    id: createId(),
    agent: 'claude-code',
    hookEvent: 'PreToolUse',
    phase: 'tool_call',
    session: 'sess-42',
    cwd: path.join(home, 'project'),
    timestamp: new Date().toISOString(),
    tool: {
      name: 'mcp__github__create_issue',
      input: { title: 'hello', body: 'token ghp_abcdefghijklmnopqrstuvwxyz0123456789' },
    },
  };
}

describe('the Akto-compatible backend against a loopback Akto server', () => {
  it('asks for the verdict with guardrails only, the raw token, and the unredacted MCP call as JSON-RPC', async () => {
    guardrailsResult = {
      Allowed: false,
      Reason: 'Secrets in tool input',
      behaviour: 'block',
      Metadata: { policy_name: 'secrets' },
    };
    const result = await guard({ adapter: testAdapter, input: mcpCall(), env: env(), delivery: 'queue' });
    expect(result.decision).toMatchObject({
      effect: 'deny',
      ruleId: 'akto:secrets',
      reason: 'Secrets in tool input',
    });
    expect(result.remote).toMatchObject({ backend: 'akto', status: 'ok', behaviour: 'block' });
    expect(received).toHaveLength(1);
    const [call] = received;
    expect(call!.url.pathname).toBe('/api/http-proxy');
    expect(Object.fromEntries(call!.url.searchParams)).toEqual({
      guardrails: 'true',
      akto_connector: 'claude_code_cli',
    });
    expect(call!.headers.authorization).toBe(TOKEN);
    expect(call!.body.path).toBe('/mcp');
    expect(JSON.parse(call!.body.requestPayload!)).toMatchObject({
      method: 'tools/call',
      params: { name: 'create_issue' },
    });
    expect(call!.body.requestPayload).toContain('ghp_abcdefghijklmnopqrstuvwxyz0123456789');
    expect(JSON.parse(call!.body.requestHeaders!)).toMatchObject({
      host: 'dev-laptop.claudecli.github',
      'x-akto-installer-akto_session_id': 'sess-42',
    });
  });

  it('records each event afterwards with ingest_data only, redacted, a deny as one 403 record', async () => {
    guardrailsResult = { Allowed: false, Reason: 'Secrets in tool input', behaviour: 'block' };
    const denied = await guard({ adapter: testAdapter, input: mcpCall(), env: env(), delivery: 'queue' });
    guardrailsResult = { Allowed: true };
    const allowed = await guard({
      adapter: testAdapter,
      input: { ...mcpCall(), tool: { name: 'Read', input: { file_path: 'README.md' } } },
      env: env(),
      delivery: 'queue',
    });
    expect(listQueue(path.join(home, '.warden', 'spool'))).toHaveLength(2);
    received = [];
    const config = await loadConfig({ env: env() });
    const report = await flushSpool({ server: config.server!, ingest: config.ingest!, budgetMs: 10_000 });
    expect(report).toMatchObject({ sent: 2, remaining: 0 });
    expect(received).toHaveLength(2);
    for (const call of received) {
      expect(Object.fromEntries(call.url.searchParams)).toEqual({
        akto_connector: 'claude_code_cli',
        ingest_data: 'true',
      });
      expect(call.headers.authorization).toBe(TOKEN);
    }
    const byId = new Map(
      received.map((call) => [JSON.parse(call.body.requestHeaders!)['x-request-id'], call.body]),
    );
    const deniedRecord = byId.get(denied.event.id)!;
    expect(deniedRecord.statusCode).toBe('403');
    expect(JSON.parse(deniedRecord.responseHeaders!)['x-blocked-by']).toBe('Akto Proxy');
    expect(deniedRecord.requestPayload).not.toContain('ghp_abcdefghijklmnopqrstuvwxyz0123456789');
    expect(deniedRecord.requestPayload).toContain('[REDACTED:secret.github_token]');
    const allowedRecord = byId.get(allowed.event.id)!;
    expect(allowedRecord).toMatchObject({ statusCode: '200', path: '/tool/Read' });
  });

  it('applies the failure policy when Akto fails open on its side or answers 422, instead of allowing silently', async () => {
    guardrailsResult = { Allowed: true, allowed: true, failOpen: true, error: 'guardrails-service timeout' };
    const failedOpen = await guard({ adapter: testAdapter, input: mcpCall(), env: env(), delivery: 'queue' });
    expect(failedOpen.decision).toMatchObject({ effect: 'deny', ruleId: 'warden.failure' });
    expect(failedOpen.remote?.error).toMatch(/failed and the server allowed by default/);

    status = 422;
    const unprocessable = await guard({
      adapter: testAdapter,
      input: mcpCall(),
      env: env({ WARDEN_FAILURE: 'open' }),
      delivery: 'queue',
    });
    expect(unprocessable.decision.effect).toBe('allow');
    expect(unprocessable.remote).toMatchObject({ status: 'error', failurePolicy: 'open' });
  });

  it('only records, without asking, in observe mode (AKTO_SYNC_MODE=false)', async () => {
    const result = await guard({
      adapter: testAdapter,
      input: mcpCall(),
      env: env({ AKTO_SYNC_MODE: 'false', WARDEN_INGEST_BUDGET_MS: '10000' }),
      delivery: 'inline',
    });
    expect(result.remote).toBeUndefined();
    expect(received).toHaveLength(1);
    expect(received[0]!.url.searchParams.get('ingest_data')).toBe('true');
    expect(received[0]!.url.searchParams.get('guardrails')).toBeNull();
  });

  it('keeps the token out of everything it writes', async () => {
    status = 401;
    await guard({ adapter: testAdapter, input: mcpCall(), env: env(), delivery: 'inline' });
    const home_ = path.join(home, '.warden');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else files.push(full);
      }
    };
    walk(home_);
    expect(files.length).toBeGreaterThan(2);
    for (const file of files) expect(readFileSync(file, 'utf8'), file).not.toContain(TOKEN);
  });
});
