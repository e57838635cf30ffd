import type { WardenEvent } from '@warden/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateToken } from '../auth/token.js';
import { makeEvent } from '../testing/make-event.js';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../testing/test-database.js';
import { type DashboardFixture, startDashboardFixture } from './testing/start-dashboard-fixture.js';

const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)> \u202Etxt.exe\u200B';

async function ingest(fixture: DashboardFixture, events: WardenEvent[]): Promise<void> {
  const response = await fetch(`${fixture.url}/v1/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${fixture.tokens.device}`, 'content-type': 'application/json' },
    body: JSON.stringify({ v: 1, events }),
  });
  expect(response.status).toBe(200);
}

async function signIn(fixture: DashboardFixture, token: string): Promise<string> {
  const response = await fetch(`${fixture.url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: fixture.url },
    body: new URLSearchParams({ token, next: '/denials' }),
  });
  expect(response.status).toBe(303);
  const cookie = response.headers.get('set-cookie') ?? '';
  expect(cookie).toMatch(/^warden_session=[A-Za-z0-9_-]{43};/);
  expect(cookie).toMatch(/HttpOnly/);
  expect(cookie).toMatch(/SameSite=Strict/);
  return cookie.split(';')[0]!;
}

function csrfOf(html: string): string {
  return /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
}

describe.each(TEST_DIALECTS)('dashboard over HTTP on %s', (dialect) => {
  let fixture: DashboardFixture;
  let database: TestDatabase;
  const deny = makeEvent({
    session: 'sess-deny',
    tool: { name: 'Bash', input: { command: 'rm -rf ~' } },
    actions: [{ kind: 'shell.exec', tool: 'Bash', resources: { command: 'rm -rf ~' } }],
    decision: {
      effect: 'deny',
      policyEffect: 'deny',
      ruleId: 'shell.recursive-delete-outside-project',
      reason: 'Recursive delete outside the project.',
      mode: 'enforce',
      findings: [],
    },
    audit: { seq: 1, hash: 'a'.repeat(64) },
  });
  const hostile = makeEvent({
    session: 'sess-hostile',
    prompt: HOSTILE,
    phase: 'prompt',
    hookEvent: 'UserPromptSubmit',
    tool: undefined,
    actions: [],
  });

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    fixture = await startDashboardFixture({ database: database.url });
    await ingest(fixture, [deny, hostile]);
  });
  afterAll(async () => {
    await fixture?.close();
    await database?.drop();
  });

  it('sends a browser without a session to the sign-in page', async () => {
    const response = await fetch(`${fixture.url}/denials`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/login?next=%2Fdenials');
  });

  it('refuses device tokens at sign-in', async () => {
    const response = await fetch(`${fixture.url}/login`, {
      method: 'POST',
      headers: { origin: fixture.url },
      body: new URLSearchParams({ token: fixture.tokens.device }),
    });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('Device tokens cannot sign in');
  });

  it('serves every page with the strict CSP and the denial in the inbox', async () => {
    const cookie = await signIn(fixture, fixture.tokens.admin);
    for (const path of [
      '/',
      '/denials',
      '/events',
      `/events/${deny.id}`,
      '/sessions/sess-deny',
      '/fleet',
      '/settings',
    ]) {
      const response = await fetch(`${fixture.url}${path}`, { headers: { cookie } });
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      const html = await response.text();
      expect(html).not.toMatch(/<script>(?!<\/script>)|style="/);
    }
    const inbox = await (await fetch(`${fixture.url}/denials`, { headers: { cookie } })).text();
    expect(inbox).toContain('shell.recursive-delete-outside-project');
  });

  it('renders hostile event text as text', async () => {
    const cookie = await signIn(fixture, fixture.tokens.admin);
    const html = await (await fetch(`${fixture.url}/events/${hostile.id}`, { headers: { cookie } })).text();
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('⟨U+202E⟩');
    expect(html).not.toContain('\u202E');
  });

  it('refuses a POST without the CSRF token, and a viewer POST even with it', async () => {
    const admin = await signIn(fixture, fixture.tokens.admin);
    const form = {
      rule: deny.decision.ruleId,
      device: 'laptop-1',
      agent: 'claude-code',
      state: 'acknowledged',
    };
    const noToken = await fetch(`${fixture.url}/denials/triage`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: admin, origin: fixture.url },
      body: new URLSearchParams(form),
    });
    expect(noToken.status).toBe(403);
    const page = await (await fetch(`${fixture.url}/denials`, { headers: { cookie: admin } })).text();
    const crossSite = await fetch(`${fixture.url}/denials/triage`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: admin, origin: 'http://evil.example' },
      body: new URLSearchParams({ ...form, csrf: csrfOf(page) }),
    });
    expect(crossSite.status).toBe(403);

    const viewer = await signIn(fixture, fixture.tokens.viewer);
    const viewerPage = await (await fetch(`${fixture.url}/denials`, { headers: { cookie: viewer } })).text();
    const viewerPost = await fetch(`${fixture.url}/denials/triage`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: viewer, origin: fixture.url },
      body: new URLSearchParams({ ...form, csrf: csrfOf(viewerPage) }),
    });
    expect(viewerPost.status).toBe(403);

    const ok = await fetch(`${fixture.url}/denials/triage`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: admin, origin: fixture.url },
      body: new URLSearchParams({ ...form, csrf: csrfOf(page) }),
    });
    expect(ok.status).toBe(303);
    const [group] = await fixture.server.store.listDenialGroups({ tenantId: fixture.tenantId, limit: 10 });
    expect(group).toMatchObject({ triageState: 'acknowledged', triageBy: 'WARDEN_ADMIN_TOKEN' });
  });

  it('signs out: the session is gone from the server, not only from the browser', async () => {
    const cookie = await signIn(fixture, fixture.tokens.viewer);
    const page = await (await fetch(`${fixture.url}/fleet`, { headers: { cookie } })).text();
    const out = await fetch(`${fixture.url}/logout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, origin: fixture.url },
      body: new URLSearchParams({ csrf: csrfOf(page) }),
    });
    expect(out.status).toBe(303);
    expect(out.headers.get('set-cookie')).toMatch(/warden_session=;/);
    const after = await fetch(`${fixture.url}/fleet`, { headers: { cookie }, redirect: 'manual' });
    expect(after.status).toBe(303);
  });

  it('signs every browser of a token out when the token is revoked', async () => {
    const created = generateToken();
    await fixture.server.store.createToken({
      tenantId: fixture.tenantId,
      role: 'viewer',
      name: 'short-lived',
      prefix: created.prefix,
      hash: created.hash,
    });
    const cookie = await signIn(fixture, created.token);
    expect((await fetch(`${fixture.url}/fleet`, { headers: { cookie }, redirect: 'manual' })).status).toBe(
      200,
    );
    await fixture.server.store.revokeToken({ tenantId: fixture.tenantId, idOrPrefix: created.prefix });
    expect((await fetch(`${fixture.url}/fleet`, { headers: { cookie }, redirect: 'manual' })).status).toBe(
      303,
    );
  });

  it('creates a token shown once, and suspends and resumes the tenant from Settings', async () => {
    const cookie = await signIn(fixture, fixture.tokens.admin);
    const post = async (path: string, form: Record<string, string>) => {
      const page = await (await fetch(`${fixture.url}/settings`, { headers: { cookie } })).text();
      return fetch(`${fixture.url}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, origin: fixture.url },
        body: new URLSearchParams({ ...form, csrf: csrfOf(page) }),
      });
    };
    const created = await (await post('/settings/tokens', { name: 'ci-laptop', role: 'device' })).text();
    const token = /<code class="secret" id="new-token">(wdn_[A-Za-z0-9_-]{43})<\/code>/.exec(created)?.[1];
    expect(token).toBeDefined();
    const health = await fetch(`${fixture.url}/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ v: 1, events: [makeEvent({ device: 'ci-laptop' })] }),
    });
    expect(health.status).toBe(200);
    const later = await (await fetch(`${fixture.url}/settings`, { headers: { cookie } })).text();
    expect(later).toContain('ci-laptop');
    expect(later).not.toContain(token!);

    expect((await post('/settings/suspend', { device: '', reason: 'incident 42' })).status).toBe(303);
    expect(
      await fixture.server.store.findSuspension({ tenantId: fixture.tenantId, device: 'any' }),
    ).toMatchObject({
      scope: 'tenant',
      reason: 'incident 42',
    });
    expect((await post('/settings/resume', {})).status).toBe(303);
    expect(await fixture.server.store.listSuspensions({ tenantId: fixture.tenantId })).toEqual([]);
  });

  it('bounds a text search to the last 24 hours unless From is set', async () => {
    const cookie = await signIn(fixture, fixture.tokens.admin);
    const recent = await (await fetch(`${fixture.url}/events?q=rm+-rf`, { headers: { cookie } })).text();
    expect(recent).toContain('Text search covers the last 24 hours');
    expect(recent).not.toContain(deny.id);
    const older = await (
      await fetch(`${fixture.url}/events?q=rm+-rf&since=2026-11-01T00:00`, { headers: { cookie } })
    ).text();
    expect(older).toContain(deny.id);
    expect(older).not.toContain('Text search covers');
  });

  it('exports exactly the filtered events as CSV and NDJSON', async () => {
    const cookie = await signIn(fixture, fixture.tokens.admin);
    const csv = await (
      await fetch(`${fixture.url}/events/export.csv?effect=deny`, { headers: { cookie } })
    ).text();
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(deny.id);
    const ndjson = await (
      await fetch(`${fixture.url}/events/export.ndjson?session=sess-hostile`, { headers: { cookie } })
    ).text();
    const events = ndjson
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as WardenEvent);
    expect(events.map((event) => event.id)).toEqual([hostile.id]);
  });

  it('shows a policy upload error on its line and keeps the old policy', async () => {
    const cookie = await signIn(fixture, fixture.tokens.admin);
    const page = await (await fetch(`${fixture.url}/settings`, { headers: { cookie } })).text();
    const form = new FormData();
    form.set('csrf', csrfOf(page));
    form.set('yaml', 'rules:\n  - id: bad\n    effect: maybe\n    reason: x\n');
    const response = await fetch(`${fixture.url}/settings/policy`, {
      method: 'POST',
      headers: { cookie, origin: fixture.url },
      body: form,
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('Line 3');
    expect(html).toContain('class="line-error" id="policy-line-3"');
    expect(await fixture.server.store.getOrgPolicy({ tenantId: fixture.tenantId })).toBeUndefined();
  });
  it('shows an acknowledged denial that came back in the open tab, saying when and after whom', async () => {
    const admin = await signIn(fixture, fixture.tokens.admin);
    const denial = (ts: string) =>
      makeEvent({
        ts,
        device: 'reopen-box',
        decision: { ...deny.decision, ruleId: 'net.reopen-check', reason: 'Upload to an unknown host.' },
      });
    await ingest(fixture, [denial(new Date(Date.now() - 3600_000).toISOString())]);
    const page = await (await fetch(`${fixture.url}/denials`, { headers: { cookie: admin } })).text();
    const acknowledged = await fetch(`${fixture.url}/denials/triage`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: admin, origin: fixture.url },
      body: new URLSearchParams({
        rule: 'net.reopen-check',
        device: 'reopen-box',
        agent: 'claude-code',
        state: 'acknowledged',
        csrf: csrfOf(page),
      }),
    });
    expect(acknowledged.status).toBe(303);
    const before = await (
      await fetch(`${fixture.url}/denials?state=open`, { headers: { cookie: admin } })
    ).text();
    expect(before).not.toContain('net.reopen-check');

    await ingest(fixture, [denial(new Date(Date.now() + 1000).toISOString())]);
    const open = await (
      await fetch(`${fixture.url}/denials?state=open`, { headers: { cookie: admin } })
    ).text();
    expect(open).toContain('net.reopen-check');
    expect(open).toMatch(/came back <time[^>]*>[^<]*<\/time> after WARDEN_ADMIN_TOKEN acknowledged it/);
  });
});
