import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from '@decimalturn/toml-patch';
import { createTempDir, type TempDir } from '@warden/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import { CODEX_HOOK_EVENTS } from './hook-input-schema.js';
import { hookEventLabel, hookTrustHash, hookTrustKey } from './hook-trust.js';
import { hookCommand, install, isWardenHandler, status, uninstall } from './install.js';
import { managedRequirementsToml } from './managed-requirements.js';

let root: TempDir;
let home: string;
let codexHome: string;
let env: NodeJS.ProcessEnv;
const nodePath = '/opt/node 24/bin/node';
const hookScript = '/opt/warden/node_modules/@warden/codex/dist/bin.cjs';
/** Codex as a recent version reports itself: hooks on by default. */
const hooksOnByDefault = { version: '0.169.0', features: { hooks: true, plugins: true } };

beforeEach(async () => {
  root = await createTempDir({ prefix: 'warden-codex-install-' });
  home = path.join(root.path, 'home');
  codexHome = path.join(home, '.codex');
  mkdirSync(codexHome, { recursive: true });
  env = { HOME: home, CODEX_HOME: codexHome };
});
afterEach(async () => {
  await root.remove();
});

const hooksJson = () => JSON.parse(readFileSync(path.join(codexHome, 'hooks.json'), 'utf8'));
const configToml = () => path.join(codexHome, 'config.toml');
const installHere = (options: Parameters<typeof install>[0] = {}) =>
  install({ env, nodePath, hookScript, detection: hooksOnByDefault, ...options });

