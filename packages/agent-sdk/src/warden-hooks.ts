import type {
  HookCallback,
  HookCallbackMatcher,
  HookEvent,
  HookJSONOutput,
} from '@anthropic-ai/claude-agent-sdk';
import { guard, type Phase } from '@warden/core';
import { createHookAdapter } from './create-hook-adapter.js';
import { prepareWarden, type WardenOptions } from './prepare-warden.js';

export interface WardenHooksOptions extends WardenOptions {
  /**
   * Seconds the SDK waits for a Warden callback. Decisions take microseconds; the limit only
   * matters if an `onDecision` callback or the audit disk hangs. On PreToolUse and
   * UserPromptSubmit the SDK blocks when it runs out. Default: 30.
   */
  timeoutSeconds?: number;
  /**
   * How often an answer that the policy denies is sent back to the model with the reason, before
   * Warden lets it through with a warning. Bounds the Stop loop. Default: 2.
   */
  maxResponseRetries?: number;
}

/** The `hooks` option of the SDK's `query()`. */
export type WardenHooks = Partial<Record<HookEvent, HookCallbackMatcher[]>>;

/** The events Warden registers for, and the phase each decides in. */
const GUARDED_EVENTS = {
  PreToolUse: 'tool_call',
  PermissionRequest: 'tool_call',
  PostToolUse: 'tool_result',
  PostToolUseFailure: 'tool_result',
  UserPromptSubmit: 'prompt',
  Stop: 'response',
  SubagentStop: 'response',
  SessionStart: 'session',
  SessionEnd: 'session',
} as const satisfies Partial<Record<HookEvent, Phase>>;

/** Events whose action the SDK can block when a callback fails (it ignores `onFailure` elsewhere). */
const BLOCKABLE_EVENTS: ReadonlySet<HookEvent> = new Set([
  'PreToolUse',
  'PermissionRequest',
  'UserPromptSubmit',
]);

function stringField(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'string' ? field : undefined;
}

/**
 * Warden's guardrails as Agent SDK hooks: `query({ prompt, options: { hooks: wardenHooks() } })`.
 *
 * Every tool call (built-in, MCP, and those of subagents) is decided before it runs; prompts are
 * checked before they reach the model; tool results and final answers are inspected; everything is
 * recorded with the request's `context`. The policy is compiled here, once; the callbacks run
 * in-process and read no files.
 */
export function wardenHooks(options: WardenHooksOptions = {}): WardenHooks {
  const prepared = prepareWarden(options);
  const timeout = options.timeoutSeconds ?? 30;
  const maxResponseRetries = options.maxResponseRetries ?? 2;
  if (!Number.isInteger(maxResponseRetries) || maxResponseRetries < 0) {
    throw new RangeError(`maxResponseRetries must be a whole number of 0 or more, got ${maxResponseRetries}`);
  }
  if (!(timeout > 0)) throw new RangeError(`timeoutSeconds must be more than 0, got ${timeout}`);

  const adapter = createHookAdapter({ context: prepared.context, maxResponseRetries });
  // Denied answers sent back in the current turn, per session and subagent. A Stop that goes
  // through ends the turn and clears its entry, so the map holds only turns in progress.
  const responseRetries = new Map<string, number>();

  // The SDK passes an AbortSignal; a decision is synchronous work of microseconds, so there is
  // nothing to abort.
  const callback: HookCallback = async (input, toolUseId) => {
    const hookEvent = stringField(input, 'hook_event_name');
    const isResponse = hookEvent === 'Stop' || hookEvent === 'SubagentStop';
    const retryKey = `${stringField(input, 'session_id')}\u0000${stringField(input, 'agent_id') ?? ''}`;
    const retriesSoFar = isResponse ? (responseRetries.get(retryKey) ?? 0) : 0;

    const result = await guard<HookJSONOutput>({
      adapter,
      input: { input, toolUseId, responseRetries: retriesSoFar },
      config: prepared.config,
      ...(prepared.auditWriter ? { auditWriter: prepared.auditWriter } : {}),
      onDecision: prepared.onDecision,
    });
    for (const warning of result.warnings) prepared.onWarning(warning);

    if (isResponse) {
      if ('decision' in result.output && result.output.decision === 'block') {
        responseRetries.set(retryKey, retriesSoFar + 1);
      } else {
        responseRetries.delete(retryKey);
      }
    }
    if (hookEvent === 'SessionEnd') {
      for (const key of responseRetries.keys()) {
        if (key.startsWith(`${stringField(input, 'session_id')}\u0000`)) responseRetries.delete(key);
      }
    }
    // A log that stopped (or a lock problem worked around) is told to the user, as the CLI hooks do.
    if (result.userMessage) {
      const previous = 'systemMessage' in result.output ? result.output.systemMessage : undefined;
      return {
        ...result.output,
        systemMessage: previous ? `${previous}\n${result.userMessage}` : result.userMessage,
      };
    }
    return result.output;
  };

  const hooks: WardenHooks = {};
  for (const [event, phase] of Object.entries(GUARDED_EVENTS) as [HookEvent, Phase][]) {
    // No `matcher`: the entry applies to every tool, MCP tools and subagents' tools included.
    const matcher: HookCallbackMatcher = { hooks: [callback], timeout };
    // With a closed failure policy a crash or a malformed answer must block too, not let the
    // action through as the SDK does by default.
    if (BLOCKABLE_EVENTS.has(event) && prepared.config.failure[phase] === 'closed')
      matcher.onFailure = 'block';
    hooks[event] = [matcher];
  }
  return hooks;
}
