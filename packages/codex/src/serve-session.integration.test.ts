import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readAuditLog } from '@warden/core';
import { createTempDir, type TempDir } from '@warden/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codexSessionInputTemplate } from './session-templates.js';
import { expandCodexTemplate, readSample } from './test-helpers.js';

// The built `warden-codex serve-session`, driven over stdio as Codex 0.169 drives it
// (session-hooks.md §10): newline-delimited JSON-RPC, initialize, tools/list, tools/call.

const bin = fileURLToPath(new URL('../dist/bin.cjs', import.meta.url));

let home: TempDir;
let env: Record<string, string>;
const children: ChildProcessWithoutNullStreams[] = [];
beforeEach(async () => {
  home = await createTempDir({ prefix: 'warden-codex-serve-' });
  env = { PATH: process.env.PATH ?? '', HOME: home.path };
});
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  await home.remove();
});

interface Server {
  child: ChildProcessWithoutNullStreams;
  send(message: unknown): void;
  /** Resolves with the response to `id` (bounded wait). */
  response(id: number | string | null, timeoutMs?: number): Promise<Record<string, unknown>>;
  messages: Record<string, unknown>[];
  exited: Promise<number | null>;
  stderr(): string;
}

function startServer(options: { args?: string[] } = {}): Server {
  const child = spawn(process.execPath, [bin, 'serve-session', ...(options.args ?? [])], {
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.push(child);
  const messages: Record<string, unknown>[] = [];
  let buffer = '';
  let stderr = '';
  const waiters: (() => void)[] = [];
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    let newline = buffer.indexOf('\n');
    while (newline !== -1) {
      messages.push(JSON.parse(buffer.slice(0, newline)) as Record<string, unknown>);
      buffer = buffer.slice(newline + 1);
      newline = buffer.indexOf('\n');
    }
    for (const wake of waiters.splice(0)) wake();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    messages,
    exited,
    stderr: () => stderr,
    send: (message) =>
      child.stdin.write(`${typeof message === 'string' ? message : JSON.stringify(message)}\n`),
    async response(id, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = messages.find((message) => message.id === id);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no response to ${String(id)}; stderr: ${stderr}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
    },
  };
}

const pre = readSample('codex-PreToolUse');
const argsFor = (native: Record<string, unknown>) =>
  expandCodexTemplate({
    template: codexSessionInputTemplate(native.hook_event_name as 'PreToolUse'),
    input: native,
  });
const call = (id: number, args: unknown) => ({
  jsonrpc: '2.0',
  id,
  method: 'tools/call',
  params: { name: 'decide', arguments: args, _meta: { threadId: 'thread-1' } },
});
const textOf = (response: Record<string, unknown>) =>
  ((response.result as { content: { text: string }[] }).content[0] as { text: string }).text;

function initialize(server: Server) {
  server.send({
    jsonrpc: '2.0',
    id: 0,
    method: 'initialize',
    params: {
      protocolVersion: '2025-06-18',
      capabilities: {},
      clientInfo: { name: 'codex-mcp-client', version: '0.169.0' },
    },
  });
  server.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
}

/** The command hook's stdout for the same native input, from the same built binary. */
function commandHookStdout(native: Record<string, unknown>, args: string[] = []): string {
  const run = spawnSync(process.execPath, [bin, 'hook', ...args], {
    env,
    input: JSON.stringify(native),
    encoding: 'utf8',
  });
  return run.stdout;
}

describe('warden-codex serve-session', () => {
  it('initializes, lists the decide tool hidden from the model, and answers as the command hook does', async () => {
    const server = startServer();
    initialize(server);
    const init = await server.response(0);
    expect(init.result).toMatchObject({ protocolVersion: '2025-06-18', serverInfo: { name: 'warden' } });
    server.send({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
    const list = (await server.response(1)).result as { tools: { name: string; _meta: unknown }[] };
    expect(list.tools).toEqual([
      expect.objectContaining({ name: 'decide', _meta: { ui: { visibility: ['app'] } } }),
    ]);

    const cases = [
      { ...pre, tool_input: { command: 'rm -rf ~/important' } },
      { ...pre, tool_input: { command: 'ls -la' } },
      readSample('codex-apply_patch-PreToolUse'),
      readSample('codex-PostToolUse'),
      readSample('codex-UserPromptSubmit'),
      readSample('codex-Stop'),
    ];
    cases.forEach((native, index) => {
      server.send(call(10 + index, argsFor(native)));
    });
    for (const [index, native] of cases.entries()) {
      const text = textOf(await server.response(10 + index));
      expect(text, JSON.stringify(native.tool_input ?? native.hook_event_name)).toBe(
        commandHookStdout(native),
      );
    }
    expect(textOf(await server.response(10))).toContain('"permissionDecision":"deny"');
    expect(textOf(await server.response(11))).toBe('');

    server.child.stdin.end();
    expect(await server.exited).toBe(0);
    // Every decision, the server's and the command hook's, is in the audit log with Codex's session id.
    const records = [...readAuditLog({ auditDir: `${home.path}/.warden/audit` })]
      .map((line) => line.record as { session?: string })
      .filter((record) => cases.some((native) => native.session_id === record.session));
    expect(records.length).toBeGreaterThanOrEqual(cases.length * 2);
  });

  it('answers garbage, empty, missing and huge calls, and stays up until its input closes', async () => {
    const server = startServer();
    initialize(server);
    await server.response(0);
    server.send('this is not json');
    server.send(call(1, ''));
    server.send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'decide' } });
    server.send(call(3, { hook_event_name: 'PreToolUse' }));
    server.send(call(4, { hook_event_name: 'PreToolUse', tool_name: 42 }));
    server.send(call(5, argsFor({ ...pre, tool_input: { command: `echo ${'x'.repeat(2_000_000)}` } })));
    server.send(call(6, argsFor({ ...pre, tool_input: { command: `rm -rf / ${'y'.repeat(500_000)}` } })));
    server.send({ jsonrpc: '2.0', id: 7, method: 'tools/call', params: { name: 'nope', arguments: {} } });
    server.send({ jsonrpc: '2.0', id: 8, method: 'resources/list' });
    server.send({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 5 } });
    server.send(call(9, null));
    server.send(call(10, [1, 2, 3]));

    for (const id of [1, 2, 3, 4, 9, 10]) {
      const text = textOf(await server.response(id));
      // The tool-call phase fails closed by default: a block Codex honours, with a reason and no stack.
      expect(text, `call ${id}`).toMatch(/"decision":"block"|"permissionDecision":"deny"/);
      expect(text).not.toMatch(/\n\s+at /);
    }
    // A 2 MB command: answered, exactly as the command hook answers it.
    const huge = { ...pre, tool_input: { command: `echo ${'x'.repeat(2_000_000)}` } };
    expect(textOf(await server.response(5))).toBe(commandHookStdout(huge));
    expect(textOf(await server.response(6))).toContain('"permissionDecision":"deny"');
    expect(await server.response(7)).toMatchObject({ error: { code: -32602 } });
    expect(await server.response(8)).toMatchObject({ error: { code: -32601 } });
    expect(server.messages.find((message) => message.id === null)).toMatchObject({ error: { code: -32700 } });

    // Everything answered, input still open: the server is still there (Codex would never restart it).
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(server.child.exitCode).toBeNull();
    server.send(call(11, argsFor({ ...pre, tool_input: { command: 'rm -rf /' } })));
    expect(textOf(await server.response(11))).toContain('"permissionDecision":"deny"');
    expect(server.stderr()).not.toMatch(/\n\s+at /);
    server.child.stdin.end();
    expect(await server.exited).toBe(0);
  });

  it('turns a policy ask into silence with --ask defer, as the command hook installed with it does', async () => {
    const dropTable = { ...pre, tool_input: { command: 'psql -c "DROP TABLE users"' } };
    for (const args of [[], ['--ask', 'defer']]) {
      const server = startServer({ args });
      initialize(server);
      server.send(call(1, argsFor(dropTable)));
      const text = textOf(await server.response(1));
      expect(text, args.join(' ')).toBe(commandHookStdout(dropTable, args));
      if (args.length === 0) expect(text).toContain('needs the user');
      else expect(text).toBe('');
      server.child.stdin.end();
      expect(await server.exited).toBe(0);
    }
  });

  it('offers the model read-only policy_test and audit_query only with --expose-tools', async () => {
    const plain = startServer();
    initialize(plain);
    plain.send({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
    const plainTools = ((await plain.response(1)).result as { tools: { name: string }[] }).tools;
    expect(plainTools.map((tool) => tool.name)).toEqual(['decide']);
    plain.child.stdin.end();
    await plain.exited;

    const server = startServer({ args: ['--expose-tools'] });
    initialize(server);
    server.send({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
    const tools = ((await server.response(1)).result as { tools: { name: string; _meta?: unknown }[] }).tools;
    expect(tools.map((tool) => tool.name)).toEqual(['decide', 'policy_test', 'audit_query']);
    // Only decide is hidden from the model.
    expect(tools.filter((tool) => tool._meta !== undefined).map((tool) => tool.name)).toEqual(['decide']);
    const tool = (id: number, name: string, args: Record<string, unknown>) =>
      server.send({ jsonrpc: '2.0', id, method: 'tools/call', params: { name, arguments: args } });

    // Before any hook call the server does not know its session: it says so instead of guessing.
    tool(2, 'audit_query', {});
    expect(await server.response(2)).toMatchObject({ result: { isError: true } });
    expect(textOf(await server.response(2))).toContain('session id');

    tool(3, 'policy_test', { command: 'rm -rf ~/important', read: '~/.ssh/id_rsa', write: '.env' });
    const answers = JSON.parse(textOf(await server.response(3))) as { effect: string; ruleId: string }[];
    expect(answers.map((answer) => answer.effect)).toEqual(['deny', 'deny', 'deny']);

    server.send(call(4, argsFor({ ...pre, tool_input: { command: 'rm -rf ~/important' } })));
    await server.response(4);
    tool(5, 'audit_query', { effect: 'deny' });
    const query = JSON.parse(textOf(await server.response(5))) as {
      scope: string;
      decisions: { session: string; tool: string; effect: string }[];
    };
    // Exactly the hook's decision: policy_test recorded nothing.
    expect(query).toMatchObject({
      scope: 'session',
      decisions: [{ session: pre.session_id, tool: 'Bash', effect: 'deny' }],
    });
    server.child.stdin.end();
    expect(await server.exited).toBe(0);
  });

  it('answers a call still in flight when its input closes, then exits', async () => {
    const server = startServer();
    initialize(server);
    server.send(call(1, argsFor({ ...pre, tool_input: { command: 'cat ~/.ssh/id_rsa' } })));
    server.child.stdin.end();
    expect(textOf(await server.response(1))).toContain('"permissionDecision":"deny"');
    expect(await server.exited).toBe(0);
  });
});
