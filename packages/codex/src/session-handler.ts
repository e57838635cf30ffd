import {
  type CommandHookResponse,
  createSessionDecider,
  type SessionDecider,
  type SessionToolHandler,
} from '@warden/core';
import { type AskBehaviour, codexPhaseOf, createCodexAdapter } from './adapter.js';
import { askBehaviourFrom } from './hook.js';
import { nativeInputFromArguments } from './session-templates.js';

/** Below the 30 s `timeout` install writes for each `mcp_tool` hook, as the command hook's is. */
export const DEFAULT_SESSION_DEADLINE_MS = 10_000;

export interface CreateCodexSessionHandlerOptions {
  env?: NodeJS.ProcessEnv;
  /** What a policy `ask` becomes; `WARDEN_CODEX_ASK` in the environment wins, as for the command hook. */
  askBehaviour?: AskBehaviour;
  /** Each call is decided within this many ms, by the failure policy when needed (default 10 s). */
  deadlineMs?: number;
  /** Default: core's decider over the warm config, with one audit writer for the session. */
  decider?: SessionDecider;
  /** Where the command hook's stderr (warnings, failure details) goes; default the server's stderr. */
  log?: (message: string) => void;
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

/**
 * The Codex side of the session server: maps each call's templated arguments back to Codex's
 * native hook input and hands it to core's session decider, which gives the command hook's answer
 * from a warm config. Arguments that are not a Warden template go to the decider as they are, and
 * are answered as the command hook answers unreadable input: by the failure policy, recorded.
 */
export function createCodexSessionHandler(
  options: CreateCodexSessionHandlerOptions = {},
): SessionToolHandler & { decider: SessionDecider } {
  const env = options.env ?? process.env;
  const askBehaviour = askBehaviourFrom({
    env,
    ...(options.askBehaviour ? { fallback: options.askBehaviour } : {}),
  });
  const log = options.log ?? ((message: string) => process.stderr.write(message));
  const decider =
    options.decider ??
    createSessionDecider({
      adapter: createCodexAdapter({ askBehaviour }),
      env,
      phaseOf: codexPhaseOf,
      // As the command hook: Codex has no output schema for SessionEnd (not routed here anyway).
      acceptsSystemMessage: (hookEvent) => hookEvent !== 'SessionEnd',
      deadlineMs: options.deadlineMs ?? DEFAULT_SESSION_DEADLINE_MS,
    });
  const nativeInput = (args: unknown): unknown => {
    const mapped = nativeInputFromArguments(args);
    return mapped.success ? mapped.input : args;
  };
  const answer = (response: CommandHookResponse): string => {
    if (response.stderr) log(response.stderr);
    return sessionAnswerText(response);
  };
  return {
    decider,
    async handle(args) {
      return answer(await decider.decide(nativeInput(args)));
    },
    onFailure(args, reason) {
      return answer(decider.fail(nativeInput(args), reason));
    },
  };
}
