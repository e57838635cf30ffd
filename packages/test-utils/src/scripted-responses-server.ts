import type { ServerResponse } from 'node:http';
import {
  estimateTokens,
  isRecord,
  type RecordedRequest,
  sendJson,
  startRecordingServer,
} from './recording-server.ts';

/**
 * One scripted model turn for the OpenAI Responses API: call a function tool (`exec_command`,
 * `update_plan`, an MCP tool), call a freeform custom tool (`apply_patch`), or answer with text
 * (which ends the agent's turn).
 */
export type ScriptedResponsesTurn =
  | { functionCall: { name: string; arguments: Record<string, unknown> } }
  | { customToolCall: { name: string; input: string } }
  | { text: string };

export interface StartScriptedResponsesServerOptions {
  /** The model's turns, in order. */
  script: ScriptedResponsesTurn[];
  /** Answer once the script is exhausted. */
  finalText?: string;
}

export type RecordedResponsesRequest = RecordedRequest;

export interface ReceivedToolOutput {
  callId: string;
  /** `function_call_output` (function tools) or `custom_tool_call_output` (freeform tools such as apply_patch). */
  type: string;
  /** The output's text: a string output as is, text content items joined with newlines. */
  output: string;
}

export interface ScriptedResponsesServer {
  /** Base URL for a Codex model provider's `base_url`, e.g. `http://127.0.0.1:41234/v1`. */
  baseUrl: string;
  port: number;
  /** Every request received, in arrival order, including ones to other paths. */
  requests: RecordedResponsesRequest[];
  /** Only the `POST /v1/responses` requests. */
  responseRequests(): RecordedResponsesRequest[];
  /** Every distinct tool output the model received, in the order it first appeared. */
  toolOutputs(): ReceivedToolOutput[];
  /** The tool names offered to the model in the first `/v1/responses` request. */
  offeredTools(): string[];
  close(): Promise<void>;
}

// Bounded so a misbehaving client cannot make a test hang or eat memory.
const toolOutputTypes = new Set(['function_call_output', 'custom_tool_call_output']);

type OutputItem = Record<string, unknown> & { type: string };

/**
 * Starts a local stand-in for the OpenAI Responses API (`POST /v1/responses`, streamed as SSE:
 * response.created, response.in_progress, response.output_item.added/done, response.completed)
 * that plays a fixed script, so the real Codex CLI can run offline and deterministically.
 */
export async function startScriptedResponsesServer(
  options: StartScriptedResponsesServerOptions,
): Promise<ScriptedResponsesServer> {
  const finalText = options.finalText ?? 'Done.';
  let responseCounter = 0;
  const server = await startRecordingServer({
    route: ({ recorded, response }) => {
      responseCounter += 1;
      route({ recorded, response, script: options.script, finalText, sequence: responseCounter });
    },
    sendBodyError: ({ response, message }) => sendError({ response, status: 400, message }),
  });
  const { port, requests } = server;

  const responseRequests = () =>
    requests.filter((recorded) => recorded.method === 'POST' && recorded.path.endsWith('/responses'));

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    responseRequests,
    toolOutputs() {
      // Every request repeats the whole conversation, so the same output shows up in each later
      // request; keep the first sighting of each call id.
      const seen = new Map<string, ReceivedToolOutput>();
      for (const recorded of responseRequests()) {
        for (const output of toolOutputItems(recorded.body)) {
          if (!seen.has(output.callId)) seen.set(output.callId, output);
        }
      }
      return [...seen.values()];
    },
    offeredTools() {
      const first = responseRequests()[0];
      if (!first || !isRecord(first.body) || !Array.isArray(first.body.tools)) return [];
      return first.body.tools
        .filter(isRecord)
        .map((tool) => (typeof tool.name === 'string' ? tool.name : String(tool.type ?? '')));
    },
    close: () => server.close(),
  };
}

