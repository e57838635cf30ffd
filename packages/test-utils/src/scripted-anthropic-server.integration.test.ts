import { existsSync } from 'node:fs';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { query } from '@anthropic-ai/claude-agent-sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { claudeEnvironment } from './claude-environment.ts';
import { runClaude } from './run-claude.ts';
import {
  type ScriptedAnthropicServer,
  type ScriptedAnthropicTurn,
  startScriptedAnthropicServer,
} from './scripted-anthropic-server.ts';
import { type AgentWorkspace, createAgentWorkspace } from './temp-dir.ts';

// Everything a test starts is registered here and torn down even when an assertion fails.
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function createWorkspace(): Promise<AgentWorkspace> {
  const workspace = await createAgentWorkspace({});
  cleanups.push(workspace.remove);
  return workspace;
}

async function startServer(options: { script: ScriptedAnthropicTurn[] }): Promise<ScriptedAnthropicServer> {
  const server = await startScriptedAnthropicServer({ script: options.script });
  cleanups.push(server.close);
  return server;
}

async function writeExecutable(options: { path: string; text: string }): Promise<string> {
  await writeFile(options.path, options.text);
  await chmod(options.path, 0o755);
  return options.path;
}

async function writeUserHooks(options: { workspace: AgentWorkspace; hooks: Record<string, unknown> }) {
  await writeFile(
    join(options.workspace.home, '.claude', 'settings.json'),
    JSON.stringify({ hooks: options.hooks }, null, 2),
  );
}

function touchMarker(workspace: AgentWorkspace): { marker: string; turn: ScriptedAnthropicTurn } {
  const marker = join(workspace.project, 'marker');
  return {
    marker,
    turn: {
      toolUse: { name: 'Bash', input: { command: `touch ${marker}`, description: 'Create the marker' } },
    },
  };
}

async function postMessages(options: {
  server: ScriptedAnthropicServer;
  body: Record<string, unknown>;
}): Promise<Response> {
  return fetch(`${options.server.url}/v1/messages?beta=true`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': 'dummy' },
    body: JSON.stringify(options.body),
    signal: AbortSignal.timeout(10_000),
  });
}

async function postMessagesForJson(options: {
  server: ScriptedAnthropicServer;
  body: Record<string, unknown>;
}): Promise<Record<string, unknown>> {
  return (await (await postMessages(options)).json()) as Record<string, unknown>;
}

const bashTool = { name: 'Bash', description: 'Run a command', input_schema: { type: 'object' } };

