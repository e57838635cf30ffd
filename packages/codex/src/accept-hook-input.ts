import type { CodexHookEvent } from './hook-input-schema.js';

// The tool-call schemas' checks written out by hand for the inputs Codex sends on every tool call.
// They only ever accept: what they do not recognise goes to the zod schema of the event, which
// decides it and words the error. Building and first running that schema costs a command hook
// about a millisecond, on every call; well-formed input no longer pays it.
// `accept-hook-input.test.ts` checks that both agree.

/** Events with a fast check, and whether their input carries `tool_use_id` and `tool_response`. */
const TOOL_EVENTS: Partial<Record<CodexHookEvent, { useId: boolean; response: boolean }>> = {
  PreToolUse: { useId: true, response: false },
  PermissionRequest: { useId: false, response: false },
  PostToolUse: { useId: true, response: true },
};
const TURN_STRINGS = ['session_id', 'cwd', 'model', 'permission_mode', 'turn_id'] as const;

/**
 * The input itself when the schema of `hookEvent` certainly accepts it (a loose object, so its
 * parse returns the same fields); undefined when only the schema can tell.
 */
export function acceptCodexToolInput(
  input: Record<string, unknown>,
  hookEvent: CodexHookEvent,
): Record<string, unknown> | undefined {
  const fields = Object.hasOwn(TOOL_EVENTS, hookEvent) ? TOOL_EVENTS[hookEvent] : undefined;
  if (!fields || input.hook_event_name !== hookEvent) return undefined;
  for (const key of TURN_STRINGS) if (typeof input[key] !== 'string') return undefined;
  if (input.transcript_path !== null && typeof input.transcript_path !== 'string') return undefined;
  if (input.agent_id !== undefined && typeof input.agent_id !== 'string') return undefined;
  if (input.agent_type !== undefined && typeof input.agent_type !== 'string') return undefined;
  if (typeof input.tool_name !== 'string' || input.tool_name.length === 0) return undefined;
  // `z.unknown()` fields are required as keys, whatever their value.
  if (!('tool_input' in input)) return undefined;
  if (fields.response && !('tool_response' in input)) return undefined;
  if (fields.useId && typeof input.tool_use_id !== 'string') return undefined;
  return input;
}
