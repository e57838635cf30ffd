import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveClaudeCodeBinary } from '@warden/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { install, isWardenHandler, supportsSessionServer, uninstall } from './install.js';

// `install` with the default transport, against the real `claude` (2.1.330) that registers the server.
const claudePath = resolveClaudeCodeBinary({ resolveFrom: fileURLToPath(new URL('..', import.meta.url)) });
const nodePath = '/opt/node/bin/node';
const hookScript = '/usr/lib/node_modules/@warden/claude-code/dist/bin.cjs';

let home: string;
beforeEach(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'warden-install-mcp-'));
  mkdirSync(path.join(home, '.claude'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const env = () => ({
  HOME: home,
  DISABLE_TELEMETRY: '1',
  CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
  DISABLE_AUTOUPDATER: '1',
});
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
const settingsFile = () => path.join(home, '.claude', 'settings.json');
const userConfig = () => path.join(home, '.claude.json');

describe('install with the session server', () => {
  it('uses mcp_tool hooks for the routed events, command hooks for the rest, and registers the server through claude', () => {
    writeFileSync(
      userConfig(),
      JSON.stringify({ numStartups: 7, mcpServers: { github: { type: 'stdio', command: 'gh-mcp' } } }),
    );
    const result = install({
      scope: 'user',
      env: env(),
      nodePath,
      hookScript,
      claudePath,
      failurePolicy: 'closed',
    });
    expect(result).toMatchObject({ transport: 'mcp', claudeVersion: '2.1.330', onFailureBlock: true });
    expect(result.server).toEqual({ command: nodePath, args: [hookScript, 'serve-session'] });
    const hooks = read(settingsFile()).hooks;
    for (const event of ['PreToolUse', 'PermissionRequest', 'PostToolUse', 'UserPromptSubmit', 'Stop']) {
      const handler = hooks[event][0].hooks[0];
      expect(handler).toMatchObject({ type: 'mcp_tool', server: 'warden', tool: 'decide', timeout: 30 });
      expect(handler.input.hook_event_name).toBe(`$${'{'}hook_event_name}`);
      expect(isWardenHandler(handler)).toBe(true);
    }
    expect(hooks.PreToolUse[0].hooks[0].onFailure).toBe('block');
    expect(hooks.UserPromptSubmit[0].hooks[0].onFailure).toBe('block');
    expect(hooks.PostToolUse[0].hooks[0].onFailure).toBeUndefined();
    for (const event of ['SessionStart', 'SessionEnd', 'SubagentStop'])
      expect(hooks[event][0].hooks[0].type).toBe('command');
    const config = read(userConfig());
    expect(config.numStartups).toBe(7);
    expect(config.mcpServers.github).toEqual({ type: 'stdio', command: 'gh-mcp' });
    expect(config.mcpServers.warden).toMatchObject({
      type: 'stdio',
      command: nodePath,
      args: [hookScript, 'serve-session'],
    });

    // Again: nothing changes; with --expose-tools the registration is replaced.
    expect(install({ scope: 'user', env: env(), nodePath, hookScript, claudePath }).changed).toBe(false);
    install({ scope: 'user', env: env(), nodePath, hookScript, claudePath, exposeTools: true });
    expect(read(userConfig()).mcpServers.warden.args).toEqual([
      hookScript,
      'serve-session',
      '--expose-tools',
    ]);

    const removed = uninstall({ scope: 'user', env: env(), claudePath });
    expect(removed).toMatchObject({ changed: true, serverRemoved: true });
    expect(read(settingsFile()).hooks).toBeUndefined();
    const after = read(userConfig());
    expect(after.mcpServers.warden).toBeUndefined();
    expect(after.mcpServers.github).toEqual({ type: 'stdio', command: 'gh-mcp' });
  });

  it('falls back to command hooks, and says why, where the session server cannot be used', () => {
    const project = install({
      scope: 'project',
      projectDir: home,
      env: env(),
      nodePath,
      hookScript,
      claudePath,
    });
    expect(project.transport).toBe('command');
    expect(project.transportNote).toContain('--scope project keeps command hooks');

    const old = install({ scope: 'user', env: env(), nodePath, hookScript, claudeVersion: '2.1.300' });
    expect(old.transport).toBe('command');
    expect(old.transportNote).toContain('older than 2.1.330');

    const missing = install({
      scope: 'user',
      env: env(),
      nodePath,
      hookScript,
      claudePath: path.join(home, 'no-claude'),
    });
    expect(missing.transport).toBe('command');
    expect(missing.transportNote).toContain('not found');
    expect(read(settingsFile()).hooks.PreToolUse[0].hooks[0].type).toBe('command');

    const explicit = install({
      scope: 'user',
      env: env(),
      nodePath,
      hookScript,
      claudePath,
      transport: 'command',
    });
    expect(explicit).toMatchObject({ transport: 'command' });
    expect(explicit.transportNote).toBeUndefined();
  });

  it('refuses to replace another server named warden, and uninstall leaves it alone', () => {
    writeFileSync(
      userConfig(),
      JSON.stringify({ mcpServers: { warden: { type: 'stdio', command: 'someone-else' } } }),
    );
    const result = install({ scope: 'user', env: env(), nodePath, hookScript, claudePath });
    expect(result.transport).toBe('command');
    expect(result.transportNote).toContain('not Warden');
    expect(uninstall({ scope: 'user', env: env(), claudePath }).serverRemoved).toBeUndefined();
    expect(read(userConfig()).mcpServers.warden).toEqual({ type: 'stdio', command: 'someone-else' });
  });

  it('removes its server registration when installed again with command hooks', () => {
    install({ scope: 'user', env: env(), nodePath, hookScript, claudePath });
    expect(read(userConfig()).mcpServers.warden).toBeDefined();
    const result = install({
      scope: 'user',
      env: env(),
      nodePath,
      hookScript,
      claudePath,
      transport: 'command',
    });
    expect(result.transport).toBe('command');
    expect(read(userConfig()).mcpServers.warden).toBeUndefined();
    expect(read(settingsFile()).hooks.PreToolUse[0].hooks[0].type).toBe('command');
  });

  it('knows which Claude Code versions get the session server', () => {
    expect(supportsSessionServer('2.1.330 (Claude Code)')).toBe(true);
    expect(supportsSessionServer('2.2.0')).toBe(true);
    expect(supportsSessionServer('2.1.329')).toBe(false);
    expect(supportsSessionServer(undefined)).toBe(false);
  });
});

describe('probeSessionServer', () => {
  it('starts the registered server as Claude Code would and returns its answer to a canary', async () => {
    const { probeSessionServer } = await import('./probe-session-server.js');
    const bin = fileURLToPath(new URL('../dist/bin.cjs', import.meta.url));
    expect(probeSessionServer({ input: {}, env: env() })).toMatchObject({ registered: false });
    install({ scope: 'user', env: env(), nodePath: process.execPath, hookScript: bin, claudePath });
    const probe = probeSessionServer({
      env: env(),
      cwd: home,
      input: {
        hook_event_name: 'PreToolUse',
        session_id: 'doctor',
        cwd: home,
        tool_name: 'Bash',
        tool_input: { command: 'rm -rf ~' },
      },
    });
    expect(probe).toMatchObject({ registered: true, started: true });
    expect(JSON.parse(probe.text!)).toMatchObject({
      hookSpecificOutput: { permissionDecision: 'deny' },
    });
  });
});
