import * as z from 'zod/mini';

// The SDK's callback inputs are Claude Code's hook inputs, and Claude Code adds fields release
// after release: every object is loose, and only what Warden relies on is required. The type test
// (hook-input-schema.test-d.ts) proves that every input the SDK's own types allow passes.
const baseShape = {
  session_id: z.string(),
  cwd: z.string(),
  hook_event_name: z.string(),
  prompt_id: z.optional(z.string()),
  permission_mode: z.optional(z.string()),
  agent_id: z.optional(z.string()),
  agent_type: z.optional(z.string()),
};

export const baseHookInputSchema = z.looseObject(baseShape);
export type BaseHookInput = z.infer<typeof baseHookInputSchema>;

export const toolHookInputSchema = z.looseObject({
  ...baseShape,
  hook_event_name: z.enum(['PreToolUse', 'PermissionRequest', 'PostToolUse', 'PostToolUseFailure']),
  tool_name: z.string().check(z.minLength(1)),
  tool_input: z.unknown(),
  /** Absent on PermissionRequest; the callback's second argument carries it there. */
  tool_use_id: z.optional(z.string()),
  tool_response: z.optional(z.unknown()),
  /** PostToolUseFailure: the error text in place of a response. */
  error: z.optional(z.string()),
  mcp_server: z.optional(z.looseObject({ name: z.string(), source: z.optional(z.string()) })),
});
export type ToolHookInput = z.infer<typeof toolHookInputSchema>;

export const promptHookInputSchema = z.looseObject({
  ...baseShape,
  hook_event_name: z.literal('UserPromptSubmit'),
  prompt: z.string(),
});
export type PromptHookInput = z.infer<typeof promptHookInputSchema>;

export const stopHookInputSchema = z.looseObject({
  ...baseShape,
  hook_event_name: z.enum(['Stop', 'SubagentStop']),
  stop_hook_active: z.optional(z.boolean()),
  // Optional in the SDK's type; accepting null too costs nothing and spares a failure decision.
  last_assistant_message: z.optional(z.nullable(z.string())),
});
export type StopHookInput = z.infer<typeof stopHookInputSchema>;

/** The arguments of a `canUseTool` call, as one object. */
export const canUseToolCallSchema = z.object({
  toolName: z.string().check(z.minLength(1)),
  input: z.record(z.string(), z.unknown()),
  toolUseId: z.optional(z.string()),
  agentId: z.optional(z.string()),
  mcpServer: z.optional(z.looseObject({ name: z.string(), source: z.optional(z.string()) })),
  /** Why the SDK asks: e.g. the reason a PreToolUse hook gave with `ask`. */
  decisionReason: z.optional(z.string()),
  blockedPath: z.optional(z.string()),
  session: z.string(),
  cwd: z.string(),
});
export type CanUseToolCall = z.infer<typeof canUseToolCallSchema>;
