import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runSessionServer, type SessionToolHandler } from './run-session-server.js';

interface Harness {
  send(line: string): void;
  end(): Promise<void>;
  /** Every JSON-RPC message written so far, parsed (a non-JSON line fails the test). */
  messages(): Array<Record<string, unknown>>;
  next(count: number): Promise<Array<Record<string, unknown>>>;
  raw(): string;
}

function start(options: {
  handler?: Partial<SessionToolHandler>;
  deadlineMs?: number;
  maxLineBytes?: number;
  extraTools?: Parameters<typeof runSessionServer>[0]['extraTools'];
}): Harness {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  const decide: SessionToolHandler = {
    handle: options.handler?.handle ?? (async (args) => JSON.stringify({ echo: args })),
    onFailure: options.handler?.onFailure ?? ((_args, reason) => JSON.stringify({ failed: reason })),
  };
  const done = runSessionServer({
    serverName: 'warden',
    serverVersion: '0.0.0-test',
    decide,
    deadlineMs: options.deadlineMs ?? 2000,
    input,
    output,
    log: () => {},
    ...(options.maxLineBytes ? { maxLineBytes: options.maxLineBytes } : {}),
    ...(options.extraTools ? { extraTools: options.extraTools } : {}),
  });
  const messages = () =>
    text
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return {
    send: (line) => input.write(line.endsWith('\n') ? line : `${line}\n`),
    end: async () => {
      input.end();
      await done;
    },
    messages,
    raw: () => text,
    next: async (count) => {
      for (let attempt = 0; attempt < 500 && messages().length < count; attempt++)
        await new Promise((resolve) => setTimeout(resolve, 5));
      return messages();
    },
  };
}

const call = (id: number | string, args: unknown, name = 'decide') =>
  JSON.stringify({ jsonrpc: '2.0', id, method: 'tools/call', params: { name, arguments: args } });

