import { promisify } from 'node:util';
import zlib from 'node:zlib';
import {
  anchorsResponseSchema,
  createBackend,
  decideResponseSchema,
  errorResponseSchema,
  eventBatchResponseSchema,
  healthResponseSchema,
  orgPolicyResponseSchema,
  resolveServerSettings,
  type WardenEvent,
} from '@warden/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type RunningServer, startServer } from './start-server.js';
import { createTestToken } from './testing/create-test-token.js';
import { makeEvent } from './testing/make-event.js';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from './testing/test-database.js';

const gzip = promisify(zlib.gzip);

describe.each(TEST_DIALECTS)('startServer (%s)', (dialect) => {
  let testDatabase: TestDatabase;
  let server: RunningServer;
  let device: string;
  let viewer: string;
  let admin: string;
  let otherViewer: string;
  const notices: string[] = [];

  beforeAll(async () => {
    testDatabase = await createTestDatabase(dialect);
    server = await startServer({
      database: testDatabase.url,
      port: 0,
      retentionIntervalMs: 0,
      stderr: { write: (text: string) => notices.push(text) },
      options: { maxBodyBytes: 256 * 1024, rateLimit: { perSecond: 1000, burst: 1000 } },
    });
    device = await createTestToken({ store: server.store, tenant: 'acme', role: 'device' });
    viewer = await createTestToken({ store: server.store, tenant: 'acme', role: 'viewer' });
    admin = await createTestToken({ store: server.store, tenant: 'acme', role: 'admin' });
    otherViewer = await createTestToken({ store: server.store, tenant: 'rival', role: 'viewer' });
  });

  afterAll(async () => {
    await server?.close();
    await testDatabase?.drop();
  });

  const post = (path: string, token: string, body: BodyInit, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      body,
    });
  const get = (path: string, token: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}`, ...headers } });

  it('prints a one-time admin token on first start, and only the admin token', () => {
    const text = notices.join('');
    expect(text).toMatch(/Admin token for tenant "default"/);
    expect(text.match(/wdn_[A-Za-z0-9_-]{43}/g)).toHaveLength(1);
  });

  it('takes batches from core’s own client: accepted, then duplicates on a resend', async () => {
    const settings = resolveServerSettings({
      env: { WARDEN_SERVER_URL: server.url, WARDEN_TOKEN: device },
      home: '/tmp',
    });
    if (!settings) throw new Error('no server settings');
    const backend = await createBackend({ server: settings });
    try {
      const events = [makeEvent({ session: 'client-1' }), makeEvent({ session: 'client-1' })];
      const first = await backend.sendBatch({ events, signal: AbortSignal.timeout(10_000) });
      expect(first.accepted.sort()).toEqual(events.map((event) => event.id).sort());
      const again = await backend.sendBatch({ events, signal: AbortSignal.timeout(10_000) });
      expect(again.duplicates.sort()).toEqual(events.map((event) => event.id).sort());
      expect(again.accepted).toEqual([]);
      const health = await backend.health({ signal: AbortSignal.timeout(10_000) });
      expect(health.ok).toBe(true);
    } finally {
      await backend.close();
    }
    const listed = (await (await get('/v1/events?session=client-1', viewer)).json()) as {
      events: WardenEvent[];
    };
    expect(listed.events).toHaveLength(2);
  });

  it('stores the valid events of a batch and rejects the invalid one for good', async () => {
    const good = makeEvent({ session: 'mixed' });
    const bad = { ...makeEvent(), phase: 'nonsense' };
    const response = await post('/v1/events', device, JSON.stringify({ v: 1, events: [good, bad] }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      accepted: string[];
      rejected: Array<{ id: string; retryable: boolean; error: string }>;
    };
    expect(body.accepted).toEqual([good.id]);
    expect(body.rejected).toEqual([
      { id: bad.id, retryable: false, error: expect.stringContaining('phase') },
    ]);
  });

  it('reads gzip bodies, refuses oversized and gzip-bomb bodies with 413 and stores nothing of them', async () => {
    const zipped = makeEvent({ session: 'gzip' });
    const ok = await post('/v1/events', device, await gzip(JSON.stringify({ v: 1, events: [zipped] })), {
      'content-encoding': 'gzip',
    });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { accepted: string[] }).accepted).toEqual([zipped.id]);

    const big = makeEvent({ session: 'too-big', prompt: 'x'.repeat(300 * 1024) });
    const tooBig = await post('/v1/events', device, JSON.stringify({ v: 1, events: [big] }));
    expect(tooBig.status).toBe(413);
    expect(await tooBig.json()).toMatchObject({ v: 1, error: { code: 'payload_too_large' } });

    // 50 MB of one character compresses to about 50 KB: small on the wire, a bomb when inflated.
    const bombEvent = makeEvent({ session: 'bomb', prompt: 'a'.repeat(50 * 1024 * 1024) });
    const bomb = await gzip(JSON.stringify({ v: 1, events: [bombEvent] }));
    expect(bomb.byteLength).toBeLessThan(256 * 1024);
    const bombed = await post('/v1/events', device, bomb, { 'content-encoding': 'gzip' });
    expect(bombed.status).toBe(413);
    const stored = (await (await get('/v1/events?session=bomb', viewer)).json()) as { events: unknown[] };
    expect(stored.events).toEqual([]);
  });

  it('answers truncated JSON, truncated gzip and garbage with 400 and a JSON error', async () => {
    const text = JSON.stringify({ v: 1, events: [makeEvent({ session: 'truncated' })] });
    const truncated = await post('/v1/events', device, text.slice(0, text.length - 20));
    expect(truncated.status).toBe(400);
    expect(await truncated.json()).toMatchObject({ v: 1, error: { code: 'invalid_json' } });
    const zipped = await gzip(text);
    const cut = await post('/v1/events', device, zipped.subarray(0, zipped.byteLength - 10), {
      'content-encoding': 'gzip',
    });
    expect(cut.status).toBe(400);
    expect(await cut.json()).toMatchObject({ error: { code: 'invalid_gzip' } });
    const garbage = await post('/v1/events', device, '\u0000\u0001garbage');
    expect(garbage.status).toBe(400);
    const wrongVersion = await post('/v1/events', device, JSON.stringify({ v: 2, events: [] }));
    expect(wrongVersion.status).toBe(400);
    const stored = (await (await get('/v1/events?session=truncated', viewer)).json()) as {
      events: unknown[];
    };
    expect(stored.events).toEqual([]);
  });

  it('checks tokens and roles: 401 without, 403 for the wrong role', async () => {
    const batch = JSON.stringify({ v: 1, events: [makeEvent()] });
    expect((await fetch(`${server.url}/v1/events`, { method: 'POST', body: batch })).status).toBe(401);
    expect((await post('/v1/events', 'wdn_notatoken', batch)).status).toBe(401);
    expect((await post('/v1/events', viewer, batch)).status).toBe(403);
    expect((await get('/v1/events', device)).status).toBe(403);
    expect((await get('/v1/events', viewer)).status).toBe(200);
    expect((await get('/v1/devices', admin)).status).toBe(200);
    const put = await fetch(`${server.url}/v1/policy`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${viewer}` },
      body: 'rules: []',
    });
    expect(put.status).toBe(403);
    expect(await put.json()).toMatchObject({ v: 1, error: { code: 'forbidden' } });
  });

  it('records when a token was last used', async () => {
    await get('/v1/devices', viewer);
    const tenant = await server.store.findTenant({ name: 'acme' });
    await vi.waitFor(async () => {
      const tokens = await server.store.listTokens({ tenantId: tenant?.id as string });
      expect(tokens.find((token) => token.role === 'viewer')?.lastUsedAt).toEqual(expect.any(String));
    });
  });

  it('scopes every query to the token’s tenant', async () => {
    const listed = (await (await get('/v1/events?session=client-1', otherViewer)).json()) as {
      events: unknown[];
    };
    expect(listed.events).toEqual([]);
    expect((await get('/v1/sessions/client-1', otherViewer)).status).toBe(404);
    const devices = (await (await get('/v1/devices', otherViewer)).json()) as { devices: unknown[] };
    expect(devices.devices).toEqual([]);
  });

  it('pages /v1/events with an opaque cursor and filters by relative time', async () => {
    const now = Date.now();
    const events = Array.from({ length: 7 }, (_, index) =>
      makeEvent({ session: 'paged', ts: new Date(now - index * 1000).toISOString() }),
    );
    await post('/v1/events', device, JSON.stringify({ v: 1, events }));
    const ids: string[] = [];
    let next: string | undefined;
    for (let page = 0; page < 5; page++) {
      const body = (await (
        await get(`/v1/events?session=paged&limit=3${next ? `&cursor=${next}` : ''}`, viewer)
      ).json()) as {
        events: Array<WardenEvent & { receivedAt: string }>;
        next?: string;
      };
      ids.push(...body.events.map((event) => event.id));
      expect(body.events.every((event) => typeof event.receivedAt === 'string')).toBe(true);
      next = body.next;
      if (!next) break;
    }
    expect(ids).toEqual(events.map((event) => event.id));
    const recent = await (await get('/v1/events?session=paged&since=3500ms', viewer)).status;
    expect(recent).toBe(400);
    const window = (await (await get('/v1/events?session=paged&since=1h', viewer)).json()) as {
      events: unknown[];
    };
    expect(window.events).toHaveLength(7);
    expect((await get('/v1/events?cursor=bogus', viewer)).status).toBe(400);
  });

  it('serves a session in order, devices and stats', async () => {
    const now = Date.now();
    const story = (['prompt', 'tool_call', 'tool_result', 'response'] as const).map((phase, index) =>
      makeEvent({
        session: 'story',
        phase,
        ts: new Date(now - 10_000 + index).toISOString(),
        device: 'dev-box',
      }),
    );
    await post('/v1/events', device, JSON.stringify({ v: 1, events: [...story].reverse() }));
    const session = (await (await get('/v1/sessions/story', viewer)).json()) as {
      session: { device: string };
      events: WardenEvent[];
    };
    expect(session.events.map((event) => event.phase)).toEqual([
      'prompt',
      'tool_call',
      'tool_result',
      'response',
    ]);
    expect(session.session.device).toBe('dev-box');
    const devices = (await (await get('/v1/devices', viewer)).json()) as {
      devices: Array<{ device: string; silent: boolean }>;
      silentAfterSeconds: number;
    };
    expect(devices.devices.find((entry) => entry.device === 'dev-box')).toMatchObject({ silent: false });
    expect(devices.silentAfterSeconds).toBe(3600);
    const stats = (await (await get('/v1/stats?bucket=hour&since=2h', viewer)).json()) as {
      totals: { allow: number };
    };
    expect(stats.totals.allow).toBeGreaterThanOrEqual(4);
  });

  it('exports NDJSON and CSV with formula cells neutralised', async () => {
    const nasty = makeEvent({
      session: 'export',
      ts: new Date().toISOString(),
      decision: {
        effect: 'deny',
        policyEffect: 'deny',
        ruleId: 'x',
        reason: '=HYPERLINK("http://evil")',
        mode: 'enforce',
        findings: [],
      },
    });
    await post('/v1/events', device, JSON.stringify({ v: 1, events: [nasty] }));
    const ndjson = await (await get('/v1/events/export?format=ndjson&session=export', viewer)).text();
    expect(
      ndjson
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).id),
    ).toEqual([nasty.id]);
    const csv = await (await get('/v1/events/export?format=csv&session=export', viewer)).text();
    const lines = csv.trim().split('\n');
    expect(lines[0]).toMatch(/^ts,id,agent/);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });

  it('validates an org policy upload with line and rule, serves it with an ETag and decides with it', async () => {
    const badPolicy = 'rules:\n  - id: no-curl\n    effect: explode\n    actions: [shell.exec]\n';
    const bad = await fetch(`${server.url}/v1/policy`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${admin}` },
      body: badPolicy,
    });
    expect(bad.status).toBe(400);
    const error = ((await bad.json()) as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('policy_invalid');
    expect(error.message).toMatch(/:3/);
    expect(error.message).toContain('no-curl');

    const policy =
      'rules:\n  - id: no-curl\n    effect: deny\n    actions: [shell.exec]\n    when:\n      programs: [curl]\n    reason: No curl here.\n';
    const put = await fetch(`${server.url}/v1/policy`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${admin}` },
      body: policy,
    });
    const putBody = await put.json();
    expect(put.status, JSON.stringify(putBody)).toBe(200);

    const first = await get('/v1/policy', device, { 'x-warden-device': 'dev-box' });
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    expect(((await first.json()) as { policy: unknown }).policy).toMatchObject({
      rules: [{ id: 'no-curl' }],
    });
    const cached = await get('/v1/policy', device, {
      'x-warden-device': 'dev-box',
      'if-none-match': etag as string,
    });
    expect(cached.status).toBe(304);

    const curl = makeEvent({
      tool: { name: 'Bash', input: { command: 'curl https://example.com' } },
      device: 'dev-box',
    });
    const decided = await post('/v1/decide', device, JSON.stringify({ v: 1, event: curl, budgetMs: 2000 }));
    expect(await decided.json()).toMatchObject({ v: 1, effect: 'deny', ruleId: 'no-curl' });
    const ls = makeEvent({ tool: { name: 'Bash', input: { command: 'ls' } }, device: 'dev-box' });
    expect(
      await (await post('/v1/decide', device, JSON.stringify({ v: 1, event: ls }))).json(),
    ).toMatchObject({ effect: 'allow' });

    // Suspending the device changes the ETag and turns every decision into a deny.
    expect(
      (await post('/v1/suspensions', admin, JSON.stringify({ device: 'dev-box', reason: 'stolen' }))).status,
    ).toBe(200);
    const suspended = await get('/v1/policy', device, {
      'x-warden-device': 'dev-box',
      'if-none-match': etag as string,
    });
    expect(suspended.status).toBe(200);
    expect(((await suspended.json()) as { suspended: unknown }).suspended).toMatchObject({
      scope: 'device',
      reason: 'stolen',
    });
    expect(
      await (await post('/v1/decide', device, JSON.stringify({ v: 1, event: ls }))).json(),
    ).toMatchObject({ effect: 'deny', reason: expect.stringContaining('stolen') });
    await fetch(`${server.url}/v1/suspensions?device=dev-box`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(
      await (await post('/v1/decide', device, JSON.stringify({ v: 1, event: ls }))).json(),
    ).toMatchObject({ effect: 'allow' });
  });

  it('serves audit anchors per device in seq order', async () => {
    const events = [2, 1].map((seq) =>
      makeEvent({ device: 'anchored', audit: { seq, hash: `hash-${seq}` } }),
    );
    await post('/v1/events', device, JSON.stringify({ v: 1, events }));
    const body = (await (await get('/v1/anchors?device=anchored', device)).json()) as {
      anchors: Array<{ seq: number; hash: string }>;
    };
    expect(body.anchors.map((anchor) => [anchor.seq, anchor.hash])).toEqual([
      [1, 'hash-1'],
      [2, 'hash-2'],
    ]);
  });

  it('keeps a token bound to one device to that device: its events and its anchors only', async () => {
    const bound = await createTestToken({
      store: server.store,
      tenant: 'acme',
      role: 'device',
      device: 'bound-box',
    });
    const own = makeEvent({ device: 'bound-box', audit: { seq: 1, hash: 'own-1' } });
    const foreign = makeEvent({ device: 'someone-else', audit: { seq: 1, hash: 'forged-1' } });
    const sent = (await (
      await post('/v1/events', bound, JSON.stringify({ v: 1, events: [own, foreign] }))
    ).json()) as {
      accepted: string[];
      rejected?: Array<{ id: string; error: string; retryable: boolean }>;
    };
    expect(sent.accepted).toEqual([own.id]);
    expect(sent.rejected).toEqual([
      { id: foreign.id, error: expect.stringContaining('bound to device "bound-box"'), retryable: false },
    ]);
    const mine = await get('/v1/anchors?device=bound-box', bound);
    expect(mine.status).toBe(200);
    expect(((await mine.json()) as { anchors: Array<{ hash: string }> }).anchors.map((a) => a.hash)).toEqual([
      'own-1',
    ]);
    const theirs = await get('/v1/anchors?device=anchored', bound);
    expect(theirs.status).toBe(403);
    expect(await theirs.json()).toMatchObject({ error: { code: 'forbidden' } });
    // A fleet (unbound) device token and a viewer still read any device of the tenant.
    expect((await get('/v1/anchors?device=bound-box', device)).status).toBe(200);
    expect((await get('/v1/anchors?device=bound-box', viewer)).status).toBe(200);
  });

  it('answers in the shapes core’s own schemas define', async () => {
    const batch = await post(
      '/v1/events',
      device,
      JSON.stringify({ v: 1, events: [makeEvent(), { id: 'broken' }] }),
    );
    expect(eventBatchResponseSchema.safeParse(await batch.json()).success).toBe(true);
    const decided = await post(
      '/v1/decide',
      device,
      JSON.stringify({ v: 1, event: makeEvent(), budgetMs: 1000 }),
    );
    expect(decideResponseSchema.safeParse(await decided.json()).success).toBe(true);
    const policy = await get('/v1/policy', device, { 'x-warden-device': 'shape-box' });
    expect(orgPolicyResponseSchema.safeParse(await policy.json()).success).toBe(true);
    const anchors = await get('/v1/anchors?device=shape-box', device);
    expect(anchorsResponseSchema.safeParse(await anchors.json()).success).toBe(true);
    const health = await fetch(`${server.url}/v1/health`);
    expect(healthResponseSchema.safeParse(await health.json()).success).toBe(true);
    for (const response of [
      await get('/v1/events', device),
      await post('/v1/events', device, '{'),
      await get('/v1/stats?since=never', viewer),
    ])
      expect(errorResponseSchema.safeParse(await response.json()).success).toBe(true);
  });

  it('answers unknown routes with a JSON 404', async () => {
    const response = await get('/v1/nope', viewer);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ v: 1, error: { code: 'not_found' } });
  });
});
