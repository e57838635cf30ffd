import {
  type AdapterV1,
  type CommandHookResponse,
  createSessionDecider,
  type SessionDecider,
  type SessionToolHandler,
} from '@warden/core';
import { claudeCodeAdapter, claudeCodePhaseOf } from './adapter.js';
import { toClaudeCodeHookInput } from './session-input.js';

export interface CreateClaudeCodeSessionHandlerOptions {
  env?: NodeJS.ProcessEnv;
  /** Every call is answered within this many ms (the hook entries give Claude Code's 30 s timeout). */
  deadlineMs: number;
  adapter?: AdapterV1<CommandHookResponse>;
  /** Default: a decider over the warm config with one audit writer for the session. */
  decider?: SessionDecider;
  /** Where the command hook's stderr (warnings) goes; default the server's stderr. */
  log?: (message: string) => void;
}

/**
 * The text an `mcp_tool` hook returns for a command hook's answer. Claude Code reads a tool
 * result's text exactly as a command hook's stdout (session-hooks.md §5), so it is the stdout
 * itself. The one answer a tool result cannot give is exit code 2 with the reason on stderr
 * (only for an event Warden could not read); it becomes the legacy block JSON, which blocks the
 * same way.
 */
export function toSessionAnswer(response: CommandHookResponse): string {
  if (response.exitCode === 2) {
    const reason = response.stderr.split('\n').find((line) => line.trim() !== '') ?? 'Warden blocked this.';
    return `${JSON.stringify({ decision: 'block', reason })}\n`;
  }
  return response.stdout;
}

/** The session server's decision tool for Claude Code: templated arguments in, the command hook's answer out. */
export function createClaudeCodeSessionHandler(
  options: CreateClaudeCodeSessionHandlerOptions,
): SessionToolHandler & { decider: SessionDecider } {
  const adapter = options.adapter ?? claudeCodeAdapter;
  const log = options.log ?? ((message: string) => process.stderr.write(message));
  const decider =
    options.decider ??
    createSessionDecider({
      adapter,
      ...(options.env ? { env: options.env } : {}),
      phaseOf: claudeCodePhaseOf,
      deadlineMs: options.deadlineMs,
    });
  const answer = (response: CommandHookResponse): string => {
    if (response.stderr) log(response.stderr);
    return toSessionAnswer(response);
  };
  return {
    decider,
    async handle(args) {
      return answer(await decider.decide(toClaudeCodeHookInput(args)));
    },
    onFailure(args, reason) {
      let input: Record<string, unknown> = {};
      try {
        input = toClaudeCodeHookInput(args);
      } catch {
        // The failure answer is for an unknown event then: the most guarded one.
      }
      return answer(decider.fail(input, reason));
    },
  };
}
