import {
  type CommandHookResponse,
  DEFAULT_FAILURE,
  failureDecision,
  failurePolicySchema,
} from '@warden/core';
import { type AskBehaviour, codexPhaseOf, renderCodexDecision } from './adapter.js';
import { runCodexHook } from './hook.js';
import { nativeInputFromArguments } from './session-templates.js';

/** Below the 30 s `timeout` install writes for each `mcp_tool` hook, as the command hook's is. */
export const DEFAULT_SESSION_DEADLINE_MS = 10_000;

export interface CodexSessionHandler {
  /** The text of the tool result for one hook call: exactly what the command hook prints. */
  handle(args: unknown, options?: { signal?: AbortSignal }): Promise<string>;
  /** The text for a call that could not be decided in time or at all: the failure policy's answer. */
  onFailure(args: unknown, reason: string): string;
}

export interface CreateCodexSessionHandlerOptions {
  env?: NodeJS.ProcessEnv;
  /** What a policy `ask` becomes; `WARDEN_CODEX_ASK` in the environment wins, as for the command hook. */
  askBehaviour?: AskBehaviour;
  /** Each call is answered by this deadline whatever happens (default 10 s). */
  deadlineMs?: number;
}

/**
 * A command hook's answer as the text of an MCP tool result. Codex reads that text as it reads a
 * command hook's stdout, so stdout is the answer as it is. The one answer that lives only in the
 * exit code (exit 2 with empty stdout: input Warden could not read, blocked by the failure
 * policy) becomes the legacy `{"decision":"block"}`, which Codex honours on every event the
 * session server is installed for.
 */
export function sessionAnswerText(response: CommandHookResponse): string {
  if (response.exitCode !== 2 || response.stdout.trim() !== '') return response.stdout;
  const reason = response.stderr.split('\n').find((line) => line.trim() !== '') ?? 'Warden blocked this.';
  return `${JSON.stringify({ decision: 'block', reason })}\n`;
}

function hookEventOf(args: unknown): string {
  const name =
    typeof args === 'object' && args !== null
      ? (args as { hook_event_name?: unknown }).hook_event_name
      : undefined;
  return typeof name === 'string' ? name : 'unknown';
}

/**
 * The Codex side of the session server: maps each call's templated arguments back to Codex's
 * native hook input and runs the command hook's own decision path on it in this process, so the
 * answer is the command hook's, byte for byte, for every input. Arguments that are not a Warden
 * template (garbage, `""`, a missing event) go down the same path and are answered as the command
 * hook answers unreadable input: by the failure policy, recorded in the audit log.
 */
export function createCodexSessionHandler(
  options: CreateCodexSessionHandlerOptions = {},
): CodexSessionHandler {
  const env = options.env ?? process.env;
  const deadlineMs = options.deadlineMs ?? DEFAULT_SESSION_DEADLINE_MS;
  return {
    async handle(args) {
      const mapped = nativeInputFromArguments(args);
      const input = mapped.success ? mapped.input : args;
      let stdin: string;
      try {
        stdin = typeof input === 'string' ? input : (JSON.stringify(input) ?? '');
      } catch {
        // A value JSON cannot hold (a cycle): the hook's own path turns this into a failure answer.
        stdin = '';
      }
      const response = await runCodexHook({
        stdin,
        env,
        deadlineMs,
        ...(options.askBehaviour ? { askBehaviour: options.askBehaviour } : {}),
      });
      return sessionAnswerText(response);
    },
    onFailure(args, reason) {
      const hookEvent = hookEventOf(args);
      const configured = failurePolicySchema.safeParse(env.WARDEN_FAILURE?.trim().toLowerCase());
      const failure = configured.success ? configured.data : DEFAULT_FAILURE[codexPhaseOf(hookEvent)];
      const decision = failureDecision({ error: new Error(reason), failure });
      const askValue = env.WARDEN_CODEX_ASK?.trim().toLowerCase();
      const askBehaviour: AskBehaviour =
        askValue === 'deny' || askValue === 'defer' ? askValue : (options.askBehaviour ?? 'deny');
      return sessionAnswerText(renderCodexDecision({ hookEvent, decision, askBehaviour }));
    },
  };
}
