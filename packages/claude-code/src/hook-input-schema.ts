import { lazySchema } from '@warden/core';
import * as z from 'zod/mini';

// Claude Code adds fields release after release: every object is loose, and only what Warden
// relies on is required. Each schema is built on first use (lazySchema): a hook run parses one
// kind of input.
const baseShape = () => ({
  session_id: z.string(),
  transcript_path: z.optional(z.nullable(z.string())),
  cwd: z.string(),
  hook_event_name: z.string(),
  prompt_id: z.optional(z.string()),
  permission_mode: z.optional(z.string()),
  agent_id: z.optional(z.string()),
  agent_type: z.optional(z.string()),
});

export const baseHookInputSchema = lazySchema(() => z.looseObject(baseShape()));
export type BaseHookInput = z.infer<typeof baseHookInputSchema>;

const mcpServerSchema = () => z.optional(z.looseObject({ name: z.string(), source: z.optional(z.string()) }));

export const toolHookInputSchema = lazySchema(() =>
  z.looseObject({
    ...baseShape(),
    hook_event_name: z.enum([
      'PreToolUse',
      'PermissionRequest',
      'PostToolUse',
      'PostToolUseFailure',
      'PermissionDenied',
    ]),
    tool_name: z.string().check(z.minLength(1)),
    tool_input: z.unknown(),
    tool_use_id: z.optional(z.string()),
    tool_response: z.optional(z.unknown()),
    error: z.optional(z.string()),
    mcp_server: mcpServerSchema(),
  }),
);
export type ToolHookInput = z.infer<typeof toolHookInputSchema>;

export const promptHookInputSchema = lazySchema(() =>
  z.looseObject({
    ...baseShape(),
    hook_event_name: z.literal('UserPromptSubmit'),
    prompt: z.string(),
  }),
);

export const stopHookInputSchema = lazySchema(() =>
  z.looseObject({
    ...baseShape(),
    hook_event_name: z.enum(['Stop', 'SubagentStop']),
    stop_hook_active: z.optional(z.boolean()),
    last_assistant_message: z.optional(z.nullable(z.string())),
  }),
);
