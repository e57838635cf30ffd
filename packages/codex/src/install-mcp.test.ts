import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '@decimalturn/toml-patch';
import { createTempDir, type TempDir, trustCodexHooks } from '@warden/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import { CODEX_HOOK_EVENTS } from './hook-input-schema.js';
import { hookTrustHash } from './hook-trust.js';
import { install, MCP_TRADE_OFF, status, uninstall } from './install.js';
import { CODEX_SESSION_EVENTS, codexSessionInputTemplate, isCodexSessionEvent } from './session-templates.js';

let root: TempDir;
let home: string;
let codexHome: string;
let env: NodeJS.ProcessEnv;
// Real files: status checks that the server Codex will start exists.
const nodePath = process.execPath;
const hookScript = fileURLToPath(new URL('../dist/bin.cjs', import.meta.url));
const hooksOnByDefault = { version: '0.169.0', features: { hooks: true } };

beforeEach(async () => {
  root = await createTempDir({ prefix: 'warden-codex-mcp-' });
  home = path.join(root.path, 'home');
  codexHome = path.join(home, '.codex');
  mkdirSync(codexHome, { recursive: true });
  env = { HOME: home, CODEX_HOME: codexHome };
});
afterEach(async () => {
  await root.remove();
});

const hooksJson = () => JSON.parse(readFileSync(path.join(codexHome, 'hooks.json'), 'utf8'));
const configFile = () => path.join(codexHome, 'config.toml');
const installMcp = (options: Parameters<typeof install>[0] = {}) =>
  install({ env, nodePath, hookScript, detection: hooksOnByDefault, transport: 'mcp', ...options });

const USER_CONFIG = `# my Codex settings
model = "gpt-5.5"   # the one I pay for

[mcp_servers.docs]
command = "npx"
args = ["-y", "docs-server"]

[features]
hooks = true
`;

describe('hook trust hash (mcp_tool)', () => {
  it('reproduces the hash Codex 0.169 accepted for an mcp_tool hook (session-hooks.md §8)', () => {
    const hash = hookTrustHash({
      eventName: 'PreToolUse',
      matcher: '*',
      handler: {
        type: 'mcp_tool',
        server: 'warden',
        tool: 'decide',
        timeout: 30,
        // Keys in a different order: the hash sorts them at every depth.
        input: { tool_name: `\${tool_name}`, event: `\${hook_event_name}`, cmd: `\${tool_input.command}` },
      },
    });
    expect(hash).toBe('sha256:8065b35673ba6226dc8174989a5f8b7b6fb56abff8bf3d1e4a4e7ea328bc3c45');
  });

  it('changes with the template, and ignores an async flag (Codex does not hash one for mcp_tool)', () => {
    const handler = {
      type: 'mcp_tool',
      server: 'warden',
      tool: 'decide',
      timeout: 30,
      input: { a: `\${cwd}` },
    };
    const base = hookTrustHash({ eventName: 'PreToolUse', matcher: '*', handler });
    expect(
      hookTrustHash({ eventName: 'PreToolUse', matcher: '*', handler: { ...handler, async: false } }),
    ).toBe(base);
    expect(
      hookTrustHash({
        eventName: 'PreToolUse',
        matcher: '*',
        handler: { ...handler, input: { a: `\${model}` } },
      }),
    ).not.toBe(base);
  });
});

