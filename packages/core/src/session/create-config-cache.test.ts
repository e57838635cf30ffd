import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConfigCache } from './create-config-cache.js';

let home: string;
beforeEach(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'warden-config-cache-'));
  mkdirSync(path.join(home, '.warden'), { mode: 0o700 });
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const policy = (id: string) =>
  `rules:\n  - id: ${id}\n    effect: deny\n    actions: [shell.exec]\n    when: { programs: [echo] }\n    reason: no echo\n`;

describe('createConfigCache', () => {
  it('returns the same compiled config while no file changed', async () => {
    const cache = createConfigCache({ env: { HOME: home } });
    const first = await cache.get();
    expect(await cache.get()).toBe(first);
    expect(cache.peek()).toBe(first);
  });

  it('reloads when the user policy appears, changes, or an extended file changes', async () => {
    const cache = createConfigCache({ env: { HOME: home } });
    const before = await cache.get();
    expect(before.policy.sources).toEqual(['pack:recommended']);

    const file = path.join(home, '.warden', 'policy.yaml');
    writeFileSync(file, `extends: ../team.yaml\n${policy('user.one')}`, { mode: 0o600 });
    writeFileSync(path.join(home, 'team.yaml'), policy('team.one'), { mode: 0o600 });
    const added = await cache.get();
    expect(added).not.toBe(before);
    expect(added.policy.sources).toContain(file);
    expect(added.policy.sources).toContain(path.join(home, 'team.yaml'));

    // Same size, new content: the mtime and inode tell.
    writeFileSync(path.join(home, 'team.yaml'), policy('team.two'), { mode: 0o600 });
    utimesSync(path.join(home, 'team.yaml'), new Date(), new Date(Date.now() + 5000));
    const edited = await cache.get();
    expect(edited).not.toBe(added);
    expect(edited.policy.rules.map((rule) => rule.id)).toContain('team.two');
  });

  it('sees a suspension at once', async () => {
    const cache = createConfigCache({ env: { HOME: home } });
    expect((await cache.get()).suspended).toBeUndefined();
    writeFileSync(path.join(home, '.warden', 'suspended.json'), '{"since":"now"}', { mode: 0o600 });
    expect((await cache.get()).suspended).toEqual({ since: 'now' });
  });

  it('does not keep a failed load: the error comes back and a fixed file is read next time', async () => {
    const cache = createConfigCache({ env: { HOME: home } });
    const file = path.join(home, '.warden', 'config.yaml');
    writeFileSync(file, 'mode: [not, a, mode]\n', { mode: 0o600 });
    await expect(cache.get()).rejects.toThrow(/config/);
    writeFileSync(file, 'mode: observe\n', { mode: 0o600 });
    expect((await cache.get()).mode).toBe('observe');
  });
});
