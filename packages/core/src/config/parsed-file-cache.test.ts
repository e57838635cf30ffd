import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOOKUP_TTL_MS } from '../paths/lookup-cache.js';
import { loadProjectLayer } from '../policy/load-project-layer.js';
import { loadConfig } from './load-config.js';
import { parsedFileCacheDir, readParsedFile, writeParsedFile } from './parsed-file-cache.js';

let home: string;
beforeEach(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'warden-parsed-cache-'));
  mkdirSync(wardenHome(), { recursive: true, mode: 0o700 });
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const wardenHome = () => path.join(home, '.warden');
const cacheDir = () => path.join(wardenHome(), 'cache');
const cacheFiles = () => {
  try {
    return readdirSync(cacheDir()).filter((name) => name.endsWith('.parsed.json'));
  } catch {
    return [];
  }
};
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text, { mode: 0o600 });
};
const policyWith = (id: string, program: string) =>
  `extends: recommended\nrules:\n  - id: ${id}\n    effect: deny\n    actions: [shell.exec]\n    when: { programs: [${program}] }\n    reason: Not here.\n`;
const ownRules = (config: { policy: { rules: { id: string; source: string }[] } }) =>
  config.policy.rules.filter((rule) => !rule.source.startsWith('pack:')).map((rule) => rule.id);

