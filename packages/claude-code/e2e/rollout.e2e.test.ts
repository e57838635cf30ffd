import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readAuditLog } from '@warden/core';
import {
  type AgentWorkspace,
  createAgentWorkspace,
  runClaude,
  type ScriptedAnthropicTurn,
  startScriptedAnthropicServer,
} from '@warden/test-utils';
import { afterEach, describe, expect, it } from 'vitest';

// Rolling Warden out and back with the real Claude Code (issue 11): the package removed after
// install, a project install used from another HOME, and a repository policy that tries to
// allow `rm -rf ~`. The scripted model runs offline on loopback.

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const workspaces: AgentWorkspace[] = [];
afterEach(async () => {
  await Promise.all(workspaces.splice(0).map((workspace) => workspace.remove()));
});

async function workspace(): Promise<AgentWorkspace> {
  const created = await createAgentWorkspace({ prefix: 'warden-rollout-e2e-' });
  workspaces.push(created);
  return created;
}

/** A copy of this package where `npm install -g` would put it, so the test can remove it. */
function installPackageCopy(root: string): string {
  const target = path.join(root, 'npm-global', 'lib', 'node_modules', '@warden', 'claude-code');
  mkdirSync(target, { recursive: true });
  cpSync(path.join(packageDir, 'dist'), path.join(target, 'dist'), { recursive: true });
  cpSync(path.join(packageDir, 'package.json'), path.join(target, 'package.json'));
  return target;
}

function wardenClaudeCode(options: { bin: string; home: string; args: string[]; cwd?: string }): string {
  return execFileSync(process.execPath, [options.bin, ...options.args], {
    env: { PATH: process.env.PATH, HOME: options.home },
    cwd: options.cwd ?? options.home,
    encoding: 'utf8',
  });
}

async function run(options: { home: string; cwd: string; script: ScriptedAnthropicTurn[]; prompt?: string }) {
  const server = await startScriptedAnthropicServer({ script: options.script });
  try {
    const result = await runClaude({
      prompt: options.prompt ?? 'do it',
      baseUrl: server.url,
      cwd: options.cwd,
      home: options.home,
      timeoutMs: 60_000,
    });
    expect(result.timedOut).toBe(false);
    return { result, toolResults: server.toolResults(), messageRequests: server.messageRequests().length };
  } finally {
    await server.close();
  }
}

const decisions = (home: string) =>
  [...readAuditLog({ auditDir: path.join(home, '.warden', 'audit') })].map((line) => line.record);

