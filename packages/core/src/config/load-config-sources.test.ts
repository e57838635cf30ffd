import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, PolicyError } from '../errors.js';
import { loadConfig } from './load-config.js';

let home: string;
beforeEach(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'warden-config-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const wardenHome = () => path.join(home, '.warden');
const writeConfig = (text: string) => {
  mkdirSync(wardenHome(), { recursive: true });
  writeFileSync(path.join(wardenHome(), 'config.yaml'), text);
};

describe('loadConfig', () => {
  it('puts the recommended pack in force in enforce mode when nothing is configured', async () => {
    const config = await loadConfig({ env: { HOME: home } });
    expect(config.home).toBe(wardenHome());
    expect(config.mode).toBe('enforce');
    expect(config.policy.sources).toEqual(['pack:recommended']);
    expect(config.failure).toEqual({
      prompt: 'closed',
      tool_call: 'closed',
      tool_result: 'open',
      response: 'open',
      session: 'open',
    });
    expect(config.configFile).toBeUndefined();
  });

  it('reads config.yaml, and lets the environment override it', async () => {
    writeFileSync(path.join(home, 'team.yaml'), 'extends: strict\nrules: []\n');
    writeConfig(`policy: ../team.yaml\nmode: observe\nfailure: { tool_result: closed }\n`);
    const fromFile = await loadConfig({ env: { HOME: home } });
    expect(fromFile.mode).toBe('observe');
    expect(fromFile.failure.tool_result).toBe('closed');
    expect(fromFile.policy.sources).toEqual([
      'pack:recommended',
      'pack:strict',
      path.join(home, 'team.yaml'),
    ]);

    const overridden = await loadConfig({
      env: { HOME: home, WARDEN_MODE: 'enforce', WARDEN_FAILURE: 'open' },
    });
    expect(overridden.mode).toBe('enforce');
    expect(Object.values(overridden.failure)).toEqual(['open', 'open', 'open', 'open', 'open']);
  });

  it('takes a pack name in config.yaml and a policy file from WARDEN_POLICY', async () => {
    writeConfig('policy: observe\n');
    expect((await loadConfig({ env: { HOME: home } })).mode).toBe('observe');
    const file = path.join(home, 'p.json');
    writeFileSync(file, JSON.stringify({ extends: 'recommended', mode: 'enforce' }));
    expect((await loadConfig({ env: { HOME: home, WARDEN_POLICY: file } })).policy.sources).toEqual([
      'pack:recommended',
      file,
    ]);
  });

  it('names the variable and the expected values of a bad environment setting', async () => {
    await expect(loadConfig({ env: { HOME: home, WARDEN_MODE: 'enforcing' } })).rejects.toThrow(
      'WARDEN_MODE: expected "enforce" or "observe", got "enforcing"',
    );
    await expect(loadConfig({ env: { HOME: home, WARDEN_FAILURE: 'fail-safe' } })).rejects.toThrow(
      ConfigError,
    );
    await expect(
      loadConfig({ env: { HOME: home, WARDEN_POLICY: path.join(home, 'missing.yaml') } }),
    ).rejects.toThrow(/WARDEN_POLICY: no policy file at/);
  });

  it('names the file and the key of an invalid config.yaml', async () => {
    writeConfig('mode: enforce\nmodee: observe\n');
    await expect(loadConfig({ env: { HOME: home } })).rejects.toThrow(/config\.yaml: .*unknown key "modee"/);
    writeConfig('mode: [\n');
    await expect(loadConfig({ env: { HOME: home } })).rejects.toThrow(/config\.yaml: not valid YAML/);
  });

  it('reports a broken policy file with its line and rule', async () => {
    const file = path.join(home, 'policy.yaml');
    writeFileSync(file, 'rules:\n  - id: r\n    effect: deny\n    reason: ok\n    actions: [shell.run]\n');
    const error = await loadConfig({ env: { HOME: home, WARDEN_POLICY: file } }).catch(
      (caught: unknown) => caught,
    );
    expect(PolicyError.isInstance(error)).toBe(true);
    expect((error as PolicyError).message).toMatch(
      new RegExp(`^${file}:5, rule "r": rules\\.0\\.actions\\.0`),
    );
  });
});
