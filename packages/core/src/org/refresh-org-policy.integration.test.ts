import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Secret } from '../config/secret.js';
import type { ServerSettings } from '../config/server-settings.js';
import type { OrgPolicyResponse } from '../ingest/warden-protocol.js';
import { readOrgPolicyCache } from './org-policy-cache.js';
import { refreshOrgPolicy } from './refresh-org-policy.js';

const TOKEN = 'org-policy-test-token-5b1e';
let home: string;
let server: Server;
let url: string;
let requests: IncomingMessage[];
/** What the server answers next: a status and a body, or the org policy (304 on a matching If-None-Match). */
let answer: { status: number; body?: unknown } | OrgPolicyResponse;

beforeEach(async () => {
  home = mkdtempSync(path.join(os.tmpdir(), 'warden-org-refresh-'));
  requests = [];
  server = createServer((request, response) => {
    requests.push(request);
    if (request.headers.authorization !== `Bearer ${TOKEN}`) {
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ v: 1, error: { code: 'unauthorized', message: 'bad token' } }));
      return;
    }
    if ('etag' in answer) {
      if (request.headers['if-none-match'] === `"${answer.etag}"`) {
        response.writeHead(304).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json', etag: `"${answer.etag}"` });
      response.end(JSON.stringify(answer));
      return;
    }
    response.writeHead(answer.status, { 'content-type': 'application/json' });
    response.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(home, { recursive: true, force: true });
});

function settings(overrides: Partial<ServerSettings> = {}): ServerSettings {
  return {
    backend: 'warden',
    url,
    token: new Secret(TOKEN),
    decide: false,
    decideTimeoutMs: 1500,
    caFile: undefined,
    akto: undefined,
    source: 'test',
    notes: [],
    ...overrides,
  };
}

const policy: OrgPolicyResponse = {
  v: 1,
  etag: 'p-1',
  policy: {
    rules: [
      { id: 'no-curl', effect: 'deny', actions: ['shell.exec'], when: { programs: ['curl'] }, reason: 'no' },
    ],
  },
  suspended: null,
  refreshSeconds: 60,
};
const env = { WARDEN_DEVICE_ID: 'laptop-7' };

describe('refreshOrgPolicy', () => {
  it('stores the answer privately, naming the device and the token, and validates it', async () => {
    answer = policy;
    const result = await refreshOrgPolicy({ server: settings(), home, env });
    expect(result).toEqual({ status: 'updated', etag: 'p-1', suspended: false });
    expect(requests).toHaveLength(1);
    expect(requests[0]!.url).toBe('/v1/policy');
    expect(requests[0]!.headers['x-warden-device']).toBe('laptop-7');
    expect(requests[0]!.headers['if-none-match']).toBeUndefined();

    const file = path.join(home, 'org-policy.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).not.toContain(TOKEN);
    const read = readOrgPolicyCache({ home });
    expect(read.status === 'ok' && read.cache).toMatchObject({
      etag: 'p-1',
      serverUrl: url,
      policy: policy.policy,
    });
  });

  it('asks at most every refreshSeconds, then with If-None-Match, and a 304 keeps the copy', async () => {
    answer = policy;
    await refreshOrgPolicy({ server: settings(), home, env });
    expect((await refreshOrgPolicy({ server: settings(), home, env })).status).toBe('fresh');
    expect(requests).toHaveLength(1);

    const forced = await refreshOrgPolicy({ server: settings(), home, env, force: true });
    expect(forced).toEqual({ status: 'unchanged', etag: 'p-1', suspended: false });
    expect(requests[1]!.headers['if-none-match']).toBe('"p-1"');

    // An old copy is asked about again without force.
    const stale = readOrgPolicyCache({ home });
    if (stale.status !== 'ok') throw new Error('no copy');
    writeFileSync(
      path.join(home, 'org-policy.json'),
      JSON.stringify({ ...stale.cache, fetchedAt: new Date(Date.now() - 61_000).toISOString() }),
    );
    answer = {
      ...policy,
      etag: 'p-2',
      suspended: { scope: 'tenant', reason: 'incident', since: '2026-12-07T01:00:00Z' },
    };
    expect(await refreshOrgPolicy({ server: settings(), home, env })).toEqual({
      status: 'updated',
      etag: 'p-2',
      suspended: true,
    });
  });

  it('keeps the last copy in force when the server answers nonsense, an error, or is gone', async () => {
    answer = policy;
    await refreshOrgPolicy({ server: settings(), home, env });
    const before = readFileSync(path.join(home, 'org-policy.json'), 'utf8');

    answer = { status: 200, body: { v: 1, policy: 'no etag' } };
    const nonsense = await refreshOrgPolicy({ server: settings(), home, env, force: true });
    expect(nonsense.status).toBe('failed');
    expect(nonsense.error).toMatch(/not a v1 org policy .*etag/);

    answer = { status: 503, body: { v: 1, error: { code: 'unavailable', message: 'maintenance' } } };
    const unavailable = await refreshOrgPolicy({ server: settings(), home, env, force: true });
    expect(unavailable).toMatchObject({ status: 'failed', etag: 'p-1' });
    expect(unavailable.error).toContain('HTTP 503: maintenance');

    const refused = await refreshOrgPolicy({
      server: settings({ token: new Secret('wrong') }),
      home,
      env,
      force: true,
    });
    expect(refused.error).toContain('HTTP 401');
    expect(refused.error).not.toContain('wrong');

    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    const gone = await refreshOrgPolicy({ server: settings(), home, env, force: true });
    expect(gone.status).toBe('failed');
    expect(gone.error).toMatch(/ECONNREFUSED/);
    expect(readFileSync(path.join(home, 'org-policy.json'), 'utf8')).toBe(before);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  it('reports a server without the endpoint, and leaves Akto alone', async () => {
    answer = { status: 404, body: { v: 1, error: { code: 'not_found', message: 'no' } } };
    expect((await refreshOrgPolicy({ server: settings(), home, env })).status).toBe('unsupported');
    expect(await refreshOrgPolicy({ server: settings({ backend: 'akto' }), home, env })).toEqual({
      status: 'skipped',
    });
    expect(requests).toHaveLength(1);
    expect(readOrgPolicyCache({ home }).status).toBe('missing');
  });

  it('does not treat a copy from another server as fresh', async () => {
    answer = policy;
    await refreshOrgPolicy({ server: settings(), home, env });
    const other = await refreshOrgPolicy({ server: settings({ url: `${url}/tenant-b` }), home, env });
    expect(other.status).not.toBe('fresh');
    expect(requests).toHaveLength(2);
    expect(requests[1]!.headers['if-none-match']).toBeUndefined();
  });
});