describe('install --transport mcp', () => {
  it('routes the events Codex serves to mcp_tool hooks and keeps command hooks for the others', () => {
    const result = installMcp();
    expect(result.transport).toBe('mcp');
    const file = hooksJson();
    expect(Object.keys(file.hooks).sort()).toEqual([...CODEX_HOOK_EVENTS].sort());
    for (const event of CODEX_HOOK_EVENTS) {
      const [handler] = file.hooks[event][0].hooks;
      if (isCodexSessionEvent(event)) {
        expect(handler, event).toEqual({
          type: 'mcp_tool',
          server: 'warden',
          tool: 'decide',
          timeout: 30,
          input: codexSessionInputTemplate(event),
        });
      } else {
        expect(handler.type, event).toBe('command');
        expect(handler.command).toContain('bin.cjs');
      }
    }
    expect(file.hooks.PreToolUse[0].matcher).toBe('*');
    expect(file.hooks.PostToolUse[0].matcher).toBe('*');
    // Trust hashes for every handler, mcp_tool ones included, in the form Codex checks.
    expect(result.trust).toHaveLength(CODEX_HOOK_EVENTS.length);
    for (const entry of result.trust) expect(entry.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(result.trust.filter((entry) => entry.type === 'mcp_tool').map((entry) => entry.eventName)).toEqual(
      [...CODEX_SESSION_EVENTS],
    );
  });

  it('declares [mcp_servers.warden] with absolute Node, the serve-session command and WARDEN_HOME, keeping every other byte', () => {
    writeFileSync(configFile(), USER_CONFIG);
    const wardenHome = path.join(root.path, 'warden home');
    const result = installMcp({ env: { ...env, WARDEN_HOME: wardenHome }, askBehaviour: 'defer' });
    expect(result.sessionServer).toMatchObject({ file: configFile(), changed: true });
    const text = readFileSync(configFile(), 'utf8');
    expect(text.startsWith(USER_CONFIG)).toBe(true);
    const config = parse(text) as { mcp_servers: Record<string, unknown>; model: string };
    expect(config.mcp_servers.warden).toEqual({
      command: nodePath,
      args: [hookScript, 'serve-session', '--ask', 'defer'],
      env: { WARDEN_HOME: wardenHome },
    });
    expect(config.mcp_servers.docs).toEqual({ command: 'npx', args: ['-y', 'docs-server'] });
    // Installing again changes nothing.
    expect(
      installMcp({ env: { ...env, WARDEN_HOME: wardenHome }, askBehaviour: 'defer' }).sessionServer?.changed,
    ).toBe(false);
    expect(readFileSync(configFile(), 'utf8')).toBe(text);
  });

  it('writes no env when WARDEN_HOME is not set (Codex passes HOME, so the server finds ~/.warden)', () => {
    installMcp();
    const config = parse(readFileSync(configFile(), 'utf8')) as {
      mcp_servers: Record<string, { env?: unknown }>;
    };
    expect(config.mcp_servers.warden?.env).toBeUndefined();
  });

  it('adds the server to a config.toml that declares mcp_servers as an inline table', () => {
    writeFileSync(configFile(), 'mcp_servers = { docs = { command = "npx" } }\n');
    installMcp();
    const config = parse(readFileSync(configFile(), 'utf8')) as { mcp_servers: Record<string, unknown> };
    expect(Object.keys(config.mcp_servers).sort()).toEqual(['docs', 'warden']);
  });

  it('uninstall removes the hooks and the server entry and gives back the user files byte for byte', () => {
    writeFileSync(configFile(), USER_CONFIG);
    const theirs = {
      hooks: { PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: 'my-check' }] }] },
    };
    writeFileSync(path.join(codexHome, 'hooks.json'), `${JSON.stringify(theirs, null, 2)}\n`);
    installMcp();
    const removed = uninstall({ env });
    expect(removed).toMatchObject({ changed: true, removedSessionServer: configFile() });
    expect(readFileSync(configFile(), 'utf8')).toBe(USER_CONFIG);
    expect(hooksJson()).toEqual(theirs);
  });

  it('going back to command hooks removes the server entry', () => {
    writeFileSync(configFile(), USER_CONFIG);
    installMcp();
    const back = install({ env, nodePath, hookScript, detection: hooksOnByDefault });
    expect(back.transport).toBe('command');
    expect(readFileSync(configFile(), 'utf8')).toBe(USER_CONFIG);
    expect(JSON.stringify(hooksJson())).not.toContain('mcp_tool');
  });

  it('leaves the user-scope server alone when a project is installed or uninstalled with command hooks', () => {
    installMcp();
    const before = readFileSync(configFile(), 'utf8');
    const project = path.join(root.path, 'repo');
    mkdirSync(project);
    install({
      env,
      nodePath,
      hookScript,
      detection: hooksOnByDefault,
      scope: 'project',
      projectDir: project,
    });
    uninstall({ env, scope: 'project', projectDir: project });
    expect(readFileSync(configFile(), 'utf8')).toBe(before);
    expect(status({ env, detection: hooksOnByDefault }).sessionServer?.declared).toBe(true);
  });

  it("leaves a user's own [mcp_servers.warden] alone on uninstall", () => {
    const own = `${USER_CONFIG}\n[mcp_servers.warden]\ncommand = "my-warden-thing"\n`;
    writeFileSync(configFile(), own);
    uninstall({ env });
    expect(readFileSync(configFile(), 'utf8')).toBe(own);
  });

  it("refuses to replace a user's own [mcp_servers.warden], before writing anything", () => {
    const own = `${USER_CONFIG}\n[mcp_servers.warden]\ncommand = "my-warden-thing"\n`;
    writeFileSync(configFile(), own);
    expect(() => installMcp()).toThrow(/already declares another server/);
    expect(readFileSync(configFile(), 'utf8')).toBe(own);
    expect(existsSync(path.join(codexHome, 'hooks.json'))).toBe(false);
  });

  it('refuses the project scope, saying why', () => {
    expect(() => installMcp({ scope: 'project', projectDir: root.path })).toThrow(/user scope only/);
  });
});

