import { type AdapterV1, type CommandHookResponse, runCommandHook } from '@warden/core';
import { claudeCodeAdapter, claudeCodePhaseOf } from './adapter.js';

export interface RunHookOptions {
  /** The hook input; default: read from standard input. */
  input?: string | Promise<string>;
  /** Where standard input is, when it is not descriptor 0 (tests). */
  descriptor?: number;
  env?: NodeJS.ProcessEnv;
  adapter?: AdapterV1<CommandHookResponse>;
  /** The hook answers by this deadline whatever happens (Claude Code's own timeout is longer). */
  deadlineMs?: number;
}

/**
 * One Claude Code command-hook run: read stdin, decide, answer in Claude Code's format. Every
 * path, a hang and a bug included, ends in a well-formed answer decided by the failure policy.
 */
export function runHook(options: RunHookOptions = {}): Promise<CommandHookResponse> {
  return runCommandHook({
    adapter: options.adapter ?? claudeCodeAdapter,
    input: options.input,
    descriptor: options.descriptor,
    env: options.env,
    deadlineMs: options.deadlineMs,
    phaseOf: claudeCodePhaseOf,
  });
}