function route(options: {
  recorded: RecordedResponsesRequest;
  response: ServerResponse;
  script: ScriptedResponsesTurn[];
  finalText: string;
  sequence: number;
}): void {
  const { recorded, response } = options;
  if (recorded.method === 'GET' && recorded.path.endsWith('/models')) {
    sendJson({ response, status: 200, value: { object: 'list', data: [] } });
    return;
  }
  if (recorded.method !== 'POST' || !recorded.path.endsWith('/responses')) {
    sendError({ response, status: 404, message: `no route for ${recorded.method} ${recorded.url}` });
    return;
  }
  if (!isRecord(recorded.body)) {
    sendError({ response, status: 400, message: 'the request body is not a JSON object' });
    return;
  }

  const body = recorded.body;
  const model = typeof body.model === 'string' ? body.model : 'scripted';
  const responseId = `resp_scripted_${options.sequence}`;
  const item = planItem({
    turn: options.script[completedTurns(body.input)],
    finalText: options.finalText,
    sequence: options.sequence,
  });
  const inputTokens = estimateTokens(recorded.rawBody);
  const outputTokens = estimateTokens(JSON.stringify(item));

  response.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  let sequenceNumber = 0;
  const send = (type: string, data: Record<string, unknown>) => {
    response.write(
      `event: ${type}\ndata: ${JSON.stringify({ type, sequence_number: sequenceNumber++, ...data })}\n\n`,
    );
  };
  const envelope = (status: string, output: OutputItem[]) => ({
    id: responseId,
    object: 'response',
    created_at: Math.floor(Date.now() / 1000),
    status,
    model,
    output,
  });
  send('response.created', { response: envelope('in_progress', []) });
  send('response.in_progress', { response: envelope('in_progress', []) });
  send('response.output_item.added', { output_index: 0, item: { ...item, status: 'in_progress' } });
  send('response.output_item.done', { output_index: 0, item });
  send('response.completed', {
    response: {
      ...envelope('completed', [item]),
      usage: {
        input_tokens: inputTokens,
        input_tokens_details: { cached_tokens: 0 },
        output_tokens: outputTokens,
        output_tokens_details: { reasoning_tokens: 0 },
        total_tokens: inputTokens + outputTokens,
      },
    },
  });
  response.end();
}

function planItem(options: {
  turn: ScriptedResponsesTurn | undefined;
  finalText: string;
  sequence: number;
}): OutputItem {
  const { turn, sequence } = options;
  const callId = `call_scripted_${String(sequence).padStart(3, '0')}`;
  if (turn === undefined || 'text' in turn) {
    return {
      type: 'message',
      id: `msg_scripted_${sequence}`,
      role: 'assistant',
      status: 'completed',
      content: [{ type: 'output_text', text: turn?.text ?? options.finalText, annotations: [] }],
    };
  }
  if ('functionCall' in turn) {
    return {
      type: 'function_call',
      id: `fc_scripted_${sequence}`,
      call_id: callId,
      name: turn.functionCall.name,
      arguments: JSON.stringify(turn.functionCall.arguments),
      status: 'completed',
    };
  }
  return {
    type: 'custom_tool_call',
    id: `ctc_scripted_${sequence}`,
    call_id: callId,
    name: turn.customToolCall.name,
    input: turn.customToolCall.input,
    status: 'completed',
  };
}

/**
 * The scripted turn a request is asking for, read from the conversation itself (so a retried
 * request gets the same answer): one turn per tool output already in the input, plus one per
 * assistant text message (a text turn, sent back only when something such as a Stop hook
 * re-prompts the model).
 */
function completedTurns(input: unknown): number {
  if (!Array.isArray(input)) return 0;
  let count = 0;
  for (const item of input) {
    if (!isRecord(item)) continue;
    if (typeof item.type === 'string' && toolOutputTypes.has(item.type)) count += 1;
    else if (item.type === 'message' && item.role === 'assistant') count += 1;
  }
  return count;
}

function toolOutputItems(body: unknown): ReceivedToolOutput[] {
  if (!isRecord(body) || !Array.isArray(body.input)) return [];
  const outputs: ReceivedToolOutput[] = [];
  for (const item of body.input) {
    if (!isRecord(item) || typeof item.type !== 'string' || !toolOutputTypes.has(item.type)) continue;
    outputs.push({
      callId: typeof item.call_id === 'string' ? item.call_id : '',
      type: item.type,
      output: outputText(item.output),
    });
  }
  return outputs;
}

function outputText(output: unknown): string {
  if (typeof output === 'string') return output;
  if (isRecord(output) && typeof output.content === 'string') return output.content;
  if (!Array.isArray(output)) return output === undefined ? '' : JSON.stringify(output);
  return output
    .filter(isRecord)
    .filter((part) => typeof part.text === 'string')
    .map((part) => part.text as string)
    .join('\n');
}

function sendError(options: { response: ServerResponse; status: number; message: string }): void {
  if (options.response.headersSent) {
    options.response.end();
    return;
  }
  sendJson({
    response: options.response,
    status: options.status,
    value: { error: { type: 'invalid_request_error', message: options.message } },
  });
}
