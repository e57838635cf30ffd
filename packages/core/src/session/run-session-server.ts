/**
 * A stdio MCP server for `mcp_tool` hooks, without an SDK: newline-delimited JSON-RPC 2.0 on
 * standard input and output, nothing else on stdout. The agent starts one per session and calls
 * the hidden `decide` tool for each hook event; every call is answered within `deadlineMs`, by
 * the failure policy when the decision path is late, throws, or gets input it cannot use.
 */

/** The default protocol version when a client asks for none (both agents always ask). */
export const SESSION_PROTOCOL_VERSION = '2025-06-18';
/** Lines longer than this are not parsed; a call among them is answered by the failure policy. */
export const MAX_SESSION_LINE_BYTES = 80 * 1024 * 1024;
/** The decision tool's name, as hook entries name it (`"tool": "decide"`). */
export const DECIDE_TOOL = 'decide';

export interface SessionToolHandler {
  /** Answers one hook call: the exact hook-output text the command hook would print ('' = no output). */
  handle(args: Record<string, unknown>, context: { signal: AbortSignal }): Promise<string>;
  /** The answer by the failure policy for this call (used on deadline, crash, bad input). Never throws. */
  onFailure(args: Record<string, unknown>, reason: string): string;
}

/** A read-only tool shown to the model (policy_test, audit_query), listed only when enabled. */
export interface SessionExtraTool {
  name: string;
  description: string;
  /** JSON Schema of the arguments (`type: "object"`). */
  inputSchema: Record<string, unknown>;
  /** The text answer; a thrown error becomes an `isError` result with its message. */
  call(args: Record<string, unknown>, context: { signal: AbortSignal }): Promise<string>;
}

export interface RunSessionServerOptions {
  serverName: string;
  serverVersion: string;
  /** The hidden hook tool, named `decide`. */
  decide: SessionToolHandler;
  /** Every decide call is answered within this many ms (keep it below the hook timeout). */
  deadlineMs: number;
  /** Default: process.stdin. */
  input?: NodeJS.ReadableStream;
  /** Default: process.stdout. Only JSON-RPC goes here. */
  output?: NodeJS.WritableStream;
  /** Tools the model may call; none unless the user enabled them. */
  extraTools?: readonly SessionExtraTool[];
  /** Diagnostics (stderr by default); never stdout. */
  log?: (message: string) => void;
  /** Default MAX_SESSION_LINE_BYTES. */
  maxLineBytes?: number;
}

type Id = string | number | null;

const DECIDE_DESCRIPTION =
  "Warden's hook decision tool. Called by the agent's hooks, not by the model: it answers with the hook output for one event.";

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function validId(value: unknown): value is string | number {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

/** The id of a request whose line was too large to parse, read from its beginning. */
function idFromPrefix(prefix: string): Id {
  const match = /"id"\s*:\s*(-?\d{1,15}|"(?:[^"\\]|\\.){0,200}")/.exec(prefix);
  if (!match) return null;
  try {
    const value = JSON.parse(match[1]!) as unknown;
    return validId(value) ? value : null;
  } catch {
    return null;
  }
}

/**
 * Runs the server until its input ends and every call in flight is answered. Never rejects:
 * garbage lines, wrong types, a handler that throws or hangs and a closed output all end in an
 * answer (or silence where there is no one to answer), never in a crash or a hang.
 */