describe('install', () => {
  it('adds one Warden hook per Codex event to $CODEX_HOME/hooks.json, Node by absolute path, timeouts in seconds', () => {
    const result = installHere();
    expect(result.hooksFile).toBe(path.join(codexHome, 'hooks.json'));
    expect(result.command).toBe(`'${nodePath}' ${hookScript} hook`);
    const file = hooksJson();
    expect(Object.keys(file)).toEqual(['hooks']);
    expect(Object.keys(file.hooks).sort()).toEqual([...CODEX_HOOK_EVENTS].sort());
    expect(file.hooks.PreToolUse).toEqual([
      { matcher: '*', hooks: [{ type: 'command', command: result.command, timeout: 30 }] },
    ]);
    expect(file.hooks.Stop).toEqual([{ hooks: [{ type: 'command', command: result.command, timeout: 30 }] }]);
    expect(file.hooks.SessionEnd[0].hooks[0].timeout).toBe(3);
    expect(file.hooks.Interrupt[0].hooks[0].timeout).toBe(3);
    // A new hook is untrusted until the user reviews it in /hooks; Warden never trusts it for them.
    expect(result.trust.map((entry) => entry.trust)).toEqual(CODEX_HOOK_EVENTS.map(() => 'untrusted'));
    expect(existsSync(configToml())).toBe(false);
  });

  it("keeps the user's hooks and description, is idempotent, and replaces an earlier Warden install", () => {
    const theirs = {
      type: 'command',
      command: 'python3 ~/.codex/hooks/audit.py',
      timeout: 5,
      statusMessage: 'audit',
    };
    writeFileSync(
      path.join(codexHome, 'hooks.json'),
      JSON.stringify({
        description: 'team hooks',
        hooks: {
          PreToolUse: [{ matcher: '^Bash$', hooks: [theirs] }],
          Notification: [{ hooks: [{ type: 'command', command: 'notify-send hi' }] }],
          Stop: [
            {
              hooks: [{ type: 'command', command: "'/old/node' /old/codex/dist/bin.cjs hook", timeout: 30 }],
            },
          ],
        },
      }),
    );
    expect(installHere().changed).toBe(true);
    const file = hooksJson();
    expect(file.description).toBe('team hooks');
    expect(file.hooks.PreToolUse[0]).toEqual({ matcher: '^Bash$', hooks: [theirs] });
    expect(file.hooks.PreToolUse).toHaveLength(2);
    expect(file.hooks.Notification).toHaveLength(1);
    expect(file.hooks.Stop).toHaveLength(1);
    expect(file.hooks.Stop[0].hooks[0].command).toContain(hookScript);
    expect(existsSync(path.join(codexHome, 'hooks.json.warden-backup'))).toBe(true);

    expect(installHere().changed).toBe(false);
    expect(uninstall({ env }).changed).toBe(true);
    expect(hooksJson()).toEqual({
      description: 'team hooks',
      hooks: { PreToolUse: [{ matcher: '^Bash$', hooks: [theirs] }], Notification: [expect.any(Object)] },
    });
    expect(uninstall({ env }).changed).toBe(false);
  });

  it('refuses a hooks.json Codex itself would ignore, and leaves it untouched', () => {
    const file = path.join(codexHome, 'hooks.json');
    writeFileSync(file, '{"$schema":"https://example.com/hooks.json","hooks":{}}');
    expect(() => installHere()).toThrow(/\$schema|root.*description.*hooks/s);
    expect(readFileSync(file, 'utf8')).toBe('{"$schema":"https://example.com/hooks.json","hooks":{}}');
    writeFileSync(file, '{"hooks": {');
    expect(() => installHere()).toThrow(/not valid JSON/);
  });

  it('turns on hooks switched off in config.toml, changing that one value and keeping every other byte', () => {
    const before = [
      '# my Codex config',
      'model = "o3"   # the good one',
      '',
      '[features]',
      '# off while I debug',
      'hooks = false',
      'codex_hooks = false',
      'plugins = true',
      '',
      '[projects."/home/me/repo"]',
      'trust_level = "trusted"',
      '',
    ].join('\n');
    writeFileSync(configToml(), before);
    const result = installHere();
    expect(result.featureChanges.map((change) => change.key)).toEqual(['hooks', 'codex_hooks']);
    expect(result.hooksFeatureOn).toBe(true);
    expect(readFileSync(configToml(), 'utf8')).toBe(
      before.replace('hooks = false', 'hooks = true').replace('codex_hooks = false', 'codex_hooks = true'),
    );
    expect(readFileSync(`${configToml()}.warden-backup`, 'utf8')).toContain('hooks = false');
  });

  it('enables hooks only where Codex reports them off, with the flag name that Codex knows', () => {
    writeFileSync(configToml(), 'model = "o3"\n');
    expect(
      installHere({ detection: { version: '0.120.0', features: { codex_hooks: false } } }).featureChanges,
    ).toEqual([{ file: configToml(), key: 'codex_hooks', backup: `${configToml()}.warden-backup` }]);
    expect(parse(readFileSync(configToml(), 'utf8'))).toEqual({
      model: 'o3',
      features: { codex_hooks: true },
    });

    writeFileSync(configToml(), 'model = "o3"\n');
    installHere({ detection: { version: '0.160.0', features: { hooks: false } } });
    expect(parse(readFileSync(configToml(), 'utf8'))).toEqual({ model: 'o3', features: { hooks: true } });

    writeFileSync(configToml(), 'model = "o3"\n');
    expect(installHere().featureChanges).toEqual([]);
    expect(readFileSync(configToml(), 'utf8')).toBe('model = "o3"\n');
  });

  it('stops before writing anything when config.toml is not valid TOML', () => {
    writeFileSync(configToml(), '[features\nhooks = false\n');
    expect(() => installHere()).toThrow(/not valid TOML/);
    expect(existsSync(path.join(codexHome, 'hooks.json'))).toBe(false);
  });

  it('installs into <project>/.codex/hooks.json for the project scope', () => {
    const project = path.join(root.path, 'repo');
    mkdirSync(project);
    const result = installHere({ scope: 'project', projectDir: project });
    expect(result.hooksFile).toBe(path.join(project, '.codex', 'hooks.json'));
    expect(status({ env, scope: 'project', projectDir: project, detection: hooksOnByDefault })).toMatchObject(
      {
        guarded: false,
      },
    );
  });

  it('writes the ask behaviour into the hook command', () => {
    expect(installHere({ askBehaviour: 'defer' }).command).toBe(
      `'${nodePath}' ${hookScript} hook --ask defer`,
    );
  });
});

describe('status', () => {
  function trustInConfig(entries: Array<{ key: string; hash?: string; enabled?: boolean }>) {
    const tables = entries.map(
      (entry) =>
        `[hooks.state.${JSON.stringify(entry.key)}]\n${entry.hash ? `trusted_hash = ${JSON.stringify(entry.hash)}\n` : ''}${entry.enabled === false ? 'enabled = false\n' : ''}`,
    );
    writeFileSync(configToml(), tables.join('\n'));
  }

  it('reports guarding only once every Warden hook is trusted with its current hash', () => {
    const { trust } = installHere();
    expect(status({ env, detection: hooksOnByDefault }).guarded).toBe(false);

    trustInConfig(trust);
    const all = status({ env, detection: hooksOnByDefault });
    expect(all.guarded).toBe(true);
    expect(all.trust.every((entry) => entry.trust === 'trusted')).toBe(true);

    trustInConfig([
      ...trust.slice(2),
      { key: trust[0]!.key, hash: 'sha256:0000' },
      { key: trust[1]!.key, hash: trust[1]!.hash, enabled: false },
    ]);
    const partly = status({ env, detection: hooksOnByDefault });
    expect(partly.guarded).toBe(false);
    expect(partly.trust.slice(0, 2).map((entry) => entry.trust)).toEqual(['modified', 'disabled']);
  });

  it('reports not guarding when the hooks feature is off or hooks are missing', () => {
    const { trust } = installHere();
    trustInConfig(trust);
    expect(status({ env, detection: { features: { hooks: false } } }).guarded).toBe(false);
    uninstall({ env });
    expect(status({ env, detection: hooksOnByDefault })).toMatchObject({ guarded: false, trust: [] });
  });
});

