import { read } from 'node:fs';
import {
  type AdapterV1,
  type CommandHookResponse,
  DEFAULT_FAILURE,
  failureDecision,
  failurePolicySchema,
  guard,
  InvalidInputError,
} from '@warden/core';
import { claudeCodeAdapter } from './adapter.js';

/** Hook inputs carry whole files (Write content); beyond this the input is refused, by the failure policy. */
const MAX_INPUT_BYTES = 32 * 1024 * 1024;
const DEFAULT_DEADLINE_MS = 10_000;

export interface RunHookOptions {
  /** Where the hook input comes from: a file descriptor (default 0, stdin) or a string. */
  stdin?: number | string;
  env?: NodeJS.ProcessEnv;
  adapter?: AdapterV1<CommandHookResponse>;
  /** The hook answers by this deadline whatever happens (the agent's own timeout is longer). */
  deadlineMs?: number;
}

/**
 * Reads the whole input from a file descriptor with plain `fs.read` calls: `process.stdin`
 * would load the streams machinery (~4 ms), and a synchronous read could not be cut short by
 * the deadline if the agent never closed the pipe.
 */
function readInput(descriptor: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const next = () => {
      const buffer = Buffer.allocUnsafe(65_536);
      read(descriptor, buffer, 0, buffer.length, null, (error, bytesRead) => {
        if (error) {
          if (error.code === 'EAGAIN') return void setTimeout(next, 5);
          if (error.code === 'EOF') return resolve(Buffer.concat(chunks).toString('utf8'));
          return reject(error);
        }
        if (bytesRead === 0) return resolve(Buffer.concat(chunks).toString('utf8'));
        size += bytesRead;
        if (size > MAX_INPUT_BYTES) {
          return reject(
            new InvalidInputError({ message: `hook input is larger than ${MAX_INPUT_BYTES} bytes` }),
          );
        }
        chunks.push(buffer.subarray(0, bytesRead));
        next();
      });
    };
    next();
  });
}

function parseJson(text: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/**
 * One command-hook run: read stdin, decide, answer. Every path, including a hang or a crash,
 * ends in a well-formed answer decided by the failure policy; nothing reaches the agent as a
 * stack trace.
 */
export async function runHook(options: RunHookOptions): Promise<CommandHookResponse> {
  const env = options.env ?? process.env;
  const adapter = options.adapter ?? claudeCodeAdapter;
  const deadlineMs = options.deadlineMs ?? (Number(env.WARDEN_HOOK_DEADLINE_MS) || DEFAULT_DEADLINE_MS);
  let hookEvent = 'unknown';
  let timer: NodeJS.Timeout | undefined;

  const failed = (error: unknown): CommandHookResponse => {
    const phaseFailure = failurePolicySchema.safeParse(env.WARDEN_FAILURE?.trim().toLowerCase());
    const failure = phaseFailure.success ? phaseFailure.data : DEFAULT_FAILURE.tool_call;
    const response = adapter.render({ hookEvent, decision: failureDecision({ error, failure }) });
    return {
      ...response,
      stderr: `${response.stderr}warden: ${error instanceof Error ? error.message : String(error)}\n`,
    };
  };

  const work = (async (): Promise<CommandHookResponse> => {
    const text = typeof options.stdin === 'string' ? options.stdin : await readInput(options.stdin ?? 0);
    const json = parseJson(text);
    const input = 'value' in json ? json.value : text;
    if (
      typeof input === 'object' &&
      input !== null &&
      typeof (input as { hook_event_name?: unknown }).hook_event_name === 'string'
    ) {
      hookEvent = (input as { hook_event_name: string }).hook_event_name;
    }
    const result = await guard({ adapter, input, env });
    const stderr = result.warnings.map((warning) => `${warning}\n`).join('');
    return { ...result.output, stderr: result.output.stderr + stderr };
  })();

  const deadline = new Promise<CommandHookResponse>((resolve) => {
    timer = setTimeout(() => resolve(failed(new Error(`no decision within ${deadlineMs} ms`))), deadlineMs);
    timer.unref();
  });
  try {
    return await Promise.race([work.catch(failed), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
