import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readAuditLog } from '@warden/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../dist/bin.cjs', import.meta.url));

let home: string;
let child: ChildProcessWithoutNullStreams | undefined;
beforeEach(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'warden-serve-'));
});
afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = undefined;
  rmSync(home, { recursive: true, force: true });
});

function startServer(sessionId: string, extraArgs: string[] = []) {
  child = spawn(process.execPath, [bin, 'serve-session', ...extraArgs], {
    env: { PATH: process.env.PATH ?? '', HOME: home, CLAUDE_CODE_SESSION_ID: sessionId },
    cwd: home,
  });
  let stdout = '';
  let stderr = '';
  const waiters: Array<() => void> = [];
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    for (const wake of waiters.splice(0)) wake();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<number | null>((resolve) => child!.on('exit', (code) => resolve(code)));
  const lines = () => stdout.split('\n').filter((line) => line !== '');
  const server = child;
  return {
    process: server,
    send: (message: unknown) =>
      server.stdin.write(`${typeof message === 'string' ? message : JSON.stringify(message)}\n`),
    async answers(count: number) {
      const deadline = Date.now() + 20_000;
      while (lines().length < count && Date.now() < deadline)
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      return lines().map((line) => JSON.parse(line) as Record<string, unknown>);
    },
    stderr: () => stderr,
    exited,
  };
}

const call = (id: number, args: Record<string, unknown>) => ({
  jsonrpc: '2.0',
  id,
  method: 'tools/call',
  params: { name: 'decide', arguments: args },
});
const textOf = (message: Record<string, unknown> | undefined) =>
  ((message?.result ?? { content: [{ text: 'no answer' }] }) as { content: Array<{ text: string }> })
    .content[0]!.text;

describe('warden-claude-code serve-session', () => {
  it('serves a session: handshake, decisions, garbage, a pid file, and a clean exit when input ends', async () => {
    const server = startServer('sess-42');
    const pidFile = path.join(home, '.warden', 'run', 'claude-code-sess-42.pid');
    server.send({ jsonrpc: '2.0', id: 'server-discover-probe-1', method: 'server/discover', params: {} });
    server.send({ jsonrpc: '2.0', id: 0, method: 'initialize', params: { protocolVersion: '2025-11-25' } });
    server.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    const args = (command: string) => ({
      hook_event_name: 'PreToolUse',
      session_id: 'sess-42',
      cwd: home,
      tool_name: 'Bash',
      tool_input: JSON.stringify({ command }),
      prompt: '',
      stop_hook_active: '',
    });
    server.send(call(1, args('rm -rf ~')));
    server.send('this is not JSON {');
    server.send(call(2, args('ls')));
    server.send({
      jsonrpc: '2.0',
      id: 3,
      method: 'tools/call',
      params: { name: 'decide', arguments: 'garbage' },
    });
    const answers = await server.answers(6);
    expect(existsSync(pidFile)).toBe(true);
    expect(Number(readFileSync(pidFile, 'utf8'))).toBe(server.process.pid);
    const byId = new Map(answers.map((answer) => [answer.id, answer]));
    expect(byId.get('server-discover-probe-1')).toMatchObject({ error: { code: -32601 } });
    expect(byId.get(0)).toMatchObject({ result: { protocolVersion: '2025-11-25' } });
    expect(JSON.parse(textOf(byId.get(1)))).toMatchObject({
      hookSpecificOutput: { permissionDecision: 'deny' },
    });
    expect(textOf(byId.get(2))).toBe('');
    // Arguments that name no event: the most guarded answer, a block.
    expect(JSON.parse(textOf(byId.get(3)))).toMatchObject({ decision: 'block' });
    expect(byId.get(null)).toMatchObject({ error: { code: -32700 } });
    server.process.stdin.end();
    expect(await server.exited).toBe(0);
    expect(existsSync(pidFile)).toBe(false);
    expect(server.stderr()).not.toMatch(/\n\s+at /);
    const records = [...readAuditLog({ auditDir: path.join(home, '.warden', 'audit') })].map(
      (line) => line.record as Record<string, unknown>,
    );
    // The failure answer is synchronous, so it may be written first.
    expect(records.map((record) => `${record.session} ${record.effect}`).sort()).toEqual([
      'sess-42 allow',
      'sess-42 deny',
      'unknown deny',
    ]);
  });

  it('lists no tool for the model but the hidden one, unless --expose-tools adds the read-only ones', async () => {
    const plain = startServer('sess-plain');
    plain.send({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
    const [list] = await plain.answers(1);
    expect((list!.result as { tools: Array<{ name: string }> }).tools.map((tool) => tool.name)).toEqual([
      'decide',
    ]);
    plain.process.stdin.end();
    await plain.exited;

    const exposed = startServer('sess-tools', ['--expose-tools']);
    exposed.send({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
    exposed.send({
      jsonrpc: '2.0',
      id: 2,
      method: 'tools/call',
      params: { name: 'policy_test', arguments: { command: 'rm -rf ~' } },
    });
    exposed.send({
      jsonrpc: '2.0',
      id: 3,
      method: 'tools/call',
      params: { name: 'audit_query', arguments: {} },
    });
    const answers = await exposed.answers(3);
    const byId = new Map(answers.map((answer) => [answer.id, answer]));
    expect(
      (byId.get(1)!.result as { tools: Array<{ name: string }> }).tools.map((tool) => tool.name),
    ).toEqual(['decide', 'policy_test', 'audit_query']);
    expect(JSON.parse(textOf(byId.get(2)))).toMatchObject({
      effect: 'deny',
      ruleId: 'shell.recursive-delete-outside-project',
    });
    expect(JSON.parse(textOf(byId.get(3)))).toEqual({ scope: 'session', decisions: [] });
    exposed.process.stdin.end();
    expect(await exposed.exited).toBe(0);
  });

  it('exits at once on SIGINT, as Claude Code ends a session', async () => {
    const server = startServer('sess-int');
    server.send({ jsonrpc: '2.0', id: 0, method: 'initialize', params: { protocolVersion: '2025-11-25' } });
    await server.answers(1);
    server.process.kill('SIGINT');
    expect(await server.exited).toBe(0);
  });
});
