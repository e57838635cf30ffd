import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import {
  estimateTokens,
  isRecord,
  type RecordedRequest,
  sendJson,
  startRecordingServer,
} from './recording-server.ts';

/** One scripted model turn: either call a tool or answer with text (which ends the agent's turn). */
export type ScriptedAnthropicTurn =
  | { toolUse: { name: string; input: Record<string, unknown> } }
  | { text: string };

export interface StartScriptedAnthropicServerOptions {
  /** The model's turns, in order. */
  script: ScriptedAnthropicTurn[];
  /** Answer once the script is exhausted. */
  finalText?: string;
  /** Answer to requests that carry no tools (title generation, summaries, other side queries). */
  sideQueryText?: string;
  /**
   * Awaited before each request is answered (the request is already in \`requests\`): lets a test act
   * at a precise point of the session, e.g. stop a process before the next tool call is sent.
   */
  beforeReply?: (recorded: RecordedAnthropicRequest) => void | Promise<void>;
}

export type RecordedAnthropicRequest = RecordedRequest;

export interface ReceivedToolResult {
  toolUseId: string;
  /** The result's text: a string content as is, text blocks joined with newlines. */
  content: string;
  isError: boolean;
}

export interface ScriptedAnthropicServer {
  /** Base URL for `ANTHROPIC_BASE_URL`, e.g. `http://127.0.0.1:41234` (no trailing slash). */
  url: string;
  port: number;
  /** Every request received, in arrival order, including ones to paths other than `/v1/messages`. */
  requests: RecordedAnthropicRequest[];
  /** Only the `POST /v1/messages` requests. */
  messageRequests(): RecordedAnthropicRequest[];
  /** Every distinct tool_result the model received, in the order it first appeared. */
  toolResults(): ReceivedToolResult[];
  close(): Promise<void>;
}

// Bounded so a misbehaving client cannot make a test hang or eat memory.

type ContentBlock =
  | { type: 'text'; text: string }
  | { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> };

interface PlannedReply {
  content: ContentBlock[];
  stopReason: 'tool_use' | 'end_turn';
}

/**
 * Starts a local stand-in for the Anthropic Messages API that plays a fixed script, so the real
 * Claude Code CLI and Agent SDK can run offline and deterministically.
 */
export async function startScriptedAnthropicServer(
  options: StartScriptedAnthropicServerOptions,
): Promise<ScriptedAnthropicServer> {
  const finalText = options.finalText ?? 'Done.';
  const sideQueryText = options.sideQueryText ?? 'OK';
  const server = await startRecordingServer({
    route: ({ recorded, response }) => {
      const answer = () => route({ recorded, response, script: options.script, finalText, sideQueryText });
      if (!options.beforeReply) return answer();
      Promise.resolve()
        .then(() => options.beforeReply?.(recorded))
        .then(answer, (error: unknown) =>
          sendError({ response, status: 500, message: `beforeReply failed: ${String(error)}` }),
        );
    },
    sendBodyError: ({ response, message }) => sendError({ response, status: 400, message }),
  });
  const { port, requests } = server;

  const messageRequests = () =>
    requests.filter((recorded) => recorded.method === 'POST' && recorded.path === '/v1/messages');

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    messageRequests,
    toolResults() {
      // Every request repeats the whole conversation, so the same tool_result shows up in each later
      // request; keep the first sighting of each id.
      const seen = new Map<string, ReceivedToolResult>();
      for (const recorded of messageRequests()) {
        for (const block of toolResultBlocks(recorded.body)) {
          if (!seen.has(block.toolUseId)) seen.set(block.toolUseId, block);
        }
      }
      return [...seen.values()];
    },
    close: () => server.close(),
  };
}