describe('hook trust hash', () => {
  it("is sha256 over the sorted, compact JSON of Codex's normalised hook identity", () => {
    const handler = { type: 'command', command: 'node /x/bin.cjs hook', timeout: 30 };
    const identity =
      '{"event_name":"pre_tool_use","hooks":[{"async":false,"command":"node /x/bin.cjs hook","timeout":30,"type":"command"}],"matcher":"*"}';
    expect(hookTrustHash({ eventName: 'PreToolUse', matcher: '*', handler })).toBe(
      `sha256:${createHash('sha256').update(identity).digest('hex')}`,
    );
    // Matchers Codex ignores are not hashed; a missing timeout is Codex's default.
    const stop =
      '{"event_name":"stop","hooks":[{"async":false,"command":"x","timeout":600,"type":"command"}]}';
    expect(
      hookTrustHash({ eventName: 'Stop', matcher: '*', handler: { type: 'command', command: 'x' } }),
    ).toBe(`sha256:${createHash('sha256').update(stop).digest('hex')}`);
    expect(hookTrustHash({ eventName: 'Stop', handler: { type: 'prompt' } })).toBeUndefined();
  });

  it('keys trust by hooks.json path, snake_case event and positions', () => {
    expect(hookEventLabel('PermissionRequest')).toBe('permission_request');
    expect(
      hookTrustKey({
        hooksFile: '/h/.codex/hooks.json',
        eventName: 'SubagentStop',
        groupIndex: 1,
        handlerIndex: 0,
      }),
    ).toBe('/h/.codex/hooks.json:subagent_stop:1:0');
  });
});

describe('managedRequirementsToml', () => {
  it('is valid TOML with every event as a managed hook, and the managed-only switch when asked', () => {
    const command = hookCommand({ nodePath, hookScript });
    const value = parse(managedRequirementsToml({ command, hookScript }));
    expect(value.features).toEqual({ hooks: true });
    expect(value.allow_managed_hooks_only).toBeUndefined();
    expect(value.hooks.managed_dir).toBe(path.dirname(hookScript));
    for (const event of CODEX_HOOK_EVENTS) {
      const [group] = value.hooks[event];
      expect(group.hooks, event).toEqual([
        { type: 'command', command, timeout: event === 'SessionEnd' || event === 'Interrupt' ? 3 : 30 },
      ]);
      expect(isWardenHandler(group.hooks[0])).toBe(true);
    }
    expect(
      parse(managedRequirementsToml({ command, hookScript, allowManagedOnly: true }))
        .allow_managed_hooks_only,
    ).toBe(true);
  });
});

describe('warden-codex install / status / uninstall / managed (CLI)', () => {
  const noCodex = ['--codex', '/nonexistent/codex'];

  it('tells the user to trust the hooks, and status exits 1 until they do', async () => {
    const installed = await runCli({ argv: ['install', ...noCodex], env });
    expect(installed.exitCode).toBe(0);
    expect(installed.stdout).toContain(
      `Installed Warden's hooks for every Codex event in ${path.join(codexHome, 'hooks.json')}`,
    );
    expect(installed.stdout).toContain('/hooks');
    expect(installed.stdout).toContain('NOT TRUSTED');
    const checked = await runCli({ argv: ['status', ...noCodex], env });
    expect(checked.exitCode).toBe(1);
    expect(checked.stdout).toContain('NOT guarding');
    expect((await runCli({ argv: ['uninstall'], env })).stdout).toContain("Removed Warden's hooks");
  });

  it('prints the managed form and rejects bad arguments', async () => {
    const managed = await runCli({ argv: ['managed', '--ask', 'defer'], env });
    expect(managed.stdout).toContain('[[hooks.PreToolUse.hooks]]');
    expect(managed.stdout).toContain('hook --ask defer');
    expect((await runCli({ argv: ['install', '--scope', 'global'], env })).exitCode).toBe(2);
    expect((await runCli({ argv: ['frobnicate'], env })).exitCode).toBe(2);
    expect((await runCli({ argv: [], env })).stdout).toContain('Usage: warden-codex');
  });
});
