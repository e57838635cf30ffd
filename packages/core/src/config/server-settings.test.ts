import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import { Secret } from './secret.js';
import { resolveIngestSettings, resolveServerSettings } from './server-settings.js';

const home = '/home/dev/.warden';

describe('resolveServerSettings', () => {
  it('is undefined when no server is configured, so nothing network-related is set up', () => {
    expect(resolveServerSettings({ env: {}, home })).toBeUndefined();
  });

  it('reads the Warden server from WARDEN_SERVER_URL and WARDEN_TOKEN, without a trailing slash', () => {
    const server = resolveServerSettings({
      env: { WARDEN_SERVER_URL: 'https://warden.example.com/', WARDEN_TOKEN: 'tok-123' },
      home,
    })!;
    expect(server).toMatchObject({
      backend: 'warden',
      url: 'https://warden.example.com',
      decide: false,
      decideTimeoutMs: 1500,
    });
    expect(server.token?.reveal()).toBe('tok-123');
  });

  it('turns remote evaluation on and sets its budget from the environment', () => {
    const server = resolveServerSettings({
      env: {
        WARDEN_SERVER_URL: 'https://w.example',
        WARDEN_REMOTE_DECIDE: 'true',
        WARDEN_DECIDE_TIMEOUT_MS: '800',
      },
      home,
    })!;
    expect(server).toMatchObject({ decide: true, decideTimeoutMs: 800 });
  });

  it('reads an Akto set-up from the variables Akto hooks use, AKTO_TOKEN included', () => {
    const server = resolveServerSettings({
      env: {
        AKTO_DATA_INGESTION_URL: 'https://akto.example.com/',
        AKTO_TOKEN: 'akto-secret',
        AKTO_SYNC_MODE: 'true',
        AKTO_TIMEOUT: '2.5',
        AKTO_CONNECTOR: 'claude_code_cli',
        CONTEXT_SOURCE: 'AGENTIC',
        DEVICE_ID: 'laptop-7',
      },
      home,
    })!;
    expect(server).toMatchObject({
      backend: 'akto',
      url: 'https://akto.example.com',
      decide: true,
      decideTimeoutMs: 2500,
      akto: {
        connector: 'claude_code_cli',
        contextSource: 'AGENTIC',
        deviceId: 'laptop-7',
        mcpIngestPath: '/mcp',
      },
    });
    expect(server.token?.reveal()).toBe('akto-secret');
  });

  it('prefers AKTO_API_TOKEN over the documented alias, and AKTO_SYNC_MODE=false means observe only', () => {
    const server = resolveServerSettings({
      env: {
        AKTO_DATA_INGESTION_URL: 'https://a.example',
        AKTO_API_TOKEN: 'new',
        AKTO_TOKEN: 'old',
        AKTO_SYNC_MODE: 'false',
      },
      home,
    })!;
    expect(server.token?.reveal()).toBe('new');
    expect(server.decide).toBe(false);
  });

  it('ignores an installer placeholder left in DEVICE_ID, and will not switch TLS verification off', () => {
    const server = resolveServerSettings({
      env: {
        AKTO_DATA_INGESTION_URL: 'https://a.example',
        DEVICE_ID: '{{DEVICE_ID (optional)}}',
        SSL_VERIFY: 'false',
      },
      home,
    })!;
    expect(server.akto?.deviceId).not.toContain('{{');
    expect(server.notes.join(' ')).toMatch(/always verifies TLS/);
  });

  it('warns when a token would travel over plain HTTP to another machine', () => {
    const remote = resolveServerSettings({
      env: { WARDEN_SERVER_URL: 'http://10.0.0.5:8080', WARDEN_TOKEN: 't' },
      home,
    })!;
    expect(remote.notes.join(' ')).toMatch(/unencrypted/);
    const local = resolveServerSettings({
      env: { WARDEN_SERVER_URL: 'http://127.0.0.1:8080', WARDEN_TOKEN: 't' },
      home,
    })!;
    expect(local.notes).toEqual([]);
  });

  it('refuses URLs with credentials, queries or other schemes, and bad numbers, naming the variable', () => {
    for (const url of [
      'ftp://x.example',
      'https://user:pw@x.example',
      'https://x.example/?a=1',
      'not a url',
    ]) {
      expect(() => resolveServerSettings({ env: { WARDEN_SERVER_URL: url }, home }), url).toThrow(
        ConfigError,
      );
    }
    expect(() =>
      resolveServerSettings({
        env: { WARDEN_SERVER_URL: 'https://x.example', WARDEN_DECIDE_TIMEOUT_MS: 'soon' },
        home,
      }),
    ).toThrow(/WARDEN_DECIDE_TIMEOUT_MS/);
  });

  it('takes config.yaml settings when the environment names no server', () => {
    const server = resolveServerSettings({
      env: {},
      file: { url: 'https://w.example/base', decide: true, decideTimeoutMs: 900 },
      home,
      configFile: '/home/dev/.warden/config.yaml',
    })!;
    expect(server).toMatchObject({
      backend: 'warden',
      url: 'https://w.example/base',
      decide: true,
      decideTimeoutMs: 900,
    });
    expect(server.source).toBe('/home/dev/.warden/config.yaml');
  });
});

describe('Secret', () => {
  it('never shows the token when printed, logged or serialised', () => {
    const secret = new Secret('s3cr3t-value');
    const settings = { token: secret };
    expect(JSON.stringify(settings)).not.toContain('s3cr3t');
    expect(inspect(settings)).not.toContain('s3cr3t');
    expect(`${secret}`).toBe('[REDACTED]');
    expect(secret.reveal()).toBe('s3cr3t-value');
  });
});

describe('resolveIngestSettings', () => {
  it('has bounded defaults and takes overrides', () => {
    expect(resolveIngestSettings({ env: {}, home })).toMatchObject({
      enabled: true,
      spoolDir: '/home/dev/.warden/spool',
      batchSize: 100,
      maxSpoolEvents: 50_000,
      hookBudgetMs: 250,
    });
    expect(
      resolveIngestSettings({ env: { WARDEN_INGEST: 'off', WARDEN_SPOOL_MAX_EVENTS: '10' }, home }),
    ).toMatchObject({
      enabled: false,
      maxSpoolEvents: 10,
    });
  });
});