describe('rolling Warden out with the real Claude Code', () => {
  it('after the package is removed, blocks with the way back and the way out, and warden-off lets the user go on', async () => {
    const { home, project, root } = await workspace();
    const installed = installPackageCopy(root);
    const output = wardenClaudeCode({
      bin: path.join(installed, 'dist', 'bin.cjs'),
      home,
      args: ['install'],
    });
    expect(output).toContain('Installed Warden');
    const settings = readFileSync(path.join(home, '.claude', 'settings.json'), 'utf8');
    // The settings name the stable launcher, not the package or Node.
    expect(settings).toContain(path.join(home, '.warden', 'bin', 'warden-claude-code'));
    expect(settings).not.toContain(installed);

    const marker = path.join(project, 'made-by-agent');
    const touch: ScriptedAnthropicTurn[] = [
      { toolUse: { name: 'Bash', input: { command: `touch ${marker}` } } },
    ];
    const guarded = await run({ home, cwd: project, script: touch });
    expect(existsSync(marker)).toBe(true);
    expect(
      decisions(home).some((record) => record.hookEvent === 'PreToolUse' && record.effect === 'allow'),
    ).toBe(true);
    rmSync(marker);
    expect(guarded.messageRequests).toBeGreaterThan(0);

    // `npm uninstall -g @warden/claude-code`.
    rmSync(installed, { recursive: true, force: true });
    const stranded = await run({ home, cwd: project, script: touch });
    expect(stranded.messageRequests).toBe(0);
    expect(existsSync(marker)).toBe(false);
    const shown = `${stranded.result.resultText ?? ''}\n${stranded.result.stdout}`;
    expect(shown).toContain('Warden cannot run: its program');
    expect(shown).toContain('npm install -g @warden/claude-code @warden/cli && warden install');
    const offScript = path.join(home, '.warden', 'bin', 'warden-off');
    expect(shown).toContain(`sh '${offScript}'`);

    // The way out: one command, no Node, no JSON editing.
    const off = spawnSync('/bin/sh', [offScript], {
      encoding: 'utf8',
      env: { PATH: '/usr/bin:/bin', HOME: home },
    });
    expect(off.status).toBe(0);
    const released = await run({ home, cwd: project, script: touch });
    expect(released.messageRequests).toBeGreaterThan(0);
    expect(existsSync(marker)).toBe(true);
  });

  it('guards a fresh checkout of a project install from another HOME, with nothing machine-specific committed', async () => {
    const first = await workspace();
    const bin = path.join(packageDir, 'dist', 'bin.cjs');
    wardenClaudeCode({ bin, home: first.home, cwd: first.project, args: ['install', '--scope', 'project'] });
    const committed = readFileSync(path.join(first.project, '.claude', 'settings.json'), 'utf8');
    expect(committed).not.toContain(first.home);
    expect(committed).not.toContain(process.execPath);
    expect(committed).not.toContain(packageDir);

    // A teammate: another HOME, the committed file only.
    const second = await workspace();
    mkdirSync(path.join(second.project, '.claude'), { recursive: true });
    writeFileSync(path.join(second.project, '.claude', 'settings.json'), committed);
    const victim = path.join(second.home, 'important');
    mkdirSync(victim);
    writeFileSync(path.join(victim, 'thesis.txt'), 'four years of work\n');
    const destroy: ScriptedAnthropicTurn[] = [
      { toolUse: { name: 'Bash', input: { command: `rm -rf ${victim}` } } },
    ];

    // Warden not installed for this user yet: not silently unguarded, told what to run.
    const before = await run({ home: second.home, cwd: second.project, script: destroy });
    expect(before.messageRequests).toBe(0);
    expect(`${before.result.resultText}\n${before.result.stdout}`).toContain(
      'This project is guarded by Warden, which is not installed for this user: run npx @warden/cli install',
    );
    expect(existsSync(victim)).toBe(true);

    // The teammate installs Warden; the committed file does not change.
    wardenClaudeCode({
      bin,
      home: second.home,
      cwd: second.project,
      args: ['install', '--scope', 'project'],
    });
    expect(readFileSync(path.join(second.project, '.claude', 'settings.json'), 'utf8')).toBe(committed);
    const after = await run({ home: second.home, cwd: second.project, script: destroy });
    expect(existsSync(path.join(victim, 'thesis.txt'))).toBe(true);
    expect(after.toolResults[0]).toMatchObject({ isError: true });
    expect(after.toolResults[0]!.content).toContain('Warden (shell.recursive-delete-outside-project)');
    expect(decisions(second.home).find((record) => record.effect === 'deny')).toMatchObject({
      agent: 'claude-code',
    });
  });

  it('guards a fresh checkout on another HOME through the plugin: one enabledPlugins line committed', async () => {
    // The marketplace as a team would host it (here a local directory: the test runs offline),
    // holding this package as the plugin: .claude-plugin/plugin.json, hooks/, dist/.
    const { home, project, root } = await workspace();
    const marketplace = path.join(root, 'marketplace');
    const plugin = path.join(marketplace, 'warden');
    for (const entry of ['.claude-plugin', 'hooks', 'dist', 'package.json'])
      cpSync(path.join(packageDir, entry), path.join(plugin, entry), { recursive: true });
    mkdirSync(path.join(marketplace, '.claude-plugin'));
    const published = JSON.parse(
      readFileSync(path.join(packageDir, '..', '..', '.claude-plugin', 'marketplace.json'), 'utf8'),
    );
    published.plugins[0].source = './warden';
    writeFileSync(path.join(marketplace, '.claude-plugin', 'marketplace.json'), JSON.stringify(published));
    mkdirSync(path.join(project, '.claude'));
    writeFileSync(
      path.join(project, '.claude', 'settings.json'),
      JSON.stringify({
        extraKnownMarketplaces: { warden: { source: { source: 'directory', path: marketplace } } },
        enabledPlugins: { 'warden@warden': true },
      }),
    );
    const victim = path.join(home, 'important');
    mkdirSync(victim);
    writeFileSync(path.join(victim, 'thesis.txt'), 'four years of work\n');
    const claude = path.join(packageDir, 'node_modules', '.bin', 'claude');
    // What a teammate runs once: add the team's marketplace, install what the project enables.
    const teammate = {
      cwd: project,
      env: {
        PATH: `${path.dirname(process.execPath)}:/usr/bin:/bin`,
        HOME: home,
        DISABLE_TELEMETRY: '1',
        CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
        DISABLE_AUTOUPDATER: '1',
      },
      encoding: 'utf8' as const,
    };
    execFileSync(claude, ['plugin', 'marketplace', 'add', marketplace], teammate);
    execFileSync(claude, ['plugin', 'install', 'warden@warden', '--scope', 'project'], {
      cwd: project,
      env: {
        PATH: `${path.dirname(process.execPath)}:/usr/bin:/bin`,
        HOME: home,
        DISABLE_TELEMETRY: '1',
        CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
        DISABLE_AUTOUPDATER: '1',
      },
      encoding: 'utf8',
    });
    const { toolResults } = await run({
      home,
      cwd: project,
      script: [{ toolUse: { name: 'Bash', input: { command: `rm -rf ${victim}` } } }],
    });
    expect(existsSync(path.join(victim, 'thesis.txt'))).toBe(true);
    expect(toolResults[0]).toMatchObject({ isError: true });
    expect(toolResults[0]!.content).toContain('Warden (shell.recursive-delete-outside-project)');
    expect(existsSync(path.join(home, '.warden', 'bin'))).toBe(false);
  });

  it('keeps rm -rf ~ denied when the repository policy tries to allow it', async () => {
    const { home, project } = await workspace();
    mkdirSync(path.join(project, '.git'));
    mkdirSync(path.join(project, '.warden'));
    writeFileSync(
      path.join(project, '.warden', 'policy.yaml'),
      [
        'mode: observe',
        'defaultEffect: allow',
        'disable: [shell.recursive-delete-outside-project, shell.delete-system]',
        'rules:',
        '  - id: shell.recursive-delete-outside-project',
        '    effect: allow',
        '    reason: this repository may delete anything',
        '',
      ].join('\n'),
    );
    writeFileSync(path.join(home, 'thesis.txt'), 'four years of work\n');
    wardenClaudeCode({ bin: path.join(packageDir, 'dist', 'bin.cjs'), home, args: ['install'] });
    const { toolResults } = await run({
      home,
      cwd: project,
      script: [{ toolUse: { name: 'Bash', input: { command: 'rm -rf ~' } } }],
    });
    expect(existsSync(path.join(home, 'thesis.txt'))).toBe(true);
    expect(toolResults[0]).toMatchObject({ isError: true });
    expect(toolResults[0]!.content).toMatch(
      /Warden \(shell\.(recursive-delete-outside-project|delete-system)\)/,
    );
    const denial = decisions(home).find((record) => record.hookEvent === 'PreToolUse');
    expect(denial).toMatchObject({ effect: 'deny', mode: 'enforce' });
  });
});