describe('readParsedFile', () => {
  const file = '/somewhere/policy.yaml';
  const store = (text: string, value: unknown) =>
    writeParsedFile({ cacheDir: cacheDir(), kind: 'policy', file, text, value });

  it('returns the stored value for exactly the text it was made from', () => {
    store('rules: []\n', { rules: [] });
    expect(readParsedFile({ cacheDir: cacheDir(), kind: 'policy', file, text: 'rules: []\n' })).toEqual({
      rules: [],
    });
  });

  it('misses for another text of the same length, another file, another kind, or no cache directory', () => {
    store('mode: enforce\n', { mode: 'enforce' });
    const read = (options: { text?: string; file?: string; kind?: 'config' | 'policy'; dir?: string }) =>
      readParsedFile({
        cacheDir: 'dir' in options ? options.dir : cacheDir(),
        kind: options.kind ?? 'policy',
        file: options.file ?? file,
        text: options.text ?? 'mode: enforce\n',
      });
    expect(read({ text: 'mode: observe\n' })).toBeUndefined();
    expect(read({ file: '/elsewhere/policy.yaml' })).toBeUndefined();
    expect(read({ kind: 'config' })).toBeUndefined();
    expect(read({ dir: undefined })).toBeUndefined();
    expect(read({})).toEqual({ mode: 'enforce' });
  });

  it('misses on a damaged, truncated, foreign-version or shared-writable cache file', () => {
    store('mode: enforce\n', { mode: 'enforce' });
    const [name] = cacheFiles();
    const target = path.join(cacheDir(), name!);
    const original = readFileSync(target, 'utf8');
    const read = () =>
      readParsedFile({ cacheDir: cacheDir(), kind: 'policy', file, text: 'mode: enforce\n' });

    // A value edited without its checksum: a weaker mode must not come out of the cache.
    writeFileSync(target, original.replace('"value":{"mode":"enforce"}', '"value":{"mode":"observe"}'));
    expect(read()).toBeUndefined();
    writeFileSync(target, original.slice(0, original.length - 5));
    expect(read()).toBeUndefined();
    writeFileSync(target, 'not json at all');
    expect(read()).toBeUndefined();
    writeFileSync(target, original.replace(/"version":"[^"]*"/, '"version":"0.0.0-other"'));
    expect(read()).toBeUndefined();
    writeFileSync(target, original);
    expect(read()).toEqual({ mode: 'enforce' });
    chmodSync(target, 0o666);
    expect(read()).toBeUndefined();
  });

  it('uses no cache in a home other users can write', () => {
    chmodSync(wardenHome(), 0o777);
    expect(parsedFileCacheDir(wardenHome())).toBeUndefined();
    chmodSync(wardenHome(), 0o700);
    expect(parsedFileCacheDir(wardenHome())).toBe(cacheDir());
  });
});

describe('loadConfig with the parsed-file cache', () => {
  const env = () => ({ HOME: home });

  it('caches config.yaml and the policy chain, and gives the same config from the cache', async () => {
    write(path.join(wardenHome(), 'config.yaml'), 'mode: observe\npolicy: team.yaml\n');
    write(path.join(wardenHome(), 'team.yaml'), 'extends: ./base.yaml\nrules: []\n');
    write(path.join(wardenHome(), 'base.yaml'), policyWith('base.no-foo', 'foo'));
    const first = await loadConfig({ env: env() });
    expect(cacheFiles()).toHaveLength(3);
    const second = await loadConfig({ env: env() });
    expect(second.mode).toBe('observe');
    expect(second.layers?.[0]?.resolved).toEqual(first.layers?.[0]?.resolved);
    expect(ownRules(second)).toEqual(['base.no-foo']);
  });

  it('sees an edit of the same size made at once (same second, same length)', async () => {
    const policy = path.join(wardenHome(), 'policy.yaml');
    write(policy, policyWith('team.no-aaa', 'aaa'));
    write(path.join(wardenHome(), 'config.yaml'), 'mode: enforce\n');
    expect(ownRules(await loadConfig({ env: env() }))).toEqual(['team.no-aaa']);
    write(policy, policyWith('team.no-bbb', 'bbb'));
    write(path.join(wardenHome(), 'config.yaml'), 'mode: observe\n');
    const edited = await loadConfig({ env: env() });
    expect(ownRules(edited)).toEqual(['team.no-bbb']);
    expect(edited.mode).toBe('observe');
  });

  it('sees an edit of a file the policy extends', async () => {
    write(path.join(wardenHome(), 'policy.yaml'), 'extends: ./base.yaml\n');
    write(path.join(wardenHome(), 'base.yaml'), policyWith('base.no-aaa', 'aaa'));
    expect(ownRules(await loadConfig({ env: env() }))).toEqual(['base.no-aaa']);
    write(path.join(wardenHome(), 'base.yaml'), policyWith('base.no-bbb', 'bbb'));
    expect(ownRules(await loadConfig({ env: env() }))).toEqual(['base.no-bbb']);
  });

  it('reports a policy that became invalid, though its valid version is cached', async () => {
    const policy = path.join(wardenHome(), 'policy.yaml');
    write(policy, policyWith('team.no-aaa', 'aaa'));
    await loadConfig({ env: env() });
    write(policy, policyWith('team.no-aaa', 'aaa').replace('effect: deny', 'effect: nope'));
    await expect(loadConfig({ env: env() })).rejects.toThrow(/effect/);
  });

  it('follows the environment on every load (WARDEN_POLICY, WARDEN_MODE), cached files or not', async () => {
    write(path.join(home, 'a.yaml'), policyWith('a.rule', 'aaa'));
    write(path.join(home, 'b.yaml'), policyWith('b.rule', 'bbb'));
    const a = { ...env(), WARDEN_POLICY: path.join(home, 'a.yaml') };
    const b = { ...env(), WARDEN_POLICY: path.join(home, 'b.yaml'), WARDEN_MODE: 'observe' };
    expect(ownRules(await loadConfig({ env: a }))).toEqual(['a.rule']);
    const fromB = await loadConfig({ env: b });
    expect(ownRules(fromB)).toEqual(['b.rule']);
    expect(fromB.mode).toBe('observe');
    expect((await loadConfig({ env: a })).mode).toBe('enforce');
  });

  it('parses again past a corrupt cache and repairs it', async () => {
    write(path.join(wardenHome(), 'policy.yaml'), policyWith('team.no-aaa', 'aaa'));
    write(path.join(wardenHome(), 'config.yaml'), 'mode: observe\n');
    await loadConfig({ env: env() });
    for (const name of cacheFiles()) writeFileSync(path.join(cacheDir(), name), '{"format":1}\n{"text":');
    const config = await loadConfig({ env: env() });
    expect(ownRules(config)).toEqual(['team.no-aaa']);
    expect(config.mode).toBe('observe');
    for (const name of cacheFiles())
      expect(readFileSync(path.join(cacheDir(), name), 'utf8')).toContain('"value"');
  });
});

describe('loadProjectLayer with the parsed-file cache', () => {
  it('adds a project policy that appears, and follows its edits', async () => {
    const project = path.join(home, 'repo');
    mkdirSync(path.join(project, '.git'), { recursive: true });
    const config = await loadConfig({ env: { HOME: home } });
    const layerRules = async () => {
      const layered = await loadProjectLayer({ config, cwd: project });
      return (layered.layers ?? []).map((layer) =>
        layer.source === 'project' ? layer.compiled.rules.map((rule) => rule.id) : layer.source,
      );
    };
    expect(await layerRules()).toEqual(['user']);
    const projectPolicy = path.join(project, '.warden', 'policy.yaml');
    write(
      projectPolicy,
      'rules:\n  - { id: repo.no-aaa, effect: deny, when: { programs: [aaa] }, reason: No. }\n',
    );
    // A long-lived process remembers that there was none for LOOKUP_TTL_MS; a policy that
    // appears applies from then on (edits of one that is there apply at once, below).
    await new Promise((resolve) => setTimeout(resolve, LOOKUP_TTL_MS + 20));
    expect(await layerRules()).toEqual(['user', ['repo.no-aaa']]);
    expect(await layerRules()).toEqual(['user', ['repo.no-aaa']]);
    write(
      projectPolicy,
      'rules:\n  - { id: repo.no-bbb, effect: deny, when: { programs: [bbb] }, reason: No. }\n',
    );
    expect(await layerRules()).toEqual(['user', ['repo.no-bbb']]);
  });
});
