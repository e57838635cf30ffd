import { constants, openSync, read } from 'node:fs';
import {
  type CommandHookResponse,
  DEFAULT_FAILURE,
  failureDecision,
  failurePolicySchema,
  guard,
  InvalidInputError,
} from '@warden/core';
import { type AskBehaviour, codexPhaseOf, createCodexAdapter } from './adapter.js';

/** apply_patch inputs carry whole files; beyond this the input is refused, by the failure policy. */
const MAX_INPUT_BYTES = 32 * 1024 * 1024;
/** Installed hooks get 30 s from Codex; the answer must come well before Codex kills the hook. */
const DEFAULT_DEADLINE_MS = 10_000;
/** Codex caps Interrupt and SessionEnd hooks at 3 s. */
const SHORT_EVENT_DEADLINE_MS = 2_000;
const SHORT_EVENTS = new Set(['Interrupt', 'SessionEnd']);

export interface RunCodexHookOptions {
  /** The hook input; default: read from stdin. */
  stdin?: string;
  env?: NodeJS.ProcessEnv;
  /** What an `ask` decision becomes; `WARDEN_CODEX_ASK` in the environment wins over it. */
  askBehaviour?: AskBehaviour;
  /** The hook answers by this deadline whatever happens. */
  deadlineMs?: number;
}

function tooLarge(): InvalidInputError {
  return new InvalidInputError({ message: `hook input is larger than ${MAX_INPUT_BYTES} bytes` });
}

/**
 * Reads the whole input from a file descriptor with plain `fs.read` calls (`process.stdin` would
 * load the streams machinery, a few ms of start-up). A blocking read could not be abandoned at
 * the deadline: Node's exit waits for the thread stuck in read(2). So the descriptor is a
 * non-blocking one, and EAGAIN means "poll again shortly".
 */
function readDescriptor(descriptor: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const next = () => {
      const buffer = Buffer.allocUnsafe(65_536);
      read(descriptor, buffer, 0, buffer.length, null, (error, bytesRead) => {
        if (error) {
          if (error.code === 'EAGAIN') return void setTimeout(next, 2);
          if (error.code === 'EOF') return resolve(Buffer.concat(chunks).toString('utf8'));
          return reject(error);
        }
        if (bytesRead === 0) return resolve(Buffer.concat(chunks).toString('utf8'));
        size += bytesRead;
        if (size > MAX_INPUT_BYTES) return reject(tooLarge());
        chunks.push(buffer.subarray(0, bytesRead));
        next();
      });
    };
    next();
  });
}

/** The stream fallback, for stdin that cannot be reopened non-blocking (a socket, a non-Linux system). */
function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_INPUT_BYTES) {
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    stream.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    stream.once('error', reject);
  });
}

/**
 * Codex hands the input over a pipe. On Linux it is reopened through /proc with O_NONBLOCK (a new
 * open file description, so Codex's end is untouched); anything else is read as a stream.
 */
function readStandardInput(): Promise<string> {
  if (process.platform === 'linux') {
    let descriptor: number | undefined;
    try {
      descriptor = openSync('/proc/self/fd/0', constants.O_RDONLY | constants.O_NONBLOCK);
    } catch {
      // A socket (Node's child_process uses socket pairs) cannot be reopened: use the stream.
    }
    if (descriptor !== undefined) return readDescriptor(descriptor);
  }
  return readStream(process.stdin);
}

function parseJson(text: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

function askBehaviourFrom(options: { env: NodeJS.ProcessEnv; fallback?: AskBehaviour }): AskBehaviour {
  const value = options.env.WARDEN_CODEX_ASK?.trim().toLowerCase();
  if (value === 'deny' || value === 'defer') return value;
  return options.fallback ?? 'deny';
}

/**
 * One Codex command-hook run: read stdin, decide, answer. Codex fails open on every hook error
 * (a crash, a timeout, output it cannot parse), so every path here, a hang and a bug included,
 * ends in a well-formed answer decided by the failure policy.
 */
export async function runCodexHook(options: RunCodexHookOptions = {}): Promise<CommandHookResponse> {
  const env = options.env ?? process.env;
  const adapter = createCodexAdapter({
    askBehaviour: askBehaviourFrom({ env, fallback: options.askBehaviour }),
  });
  const deadlineMs = options.deadlineMs ?? (Number(env.WARDEN_HOOK_DEADLINE_MS) || DEFAULT_DEADLINE_MS);
  const startedAt = Date.now();
  let hookEvent = 'unknown';
  let timer: NodeJS.Timeout | undefined;
  let shortenDeadlineForEvent: () => void = () => {};

  const failed = (error: unknown): CommandHookResponse => {
    const configured = failurePolicySchema.safeParse(env.WARDEN_FAILURE?.trim().toLowerCase());
    const failure = configured.success ? configured.data : DEFAULT_FAILURE[codexPhaseOf(hookEvent)];
    const response = adapter.render({ hookEvent, decision: failureDecision({ error, failure }) });
    const detail = `warden: ${error instanceof Error ? error.message : String(error)}\n`;
    // On exit 0 Codex ignores stderr; on exit 2 stderr is the reason, so the detail goes after it.
    return { ...response, stderr: `${response.stderr}${detail}` };
  };

  // The timer stays referenced: should the work ever stall with nothing else keeping Node alive,
  // an unreferenced timer would let the process end with exit 0 and no output, which Codex reads
  // as "allow". The answer ends the process with process.exit, so the timer delays nothing.
  const deadline = new Promise<CommandHookResponse>((resolve) => {
    const arm = (milliseconds: number) => {
      clearTimeout(timer);
      timer = setTimeout(
        () => resolve(failed(new Error(`no decision within ${Date.now() - startedAt} ms`))),
        Math.max(0, milliseconds),
      );
    };
    arm(deadlineMs);
    shortenDeadlineForEvent = () => {
      if (SHORT_EVENTS.has(hookEvent))
        arm(Math.min(deadlineMs, SHORT_EVENT_DEADLINE_MS) - (Date.now() - startedAt));
    };
  });

  const work = (async (): Promise<CommandHookResponse> => {
    const text = options.stdin ?? (await readStandardInput());
    const json = parseJson(text);
    const input = 'value' in json ? json.value : text;
    if (typeof input === 'object' && input !== null) {
      const name = (input as { hook_event_name?: unknown }).hook_event_name;
      if (typeof name === 'string') hookEvent = name;
    }
    shortenDeadlineForEvent();
    const result = await guard({ adapter, input, env });
    const warnings = result.warnings.map((warning) => `${warning}\n`).join('');
    return { ...result.output, stderr: result.output.stderr + warnings };
  })();

  try {
    return await Promise.race([work.catch(failed), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
