import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from './start-server.js';
import { createTestToken } from './testing/create-test-token.js';
import { makeEvent } from './testing/make-event.js';
import { createTestDatabase, type TestDatabase } from './testing/test-database.js';

describe('two servers on one PostgreSQL', () => {
  let testDatabase: TestDatabase;
  let servers: RunningServer[] = [];
  let token: string;

  beforeAll(async () => {
    testDatabase = await createTestDatabase('postgres');
    const quiet = { write: () => true };
    // Started together: migrations and the first-start bootstrap race on purpose.
    servers = await Promise.all(
      [0, 1].map(() =>
        startServer({
          database: testDatabase.url,
          port: 0,
          retentionIntervalMs: 0,
          stderr: quiet,
          options: { rateLimit: { perSecond: 10_000, burst: 10_000 } },
        }),
      ),
    );
    token = await createTestToken({
      store: servers[0]?.store as RunningServer['store'],
      tenant: 'acme',
      role: 'admin',
    });
  });

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
    await testDatabase?.drop();
  });

  it('stores and counts every event once when both receive the same batches at the same time', async () => {
    const ts = '2026-11-20T10:15:00.000Z';
    const batches = Array.from({ length: 10 }, (_, batch) =>
      Array.from({ length: 50 }, (_, index) =>
        makeEvent({
          session: 'race',
          agent: 'race-agent',
          ts,
          device: `race-${index % 5}`,
          tool: { name: index % 2 ? 'Bash' : 'Read', input: {} },
          decision:
            index % 10 === 0
              ? {
                  effect: 'deny',
                  policyEffect: 'deny',
                  ruleId: 'race-rule',
                  reason: 'r',
                  mode: 'enforce',
                  findings: [],
                }
              : {
                  effect: 'allow',
                  policyEffect: 'allow',
                  ruleId: 'default',
                  reason: 'r',
                  mode: 'enforce',
                  findings: [],
                },
          audit: { seq: batch * 50 + index, hash: `h${batch}-${index}` },
        }),
      ),
    );
    const send = (server: RunningServer, events: unknown[]) =>
      fetch(`${server.url}/v1/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ v: 1, events }),
      }).then(async (response) => {
        expect(response.status).toBe(200);
        return (await response.json()) as { accepted: string[]; duplicates?: string[] };
      });
    // Every batch goes to both servers at once, twice over (a client retrying after a lost answer).
    const results = await Promise.all(
      batches.flatMap((events) => [
        send(servers[0] as RunningServer, events),
        send(servers[1] as RunningServer, [...events].reverse()),
        send(servers[1] as RunningServer, events),
      ]),
    );
    const accepted = results.flatMap((result) => result.accepted);
    expect(accepted).toHaveLength(500);
    expect(new Set(accepted).size).toBe(500);
    expect(results.flatMap((result) => result.duplicates ?? [])).toHaveLength(1000);

    const store = servers[1]?.store as RunningServer['store'];
    const tenant = await store.findTenant({ name: 'acme' });
    const tenantId = tenant?.id as string;
    const stats = await store.getStats({
      tenantId,
      since: '2026-11-20T00:00:00.000Z',
      until: '2026-11-21T00:00:00.000Z',
      agent: 'race-agent',
    });
    expect(stats.totals).toEqual({ allow: 450, ask: 0, deny: 50 });
    expect(stats.topTools).toEqual([
      { tool: 'Bash', count: 250 },
      { tool: 'Read', count: 250 },
    ]);
    expect(stats.latency.count).toBe(500);
    const { devices } = await store.listDevices({ tenantId, now: new Date().toISOString() });
    expect(
      devices
        .filter((device) => device.agent === 'race-agent')
        .reduce((sum, device) => sum + device.eventCount, 0),
    ).toBe(500);
    const groups = await store.listDenialGroups({ tenantId, limit: 100 });
    expect(
      groups.filter((group) => group.ruleId === 'race-rule').reduce((sum, group) => sum + group.count, 0),
    ).toBe(50);
    const page = await store.listEvents({ tenantId, filter: { session: 'race' }, limit: 1000 });
    expect(page.events).toHaveLength(500);
  });

  it('sees an org policy and a suspension set through either server', async () => {
    const put = await fetch(`${servers[0]?.url}/v1/suspensions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'incident 42' }),
    });
    expect(put.status).toBe(200);
    const event = makeEvent({ device: 'anywhere' });
    const decided = await fetch(`${servers[1]?.url}/v1/decide`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ v: 1, event }),
    });
    expect(await decided.json()).toMatchObject({
      effect: 'deny',
      reason: expect.stringContaining('incident 42'),
    });
  });
});

describe('rate limits', () => {
  let testDatabase: TestDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    testDatabase = await createTestDatabase('sqlite');
    server = await startServer({
      database: testDatabase.url,
      port: 0,
      retentionIntervalMs: 0,
      stderr: { write: () => true },
      options: { rateLimit: { perSecond: 0.5, burst: 3 } },
    });
  });
  afterAll(async () => {
    await server?.close();
    await testDatabase?.drop();
  });

  it('answers 429 with Retry-After once a token has used its burst, per token', async () => {
    const first = await createTestToken({ store: server.store, tenant: 'acme', role: 'viewer' });
    const second = await createTestToken({ store: server.store, tenant: 'acme', role: 'viewer' });
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let index = 0; index < 5; index++) {
      const response = await fetch(`${server.url}/v1/devices`, {
        headers: { authorization: `Bearer ${first}` },
      });
      statuses.push(response.status);
      if (response.status === 429) {
        retryAfter = response.headers.get('retry-after');
        expect(await response.json()).toMatchObject({ v: 1, error: { code: 'rate_limited' } });
      }
    }
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(statuses.slice(3)).toEqual([429, 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    const other = await fetch(`${server.url}/v1/devices`, { headers: { authorization: `Bearer ${second}` } });
    expect(other.status).toBe(200);
  });
});
