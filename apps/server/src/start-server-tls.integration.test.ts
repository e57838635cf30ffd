import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from './start-server.js';
import { createTestDatabase, type TestDatabase } from './testing/test-database.js';

describe('startServer with TLS', () => {
  let testDatabase: TestDatabase;
  let server: RunningServer;
  let cert: Buffer;
  const notices: string[] = [];

  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-tls-'));
    const certFile = path.join(dir, 'cert.pem');
    const keyFile = path.join(dir, 'key.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        keyFile,
        '-out',
        certFile,
      ],
      { stdio: 'ignore' },
    );
    cert = fs.readFileSync(certFile);
    testDatabase = await createTestDatabase('sqlite');
    server = await startServer({
      database: testDatabase.url,
      host: '127.0.0.1',
      port: 0,
      retentionIntervalMs: 0,
      tls: { certFile, keyFile },
      stderr: { write: (text: string) => notices.push(text) },
    });
  });

  afterAll(async () => {
    await server?.close();
    await testDatabase?.drop();
  });

  it('serves HTTPS with the given certificate', async () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const body = await new Promise<string>((resolve, reject) => {
      https
        .get(`${server.url}/v1/health`, { ca: cert }, (response) => {
          let text = '';
          response.on('data', (chunk) => (text += chunk));
          response.on('end', () => resolve(text));
        })
        .on('error', reject);
    });
    expect(JSON.parse(body)).toMatchObject({ v: 1, ok: true });
    expect(notices.join('')).not.toMatch(/without TLS/);
  });
});