function route(options: {
  recorded: RecordedAnthropicRequest;
  response: ServerResponse;
  script: ScriptedAnthropicTurn[];
  finalText: string;
  sideQueryText: string;
}): void {
  const { recorded, response } = options;

  if (recorded.path === '/api/hello') {
    // Claude Code's connectivity probe when non-essential traffic is not disabled.
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(recorded.method === 'HEAD' ? undefined : '{}');
    return;
  }
  if (recorded.method === 'POST' && recorded.path === '/v1/messages/count_tokens') {
    sendJson({ response, status: 200, value: { input_tokens: estimateTokens(recorded.rawBody) } });
    return;
  }
  if (recorded.method !== 'POST' || recorded.path !== '/v1/messages') {
    sendError({
      response,
      status: 404,
      type: 'not_found_error',
      message: `no route for ${recorded.method} ${recorded.url}`,
    });
    return;
  }
  if (!isRecord(recorded.body)) {
    sendError({ response, status: 400, message: 'the request body is not a JSON object' });
    return;
  }

  const body = recorded.body;
  const model = typeof body.model === 'string' ? body.model : 'claude-scripted';
  const reply = planReply({
    body,
    script: options.script,
    finalText: options.finalText,
    sideQueryText: options.sideQueryText,
  });
  const messageId = `msg_${randomUUID().replaceAll('-', '')}`;
  const inputTokens = estimateTokens(recorded.rawBody);
  const outputTokens = estimateTokens(JSON.stringify(reply.content));

  if (body.stream !== true) {
    sendJson({
      response,
      status: 200,
      value: {
        id: messageId,
        type: 'message',
        role: 'assistant',
        model,
        content: reply.content,
        stop_reason: reply.stopReason,
        stop_sequence: null,
        usage: usage({ inputTokens, outputTokens }),
      },
    });
    return;
  }

  response.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'request-id': `req_${randomUUID().replaceAll('-', '')}`,
  });
  const send = (event: string, data: Record<string, unknown>) => {
    response.write(`event: ${event}\ndata: ${JSON.stringify({ type: event, ...data })}\n\n`);
  };
  send('message_start', {
    message: {
      id: messageId,
      type: 'message',
      role: 'assistant',
      model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: usage({ inputTokens, outputTokens: 1 }),
    },
  });
  send('ping', {});
  reply.content.forEach((block, index) => {
    if (block.type === 'text') {
      send('content_block_start', { index, content_block: { type: 'text', text: '' } });
      send('content_block_delta', { index, delta: { type: 'text_delta', text: block.text } });
    } else {
      // The real API starts a tool_use with empty input and streams the JSON in pieces; clients
      // that only read content_block_start would miss the input, so mimic that exactly.
      send('content_block_start', {
        index,
        content_block: { type: 'tool_use', id: block.id, name: block.name, input: {} },
      });
      for (const piece of splitIntoPieces({ text: JSON.stringify(block.input), size: 32 })) {
        send('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: piece } });
      }
    }
    send('content_block_stop', { index });
  });
  send('message_delta', {
    delta: { stop_reason: reply.stopReason, stop_sequence: null },
    usage: { output_tokens: outputTokens },
  });
  send('message_stop', {});
  response.end();
}

function planReply(options: {
  body: Record<string, unknown>;
  script: ScriptedAnthropicTurn[];
  finalText: string;
  sideQueryText: string;
}): PlannedReply {
  const { body } = options;
  if (!Array.isArray(body.tools) || body.tools.length === 0) {
    // Side queries are not part of the agent loop; answering them must not consume a turn.
    return { content: [{ type: 'text', text: options.sideQueryText }], stopReason: 'end_turn' };
  }
  // The turn is derived from the conversation itself rather than from a counter, so a retried
  // request gets the same answer and parallel runs against one server cannot disturb each other.
  const turn = options.script[completedTurns(body.messages)];
  if (turn === undefined) {
    return { content: [{ type: 'text', text: options.finalText }], stopReason: 'end_turn' };
  }
  if ('text' in turn) {
    return { content: [{ type: 'text', text: turn.text }], stopReason: 'end_turn' };
  }
  return {
    content: [
      {
        type: 'tool_use',
        id: `toolu_${randomUUID().replaceAll('-', '')}`,
        name: turn.toolUse.name,
        input: turn.toolUse.input,
      },
    ],
    stopReason: 'tool_use',
  };
}

/**
 * Counts the scripted turns the conversation already contains: one per tool_result (each tool turn
 * produces exactly one) plus one per assistant message without a tool_use (a text turn, which a
 * client only sends back when something such as a Stop hook re-prompts the model).
 */
function completedTurns(messages: unknown): number {
  if (!Array.isArray(messages)) return 0;
  let count = 0;
  for (const message of messages) {
    if (!isRecord(message)) continue;
    const blocks = Array.isArray(message.content) ? message.content.filter(isRecord) : [];
    if (message.role === 'user') {
      count += blocks.filter((block) => block.type === 'tool_result').length;
    } else if (message.role === 'assistant' && !blocks.some((block) => block.type === 'tool_use')) {
      count += 1;
    }
  }
  return count;
}

function toolResultBlocks(body: unknown): ReceivedToolResult[] {
  if (!isRecord(body) || !Array.isArray(body.messages)) return [];
  const results: ReceivedToolResult[] = [];
  for (const message of body.messages) {
    if (!isRecord(message) || message.role !== 'user' || !Array.isArray(message.content)) continue;
    for (const block of message.content) {
      if (!isRecord(block) || block.type !== 'tool_result') continue;
      results.push({
        toolUseId: typeof block.tool_use_id === 'string' ? block.tool_use_id : '',
        content: toolResultText(block.content),
        isError: block.is_error === true,
      });
    }
  }
  return results;
}

function toolResultText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .filter(isRecord)
    .filter((block) => block.type === 'text' && typeof block.text === 'string')
    .map((block) => block.text as string)
    .join('\n');
}

function splitIntoPieces(options: { text: string; size: number }): string[] {
  const pieces: string[] = [];
  for (let start = 0; start < options.text.length; start += options.size) {
    pieces.push(options.text.slice(start, start + options.size));
  }
  return pieces.length === 0 ? [''] : pieces;
}

function usage(options: { inputTokens: number; outputTokens: number }) {
  return {
    input_tokens: options.inputTokens,
    output_tokens: options.outputTokens,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
  };
}

function sendError(options: {
  response: ServerResponse;
  status: number;
  message: string;
  type?: string;
}): void {
  if (options.response.headersSent) {
    options.response.end();
    return;
  }
  sendJson({
    response: options.response,
    status: options.status,
    value: {
      type: 'error',
      error: { type: options.type ?? 'invalid_request_error', message: options.message },
    },
  });
}
