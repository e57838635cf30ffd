import type { Decision } from './decision.js';
import type { InvalidInputError } from './errors.js';
import type { GuardEvent, Phase } from './guard-event.js';

export type ParseResult =
  | { success: true; event: GuardEvent }
  | {
      success: false;
      error: InvalidInputError;
      /** What could be read of the input, so the failure is rendered in the right shape. */
      hookEvent?: string;
      phase?: Phase;
      session?: string;
      cwd?: string;
    };

/**
 * The contract every agent adapter implements: parse the agent's native hook input into a
 * GuardEvent, and render a Decision in the agent's exact output format. Adapters never decide.
 * Changing this interface is a breaking change: add an `AdapterV2` instead.
 */
export interface AdapterV1<TOutput> {
  readonly specificationVersion: 'v1';
  /** Adapter id, also the `agent` of its events: `claude-code`, `codex`, `agent-sdk`. */
  readonly id: string;
  /** The adapter's package and version (`@warden/claude-code@0.2.0`), reported to the server's fleet view. */
  readonly package?: string;
  parse(input: unknown): ParseResult;
  /** Must not throw, for any decision (including failure decisions) and any hook event name. */
  render(options: { hookEvent: string; decision: Decision; event?: GuardEvent }): TOutput;
}

/** What a command hook hands back to its agent. */
export interface CommandHookResponse {
  stdout: string;
  stderr: string;
  exitCode: number;
}
