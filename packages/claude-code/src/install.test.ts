import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  hookCommand,
  install,
  isWardenHandler,
  settingsPath,
  supportsOnFailure,
  uninstall,
} from './install.js';
import { SettingsFileError } from './settings-file.js';

let home: string;
let project: string;
const nodePath = '/opt/node 24/bin/node';
const hookScript = '/usr/lib/node_modules/@warden/claude-code/dist/bin.cjs';

beforeEach(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'warden-install-'));
  project = path.join(home, 'project');
  mkdirSync(project);
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const env = () => ({ HOME: home });
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

const existing = {
  model: 'opus',
  permissions: { allow: ['Bash(npm test)'] },
  hooks: {
    PreToolUse: [
      { matcher: 'Bash', hooks: [{ type: 'command', command: '/usr/local/bin/lint-check', timeout: 5 }] },
    ],
    Notification: [{ hooks: [{ type: 'command', command: 'notify-send done' }] }],
  },
};

describe('install', () => {
  it('writes to the settings file of each scope', () => {
    expect(settingsPath({ scope: 'user', env: env() })).toBe(path.join(home, '.claude', 'settings.json'));
    expect(settingsPath({ scope: 'user', env: { ...env(), CLAUDE_CONFIG_DIR: '/cfg' } })).toBe(
      '/cfg/settings.json',
    );
    expect(settingsPath({ scope: 'project', projectDir: project })).toBe(
      path.join(project, '.claude', 'settings.json'),
    );
    expect(settingsPath({ scope: 'local', projectDir: project })).toBe(
      path.join(project, '.claude', 'settings.local.json'),
    );
  });

  it('merges its hooks into an existing settings file, keeping every unrelated key and hook', () => {
    const file = settingsPath({ scope: 'project', projectDir: project });
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(existing));
    const result = install({
      scope: 'project',
      projectDir: project,
      nodePath,
      hookScript,
      onFailure: 'continue',
    });
    expect(result).toMatchObject({ changed: true, backup: `${file}.warden-backup` });
    const settings = read(file);
    expect(settings.model).toBe('opus');
    expect(settings.permissions).toEqual(existing.permissions);
    expect(settings.hooks.Notification).toEqual(existing.hooks.Notification);
    expect(settings.hooks.PreToolUse[0]).toEqual(existing.hooks.PreToolUse[0]);
    const command = `'/opt/node 24/bin/node' ${hookScript} hook`;
    expect(settings.hooks.PreToolUse[1]).toEqual({
      matcher: '*',
      hooks: [{ type: 'command', command, timeout: 30 }],
    });
    for (const event of [
      'PermissionRequest',
      'PostToolUse',
      'UserPromptSubmit',
      'Stop',
      'SubagentStop',
      'SessionStart',
      'SessionEnd',
    ]) {
      expect(settings.hooks[event], event).toHaveLength(1);
      expect(settings.hooks[event][0].hooks[0].command, event).toBe(command);
    }
    expect(read(`${file}.warden-backup`)).toEqual(existing);
  });

  it('is idempotent: installing twice is installing once, and a moved install replaces the old entry', () => {
    const first = install({ scope: 'user', env: env(), nodePath, hookScript, onFailure: 'continue' });
    const afterFirst = readFileSync(first.file, 'utf8');
    const second = install({ scope: 'user', env: env(), nodePath, hookScript, onFailure: 'continue' });
    expect(second.changed).toBe(false);
    expect(readFileSync(first.file, 'utf8')).toBe(afterFirst);
    install({
      scope: 'user',
      env: env(),
      nodePath: '/usr/bin/node',
      hookScript: '/new/place/claude-code/dist/bin.cjs',
      onFailure: 'continue',
    });
    const settings = read(first.file);
    expect(settings.hooks.PreToolUse).toHaveLength(1);
    expect(settings.hooks.PreToolUse[0].hooks[0].command).toBe(
      '/usr/bin/node /new/place/claude-code/dist/bin.cjs hook',
    );
  });

  it('adds onFailure "block" to the blocking events when asked, or when the failure policy is closed on Claude Code 2.1.295+', () => {
    install({ scope: 'user', env: env(), nodePath, hookScript, onFailure: 'block' });
    let settings = read(settingsPath({ scope: 'user', env: env() }));
    expect(settings.hooks.PreToolUse[0].hooks[0].onFailure).toBe('block');
    expect(settings.hooks.UserPromptSubmit[0].hooks[0].onFailure).toBe('block');
    expect(settings.hooks.Stop[0].hooks[0].onFailure).toBeUndefined();

    install({
      scope: 'user',
      env: env(),
      nodePath,
      hookScript,
      onFailure: 'auto',
      failurePolicy: 'closed',
      claudeVersion: '2.1.294',
    });
    settings = read(settingsPath({ scope: 'user', env: env() }));
    expect(settings.hooks.PreToolUse[0].hooks[0].onFailure).toBeUndefined();
    const result = install({
      scope: 'user',
      env: env(),
      nodePath,
      hookScript,
      onFailure: 'auto',
      failurePolicy: 'closed',
      claudeVersion: '2.1.330',
    });
    expect(result.onFailureBlock).toBe(true);
    expect(
      install({
        scope: 'user',
        env: env(),
        nodePath,
        hookScript,
        onFailure: 'auto',
        failurePolicy: 'open',
        claudeVersion: '2.1.330',
      }).onFailureBlock,
    ).toBe(false);
    expect(supportsOnFailure('2.1.295 (Claude Code)')).toBe(true);
    expect(supportsOnFailure('2.0.999')).toBe(false);
    expect(supportsOnFailure(undefined)).toBe(false);
  });

  it('refuses an invalid settings file with a clear message and leaves it untouched', () => {
    const file = settingsPath({ scope: 'user', env: env() });
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, '{ "hooks": { broken');
    expect(() => install({ scope: 'user', env: env(), nodePath, hookScript })).toThrow(SettingsFileError);
    expect(() => install({ scope: 'user', env: env(), nodePath, hookScript })).toThrow(
      /not valid JSON.*did not change it/,
    );
    expect(readFileSync(file, 'utf8')).toBe('{ "hooks": { broken');
    writeFileSync(file, JSON.stringify({ hooks: { PreToolUse: 'rm -rf' } }));
    expect(() => install({ scope: 'user', env: env(), nodePath, hookScript })).toThrow(/hooks\.PreToolUse/);
  });

  it('keeps the file permissions of an existing settings file', () => {
    const file = settingsPath({ scope: 'user', env: env() });
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, '{}');
    chmodSync(file, 0o600);
    install({ scope: 'user', env: env(), nodePath, hookScript, onFailure: 'continue' });
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});

describe('uninstall', () => {
  it("removes only Warden's entries", () => {
    const file = settingsPath({ scope: 'local', projectDir: project });
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(existing));
    install({ scope: 'local', projectDir: project, nodePath, hookScript, onFailure: 'block' });
    expect(uninstall({ scope: 'local', projectDir: project }).changed).toBe(true);
    expect(read(file)).toEqual(existing);
    expect(uninstall({ scope: 'local', projectDir: project }).changed).toBe(false);
  });

  it('recognises Warden handlers by their command, not by position', () => {
    expect(isWardenHandler({ command: hookCommand({ nodePath, hookScript }) })).toBe(true);
    expect(isWardenHandler({ command: 'npx warden-claude-code hook' })).toBe(true);
    expect(isWardenHandler({ command: '/usr/local/bin/lint-check' })).toBe(false);
    expect(isWardenHandler({ command: 'node /x/claude-code/dist/bin.cjs install' })).toBe(false);
  });
});
