import { type CommandHookResponse, runCommandHook } from '@warden/core';
import { type AskBehaviour, codexPhaseOf, createCodexAdapter } from './adapter.js';

/** Codex caps Interrupt and SessionEnd hooks at 3 s; Warden answers well within that. */
const SHORT_EVENT_DEADLINES: Readonly<Record<string, number>> = { Interrupt: 2_000, SessionEnd: 2_000 };

export interface RunCodexHookOptions {
  /** The hook input; default: read from stdin. */
  stdin?: string | Promise<string>;
  env?: NodeJS.ProcessEnv;
  /** What an `ask` decision becomes; `WARDEN_CODEX_ASK` in the environment wins over it. */
  askBehaviour?: AskBehaviour;
  /** The hook answers by this deadline whatever happens. */
  deadlineMs?: number;
}

/** The ask behaviour in force: `WARDEN_CODEX_ASK`, else the installed `--ask`, else deny. */
export function askBehaviourFrom(options: { env: NodeJS.ProcessEnv; fallback?: AskBehaviour }): AskBehaviour {
  const value = options.env.WARDEN_CODEX_ASK?.trim().toLowerCase();
  if (value === 'deny' || value === 'defer') return value;
  return options.fallback ?? 'deny';
}

/**
 * One Codex command-hook run: read stdin, decide, answer. Codex fails open on every hook error
 * (a crash, a timeout, output it cannot parse), so every path here, a hang and a bug included,
 * ends in a well-formed answer decided by the failure policy.
 */
export function runCodexHook(options: RunCodexHookOptions = {}): Promise<CommandHookResponse> {
  const env = options.env ?? process.env;
  return runCommandHook({
    adapter: createCodexAdapter({ askBehaviour: askBehaviourFrom({ env, fallback: options.askBehaviour }) }),
    input: options.stdin,
    env,
    deadlineMs: options.deadlineMs,
    eventDeadlineMs: SHORT_EVENT_DEADLINES,
    phaseOf: codexPhaseOf,
    // Codex has no output schema for SessionEnd: anything printed there is an error.
    acceptsSystemMessage: (hookEvent) => hookEvent !== 'SessionEnd',
  });
}