export function runSessionServer(options: RunSessionServerOptions): Promise<void> {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const log = options.log ?? ((message: string) => process.stderr.write(`warden session: ${message}\n`));
  const maxLineBytes = options.maxLineBytes ?? MAX_SESSION_LINE_BYTES;
  const extraTools = new Map((options.extraTools ?? []).map((tool) => [tool.name, tool]));
  const inFlight = new Set<Promise<void>>();
  let outputOpen = true;

  const onOutputError = (error: Error) => {
    outputOpen = false;
    log(`output closed: ${error.message}`);
  };
  output.on('error', onOutputError);

  const send = (message: Record<string, unknown>) => {
    if (!outputOpen) return;
    const writable = output as NodeJS.WritableStream & { writable?: boolean; destroyed?: boolean };
    if (writable.writable === false || writable.destroyed === true) {
      outputOpen = false;
      return;
    }
    try {
      output.write(`${JSON.stringify({ jsonrpc: '2.0', ...message })}\n`);
    } catch (error) {
      onOutputError(error as Error);
    }
  };
  const reply = (id: Id, result: unknown) => send({ id, result });
  const fail = (id: Id, code: number, message: string) => send({ id, error: { code, message } });
  const text = (value: string, isError = false) => ({
    content: [{ type: 'text', text: value }],
    ...(isError ? { isError: true } : {}),
  });

  const failureAnswer = (args: Record<string, unknown>, reason: string): string => {
    try {
      return options.decide.onFailure(args, reason);
    } catch (error) {
      // onFailure must not throw; if it does, the call gets no verdict and the hook's
      // onFailure setting decides. Nothing else is safe to invent here.
      log(`failure answer failed: ${describeError(error)}`);
      return '';
    }
  };

  const track = (work: Promise<void>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };

  const callDecide = (id: Id, args: Record<string, unknown>) => {
    const controller = new AbortController();
    let settled = false;
    const answer = (value: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reply(id, text(value));
    };
    const timer = setTimeout(() => {
      controller.abort(new Error('deadline'));
      answer(failureAnswer(args, `no decision within ${options.deadlineMs} ms`));
    }, options.deadlineMs);
    const work = (async () => {
      try {
        const value = await options.decide.handle(args, { signal: controller.signal });
        if (typeof value !== 'string') throw new Error('the decision handler did not return text');
        answer(value);
      } catch (error) {
        log(`decision failed: ${describeError(error)}`);
        answer(failureAnswer(args, describeError(error)));
      }
    })();
    // Resolves when answered, so that the end of input waits for the answer, not for a hung handler.
    track(
      Promise.race([
        work,
        new Promise<void>((resolve) => controller.signal.addEventListener('abort', () => resolve())),
      ]),
    );
  };

  const callExtra = (id: Id, tool: SessionExtraTool, args: Record<string, unknown>) => {
    const controller = new AbortController();
    let settled = false;
    const answer = (value: string, isError: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reply(id, text(value, isError));
    };
    const timer = setTimeout(() => {
      controller.abort(new Error('deadline'));
      answer(`${tool.name} did not answer within ${options.deadlineMs} ms`, true);
    }, options.deadlineMs);
    const work = (async () => {
      try {
        answer(await tool.call(args, { signal: controller.signal }), false);
      } catch (error) {
        answer(`${tool.name} failed: ${describeError(error)}`, true);
      }
    })();
    track(
      Promise.race([
        work,
        new Promise<void>((resolve) => controller.signal.addEventListener('abort', () => resolve())),
      ]),
    );
  };

  const listTools = () => [
    {
      name: DECIDE_TOOL,
      description: DECIDE_DESCRIPTION,
      inputSchema: { type: 'object', additionalProperties: true },
      // Hidden from the model; the agents' hooks still call it (session-hooks.md §8).
      _meta: { ui: { visibility: ['app'] } },
    },
    ...[...extraTools.values()].map((tool) => ({
      name: tool.name,
      description: tool.description,
      inputSchema: tool.inputSchema,
      annotations: { readOnlyHint: true, destructiveHint: false, openWorldHint: false },
    })),
  ];

  const handleMessage = (message: unknown) => {
    if (!isRecord(message)) {
      fail(null, -32600, 'Invalid Request: expected a JSON-RPC object');
      return;
    }
    const hasId = 'id' in message && message.id !== undefined;
    const id: Id = validId(message.id) ? message.id : null;
    const method = message.method;
    if (typeof method !== 'string') {
      // A response from the client (we never send requests) or garbage: only a request gets an answer.
      if (hasId && !('result' in message) && !('error' in message))
        fail(id, -32600, 'Invalid Request: no method');
      return;
    }
    // Notifications (no id) are never answered: initialized, cancelled, anything else.
    if (!hasId) return;
    if (message.id !== null && !validId(message.id)) {
      fail(null, -32600, 'Invalid Request: id must be a string or a number');
      return;
    }
    const params = isRecord(message.params) ? message.params : {};
    switch (method) {
      case 'initialize': {
        const requested = params.protocolVersion;
        reply(id, {
          protocolVersion:
            typeof requested === 'string' && requested.length > 0 && requested.length < 64
              ? requested
              : SESSION_PROTOCOL_VERSION,
          capabilities: { tools: { listChanged: false } },
          serverInfo: { name: options.serverName, version: options.serverVersion },
        });
        return;
      }
      case 'ping':
        reply(id, {});
        return;
      case 'tools/list':
        reply(id, { tools: listTools() });
        return;
      case 'tools/call': {
        const name = params.name;
        const args = isRecord(params.arguments) ? params.arguments : undefined;
        if (name === DECIDE_TOOL) {
          if (!args) {
            answerBadArguments(id, params.arguments);
            return;
          }
          callDecide(id, args);
          return;
        }
        const tool = typeof name === 'string' ? extraTools.get(name) : undefined;
        if (!tool) {
          fail(id, -32602, `Unknown tool: ${typeof name === 'string' ? name.slice(0, 200) : String(name)}`);
          return;
        }
        callExtra(id, tool, args ?? {});
        return;
      }
      default:
        fail(id, -32601, `Method not found: ${method.slice(0, 200)}`);
    }
  };

  const answerBadArguments = (id: Id, value: unknown) => {
    const kind = value === undefined ? 'missing' : Array.isArray(value) ? 'an array' : typeof value;
    reply(id, text(failureAnswer({}, `the hook arguments are ${kind}, not an object`)));
  };

  const handleLine = (line: string) => {
    const trimmed = line.trim();
    if (trimmed === '') return;
    let message: unknown;
    try {
      message = JSON.parse(trimmed) as unknown;
    } catch {
      fail(null, -32700, 'Parse error: a line is not JSON');
      return;
    }
    try {
      handleMessage(message);
    } catch (error) {
      // A bug in this loop must not end the session: the agent would lose its guard.
      log(`internal error: ${describeError(error)}`);
      if (isRecord(message) && validId(message.id)) fail(message.id, -32603, 'Internal error');
    }
  };

  const handleOversized = (prefix: string) => {
    const id = idFromPrefix(prefix);
    log(`a line over ${maxLineBytes} bytes was not read`);
    if (id === null) {
      fail(null, -32700, `Parse error: a line is longer than ${maxLineBytes} bytes`);
      return;
    }
    if (/"method"\s*:\s*"tools\/call"/.test(prefix)) {
      reply(id, text(failureAnswer({}, `the hook input is longer than ${maxLineBytes} bytes`)));
      return;
    }
    fail(id, -32600, `Invalid Request: longer than ${maxLineBytes} bytes`);
  };

  return new Promise<void>((resolve) => {
    let chunks: Buffer[] = [];
    let size = 0;
    // While a line is over the limit: its first bytes, to find its id, and the rest is dropped.
    let oversizedPrefix: string | undefined;
    let ended = false;

    const onData = (data: Buffer | string) => {
      let chunk = typeof data === 'string' ? Buffer.from(data) : data;
      while (chunk.length > 0) {
        const newline = chunk.indexOf(0x0a);
        const part = newline === -1 ? chunk : chunk.subarray(0, newline);
        if (oversizedPrefix === undefined) {
          if (size + part.length > maxLineBytes) {
            oversizedPrefix = Buffer.concat([...chunks, part])
              .subarray(0, 4096)
              .toString('utf8');
            chunks = [];
            size = 0;
          } else {
            chunks.push(part);
            size += part.length;
          }
        }
        if (newline === -1) break;
        if (oversizedPrefix !== undefined) {
          handleOversized(oversizedPrefix);
          oversizedPrefix = undefined;
        } else {
          const line = Buffer.concat(chunks, size).toString('utf8');
          chunks = [];
          size = 0;
          handleLine(line);
        }
        chunk = chunk.subarray(newline + 1);
      }
    };

    const finish = () => {
      if (ended) return;
      ended = true;
      input.off('data', onData);
      // A last line without a newline is still a message.
      if (oversizedPrefix !== undefined) handleOversized(oversizedPrefix);
      else if (size > 0) handleLine(Buffer.concat(chunks, size).toString('utf8'));
      chunks = [];
      // Every call in flight is answered (each within its deadline) before the server ends.
      void Promise.allSettled([...inFlight]).then(() => {
        output.off('error', onOutputError);
        resolve();
      });
    };

    input.on('data', onData);
    input.on('end', finish);
    input.on('close', finish);
    input.on('error', (error: Error) => {
      log(`input failed: ${error.message}`);
      finish();
    });
  });
}