describe('status (mcp transport)', () => {
  const trustAll = () => {
    const { trust } = status({ env, detection: hooksOnByDefault });
    trustCodexHooks({ codexHome, trust });
  };

  it('reports the transport, and guards only when every hook is trusted and the server is declared', () => {
    installMcp();
    expect(status({ env, detection: hooksOnByDefault })).toMatchObject({ transport: 'mcp', guarded: false });
    trustAll();
    const trusted = status({ env, detection: hooksOnByDefault });
    expect(trusted).toMatchObject({ transport: 'mcp', guarded: true, sessionServer: { declared: true } });
    expect(trusted.sessionServer?.command).toContain('serve-session');
    // The server entry gone (edited away by hand): no longer guarded.
    const text = readFileSync(configFile(), 'utf8').replace(/\[mcp_servers\.warden\]\n(?:.+\n)*/, '');
    writeFileSync(configFile(), text);
    expect(status({ env, detection: hooksOnByDefault })).toMatchObject({
      guarded: false,
      sessionServer: { declared: false },
    });
  });

  it('reports a server Codex cannot start (its Warden moved or removed) as not guarding', async () => {
    installMcp({ hookScript: path.join(root.path, 'gone', 'bin.cjs') });
    trustAll();
    expect(status({ env, detection: hooksOnByDefault })).toMatchObject({
      guarded: false,
      sessionServer: { declared: true, missing: path.join(root.path, 'gone', 'bin.cjs') },
    });
    const reported = await runCli({ argv: ['status', '--codex', '/nonexistent/codex'], env });
    expect(reported.stdout).toContain('CANNOT START');
    expect(reported.exitCode).toBe(1);
  });

  it('reports command for a default install', () => {
    install({ env, nodePath, hookScript, detection: hooksOnByDefault });
    expect(status({ env, detection: hooksOnByDefault }).transport).toBe('command');
  });
});

describe('warden-codex install --transport mcp (CLI)', () => {
  it('states the trade-off at install and the transport in status', async () => {
    const installed = await runCli({
      argv: ['install', '--transport', 'mcp', '--codex', '/nonexistent/codex'],
      env,
    });
    expect(installed.exitCode, installed.stderr).toBe(0);
    expect(installed.stdout).toContain(MCP_TRADE_OFF);
    expect(installed.stdout).toContain('[mcp_servers.warden]');
    const reported = await runCli({ argv: ['status', '--codex', '/nonexistent/codex'], env });
    expect(reported.stdout).toContain('transport: mcp');
    const wrong = await runCli({ argv: ['install', '--transport', 'http'], env });
    expect(wrong.exitCode).toBe(2);
    const toolsWithoutServer = await runCli({ argv: ['install', '--expose-tools'], env });
    expect(toolsWithoutServer).toMatchObject({
      exitCode: 2,
      stderr: expect.stringContaining('--transport mcp'),
    });
    const tools = await runCli({
      argv: ['install', '--transport', 'mcp', '--expose-tools', '--codex', '/nonexistent/codex'],
      env,
    });
    expect(tools.stdout).toContain('policy_test and audit_query');
    const config = parse(readFileSync(configFile(), 'utf8')) as {
      mcp_servers: { warden: { args: string[] } };
    };
    expect(config.mcp_servers.warden.args).toEqual([
      expect.stringMatching(/bin\.cjs$/),
      'serve-session',
      '--expose-tools',
    ]);
  });
});
