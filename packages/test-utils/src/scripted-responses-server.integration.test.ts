import { afterEach, describe, expect, it } from 'vitest';
import { type ScriptedResponsesServer, startScriptedResponsesServer } from './scripted-responses-server.ts';

let server: ScriptedResponsesServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface SseEvent {
  event: string;
  data: Record<string, unknown>;
}

async function post(body: unknown): Promise<SseEvent[]> {
  const response = await fetch(`${server!.baseUrl}/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  expect(response.headers.get('content-type')).toBe('text/event-stream');
  const text = await response.text();
  return text
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? '';
      const data = JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? '{}') as Record<string, unknown>;
      return { event, data };
    });
}

const doneItem = (events: SseEvent[]) =>
  events.find((event) => event.event === 'response.output_item.done')?.data.item as Record<string, unknown>;

describe('startScriptedResponsesServer', () => {
  it('streams the Responses API events in order, the n-th scripted call for n tool outputs', async () => {
    server = await startScriptedResponsesServer({
      script: [
        { functionCall: { name: 'exec_command', arguments: { cmd: 'ls' } } },
        { customToolCall: { name: 'apply_patch', input: '*** Begin Patch\n*** End Patch' } },
      ],
      finalText: 'All done.',
    });
    const user = { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'go' }] };

    const first = await post({
      model: 'gpt-test',
      input: [user],
      tools: [{ type: 'function', name: 'exec_command' }],
    });
    expect(first.map((event) => event.event)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.output_item.done',
      'response.completed',
    ]);
    for (const event of first) expect(event.data.type).toBe(event.event);
    const call = doneItem(first);
    expect(call).toMatchObject({ type: 'function_call', name: 'exec_command', arguments: '{"cmd":"ls"}' });

    const second = await post({
      input: [user, call, { type: 'function_call_output', call_id: call.call_id, output: 'a.txt' }],
    });
    expect(doneItem(second)).toMatchObject({ type: 'custom_tool_call', name: 'apply_patch' });

    const third = await post({
      input: [
        user,
        { type: 'function_call_output', call_id: 'one', output: 'x' },
        {
          type: 'custom_tool_call_output',
          call_id: 'two',
          output: [{ type: 'input_text', text: 'patched' }],
        },
      ],
    });
    expect(doneItem(third)).toMatchObject({
      type: 'message',
      role: 'assistant',
      content: [{ type: 'output_text', text: 'All done.' }],
    });
    const completed = third.at(-1)!.data.response as Record<string, unknown>;
    expect(completed.status).toBe('completed');
    expect(completed.usage).toMatchObject({ input_tokens: expect.any(Number) });

    expect(server.responseRequests()).toHaveLength(3);
    expect(server.offeredTools()).toEqual(['exec_command']);
    expect(server.toolOutputs()).toEqual([
      { callId: call.call_id, type: 'function_call_output', output: 'a.txt' },
      { callId: 'one', type: 'function_call_output', output: 'x' },
      { callId: 'two', type: 'custom_tool_call_output', output: 'patched' },
    ]);
  });

  it('answers other paths with 404 and records them', async () => {
    server = await startScriptedResponsesServer({ script: [] });
    const response = await fetch(`${server.baseUrl}/nothing`, { signal: AbortSignal.timeout(10_000) });
    expect(response.status).toBe(404);
    expect(server.requests.map((request) => request.path)).toEqual(['/v1/nothing']);
  });
});