describe('startScriptedAnthropicServer', () => {
  it('streams a tool_use turn as the Messages API event sequence', async () => {
    const server = await startServer({
      script: [{ toolUse: { name: 'Bash', input: { command: 'ls -la' } } }],
    });
    const response = await postMessages({
      server,
      body: {
        model: 'claude-test',
        stream: true,
        tools: [bashTool],
        messages: [{ role: 'user', content: 'go' }],
      },
    });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const events = (await response.text())
      .split('\n\n')
      .filter((frame) => frame.length > 0)
      .map((frame) => {
        const [eventLine, dataLine] = frame.split('\n');
        return {
          event: eventLine?.slice('event: '.length),
          data: JSON.parse(dataLine?.slice('data: '.length) ?? ''),
        };
      });
    expect(events.map((event) => event.event)).toEqual([
      'message_start',
      'ping',
      'content_block_start',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    const start = events[2]?.data;
    expect(start.content_block).toMatchObject({ type: 'tool_use', name: 'Bash', input: {} });
    expect(start.content_block.id).toMatch(/^toolu_/);
    const json = events
      .filter((event) => event.event === 'content_block_delta')
      .map((event) => event.data.delta.partial_json)
      .join('');
    expect(JSON.parse(json)).toEqual({ command: 'ls -la' });
    expect(events[5]?.data.delta.stop_reason).toBe('tool_use');
    expect(events[0]?.data.message.model).toBe('claude-test');
  });

  it('chooses the turn from the tool results in the conversation, so a retry gets the same turn', async () => {
    const server = await startServer({
      script: [{ toolUse: { name: 'Bash', input: { command: 'true' } } }, { text: 'second turn' }],
    });
    const afterOneTool = {
      model: 'claude-test',
      stream: false,
      tools: [bashTool],
      messages: [
        { role: 'user', content: 'go' },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: 'Bash', input: {} }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: 'ok' }] },
      ],
    };
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const message = await postMessagesForJson({ server, body: afterOneTool });
      expect(message).toMatchObject({
        type: 'message',
        role: 'assistant',
        stop_reason: 'end_turn',
        content: [{ type: 'text', text: 'second turn' }],
      });
    }
    expect(server.toolResults()).toEqual([{ toolUseId: 'toolu_1', content: 'ok', isError: false }]);
  });

  it('answers side queries without tools with short text and does not use up the script', async () => {
    const server = await startServer({ script: [{ text: 'scripted answer' }] });
    const side = await postMessagesForJson({
      server,
      body: { model: 'm', messages: [{ role: 'user', content: 'title?' }] },
    });
    expect(side.content).toEqual([{ type: 'text', text: 'OK' }]);
    const main = await postMessagesForJson({
      server,
      body: { model: 'm', tools: [bashTool], messages: [{ role: 'user', content: 'go' }] },
    });
    expect(main.content).toEqual([{ type: 'text', text: 'scripted answer' }]);
  });

  it('answers the connectivity probe and unknown paths without failing', async () => {
    const server = await startServer({ script: [] });
    const hello = await fetch(`${server.url}/api/hello`, {
      method: 'HEAD',
      signal: AbortSignal.timeout(10_000),
    });
    expect(hello.status).toBe(200);
    const unknown = await fetch(`${server.url}/v1/models`, { signal: AbortSignal.timeout(10_000) });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ type: 'error', error: { type: 'not_found_error' } });
    expect(server.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'HEAD /api/hello',
      'GET /v1/models',
    ]);
  });
});

