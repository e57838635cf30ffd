import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './load-config.js';

// The config.yaml example of README.md ("Server, ingestion and remote verdicts"), loaded as written.
describe('README server configuration example', () => {
  it('configures the server, remote verdicts and the spool limit, with the token from the environment', async () => {
    const readme = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');
    const section = readme.slice(readme.indexOf('## Server, ingestion and remote verdicts'));
    const yaml = /```yaml\n([\s\S]*?)```/.exec(section)![1]!;
    const home = mkdtempSync(path.join(os.tmpdir(), 'warden-readme-'));
    try {
      writeFileSync(path.join(home, 'config.yaml'), yaml);
      const config = await loadConfig({ env: { HOME: home, WARDEN_HOME: home, WARDEN_TOKEN: 'from-env' } });
      expect(config.server).toMatchObject({
        backend: 'warden',
        url: 'https://warden.example.com',
        decide: true,
        decideTimeoutMs: 1500,
      });
      expect(config.server?.token?.reveal()).toBe('from-env');
      expect(config.ingest).toMatchObject({
        enabled: true,
        maxSpoolEvents: 50_000,
        spoolDir: path.join(home, 'spool'),
      });
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
