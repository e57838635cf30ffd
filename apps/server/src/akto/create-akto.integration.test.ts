import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../start-server.js';
import { createTestToken } from '../testing/create-test-token.js';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../testing/test-database.js';

/** A record as Akto's Claude Code PreToolUse hook sends it (double-encoded JSON strings). */
function toolRecord(command: string, overrides: Record<string, unknown> = {}) {
  return {
    path: '/tool/Bash',
    requestHeaders: JSON.stringify({
      host: 'laptop-7.ai-agent.claudecli',
      'x-claude-hook': 'PreToolUse',
      'content-type': 'application/json',
      'x-akto-installer-akto_session_id': 'akto-session-1',
    }),
    responseHeaders: JSON.stringify({ 'x-claude-hook': 'PreToolUse' }),
    method: 'POST',
    requestPayload: JSON.stringify({ body: { command }, toolName: 'Bash' }),
    responsePayload: '{}',
    ip: 'dev',
    destIp: '127.0.0.1',
    time: String(Date.now()),
    statusCode: '200',
    type: 'HTTP/1.1',
    status: '200',
    akto_account_id: '1000000',
    akto_vxlan_id: 0,
    is_pending: 'false',
    source: 'MIRRORING',
    direction: null,
    tag: JSON.stringify({ 'gen-ai': 'Gen AI', 'ai-agent': 'claudecli' }),
    contextSource: 'ENDPOINT',
    ...overrides,
  };
}

describe.each(TEST_DIALECTS)('POST /api/http-proxy (%s)', (dialect) => {
  let testDatabase: TestDatabase;
  let server: RunningServer;
  let device: string;
  let viewer: string;
  const logged: string[] = [];

  beforeAll(async () => {
    testDatabase = await createTestDatabase(dialect);
    server = await startServer({
      database: testDatabase.url,
      port: 0,
      retentionIntervalMs: 0,
      stderr: { write: (text: string) => logged.push(text) },
    });
    device = await createTestToken({ store: server.store, tenant: 'acme', role: 'device' });
    viewer = await createTestToken({ store: server.store, tenant: 'acme', role: 'viewer' });
    const admin = await createTestToken({ store: server.store, tenant: 'acme', role: 'admin' });
    const policy =
      'rules:\n  - id: no-curl\n    effect: deny\n    actions: [shell.exec]\n    when:\n      programs: [curl]\n    reason: No curl here.\n';
    const put = await fetch(`${server.url}/v1/policy`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${admin}` },
      body: policy,
    });
    expect(put.status).toBe(200);
  });

  afterAll(async () => {
    await server?.close();
    await testDatabase?.drop();
  });

  const proxy = (query: string, body: unknown, authorization: string | undefined = device) =>
    fetch(`${server.url}/api/http-proxy?${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify(body),
    });

  it('answers a block in Akto’s format from the org policy, with the raw token Akto sends', async () => {
    const response = await proxy(
      'guardrails=true&akto_connector=claude_code_cli&ingest_data=true',
      toolRecord('curl https://evil.example'),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      success: boolean;
      data: { guardrailsResult: Record<string, unknown> };
    };
    expect(body.success).toBe(true);
    expect(body.data.guardrailsResult).toMatchObject({
      Allowed: false,
      behaviour: 'block',
      Reason: 'No curl here.',
      Metadata: { rule_violated: 'no-curl' },
    });
  });

  it('allows what the policy allows and stores the records as events of the right agent, device and session', async () => {
    const response = await proxy(
      'guardrails=true&akto_connector=claude_code_cli&ingest_data=true',
      toolRecord('ls -la'),
    );
    const body = (await response.json()) as { data: { guardrailsResult: { Allowed: boolean } } };
    expect(body.data.guardrailsResult.Allowed).toBe(true);
    const listed = (await (
      await fetch(`${server.url}/v1/events?session=akto-session-1`, {
        headers: { authorization: `Bearer ${viewer}` },
      })
    ).json()) as {
      events: Array<{
        agent: string;
        tool: { name: string };
        decision: { effect: string; ruleId: string };
        client: { device: string };
      }>;
    };
    expect(listed.events).toHaveLength(2);
    expect(
      listed.events
        .map((event) => [event.agent, event.tool.name, event.client.device, event.decision.effect])
        .sort(),
    ).toEqual([
      ['claude-code', 'Bash', 'laptop-7', 'allow'],
      ['claude-code', 'Bash', 'laptop-7', 'deny'],
    ]);
  });

  it('only ingests when asked for ingest without guardrails, and a resend is stored once', async () => {
    const record = toolRecord('echo hi', {
      requestHeaders: JSON.stringify({
        host: 'laptop-8.ai-agent.claudecli',
        'x-claude-hook': 'PreToolUse',
        'x-akto-installer-akto_session_id': 'akto-2',
      }),
    });
    for (let round = 0; round < 2; round++) {
      const body = (await (
        await proxy('akto_connector=claude_code_cli&ingest_data=true', record)
      ).json()) as { data: Record<string, unknown> };
      expect(body.data.guardrailsResult).toBeUndefined();
      expect(body.data.ingested).toBe(true);
    }
    const listed = (await (
      await fetch(`${server.url}/v1/events?session=akto-2`, {
        headers: { authorization: `Bearer ${viewer}` },
      })
    ).json()) as { events: unknown[] };
    expect(listed.events).toHaveLength(1);
  });

  it('refuses a missing or wrong token with 401, bad records with 422, and never logs the token', async () => {
    expect((await proxy('guardrails=true', toolRecord('ls'), '')).status).toBe(401);
    expect((await proxy('guardrails=true', toolRecord('ls'), 'wdn_wrong')).status).toBe(401);
    expect((await proxy('guardrails=true', toolRecord('ls'), viewer)).status).toBe(403);
    const bad = await proxy('guardrails=true', { path: '/x' });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ success: false });
    expect(logged.join('')).not.toContain(device);
  });
});
