import * as z from 'zod/mini';
import type { CodexHookEvent } from './hook-input-schema.js';

// What the `mcp_tool` hooks of `install --transport mcp` send to `warden-codex serve-session`.
//
// Codex 0.169 expands `${field}` in every string of a hook's `input` and sends the result as the
// tool's arguments; objects stay objects. A placeholder naming a field that is absent (and,
// untested, one that is null) fails the hook before any call, and Codex then lets the action
// run. So each event gets its own template naming only fields that event always has with a
// non-null value (Codex's wire schemas, agent-hook-contracts.md C.5):
// - `transcript_path` is `string | null` on every event: never named; mapped back as null (it is
//   only recorded, never decided on);
// - `agent_id`/`agent_type` exist only inside subagents: never named, so a subagent's call is
//   recorded as the main thread's;
// - `last_assistant_message` is `string | null` on Stop. It is named anyway: when it is null the
//   Stop hook fails open, which is what Warden answers for an empty final message too, and
//   without it a Stop hook would never see the answer it is there to check.
//
// The template keys are the native field names, so the arguments map back to the native input
// field for field.

/**
 * The events `--transport mcp` routes to the session server. SessionEnd is not available to MCP
 * hooks in Codex; PermissionRequest, the subagent and compaction events and Interrupt were never
 * verified with `mcp_tool`: they all keep the command hook.
 */
export const CODEX_SESSION_EVENTS = [
  'SessionStart',
  'UserPromptSubmit',
  'PreToolUse',
  'PostToolUse',
  'Stop',
] as const satisfies readonly CodexHookEvent[];
export type CodexSessionEvent = (typeof CODEX_SESSION_EVENTS)[number];

const SESSION_FIELDS = ['hook_event_name', 'session_id', 'cwd', 'model', 'permission_mode'] as const;

/** The native fields each routed event names, beyond the session fields above. */
const EVENT_FIELDS: Record<CodexSessionEvent, readonly string[]> = {
  SessionStart: ['source'],
  UserPromptSubmit: ['turn_id', 'prompt'],
  PreToolUse: ['turn_id', 'tool_name', 'tool_input', 'tool_use_id'],
  PostToolUse: ['turn_id', 'tool_name', 'tool_input', 'tool_response', 'tool_use_id'],
  Stop: ['turn_id', 'stop_hook_active', 'last_assistant_message'],
};

export function isCodexSessionEvent(name: string): name is CodexSessionEvent {
  return (CODEX_SESSION_EVENTS as readonly string[]).includes(name);
}

/** The `input` template of one event's `mcp_tool` hook: `{field: "${field}"}` for each field it always has. */
export function codexSessionInputTemplate(event: CodexSessionEvent): Record<string, string> {
  const template: Record<string, string> = {};
  for (const field of [...SESSION_FIELDS, ...EVENT_FIELDS[event]]) template[field] = `\${${field}}`;
  return template;
}

const sessionArgumentsSchema = z.looseObject({ hook_event_name: z.string() });

export type NativeInputFromArguments =
  | { success: true; input: Record<string, unknown>; hookEvent: CodexSessionEvent }
  | { success: false; message: string; hookEvent?: string };

/**
 * The native Codex hook input for the arguments of one `mcp_tool` call: the templated fields as
 * they came, plus `transcript_path: null`, which no template names. Only a routed event's own
 * fields are kept, so a hand-made call cannot smuggle in fields Codex would not have sent.
 * Everything else (types, required fields) is the adapter's zod schema's job, as for a command hook.
 */
export function nativeInputFromArguments(args: unknown): NativeInputFromArguments {
  const parsed = sessionArgumentsSchema.safeParse(args);
  if (!parsed.success) {
    return {
      success: false,
      message:
        typeof args === 'object' && args !== null && !Array.isArray(args)
          ? 'the call has no hook_event_name: not sent by a Warden hook template'
          : `the call's arguments are ${args === '' ? 'an empty string' : Array.isArray(args) ? 'an array' : typeof args === 'object' ? 'null' : `a ${typeof args}`}, not the object a Warden hook template sends`,
    };
  }
  const hookEvent = parsed.data.hook_event_name;
  if (!isCodexSessionEvent(hookEvent)) {
    return {
      success: false,
      message: `${JSON.stringify(hookEvent.slice(0, 64))} is not an event Warden's session server is installed for`,
      hookEvent,
    };
  }
  const record = parsed.data as Record<string, unknown>;
  const input: Record<string, unknown> = { transcript_path: null };
  for (const field of [...SESSION_FIELDS, ...EVENT_FIELDS[hookEvent]])
    if (Object.hasOwn(record, field)) input[field] = record[field];
  return { success: true, input, hookEvent };
}
