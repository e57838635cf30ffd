import type { AdapterV1, CommandHookResponse } from '../adapter.js';
import { toAuditEntry } from '../audit/write-audit-record.js';
import { withSystemMessage } from '../command-hook/run-command-hook.js';
import { DEFAULT_FAILURE, resolveWardenHome, type WardenConfig } from '../config/load-config.js';
import { createId } from '../create-id.js';
import { failureDecision } from '../decide.js';
import { AnalysisLimitError, InvalidInputError } from '../errors.js';
import { checkPrivatePath } from '../fs/check-private-path.js';
import { guard } from '../guard.js';
import type { Phase } from '../guard-event.js';
import { failurePolicySchema } from '../policy/enums.js';
import { type ConfigCache, createConfigCache } from './create-config-cache.js';
import { createSessionAuditWriter, type SessionAuditWriter } from './create-session-audit-writer.js';

export interface CreateSessionDeciderOptions {
  adapter: AdapterV1<CommandHookResponse>;
  env?: NodeJS.ProcessEnv;
  /** The phase of a native event name, for the failure policy when the input cannot be used. */
  phaseOf?: (hookEvent: string) => Phase;
  /** Whether the agent accepts a `systemMessage` in its answer to this event (default: every event). */
  acceptsSystemMessage?: (hookEvent: string) => boolean;
  /** The answer is due this many ms after the call starts (analysis stops before it). */
  deadlineMs: number;
  /** Default: one writer for the whole session (`createSessionAuditWriter`). */
  writeAudit?: SessionAuditWriter;
  /** Default: a cache over `loadConfig` that re-checks the config and policy files per call. */
  configCache?: ConfigCache;
}

export interface SessionDecider {
  /**
   * The command hook's answer for this native hook input, exactly as `runCommandHook` would give
   * it (stdout, stderr, exit code), from the warm config. Never throws.
   */
  decide(input: unknown): Promise<CommandHookResponse>;
  /** The failure policy's answer for this input, recorded in the audit log. Never throws. */
  fail(input: unknown, reason: string): CommandHookResponse;
  /** The config in force (loaded or re-loaded when its files changed). */
  config(): Promise<WardenConfig>;
}

function hookEventOf(input: unknown): string {
  if (typeof input === 'object' && input !== null) {
    const name = (input as { hook_event_name?: unknown }).hook_event_name;
    if (typeof name === 'string' && name !== '') return name;
  }
  return 'unknown';
}

/** The error a failure answer stands for, from the server's reason (deadline, oversized, bad input). */
function causeOf(reason: string): Error {
  if (/^no decision within \d+ ms/.test(reason))
    return new AnalysisLimitError({
      limit: 'deadline',
      message: reason,
      finding: { id: 'analysis.deadline', message: "answered at the hook's deadline" },
    });
  if (/longer than \d+ bytes/.test(reason))
    return new AnalysisLimitError({
      limit: 'oversized',
      message: reason,
      finding: { id: 'input.oversized', message: reason, subject: 'input' },
    });
  return new InvalidInputError({ message: reason });
}

/**
 * The decision path of a session server: `guard` over a config loaded once and re-checked per
 * call, one audit writer, and the same answer (and the same failure answers) as the command hook.
 */
export function createSessionDecider(options: CreateSessionDeciderOptions): SessionDecider {
  const env = options.env ?? process.env;
  const { adapter } = options;
  const configCache = options.configCache ?? createConfigCache({ env });
  const writeAudit = options.writeAudit ?? createSessionAuditWriter();

  const tellUser = (hookEvent: string, response: CommandHookResponse, message: string) =>
    (options.acceptsSystemMessage?.(hookEvent) ?? true)
      ? withSystemMessage(response, message)
      : { ...response, stderr: `${response.stderr}warden: ${message}\n` };

  const fail = (input: unknown, reason: string, error?: unknown): CommandHookResponse => {
    const hookEvent = hookEventOf(input);
    try {
      const phase: Phase =
        hookEvent === 'unknown' ? 'tool_call' : (options.phaseOf?.(hookEvent) ?? 'tool_call');
      const configured = failurePolicySchema.safeParse(env.WARDEN_FAILURE?.trim().toLowerCase());
      const config = configCache.peek();
      const failure = configured.success
        ? configured.data
        : (config?.failure[phase] ?? DEFAULT_FAILURE[phase]);
      const cause = error ?? causeOf(reason);
      let decision = failureDecision({ error: cause, failure, ...(config ? { mode: config.mode } : {}) });
      if (cause instanceof AnalysisLimitError) decision = { ...decision, findings: [cause.finding] };
      let response = adapter.render({ hookEvent, decision });
      const auditError = (() => {
        try {
          const home = config?.home ?? resolveWardenHome({ env });
          const unsafe = checkPrivatePath({ path: home, role: "Warden's home" });
          if (unsafe) return `not writing into it: ${unsafe}`;
          const record =
            typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
          writeAudit({
            auditDir: config?.auditDir ?? `${home}/audit`,
            entry: toAuditEntry({
              event: {
                id: createId(),
                agent: adapter.id,
                hookEvent,
                phase,
                session:
                  typeof record.session_id === 'string' && record.session_id ? record.session_id : 'unknown',
                cwd: typeof record.cwd === 'string' && record.cwd ? record.cwd : process.cwd(),
                timestamp: new Date().toISOString(),
                raw: undefined,
                meta: {
                  answeredBy: cause instanceof AnalysisLimitError ? cause.limit : 'failure',
                  transport: 'session',
                  reason,
                },
              },
              decision,
            }),
            lockWaitMs: 250,
          });
          return undefined;
        } catch (writeError) {
          return (writeError as Error).message;
        }
      })();
      if (auditError)
        response = tellUser(
          hookEvent,
          response,
          `Warden could not write its audit log, so this decision is not recorded: ${auditError}`,
        );
      return { ...response, stderr: `${response.stderr}warden: ${reason}\n` };
    } catch {
      // Rendering itself failed: the most guarded answer the adapter can give without a config.
      return adapter.render({
        hookEvent,
        decision: failureDecision({ error: new Error(reason), failure: 'closed' }),
      });
    }
  };

  return {
    config: () => configCache.get(),
    fail: (input, reason) => fail(input, reason),
    async decide(input) {
      const startedAt = Date.now();
      try {
        let config: WardenConfig | undefined;
        try {
          config = await configCache.get();
        } catch {
          // guard loads it again and answers the load error by the failure policy, as the command hook does.
          config = undefined;
        }
        const result = await guard({
          adapter,
          input,
          env,
          deadline: startedAt + options.deadlineMs,
          writeAudit,
          ...(config ? { config } : {}),
        });
        const warnings = result.warnings.map((warning) => `${warning}\n`).join('');
        const output = { ...result.output, stderr: result.output.stderr + warnings };
        // As runCommandHook: a log that stopped is told to the user, whatever the event.
        return result.userMessage && output.exitCode === 0
          ? withSystemMessage(output, result.userMessage)
          : output;
      } catch (error) {
        return fail(input, error instanceof Error ? error.message : String(error), error);
      }
    },
  };
}
