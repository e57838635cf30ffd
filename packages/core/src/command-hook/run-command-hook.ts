import type { AdapterV1, CommandHookResponse } from '../adapter.js';
import { toAuditEntry, writeAuditRecord } from '../audit/write-audit-record.js';
import { DEFAULT_FAILURE, resolveWardenHome } from '../config/load-config.js';
import { createId } from '../create-id.js';
import { failureDecision } from '../decide.js';
import type { Decision } from '../decision.js';
import { AnalysisLimitError } from '../errors.js';
import { checkPrivatePath } from '../fs/check-private-path.js';
import { guard } from '../guard.js';
import type { Phase } from '../guard-event.js';
import { failurePolicySchema } from '../policy/enums.js';
import { readStandardInput } from './read-standard-input.js';

/** Agents give hooks 30 s or more; the answer comes well before they kill the hook. */
export const DEFAULT_HOOK_DEADLINE_MS = 10_000;

export interface RunCommandHookOptions {
  adapter: AdapterV1<CommandHookResponse>;
  /** The hook input (or its read, already under way); default: read from standard input. */
  input?: string | Promise<string>;
  /** Where standard input is, when it is not descriptor 0 (tests). */
  descriptor?: number;
  env?: NodeJS.ProcessEnv;
  /** The hook answers by this deadline whatever happens. Default `WARDEN_HOOK_DEADLINE_MS`, else 10 s. */
  deadlineMs?: number;
  /** Shorter deadlines for events the agent gives less time (Codex: SessionEnd, Interrupt). */
  eventDeadlineMs?: Readonly<Record<string, number>>;
  /** The phase of a native event name, for the failure policy when the input cannot be parsed. */
  phaseOf?: (hookEvent: string) => Phase;
  /**
   * Whether the agent accepts a `systemMessage` in its answer to this event (default: every event).
   * Where it does not, messages for the user go to stderr only.
   */
  acceptsSystemMessage?: (hookEvent: string) => boolean;
}

function parseJson(text: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/**
 * Adds a message for the user to an answer, in the channel both command-hook agents show the user:
 * the universal `systemMessage` field of the JSON answer (Claude Code and Codex alike). An answer
 * that blocks by exit code 2 carries it on stderr, where the agents read the reason.
 */
export function withSystemMessage(response: CommandHookResponse, message: string): CommandHookResponse {
  if (response.exitCode === 0) {
    const trimmed = response.stdout.trim();
    if (trimmed === '') return { ...response, stdout: `${JSON.stringify({ systemMessage: message })}\n` };
    try {
      const value = JSON.parse(trimmed) as unknown;
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        const record = value as Record<string, unknown>;
        const systemMessage =
          typeof record.systemMessage === 'string' ? `${record.systemMessage}\n${message}` : message;
        return { ...response, stdout: `${JSON.stringify({ ...record, systemMessage })}\n` };
      }
    } catch {
      // Plain text: the message goes to stderr below.
    }
  }
  return { ...response, stderr: `${response.stderr}warden: ${message}\n` };
}

/** A short excerpt of the raw input for the record of an answer given without a parsed event. */
function excerpt(text: string | undefined): string | undefined {
  return text === undefined ? undefined : text.slice(0, 2048);
}

/**
 * The record of an answer that `guard` did not get to give (deadline, unreadable or oversized
 * input, a bug): every answer is in the audit log. Returns why it could not be written, if so.
 */
function recordFailedAnswer(options: {
  env: NodeJS.ProcessEnv;
  agent: string;
  hookEvent: string;
  phase: Phase;
  decision: Decision;
  input: string | undefined;
  limit?: string;
}): string | undefined {
  try {
    const home = resolveWardenHome({ env: options.env });
    const unsafe = checkPrivatePath({ path: home, role: "Warden's home" });
    if (unsafe) return `not writing into it: ${unsafe}`;
    const event = {
      id: createId(),
      agent: options.agent,
      hookEvent: options.hookEvent,
      phase: options.phase,
      session: 'unknown',
      cwd: process.cwd(),
      timestamp: new Date().toISOString(),
      raw: undefined,
      meta: {
        answeredBy: options.limit ?? 'failure',
        ...(options.input !== undefined
          ? { unparsedInput: excerpt(options.input), inputChars: options.input.length }
          : {}),
      },
    };
    writeAuditRecord({
      auditDir: `${home}/audit`,
      entry: toAuditEntry({ event, decision: options.decision }),
      // The answer is already late or failing: do not wait long on other writers.
      lockWaitMs: 250,
    });
    return undefined;
  } catch (error) {
    return (error as Error).message;
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

  const tellUser = (response: CommandHookResponse, message: string): CommandHookResponse =>
    (options.acceptsSystemMessage?.(hookEvent) ?? true)
      ? withSystemMessage(response, message)
      : { ...response, stderr: `${response.stderr}warden: ${message}\n` };
  let inputText: string | undefined;
  // Set once guard has a decision: from then on guard itself writes the record.
  let decided = false;

  const failed = (error: unknown): CommandHookResponse => {
    const configured = failurePolicySchema.safeParse(env.WARDEN_FAILURE?.trim().toLowerCase());
    // Input that never arrived or cannot be read is treated as the most guarded phase.
    const phase = hookEvent === 'unknown' ? 'tool_call' : (options.phaseOf?.(hookEvent) ?? 'tool_call');
    const failure = configured.success ? configured.data : DEFAULT_FAILURE[phase];
    let decision = failureDecision({ error, failure });
    if (error instanceof AnalysisLimitError) decision = { ...decision, findings: [error.finding] };
    let response = adapter.render({ hookEvent, decision });
    if (!decided) {
      const auditError = recordFailedAnswer({
        env,
        agent: adapter.id,
        hookEvent,
        phase,
        decision,
        input: inputText,
        ...(error instanceof AnalysisLimitError ? { limit: error.limit } : {}),
      });
      if (auditError) {
        response = tellUser(
          response,
          `Warden could not write its audit log, so this decision is not recorded: ${auditError}`,
        );
      }
    }
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
        () =>
          resolve(
            failed(
              new AnalysisLimitError({
                limit: 'deadline',
                message: `no decision within ${Date.now() - startedAt} ms`,
                finding: { id: 'analysis.deadline', message: "answered at the hook's deadline" },
              }),
            ),
          ),
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
    const text = await (options.input ?? readStandardInput({ descriptor: options.descriptor }));
    inputText = text;
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
      onDecision: () => {
        decided = true;
      },
    });
    const warnings = result.warnings.map((warning) => `${warning}\n`).join('');
    const output = { ...result.output, stderr: result.output.stderr + warnings };
    // A log that stopped is told to the user, not only to a debug log.
    return result.userMessage && output.exitCode === 0
      ? withSystemMessage(output, result.userMessage)
      : output;
  })();

  try {
    return await Promise.race([work.catch(failed), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