describe('runSessionServer', () => {
  it('answers the exchange Claude Code opens with: discover probe, initialize, tools/list', async () => {
    const server = start({});
    server.send('{"jsonrpc":"2.0","id":"server-discover-probe-1","method":"server/discover","params":{}}');
    server.send(
      '{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"claude-code","version":"2.1.330"}}}',
    );
    server.send('{"jsonrpc":"2.0","method":"notifications/initialized"}');
    server.send('{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{}}');
    const [discover, initialize, list] = await server.next(3);
    expect(discover).toMatchObject({ id: 'server-discover-probe-1', error: { code: -32601 } });
    expect(initialize).toEqual({
      jsonrpc: '2.0',
      id: 0,
      result: {
        protocolVersion: '2025-11-25',
        capabilities: { tools: { listChanged: false } },
        serverInfo: { name: 'warden', version: '0.0.0-test' },
      },
    });
    const tools = (list!.result as { tools: Array<Record<string, unknown>> }).tools;
    expect(tools).toHaveLength(1);
    expect(tools[0]).toMatchObject({
      name: 'decide',
      inputSchema: { type: 'object', additionalProperties: true },
      _meta: { ui: { visibility: ['app'] } },
    });
    await server.end();
    expect(server.messages()).toHaveLength(3);
  });

  it('answers a tools/call with the handler text, without needing tools/list first', async () => {
    const server = start({ handler: { handle: async (args) => `seen ${String(args.tool_name)}` } });
    server.send('{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18"}}');
    server.send(call(7, { tool_name: 'Bash' }));
    const messages = await server.next(2);
    expect(messages[1]).toEqual({
      jsonrpc: '2.0',
      id: 7,
      result: { content: [{ type: 'text', text: 'seen Bash' }] },
    });
    await server.end();
  });

  it('answers by the failure policy when the handler throws', async () => {
    const server = start({
      handler: {
        handle: async () => {
          throw new Error('boom');
        },
      },
    });
    server.send(call(1, { a: 1 }));
    const [answer] = await server.next(1);
    expect(answer).toEqual({
      jsonrpc: '2.0',
      id: 1,
      result: { content: [{ type: 'text', text: '{"failed":"boom"}' }] },
    });
    expect(server.raw()).not.toContain('at ');
    await server.end();
  });

  it('answers by the failure policy at the deadline when the handler hangs, and aborts it', async () => {
    let aborted = false;
    const server = start({
      deadlineMs: 50,
      handler: {
        handle: (_args, { signal }) =>
          new Promise<string>(() => {
            signal.addEventListener('abort', () => {
              aborted = true;
            });
          }),
      },
    });
    server.send(call(3, {}));
    const [answer] = await server.next(1);
    expect((answer!.result as { content: Array<{ text: string }> }).content[0]!.text).toBe(
      '{"failed":"no decision within 50 ms"}',
    );
    expect(aborted).toBe(true);
    // Input ends while nothing is pending: the server ends instead of waiting for the hung handler.
    await server.end();
  });

  it('answers a call whose arguments are not an object by the failure policy', async () => {
    const server = start({});
    server.send(call(1, 'a string'));
    server.send(call(2, [1, 2]));
    server.send(JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'decide' } }));
    const messages = await server.next(3);
    const texts = messages.map(
      (message) => (message.result as { content: Array<{ text: string }> }).content[0]!.text,
    );
    expect(texts).toEqual([
      '{"failed":"the hook arguments are string, not an object"}',
      '{"failed":"the hook arguments are an array, not an object"}',
      '{"failed":"the hook arguments are missing, not an object"}',
    ]);
    await server.end();
  });

  it('survives garbage lines, wrong types and unknown methods, answering each request', async () => {
    const server = start({});
    const lines = [
      'not json at all',
      '[1,2,3]',
      '42',
      'null',
      '{"jsonrpc":"2.0","id":{"x":1},"method":"ping"}',
      '{"jsonrpc":"2.0","id":5}',
      '{"jsonrpc":"2.0","id":6,"method":42}',
      '{"jsonrpc":"2.0","id":7,"method":"resources/list"}',
      '{"jsonrpc":"2.0","id":8,"method":"tools/call","params":{"name":"nope","arguments":{}}}',
      '{"jsonrpc":"2.0","id":9,"method":"tools/call","params":"nonsense"}',
      '{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":1}}',
      '{"jsonrpc":"2.0","id":10,"result":{}}',
      '\u0000\u0001\u0002',
      '{"jsonrpc":"2.0","id":11,"method":"ping"}',
    ];
    for (const line of lines) server.send(line);
    const messages = await server.next(12);
    await server.end();
    expect(messages.map((message) => [message.id, (message.error as { code?: number })?.code])).toEqual([
      [null, -32700],
      [null, -32600],
      [null, -32600],
      [null, -32600],
      [null, -32600],
      [5, -32600],
      [6, -32600],
      [7, -32601],
      [8, -32602],
      [9, -32602],
      [null, -32700],
      [11, undefined],
    ]);
  });

  it('answers a call on an oversized line by the failure policy and keeps serving', async () => {
    const server = start({ maxLineBytes: 1000 });
    server.send(call(12, { content: 'x'.repeat(5000) }));
    server.send('{"jsonrpc":"2.0","id":13,"method":"ping"}');
    const [oversized, ping] = await server.next(2);
    expect(oversized).toEqual({
      jsonrpc: '2.0',
      id: 12,
      result: { content: [{ type: 'text', text: '{"failed":"the hook input is longer than 1000 bytes"}' }] },
    });
    expect(ping).toEqual({ jsonrpc: '2.0', id: 13, result: {} });
    await server.end();
  });

  it('reads lines split across chunks, mid-character, and several lines in one chunk', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
    });
    const done = runSessionServer({
      serverName: 'warden',
      serverVersion: '0',
      decide: { handle: async (args) => JSON.stringify(args), onFailure: () => 'failed' },
      deadlineMs: 1000,
      input,
      output,
      log: () => {},
    });
    const bytes = Buffer.from(
      `${call(1, { part: 'é'.repeat(10) })}\n${call(2, { b: 2 })}\n${call(3, { c: 3 })}`,
    );
    // Cut inside the two bytes of the first é.
    const cut = bytes.indexOf(Buffer.from('é')) + 1;
    input.write(bytes.subarray(0, cut));
    input.write(bytes.subarray(cut));
    // The last line has no newline: still a message.
    input.end();
    await done;
    const answers = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: number; result: { content: Array<{ text: string }> } });
    expect(answers.map((answer) => answer.result.content[0]!.text)).toEqual([
      JSON.stringify({ part: 'é'.repeat(10) }),
      '{"b":2}',
      '{"c":3}',
    ]);
  });

  it('answers the calls in flight before it ends when input closes', async () => {
    const server = start({
      handler: { handle: () => new Promise((resolve) => setTimeout(() => resolve('late but answered'), 30)) },
    });
    server.send(call(1, {}));
    await server.end();
    expect(server.messages()).toEqual([
      { jsonrpc: '2.0', id: 1, result: { content: [{ type: 'text', text: 'late but answered' }] } },
    ]);
  });

  it('does not crash when its output is closed under it', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const done = runSessionServer({
      serverName: 'warden',
      serverVersion: '0',
      decide: { handle: async () => 'x', onFailure: () => 'failed' },
      deadlineMs: 1000,
      input,
      output,
      log: () => {},
    });
    output.destroy();
    input.write(`${call(1, {})}\n`);
    input.write('{"jsonrpc":"2.0","id":2,"method":"ping"}\n');
    input.end();
    await expect(done).resolves.toBeUndefined();
  });

  it('lists and runs extra tools only when given, with errors as isError results', async () => {
    const server = start({
      extraTools: [
        {
          name: 'policy_test',
          description: 'What would Warden decide',
          inputSchema: { type: 'object', properties: { command: { type: 'string' } } },
          call: async (args) => {
            if (typeof args.command !== 'string') throw new Error('command is required');
            return `checked ${args.command}`;
          },
        },
      ],
    });
    server.send('{"jsonrpc":"2.0","id":1,"method":"tools/list"}');
    server.send(call(2, { command: 'ls' }, 'policy_test'));
    server.send(call(3, {}, 'policy_test'));
    const [list, ok, bad] = await server.next(3);
    const tools = (list!.result as { tools: Array<{ name: string; _meta?: unknown }> }).tools;
    expect(tools.map((tool) => tool.name)).toEqual(['decide', 'policy_test']);
    expect(tools[1]!._meta).toBeUndefined();
    expect(ok!.result).toEqual({ content: [{ type: 'text', text: 'checked ls' }] });
    expect(bad!.result).toEqual({
      content: [{ type: 'text', text: 'policy_test failed: command is required' }],
      isError: true,
    });
    await server.end();
  });
});
