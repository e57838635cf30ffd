import * as z from 'zod/mini';

// One schema per Codex hook event, field for field the wire schemas Codex 0.169.0 embeds
// (`<event>.command.input.json`, copied into src/__fixtures__/codex-schemas and checked by
// hook-input-schema.test.ts): the same properties, the same required ones, the same types.
//
// Two deliberate differences, both so that a newer Codex degrades gracefully instead of having
// every tool call denied by the failure policy:
// - objects are loose: a field Codex adds later is kept, not rejected;
// - enums Warden does not decide on (`permission_mode`, `source`, `trigger`, `reason`) accept any
//   string. `hook_event_name` stays exact: it selects the schema.
//
// Schemas are built on first use: a hook run reads one event, and building all twelve would be
// paid on every tool call for nothing.

function sessionFields() {
  return {
    session_id: z.string(),
    transcript_path: z.nullable(z.string()),
    cwd: z.string(),
    model: z.string(),
    permission_mode: z.string(),
  };
}

function turnFields() {
  return { ...sessionFields(), turn_id: z.string() };
}

/** Present when the hook fires inside a subagent. */
function subagentFields() {
  return { agent_id: z.optional(z.string()), agent_type: z.optional(z.string()) };
}

/** Compaction events carry no permission_mode. */
function compactFields() {
  return {
    session_id: z.string(),
    transcript_path: z.nullable(z.string()),
    cwd: z.string(),
    model: z.string(),
    turn_id: z.string(),
    ...subagentFields(),
    /** `manual` or `auto` in 0.169. */
    trigger: z.string(),
  };
}

const builders = {
  SessionStart: () =>
    z.looseObject({
      ...sessionFields(),
      hook_event_name: z.literal('SessionStart'),
      /** `startup`, `resume`, `clear`, `compact` or `fork` in 0.169. */
      source: z.string(),
    }),
  UserPromptSubmit: () =>
    z.looseObject({
      ...turnFields(),
      ...subagentFields(),
      hook_event_name: z.literal('UserPromptSubmit'),
      prompt: z.string(),
    }),
  PreToolUse: () =>
    z.looseObject({
      ...turnFields(),
      ...subagentFields(),
      hook_event_name: z.literal('PreToolUse'),
      tool_name: z.string().check(z.minLength(1)),
      tool_input: z.unknown(),
      tool_use_id: z.string(),
    }),
  /** Like PreToolUse, without `tool_use_id`; fires only when Codex would ask for approval. */
  PermissionRequest: () =>
    z.looseObject({
      ...turnFields(),
      ...subagentFields(),
      hook_event_name: z.literal('PermissionRequest'),
      tool_name: z.string().check(z.minLength(1)),
      tool_input: z.unknown(),
    }),
  PostToolUse: () =>
    z.looseObject({
      ...turnFields(),
      ...subagentFields(),
      hook_event_name: z.literal('PostToolUse'),
      tool_name: z.string().check(z.minLength(1)),
      tool_input: z.unknown(),
      /** A string for shell and apply_patch, the result object for other tools. */
      tool_response: z.unknown(),
      tool_use_id: z.string(),
    }),
  Stop: () =>
    z.looseObject({
      ...turnFields(),
      hook_event_name: z.literal('Stop'),
      stop_hook_active: z.boolean(),
      last_assistant_message: z.nullable(z.string()),
    }),
  SubagentStart: () =>
    z.looseObject({
      ...turnFields(),
      hook_event_name: z.literal('SubagentStart'),
      agent_id: z.string(),
      agent_type: z.string(),
    }),
  SubagentStop: () =>
    z.looseObject({
      ...turnFields(),
      hook_event_name: z.literal('SubagentStop'),
      agent_id: z.string(),
      agent_type: z.string(),
      agent_transcript_path: z.nullable(z.string()),
      stop_hook_active: z.boolean(),
      last_assistant_message: z.nullable(z.string()),
    }),
  PreCompact: () => z.looseObject({ ...compactFields(), hook_event_name: z.literal('PreCompact') }),
  PostCompact: () => z.looseObject({ ...compactFields(), hook_event_name: z.literal('PostCompact') }),
  Interrupt: () => z.looseObject({ ...turnFields(), hook_event_name: z.literal('Interrupt') }),
  /** SessionEnd carries neither model nor permission_mode. */
  SessionEnd: () =>
    z.looseObject({
      session_id: z.string(),
      transcript_path: z.nullable(z.string()),
      cwd: z.string(),
      hook_event_name: z.literal('SessionEnd'),
      /** Always `other` in 0.169. */
      reason: z.string(),
    }),
};

export type CodexHookEvent = keyof typeof builders;
export type CodexHookInputSchema<TEvent extends CodexHookEvent> = ReturnType<(typeof builders)[TEvent]>;
export type CodexHookInput<TEvent extends CodexHookEvent> = z.infer<CodexHookInputSchema<TEvent>>;

/** Every hook event Codex 0.169 sends, in the order its docs list them. */
export const CODEX_HOOK_EVENTS = Object.keys(builders) as CodexHookEvent[];

export function isCodexHookEvent(name: string): name is CodexHookEvent {
  return Object.hasOwn(builders, name);
}

const built = new Map<CodexHookEvent, z.ZodMiniType>();

/** The input schema of one Codex hook event (built once, on first use). */
export function codexHookInputSchema<TEvent extends CodexHookEvent>(
  event: TEvent,
): CodexHookInputSchema<TEvent> {
  let schema = built.get(event);
  if (!schema) {
    schema = builders[event]();
    built.set(event, schema);
  }
  return schema as CodexHookInputSchema<TEvent>;
}
