import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateToken } from '../auth/token.js';
import { makeEvent } from '../testing/make-event.js';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../testing/test-database.js';
import { runServerCommand } from './run-server-command.js';

function capture() {
  let text = '';
  return {
    write: (chunk: string) => (text += chunk),
    get text() {
      return text;
    },
  };
}

describe.each(TEST_DIALECTS)('runServerCommand (%s)', (dialect) => {
  let testDatabase: TestDatabase;
  let location: string[];

  beforeAll(async () => {
    testDatabase = await createTestDatabase(dialect);
    location =
      dialect === 'postgres' ? ['--database', testDatabase.url] : ['--data', path.dirname(testDatabase.url)];
  });
  afterAll(async () => {
    await testDatabase?.drop();
  });

  async function run(...argv: string[]) {
    const stdout = capture();
    const stderr = capture();
    const code = await runServerCommand({ argv, env: {}, stdout, stderr });
    return { code, stdout: stdout.text, stderr: stderr.text };
  }

  it('refuses an unknown --sqlite-sync value before opening anything', async () => {
    const result = await run('serve', '--sqlite-sync', 'off', ...location);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('--sqlite-sync must be normal or full, not "off"');
  });

  it('refuses a malformed --rate-limit, and applies a given one per token', async () => {
    const bad = await run('serve', '--rate-limit', 'fast', ...location);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--rate-limit must be PER_SECOND or PER_SECOND:BURST');

    const adminToken = generateToken().token;
    const statuses: number[] = [];
    const serveErrors = capture();
    const serveOutput = capture();
    const code = await runServerCommand({
      argv: ['serve', '--port', '0', '--rate-limit', '1:2', '--json', ...location],
      env: { WARDEN_ADMIN_TOKEN: adminToken },
      stdout: serveOutput,
      stderr: serveErrors,
      untilStopped: async ({ url }) => {
        for (let index = 0; index < 3; index++) {
          const response = await fetch(`${url}/v1/events?limit=1`, {
            headers: { authorization: `Bearer ${adminToken}` },
          });
          await response.arrayBuffer();
          statuses.push(response.status);
        }
      },
    });
    expect(serveErrors.text + serveOutput.text).not.toMatch(/error/i);
    expect(code).toBe(0);
    // A burst of two, then the third request within the same second is refused.
    expect(statuses).toEqual([200, 200, 429]);
  });

  it('binds a device token to one device, and refuses --device on other roles', async () => {
    const bound = await run(
      'server',
      'token',
      'create',
      '--tenant',
      'acme',
      '--device',
      'laptop-7',
      '--json',
      ...location,
    );
    expect(bound.code).toBe(0);
    expect(JSON.parse(bound.stdout)).toMatchObject({ role: 'device', device: 'laptop-7' });
    const viewer = await run(
      'server',
      'token',
      'create',
      '--tenant',
      'acme',
      '--role',
      'viewer',
      '--device',
      'laptop-7',
      ...location,
    );
    expect(viewer.code).not.toBe(0);
    expect(viewer.stderr).toContain('--device ID binds a device token');
  });

  it('creates, lists and revokes tokens; lists never show a token', async () => {
    const created = await run(
      'server',
      'token',
      'create',
      '--tenant',
      'acme',
      '--role',
      'viewer',
      '--name',
      'ci',
      '--json',
      ...location,
    );
    expect(created.code).toBe(0);
    const token = JSON.parse(created.stdout) as {
      token: string;
      prefix: string;
      role: string;
      tenant: string;
    };
    expect(token).toMatchObject({ role: 'viewer', tenant: 'acme' });
    expect(token.token).toMatch(/^wdn_[A-Za-z0-9_-]{43}$/);
    const listed = await run('server', 'token', 'list', '--tenant', 'acme', ...location);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(token.prefix);
    expect(listed.stdout).not.toContain(token.token);
    const revoked = await run(
      'server',
      'token',
      'revoke',
      token.prefix,
      '--tenant',
      'acme',
      '--json',
      ...location,
    );
    expect(JSON.parse(revoked.stdout)).toEqual({ revoked: 1 });
    expect((await run('server', 'token', 'revoke', token.prefix, ...location)).code).toBe(1);
  });

  it('answers bad flags with one clear message and exit code 2', async () => {
    const bad = await run('server', 'token', 'create', '--tenant', 'acme', '--role', 'root', ...location);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--role must be one of device, viewer, admin/);
    const unknown = await run('server', 'token', 'create', '--tennant', 'acme', ...location);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--tennant/);
    const json = await run(
      'server',
      'retention',
      '--tenant',
      'acme',
      '--days',
      'soon',
      '--json',
      ...location,
    );
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ error: { code: 'usage' } });
    expect((await run('server', 'frobnicate', ...location)).code).toBe(2);
  });

  it('puts an org policy, refusing an invalid one with its line; suspends, resumes and sets retention', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-cli-'));
    const bad = path.join(dir, 'bad.yaml');
    fs.writeFileSync(bad, 'rules:\n  - id: r1\n    effect: maybe\n    actions: [shell.exec]\n');
    const refused = await run('server', 'policy', 'put', bad, '--tenant', 'acme', ...location);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${bad}:3`);
    expect(refused.stderr).toContain('r1');
    const good = path.join(dir, 'good.yaml');
    fs.writeFileSync(
      good,
      'extends: recommended\nrules:\n  - id: no-curl\n    effect: deny\n    actions: [shell.exec]\n    when:\n      programs: [curl]\n    reason: No curl.\n',
    );
    const put = await run('server', 'policy', 'put', good, '--tenant', 'acme', '--json', ...location);
    expect(put.code, put.stdout).toBe(0);
    expect(JSON.parse(put.stdout)).toMatchObject({ tenant: 'acme', etag: expect.any(String) });

    expect(
      (
        await run(
          'server',
          'suspend',
          '--tenant',
          'acme',
          '--device',
          'laptop-9',
          '--reason',
          'lost',
          ...location,
        )
      ).code,
    ).toBe(0);
    expect(
      (await run('server', 'resume', '--tenant', 'acme', '--device', 'laptop-9', ...location)).code,
    ).toBe(0);
    expect(
      (await run('server', 'resume', '--tenant', 'acme', '--device', 'laptop-9', ...location)).code,
    ).toBe(1);
    expect((await run('server', 'suspend', '--tenant', 'nobody', ...location)).code).toBe(1);
    const retention = await run(
      'server',
      'retention',
      '--tenant',
      'acme',
      '--days',
      '30',
      '--json',
      ...location,
    );
    expect(JSON.parse(retention.stdout)).toEqual({ tenant: 'acme', retentionDays: 30 });
  });

  it('serves until stopped, and a restarted server keeps the data', async () => {
    const created = await run(
      'server',
      'token',
      'create',
      '--tenant',
      'acme',
      '--role',
      'admin',
      '--json',
      ...location,
    );
    const { token } = JSON.parse(created.stdout) as { token: string };
    const event = makeEvent({ session: 'restart' });
    for (const round of [1, 2]) {
      const stdout = capture();
      const stderr = capture();
      const code = await runServerCommand({
        argv: ['serve', '--port', '0', '--json', ...location],
        env: {},
        stdout,
        stderr,
        untilStopped: async ({ url }) => {
          const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
          if (round === 1) {
            const response = await fetch(`${url}/v1/events`, {
              method: 'POST',
              headers,
              body: JSON.stringify({ v: 1, events: [event] }),
            });
            expect(((await response.json()) as { accepted: string[] }).accepted).toEqual([event.id]);
          } else {
            const listed = (await (await fetch(`${url}/v1/events?session=restart`, { headers })).json()) as {
              events: Array<{ id: string }>;
            };
            expect(listed.events.map((entry) => entry.id)).toEqual([event.id]);
            const again = await fetch(`${url}/v1/events`, {
              method: 'POST',
              headers,
              body: JSON.stringify({ v: 1, events: [event] }),
            });
            expect(((await again.json()) as { duplicates: string[] }).duplicates).toEqual([event.id]);
          }
        },
      });
      expect(code, stderr.text).toBe(0);
      expect(JSON.parse(stdout.text.trim().split('\n')[0] as string)).toMatchObject({
        url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      });
      // Tokens already existed: no admin token is printed.
      expect(stderr.text).not.toMatch(/wdn_/);
    }
  });

  it('warns when it listens beyond loopback without TLS', async () => {
    const stderr = capture();
    const code = await runServerCommand({
      argv: ['serve', '--host', '0.0.0.0', '--port', '0', ...location],
      env: {},
      stdout: capture(),
      stderr,
      untilStopped: async () => {},
    });
    expect(code).toBe(0);
    expect(stderr.text).toMatch(/WARNING: listening on 0\.0\.0\.0 without TLS/);
  });
});
