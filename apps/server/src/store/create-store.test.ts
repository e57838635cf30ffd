import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenDatabase, openDatabase } from '../db/open-database.js';
import { makeEvent } from '../testing/make-event.js';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../testing/test-database.js';
import { createStore } from './create-store.js';
import type { Store } from './store.js';

describe.each(TEST_DIALECTS)('createStore (%s)', (dialect) => {
  let testDatabase: TestDatabase;
  let database: OpenDatabase;
  let store: Store;
  let tenantId: string;
  let otherTenantId: string;

  beforeAll(async () => {
    testDatabase = await createTestDatabase(dialect);
    database = await openDatabase({ database: testDatabase.url });
    store = createStore({ database });
    tenantId = (await store.ensureTenant({ name: 'acme' })).id;
    otherTenantId = (await store.ensureTenant({ name: 'other' })).id;
  });

  afterAll(async () => {
    await store?.close();
    await testDatabase?.drop();
  });

  it('applies the migrations again without error (idempotent start-up)', async () => {
    const again = await openDatabase({ database: testDatabase.url });
    await again.close();
  });

  it('stores each event once and reports repeats as duplicates', async () => {
    const events = [makeEvent({ session: 's-dup' }), makeEvent({ session: 's-dup' })];
    const first = await store.ingestEvents({ tenantId, events, receivedAt: new Date().toISOString() });
    expect(first.accepted.sort()).toEqual(events.map((event) => event.id).sort());
    expect(first.duplicates).toEqual([]);
    const second = await store.ingestEvents({ tenantId, events, receivedAt: new Date().toISOString() });
    expect(second.accepted).toEqual([]);
    expect(second.duplicates.sort()).toEqual(events.map((event) => event.id).sort());
    const page = await store.listEvents({ tenantId, filter: { session: 's-dup' }, limit: 10 });
    expect(page.events).toHaveLength(2);
  });

  it('accepts an id sent in concurrent batches once, and counts each event once', async () => {
    const shared = makeEvent({ agent: 'concurrent-agent' });
    const batches = Array.from({ length: 5 }, () => [
      shared,
      ...Array.from({ length: 20 }, () => makeEvent({ agent: 'concurrent-agent' })),
    ]);
    const results = await Promise.all(
      batches.map((events) => store.ingestEvents({ tenantId, events, receivedAt: new Date().toISOString() })),
    );
    expect(results.filter((result) => result.accepted.includes(shared.id))).toHaveLength(1);
    expect(results.flatMap((result) => result.duplicates)).toEqual([
      shared.id,
      shared.id,
      shared.id,
      shared.id,
    ]);
    for (const [index, result] of results.entries())
      for (const event of (batches[index] ?? []).slice(1)) expect(result.accepted).toContain(event.id);
    const stats = await store.getStats({
      tenantId,
      since: '2026-01-01T00:00:00.000Z',
      until: '2027-01-01T00:00:00.000Z',
      agent: 'concurrent-agent',
    });
    expect(stats.totals.allow).toBe(101);
  });

  it('accepts the first copy of an id repeated inside one batch and counts it once', async () => {
    const event = makeEvent({ session: 's-twice', agent: 'twice-agent' });
    const result = await store.ingestEvents({
      tenantId,
      events: [event, event],
      receivedAt: new Date().toISOString(),
    });
    expect(result.accepted).toEqual([event.id]);
    expect(result.duplicates).toEqual([event.id]);
    const stats = await store.getStats({
      tenantId,
      since: '2026-01-01T00:00:00.000Z',
      until: '2027-01-01T00:00:00.000Z',
      agent: 'twice-agent',
    });
    expect(stats.totals.allow).toBe(1);
  });

  it('keeps tenants apart', async () => {
    const event = makeEvent({ session: 's-tenant' });
    await store.ingestEvents({
      tenantId: otherTenantId,
      events: [event],
      receivedAt: new Date().toISOString(),
    });
    expect((await store.listEvents({ tenantId, filter: { session: 's-tenant' }, limit: 10 })).events).toEqual(
      [],
    );
    expect(
      (await store.listEvents({ tenantId: otherTenantId, filter: { session: 's-tenant' }, limit: 10 }))
        .events,
    ).toHaveLength(1);
    // The same id in another tenant is a different event.
    const again = await store.ingestEvents({
      tenantId,
      events: [event],
      receivedAt: new Date().toISOString(),
    });
    expect(again.accepted).toEqual([event.id]);
  });

  it('filters, searches and pages through events newest first with a keyset cursor', async () => {
    const base = Date.UTC(2026, 10, 5, 8, 0, 0);
    const events = Array.from({ length: 25 }, (_, index) =>
      makeEvent({
        session: 's-page',
        agent: 'codex',
        ts: new Date(base + Math.floor(index / 2) * 1000).toISOString(),
        tool: { name: index % 5 === 0 ? 'Write' : 'Bash', input: {} },
        actions: [
          {
            kind: 'shell.exec',
            resources: { command: index === 7 ? 'curl https://Evil.example/x%y' : 'ls' },
          },
        ],
        decision: {
          effect: index % 3 === 0 ? 'deny' : 'allow',
          policyEffect: index % 3 === 0 ? 'deny' : 'allow',
          ruleId: index % 3 === 0 ? 'no-curl' : 'default',
          reason: 'r',
          mode: 'enforce',
          findings: [],
        },
      }),
    );
    await store.ingestEvents({ tenantId, events, receivedAt: new Date().toISOString() });
    const seen: string[] = [];
    let cursor: { ts: string; id: string } | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await store.listEvents({
        tenantId,
        filter: { session: 's-page' },
        limit: 10,
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.events.map((event) => event.id));
      if (!page.next) break;
      cursor = page.next;
    }
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    const expected = [...events]
      .sort((a, b) => (a.ts === b.ts ? (a.id < b.id ? 1 : -1) : a.ts < b.ts ? 1 : -1))
      .map((event) => event.id);
    expect(seen).toEqual(expected);

    const denied = await store.listEvents({
      tenantId,
      filter: { session: 's-page', effect: 'deny', rule: 'no-curl' },
      limit: 100,
    });
    expect(denied.events).toHaveLength(9);
    const writes = await store.listEvents({
      tenantId,
      filter: { session: 's-page', tool: 'Write' },
      limit: 100,
    });
    expect(writes.events).toHaveLength(5);
    const searched = await store.listEvents({ tenantId, filter: { q: 'evil.EXAMPLE/x%y' }, limit: 100 });
    expect(searched.events.map((event) => event.id)).toEqual([events[7]?.id]);
    const noWildcard = await store.listEvents({ tenantId, filter: { q: '%' }, limit: 100 });
    expect(noWildcard.events.map((event) => event.id)).toEqual([events[7]?.id]);
    const window = await store.listEvents({
      tenantId,
      filter: {
        session: 's-page',
        since: new Date(base + 2000).toISOString(),
        until: new Date(base + 4000).toISOString(),
      },
      limit: 100,
    });
    expect(window.events).toHaveLength(4);
  });

  it('finds text containing search-syntax characters exactly, through the index or not', async () => {
    const searchTenant = (await store.ensureTenant({ name: 'search-ops' })).id;
    const operators = makeEvent({ prompt: 'grep -E "a|b" NEAR(x*) AND ^col:"q"' });
    const other = makeEvent({ prompt: 'grep -e a b near x and col q' });
    await store.ingestEvents({
      tenantId: searchTenant,
      events: [operators, other],
      receivedAt: new Date().toISOString(),
    });
    for (const q of ['"a|b" near(x*)', 'and ^col:"q"', '-E "', 'E "a'])
      expect(
        (await store.listEvents({ tenantId: searchTenant, filter: { q }, limit: 100 })).events.map(
          (event) => event.id,
        ),
      ).toEqual([operators.id]);
  });

  it('returns a session in order with its counts', async () => {
    const base = Date.UTC(2026, 10, 6, 8, 0, 0);
    const phases = ['prompt', 'tool_call', 'tool_result', 'response'] as const;
    const events = phases.map((phase, index) =>
      makeEvent({
        session: 's-story',
        phase,
        ts: new Date(base + index * 1000).toISOString(),
        device: 'box-9',
      }),
    );
    await store.ingestEvents({
      tenantId,
      events: [...events].reverse(),
      receivedAt: new Date().toISOString(),
    });
    const result = await store.getSession({ tenantId, session: 's-story', limit: 1000 });
    expect(result?.events.map((event) => event.phase)).toEqual([...phases]);
    expect(result?.session).toMatchObject({
      id: 's-story',
      device: 'box-9',
      firstTs: events[0]?.ts,
      lastTs: events[3]?.ts,
    });
    expect(result?.session.counts.events).toBe(4);
    expect(await store.getSession({ tenantId, session: 'nope', limit: 10 })).toBeUndefined();
  });

  it('keeps pre-aggregated stats: effects, top rules, tools and latency percentiles', async () => {
    const ts = '2026-10-01T05:30:00.000Z';
    const events = Array.from({ length: 100 }, (_, index) =>
      makeEvent({
        agent: 'stats-agent',
        ts,
        tool: { name: index < 60 ? 'Bash' : 'Read', input: {} },
        decision: {
          effect: index < 10 ? 'deny' : 'allow',
          policyEffect: index < 10 ? 'deny' : 'allow',
          ruleId: index < 10 ? 'no-rm' : 'default',
          reason: 'r',
          mode: 'enforce',
          findings: [],
        },
        client: { device: 'd', latencyMs: index < 98 ? 10 : 1000 },
      }),
    );
    await store.ingestEvents({ tenantId, events, receivedAt: new Date().toISOString() });
    const stats = await store.getStats({
      tenantId,
      since: '2026-10-01T00:00:00.000Z',
      until: '2026-10-02T00:00:00.000Z',
      agent: 'stats-agent',
    });
    expect(stats.totals).toEqual({ allow: 90, ask: 0, deny: 10 });
    expect(stats.series).toEqual([{ bucket: '2026-10-01T05:00:00.000Z', allow: 90, ask: 0, deny: 10 }]);
    expect(stats.topRules).toEqual([{ ruleId: 'no-rm', effect: 'deny', count: 10 }]);
    expect(stats.topTools).toEqual([
      { tool: 'Bash', count: 60 },
      { tool: 'Read', count: 40 },
    ]);
    expect(stats.latency.count).toBe(100);
    expect(stats.latency.p50Ms).toBeGreaterThanOrEqual(10);
    expect(stats.latency.p50Ms).toBeLessThan(11.5);
    expect(stats.latency.p99Ms).toBeGreaterThanOrEqual(1000);
    expect(stats.latency.p99Ms).toBeLessThan(1100);
  });

  it('tracks devices with failures in the last 24 hours, silence and suspension', async () => {
    const now = new Date();
    const recent = new Date(now.getTime() - 60_000).toISOString();
    const old = new Date(now.getTime() - 5 * 3600_000).toISOString();
    await store.ingestEvents({
      tenantId,
      events: [
        makeEvent({
          ts: recent,
          device: 'fleet-a',
          agent: 'codex',
          client: { device: 'fleet-a', adapter: '@warden/codex@1.2.0', policyHash: 'p1' },
        }),
        makeEvent({
          ts: recent,
          device: 'fleet-a',
          agent: 'codex',
          client: { device: 'fleet-a', adapter: '@warden/codex@1.2.0', policyHash: 'p1' },
          decision: {
            effect: 'allow',
            policyEffect: 'allow',
            ruleId: 'warden.failure',
            reason: 'x',
            mode: 'enforce',
            findings: [],
            failure: { policy: 'open', error: 'boom' },
          },
        }),
        makeEvent({ ts: old, agent: 'codex', client: { device: 'fleet-b' } }),
      ],
      receivedAt: now.toISOString(),
    });
    await store.suspend({
      tenantId,
      device: 'fleet-b',
      reason: 'lost laptop',
      by: 'admin',
      at: now.toISOString(),
    });
    const { devices, silentAfterSeconds } = await store.listDevices({ tenantId, now: now.toISOString() });
    expect(silentAfterSeconds).toBe(3600);
    const a = devices.find((device) => device.device === 'fleet-a' && device.agent === 'codex');
    expect(a).toMatchObject({
      adapter: '@warden/codex@1.2.0',
      policyHash: 'p1',
      eventCount: 2,
      failures24h: 1,
      errors24h: 1,
      silent: false,
      suspended: null,
    });
    const b = devices.find((device) => device.device === 'fleet-b');
    expect(b).toMatchObject({ silent: true, suspended: { scope: 'device', reason: 'lost laptop' } });
    expect(await store.resume({ tenantId, device: 'fleet-b' })).toBe(true);
    expect(await store.findSuspension({ tenantId, device: 'fleet-b' })).toBeUndefined();
  });

  it('groups denials for triage and keeps audit anchors in seq order', async () => {
    const events = [3, 1, 2].map((seq) =>
      makeEvent({
        device: 'anchor-dev',
        audit: { seq, hash: `h${seq}` },
        decision: {
          effect: 'deny',
          policyEffect: 'deny',
          ruleId: 'no-secrets',
          reason: 'secret',
          mode: 'enforce',
          findings: [],
        },
      }),
    );
    await store.ingestEvents({ tenantId, events, receivedAt: new Date().toISOString() });
    const anchors = await store.listAnchors({ tenantId, device: 'anchor-dev', limit: 10 });
    expect(anchors.map((anchor) => [anchor.seq, anchor.hash])).toEqual([
      [1, 'h1'],
      [2, 'h2'],
      [3, 'h3'],
    ]);
    expect(
      (await store.listAnchors({ tenantId, device: 'anchor-dev', after: 2, limit: 10 })).map((a) => a.seq),
    ).toEqual([3]);
    const groups = await store.listDenialGroups({ tenantId, limit: 10 });
    const group = groups.find((entry) => entry.ruleId === 'no-secrets' && entry.device === 'anchor-dev');
    expect(group).toMatchObject({ count: 3, severity: 'high', triageState: 'open' });
    expect(
      await store.triageDenialGroup({
        tenantId,
        ruleId: 'no-secrets',
        device: 'anchor-dev',
        agent: 'claude-code',
        state: 'acknowledged',
        by: 'ana',
        at: new Date().toISOString(),
      }),
    ).toBe(true);
    expect(
      (await store.listDenialGroups({ tenantId, triageState: 'acknowledged', limit: 10 })).map(
        (entry) => entry.ruleId,
      ),
    ).toEqual(['no-secrets']);
  });

  it('reopens an acknowledged denial group when the same denial comes back, never an ignored one', async () => {
    const deny = (device: string, ts: string) =>
      makeEvent({
        device,
        ts,
        decision: {
          effect: 'deny',
          policyEffect: 'deny',
          ruleId: 'no-force-push',
          reason: 'force push',
          mode: 'enforce',
          findings: [],
        },
      });
    const groupOf = async (device: string) =>
      (await store.listDenialGroups({ tenantId, limit: 100 })).find(
        (entry) => entry.ruleId === 'no-force-push' && entry.device === device,
      );
    const triage = (device: string, state: string, at: string) =>
      store.triageDenialGroup({
        tenantId,
        ruleId: 'no-force-push',
        device,
        agent: 'claude-code',
        state,
        by: 'ana',
        at,
      });
    const receivedAt = new Date().toISOString();

    await store.ingestEvents({ tenantId, events: [deny('ack-dev', '2026-12-01T10:00:00.000Z')], receivedAt });
    await triage('ack-dev', 'acknowledged', '2026-12-01T11:00:00.000Z');
    // A spool catching up with a denial from before the acknowledgement changes nothing.
    await store.ingestEvents({ tenantId, events: [deny('ack-dev', '2026-12-01T10:30:00.000Z')], receivedAt });
    expect(await groupOf('ack-dev')).toMatchObject({
      triageState: 'acknowledged',
      count: 2,
      reopenedAt: null,
    });
    // The denial comes back after it: open again, and the group says when and who had acknowledged it.
    await store.ingestEvents({ tenantId, events: [deny('ack-dev', '2026-12-01T12:00:00.000Z')], receivedAt });
    expect(await groupOf('ack-dev')).toMatchObject({
      triageState: 'open',
      count: 3,
      reopenedAt: '2026-12-01T12:00:00.000Z',
      triageBy: 'ana',
      triageAt: '2026-12-01T11:00:00.000Z',
    });
    // Triaging again clears the reopening.
    await triage('ack-dev', 'acknowledged', '2026-12-01T13:00:00.000Z');
    expect(await groupOf('ack-dev')).toMatchObject({ triageState: 'acknowledged', reopenedAt: null });

    await store.ingestEvents({
      tenantId,
      events: [deny('mute-dev', '2026-12-01T10:00:00.000Z')],
      receivedAt,
    });
    await triage('mute-dev', 'ignored', '2026-12-01T11:00:00.000Z');
    await store.ingestEvents({
      tenantId,
      events: [deny('mute-dev', '2026-12-01T12:00:00.000Z')],
      receivedAt,
    });
    expect(await groupOf('mute-dev')).toMatchObject({ triageState: 'ignored', count: 2, reopenedAt: null });
  });

  it('stores the org policy with history, tokens, settings and deletes old events in batches', async () => {
    await store.putOrgPolicy({
      tenantId,
      yaml: 'rules: []',
      policy: { rules: [] },
      etag: 'e1',
      updatedBy: 'ana',
      at: '2026-01-01T00:00:00.000Z',
    });
    await store.putOrgPolicy({
      tenantId,
      yaml: 'mode: observe',
      policy: { mode: 'observe' },
      etag: 'e2',
      updatedBy: 'bo',
      at: '2026-01-02T00:00:00.000Z',
    });
    expect(await store.getOrgPolicy({ tenantId })).toMatchObject({
      etag: 'e2',
      policy: { mode: 'observe' },
      updatedBy: 'bo',
    });
    expect((await store.listOrgPolicyHistory({ tenantId, limit: 10 })).map((entry) => entry.etag)).toEqual([
      'e2',
      'e1',
    ]);

    const token = await store.createToken({
      tenantId,
      role: 'viewer',
      name: 'ci',
      prefix: 'wdn_abcdef',
      hash: 'f'.repeat(64),
    });
    expect(await store.findTokenByHash({ hash: 'f'.repeat(64) })).toMatchObject({
      tenantName: 'acme',
      role: 'viewer',
    });
    expect(await store.revokeToken({ tenantId: otherTenantId, idOrPrefix: token.id })).toBe(0);
    expect(await store.revokeToken({ tenantId, idOrPrefix: 'wdn_abcdef' })).toBe(1);
    expect((await store.findTokenByHash({ hash: 'f'.repeat(64) }))?.revokedAt).not.toBeNull();

    await store.putSettings({ tenantId, retentionDays: 30 });
    await store.putSettings({ tenantId, silentAfterSeconds: 120 });
    expect(await store.getSettings({ tenantId })).toEqual({ retentionDays: 30, silentAfterSeconds: 120 });

    const retention = await store.ensureTenant({ name: 'retention' });
    const old = Array.from({ length: 5 }, (_, index) =>
      makeEvent({ ts: new Date(Date.UTC(2020, 0, 1) + index).toISOString() }),
    );
    const fresh = makeEvent({ ts: new Date().toISOString() });
    await store.ingestEvents({
      tenantId: retention.id,
      events: [...old, fresh],
      receivedAt: new Date().toISOString(),
    });
    expect(
      await store.deleteEventsBefore({
        tenantId: retention.id,
        before: '2021-01-01T00:00:00.000Z',
        batchSize: 3,
      }),
    ).toBe(3);
    expect(
      await store.deleteEventsBefore({
        tenantId: retention.id,
        before: '2021-01-01T00:00:00.000Z',
        batchSize: 3,
      }),
    ).toBe(2);
    const left = await store.listEvents({ tenantId: retention.id, filter: {}, limit: 10 });
    expect(left.events.map((event) => event.id)).toEqual([fresh.id]);
    // Aggregates stay.
    const stats = await store.getStats({
      tenantId: retention.id,
      since: '2019-01-01T00:00:00.000Z',
      until: '2030-01-01T00:00:00.000Z',
    });
    expect(stats.totals.allow).toBe(6);
  });
});
