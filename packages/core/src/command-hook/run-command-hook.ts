import type { AdapterV1, CommandHookResponse } from '../adapter.js';
import { DEFAULT_FAILURE } from '../config/load-config.js';
import { failureDecision } from '../decide.js';
import { guard } from '../guard.js';
import type { Phase } from '../guard-event.js';
import { failurePolicySchema } from '../policy/enums.js';
import { readStandardInput } from './read-standard-input.js';

/** Agents give hooks 30 s or more; the answer comes well before they kill the hook. */
export const DEFAULT_HOOK_DEADLINE_MS = 10_000;

export interface RunCommandHookOptions {
  adapter: AdapterV1<CommandHookResponse>;
  /** The hook input; default: read from standard input. */
  input?: string;
  /** Where standard input is, when it is not descriptor 0 (tests). */
  descriptor?: number;
  env?: NodeJS.ProcessEnv;
  /** The hook answers by this deadline whatever happens. Default `WARDEN_HOOK_DEADLINE_MS`, else 10 s. */
  deadlineMs?: number;
  /** Shorter deadlines for events the agent gives less time (Codex: SessionEnd, Interrupt). */
  eventDeadlineMs?: Readonly<Record<string, number>>;
  /** The phase of a native event name, for the failure policy when the input cannot be parsed. */
  phaseOf?: (hookEvent: string) => Phase;
}

function parseJson(text: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/**
 * One command-hook run, for any agent: read the input, decide through `guard`, answer. Every
 * path, a hang and a bug included, ends in a well-formed answer decided by the failure policy,
 * in the event's own format; nothing reaches the agent as a stack trace.
 */
export async function runCommandHook(options: RunCommandHookOptions): Promise<CommandHookResponse> {
  const env = options.env ?? process.env;
  const { adapter } = options;
  const deadlineMs = options.deadlineMs ?? (Number(env.WARDEN_HOOK_DEADLINE_MS) || DEFAULT_HOOK_DEADLINE_MS);
  const startedAt = Date.now();
  let hookEvent = 'unknown';
  let timer: NodeJS.Timeout | undefined;
  let armForEvent: () => void = () => {};

  const failed = (error: unknown): CommandHookResponse => {
    const configured = failurePolicySchema.safeParse(env.WARDEN_FAILURE?.trim().toLowerCase());
    // Input that never arrived or cannot be read is treated as the most guarded phase.
    const phase = hookEvent === 'unknown' ? 'tool_call' : (options.phaseOf?.(hookEvent) ?? 'tool_call');
    const failure = configured.success ? configured.data : DEFAULT_FAILURE[phase];
    const response = adapter.render({ hookEvent, decision: failureDecision({ error, failure }) });
    // After the rendered answer: on exit 2 the agents read stderr's first part as the reason.
    return {
      ...response,
      stderr: `${response.stderr}warden: ${error instanceof Error ? error.message : String(error)}\n`,
    };
  };

  // The timer stays referenced: were the work to stall with nothing else keeping Node alive, an
  // unreferenced timer would let the process end with exit 0 and no output, which agents read as
  // "allow". The answer ends the process with process.exit, so the timer delays nothing.
  const deadline = new Promise<CommandHookResponse>((resolve) => {
    const arm = (milliseconds: number) => {
      clearTimeout(timer);
      timer = setTimeout(
        () => resolve(failed(new Error(`no decision within ${Date.now() - startedAt} ms`))),
        Math.max(0, milliseconds),
      );
    };
    arm(deadlineMs);
    armForEvent = () => {
      const eventDeadline = options.eventDeadlineMs?.[hookEvent];
      if (eventDeadline !== undefined) arm(Math.min(deadlineMs, eventDeadline) - (Date.now() - startedAt));
    };
  });

  const work = (async (): Promise<CommandHookResponse> => {
    const text = options.input ?? (await readStandardInput({ descriptor: options.descriptor }));
    const json = parseJson(text);
    const input = 'value' in json ? json.value : text;
    if (typeof input === 'object' && input !== null) {
      const name = (input as { hook_event_name?: unknown }).hook_event_name;
      if (typeof name === 'string') hookEvent = name;
    }
    armForEvent();
    const eventDeadline = options.eventDeadlineMs?.[hookEvent];
    const result = await guard({
      adapter,
      input,
      env,
      deadline: startedAt + Math.min(deadlineMs, eventDeadline ?? deadlineMs),
    });
    const warnings = result.warnings.map((warning) => `${warning}\n`).join('');
    return { ...result.output, stderr: result.output.stderr + warnings };
  })();

  try {
    return await Promise.race([work.catch(failed), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
