import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeLauncher } from './write-launcher.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'warden-launcher-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const payload = (event: string) =>
  JSON.stringify({ session_id: 's', hook_event_name: event, tool_name: 'Bash' });
function launch(script: string, event: string, env: NodeJS.ProcessEnv = { PATH: '/usr/bin:/bin' }) {
  const { file } = writeLauncher({
    wardenHome: path.join(dir, '.warden'),
    name: 'warden-claude-code',
    nodePath: process.execPath,
    hookScript: script,
    blockingEvents: ['PreToolUse', 'UserPromptSubmit', 'PermissionRequest'],
    failure: 'closed',
    packageName: '@warden/claude-code',
  });
  return spawnSync('/bin/sh', ['-c', `'${file}' hook`], { input: payload(event), encoding: 'utf8', env });
}

describe('writeLauncher', () => {
  it('runs the hook script with the recorded Node, passing stdin and arguments', () => {
    const script = path.join(dir, 'bin.cjs');
    writeFileSync(
      script,
      `let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{process.stdout.write(process.argv[2]+' '+JSON.parse(s).hook_event_name)})`,
    );
    const result = launch(script, 'PreToolUse');
    expect(result).toMatchObject({ status: 0, stdout: 'hook PreToolUse' });
  });

  it('blocks tool calls and prompts with the way back and the way out when the package is gone', () => {
    const gone = path.join(dir, 'node_modules', '@warden', 'claude-code', 'dist', 'bin.cjs');
    const blocked = launch(gone, 'PreToolUse');
    expect(blocked.status).toBe(2);
    expect(blocked.stderr).toContain(`Warden cannot run: its program (${gone}) is missing.`);
    expect(blocked.stderr).toMatch(
      /Restore it: +npm install -g @warden\/claude-code @warden\/cli && warden install/,
    );
    expect(blocked.stderr).toContain(`sh '${path.join(dir, '.warden', 'bin', 'warden-off')}'`);
    expect(launch(gone, 'UserPromptSubmit{').status).toBe(0);
    // Stop must never be blocked (the agent would loop), nor session events.
    expect(launch(gone, 'Stop').status).toBe(0);
    expect(launch(gone, 'SessionStart').status).toBe(0);
  });

  it('says Node is missing when the recorded Node is gone and none is on PATH', () => {
    const script = path.join(dir, 'bin.cjs');
    writeFileSync(script, '');
    const { file } = writeLauncher({
      wardenHome: path.join(dir, '.warden'),
      name: 'warden-claude-code',
      nodePath: path.join(dir, 'nvm', 'v22.1.0', 'bin', 'node'),
      hookScript: script,
      blockingEvents: ['PreToolUse'],
      failure: 'closed',
      packageName: '@warden/claude-code',
    });
    const result = spawnSync('/bin/sh', ['-c', `'${file}' hook`], {
      input: payload('PreToolUse'),
      encoding: 'utf8',
      env: { PATH: '/nonexistent' },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /Warden cannot run: Node\.js \(.*nvm\/v22\.1\.0\/bin\/node, and no node on PATH\) is missing/,
    );
  });

  it('lets the agent go on after warden-off, and a new install switches the guard back on', () => {
    const gone = path.join(dir, 'gone.cjs');
    launch(gone, 'PreToolUse');
    const off = spawnSync('/bin/sh', [path.join(dir, '.warden', 'bin', 'warden-off')], {
      encoding: 'utf8',
      env: { PATH: '/usr/bin:/bin' },
    });
    expect(off.stdout).toMatch(/Warden is off/);
    expect(existsSync(path.join(dir, '.warden', 'off'))).toBe(true);
    // launch() rewrites the launcher, which is what an install does: the marker goes.
    expect(launch(gone, 'PreToolUse').status).toBe(2);
    spawnSync('/bin/sh', [path.join(dir, '.warden', 'bin', 'warden-off')]);
    const after = spawnSync(
      '/bin/sh',
      ['-c', `'${path.join(dir, '.warden', 'bin', 'warden-claude-code')}' hook`],
      {
        input: payload('PreToolUse'),
        encoding: 'utf8',
        env: { PATH: '/usr/bin:/bin' },
      },
    );
    expect(after).toMatchObject({ status: 0, stderr: '' });
  });
});

describe('writeLauncher serve-session', () => {
  const rpc = (id: number | string, method: string, params: unknown) =>
    JSON.stringify({ jsonrpc: '2.0', id, method, params });
  const call = (id: number, event: string) =>
    rpc(id, 'tools/call', {
      name: 'decide',
      arguments: { hook_event_name: event, session_id: 's', tool_input: '{"command":"ls","id":7}' },
    });
  function serve(lines: string[]) {
    const gone = path.join(dir, 'node_modules', '@warden', 'claude-code', 'dist', 'bin.cjs');
    const { file, offScript } = writeLauncher({
      wardenHome: path.join(dir, '.warden'),
      name: 'warden-claude-code',
      nodePath: path.join(dir, 'no-node'),
      hookScript: gone,
      blockingEvents: ['PreToolUse', 'UserPromptSubmit', 'PermissionRequest'],
      failure: 'closed',
      packageName: '@warden/claude-code',
    });
    const run = () =>
      spawnSync('/bin/sh', ['-c', `'${file}' serve-session`], {
        input: `${lines.join('\n')}\n`,
        encoding: 'utf8',
        env: { PATH: '' },
        timeout: 10_000,
      });
    return { run, offScript, file };
  }
  const answers = (stdout: string) =>
    stdout
      .trim()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as { id: unknown; result?: Record<string, unknown>; error?: { code: number } },
      );
  const text = (answer: { result?: Record<string, unknown> }) =>
    (answer.result as { content: Array<{ text: string }> }).content[0]!.text;

  it('answers the MCP calls itself when the program is gone: the way back and the way out, blocking only blocking events', () => {
    const { run, offScript } = serve([
      rpc('server-discover-probe-1', 'server/discover', {}),
      rpc(0, 'initialize', { protocolVersion: '2025-11-25', capabilities: {} }),
      JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }),
      rpc(1, 'tools/list', {}),
      call(2, 'PreToolUse'),
      call(3, 'PostToolUse'),
      call(4, 'UserPromptSubmit'),
      call(5, 'PermissionRequest'),
      call(6, 'Stop'),
    ]);
    const result = run();
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('Warden cannot run');
    const [discover, init, list, pre, post, prompt, permission, stop] = answers(result.stdout);
    expect(discover).toMatchObject({ id: 'server-discover-probe-1', error: { code: -32601 } });
    expect(init).toMatchObject({ id: 0, result: { protocolVersion: '2025-11-25' } });
    expect(list).toMatchObject({
      id: 1,
      result: { tools: [{ name: 'decide', _meta: { ui: { visibility: ['app'] } } }] },
    });
    const deny = JSON.parse(text(pre!));
    expect(pre!.id).toBe(2);
    expect(deny.hookSpecificOutput).toMatchObject({
      hookEventName: 'PreToolUse',
      permissionDecision: 'deny',
    });
    expect(deny.hookSpecificOutput.permissionDecisionReason).toContain(
      'npm install -g @warden/claude-code @warden/cli',
    );
    expect(deny.hookSpecificOutput.permissionDecisionReason).toContain(`sh ${offScript}`);
    expect(text(post!)).toBe('');
    expect(JSON.parse(text(prompt!))).toMatchObject({ decision: 'block' });
    expect(JSON.parse(text(permission!)).hookSpecificOutput.decision.behavior).toBe('deny');
    expect(text(stop!)).toBe('');
  });

  it('lets every call go on after warden-off', () => {
    const { run, offScript } = serve([call(1, 'PreToolUse')]);
    spawnSync('/bin/sh', [offScript], { encoding: 'utf8', env: { PATH: '' } });
    const [answer] = answers(run().stdout);
    expect(answer).toMatchObject({ id: 1 });
    expect(text(answer!)).toBe('');
  });
});
