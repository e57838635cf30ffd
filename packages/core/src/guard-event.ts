import * as z from 'zod/mini';

export const phaseSchema = z.enum(['prompt', 'tool_call', 'tool_result', 'response', 'session']);
export type Phase = z.infer<typeof phaseSchema>;

/** Who the agent acts for: set by in-process embedders (Agent SDK servers), recorded in every audit line. */
export const requestContextSchema = z.object({
  userId: z.optional(z.string()),
  clientIp: z.optional(z.string()),
  tenant: z.optional(z.string()),
  labels: z.optional(z.record(z.string(), z.string())),
});
export type RequestContext = z.infer<typeof requestContextSchema>;

export const guardToolSchema = z.object({
  /** The agent's own tool name (`Bash`, `apply_patch`, `mcp__github__create_issue`). */
  name: z.string(),
  input: z.unknown(),
  useId: z.optional(z.string()),
  /** The tool's result, on `tool_result` events. */
  response: z.optional(z.unknown()),
  /** MCP server provenance when the agent reports it. */
  mcpServer: z.optional(z.object({ name: z.string(), source: z.optional(z.string()) })),
});
export type GuardTool = z.infer<typeof guardToolSchema>;

/**
 * One thing an agent is about to do or has done, normalised across agents. Adapters build it
 * from the agent's native hook input; core decides on it without knowing any wire format.
 */
export const guardEventSchema = z.object({
  /** Unique id, so that duplicate deliveries to a server are harmless. */
  id: z.string(),
  /** Adapter id: `claude-code`, `agent-sdk`, `codex`. */
  agent: z.string(),
  /** The native hook event (`PreToolUse`, `PermissionRequest`, `Stop`, ...). */
  hookEvent: z.string(),
  phase: phaseSchema,
  session: z.string(),
  cwd: z.string(),
  timestamp: z.string(),
  tool: z.optional(guardToolSchema),
  /** The user's prompt, on `prompt` events. */
  prompt: z.optional(z.string()),
  /** The agent's final answer, on `response` events. */
  output: z.optional(z.string()),
  /** Per-request context of embedders. */
  context: z.optional(requestContextSchema),
  /** Agent-specific extras worth recording (model, permission mode, turn id, subagent). */
  meta: z.optional(z.record(z.string(), z.unknown())),
  /** The native input, for the audit log (redacted before it is written). */
  raw: z.optional(z.unknown()),
});
export type GuardEvent = z.infer<typeof guardEventSchema>;
