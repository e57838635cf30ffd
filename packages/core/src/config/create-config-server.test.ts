import { describe, expect, it } from 'vitest';
import { createConfig } from './create-config.js';

describe('createConfig with a server', () => {
  it('builds server and ingestion settings in memory, the token hidden', () => {
    const config = createConfig({
      home: '/srv/app/.warden',
      server: { url: 'https://warden.example.com/', token: 'in-code-token', decide: true },
      ingest: { batchSize: 50 },
    });
    expect(config.server).toMatchObject({
      backend: 'warden',
      url: 'https://warden.example.com',
      decide: true,
      decideTimeoutMs: 1500,
    });
    expect(config.server?.token?.reveal()).toBe('in-code-token');
    expect(JSON.stringify(config.server)).not.toContain('in-code-token');
    expect(config.ingest).toMatchObject({ enabled: true, batchSize: 50, spoolDir: '/srv/app/.warden/spool' });
  });

  it('has no server unless one is given, and refuses a URL that is not http(s)', () => {
    expect(createConfig().server).toBeUndefined();
    expect(() => createConfig({ server: { url: 'file:///etc/passwd' } })).toThrow(/http\(s\)/);
  });
});