describe('runClaude with the real Claude Code CLI', () => {
  it('runs a scripted Bash call and sends its result back to the model', async () => {
    const workspace = await createWorkspace();
    const { marker, turn } = touchMarker(workspace);
    const server = await startServer({ script: [turn, { text: 'Marker created.' }] });

    const run = await runClaude({
      prompt: 'Create the marker file.',
      baseUrl: server.url,
      cwd: workspace.project,
      home: workspace.home,
    });

    expect(run.exitCode, run.stderr).toBe(0);
    expect(existsSync(marker)).toBe(true);
    expect(run.resultText).toBe('Marker created.');
    expect(run.messages[0]).toMatchObject({ type: 'system', subtype: 'init' });
    const requests = server.messageRequests();
    expect(requests).toHaveLength(2);
    expect(requests[0]?.url).toBe('/v1/messages?beta=true');
    expect(requests[0]?.headers['user-agent']).toMatch(/^claude-cli\/2\.1\.330/);
    expect(JSON.stringify(requests[0]?.body)).toContain('Create the marker file.');
    expect(server.toolResults()).toEqual([
      { toolUseId: expect.stringMatching(/^toolu_/), content: expect.any(String), isError: false },
    ]);
    expect(JSON.stringify(requests[1]?.body)).toContain(server.toolResults()[0]?.toolUseId);
  });

  it('lets a PreToolUse command hook in $HOME/.claude/settings.json deny the Bash call', async () => {
    const workspace = await createWorkspace();
    const { marker, turn } = touchMarker(workspace);
    const server = await startServer({ script: [turn, { text: 'I was stopped.' }] });
    const hookInput = join(workspace.root, 'hook-input.json');
    const hook = await writeExecutable({
      path: join(workspace.root, 'deny-hook.sh'),
      text: [
        '#!/bin/sh',
        `cat > '${hookInput}'`,
        `echo '{"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"deny","permissionDecisionReason":"blocked by warden test"}}'`,
        '',
      ].join('\n'),
    });
    await writeUserHooks({
      workspace,
      hooks: { PreToolUse: [{ matcher: '*', hooks: [{ type: 'command', command: hook, timeout: 30 }] }] },
    });

    const run = await runClaude({
      prompt: 'Create the marker file.',
      baseUrl: server.url,
      cwd: workspace.project,
      home: workspace.home,
    });

    expect(run.exitCode, run.stderr).toBe(0);
    expect(existsSync(marker)).toBe(false);
    expect(JSON.parse(await readFile(hookInput, 'utf8'))).toMatchObject({
      hook_event_name: 'PreToolUse',
      tool_name: 'Bash',
      tool_input: { command: `touch ${marker}` },
    });
    const [result] = server.toolResults();
    expect(result).toEqual({
      toolUseId: expect.stringMatching(/^toolu_/),
      content: 'PreToolUse:Bash hook error: blocked by warden test',
      isError: true,
    });
    expect(run.resultText).toBe('I was stopped.');
  });

  it('plays text turns in order when a Stop hook sends the model back to work', async () => {
    const workspace = await createWorkspace();
    const server = await startServer({ script: [{ text: 'first answer' }, { text: 'second answer' }] });
    // Block only the first stop; Claude Code marks the re-run with stop_hook_active:true.
    const hook = await writeExecutable({
      path: join(workspace.root, 'stop-hook.sh'),
      text: [
        '#!/bin/sh',
        `if ! grep -q '"stop_hook_active":true'; then`,
        `  echo '{"decision":"block","reason":"keep going"}'`,
        'fi',
        '',
      ].join('\n'),
    });
    await writeUserHooks({
      workspace,
      hooks: { Stop: [{ hooks: [{ type: 'command', command: hook, timeout: 30 }] }] },
    });

    const run = await runClaude({
      prompt: 'Answer.',
      baseUrl: server.url,
      cwd: workspace.project,
      home: workspace.home,
    });

    expect(run.exitCode, run.stderr).toBe(0);
    expect(server.messageRequests()).toHaveLength(2);
    expect(run.resultText).toBe('second answer');
  });

  it('kills the run at the timeout', async () => {
    const workspace = await createWorkspace();
    // A server that accepts the connection and never answers keeps Claude Code waiting.
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          silent.close(() => resolve());
          silent.closeAllConnections();
        }),
    );
    const address = silent.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;

    const started = Date.now();
    const run = await runClaude({
      prompt: 'hello',
      baseUrl: `http://127.0.0.1:${port}`,
      cwd: workspace.project,
      home: workspace.home,
      timeoutMs: 3_000,
    });

    expect(run.timedOut).toBe(true);
    // Claude Code handles SIGTERM itself and exits with 143 rather than dying by the signal.
    expect(run.exitCode).not.toBe(0);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});

describe('the real Claude Agent SDK against the scripted server', () => {
  it('runs a scripted Bash call through query()', async () => {
    const workspace = await createWorkspace();
    const { marker, turn } = touchMarker(workspace);
    const server = await startServer({ script: [turn, { text: 'SDK done.' }] });
    const abortController = new AbortController();
    const timer = setTimeout(() => abortController.abort(), 45_000);

    const messages = [];
    try {
      for await (const message of query({
        prompt: 'Create the marker file.',
        options: {
          cwd: workspace.project,
          settingSources: [],
          permissionMode: 'bypassPermissions',
          allowDangerouslySkipPermissions: true,
          env: claudeEnvironment({ baseUrl: server.url, home: workspace.home }),
          abortController,
        },
      })) {
        messages.push(message);
      }
    } finally {
      clearTimeout(timer);
    }

    expect(existsSync(marker)).toBe(true);
    expect(messages.at(-1)).toMatchObject({ type: 'result', subtype: 'success', result: 'SDK done.' });
    expect(server.messageRequests()).toHaveLength(2);
    expect(server.toolResults()).toEqual([
      { toolUseId: expect.stringMatching(/^toolu_/), content: expect.any(String), isError: false },
    ]);
  });
});
