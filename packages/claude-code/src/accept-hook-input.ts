import type { BaseHookInput, ToolHookInput } from './hook-input-schema.js';

// The schemas' checks written out by hand for the inputs Claude Code sends on every tool call.
// They only ever accept: what they do not recognise goes to the zod schemas, which decide it and
// word the error. Building and first running those schemas costs a command hook about a
// millisecond, on every call; well-formed input no longer pays it. `accept-hook-input.test.ts`
// checks that both agree.

const TOOL_EVENTS = new Set([
  'PreToolUse',
  'PermissionRequest',
  'PostToolUse',
  'PostToolUseFailure',
  'PermissionDenied',
]);
const OPTIONAL_BASE_STRINGS = ['prompt_id', 'permission_mode', 'agent_id', 'agent_type'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isOptionalString(value: unknown): boolean {
  return value === undefined || typeof value === 'string';
}

/**
 * The input itself, typed, when `baseHookInputSchema` certainly accepts it (a loose object, so
 * its parse returns the same fields); undefined when only the schema can tell.
 */
export function acceptBaseHookInput(input: unknown): BaseHookInput | undefined {
  if (!isRecord(input)) return undefined;
  if (typeof input.session_id !== 'string' || typeof input.cwd !== 'string') return undefined;
  if (typeof input.hook_event_name !== 'string') return undefined;
  if (input.transcript_path !== null && !isOptionalString(input.transcript_path)) return undefined;
  for (const key of OPTIONAL_BASE_STRINGS) if (!isOptionalString(input[key])) return undefined;
  return input as BaseHookInput;
}

/**
 * The input itself, typed, when `toolHookInputSchema` certainly accepts it; undefined when only
 * the schema can tell (an MCP tool's `mcp_server` object is always left to it, since the schema
 * returns a copy of that object).
 */
export function acceptToolHookInput(input: unknown): ToolHookInput | undefined {
  const base = acceptBaseHookInput(input);
  if (!base || !TOOL_EVENTS.has(base.hook_event_name)) return undefined;
  if (typeof base.tool_name !== 'string' || base.tool_name.length === 0) return undefined;
  // `tool_input: z.unknown()` is required as a key, whatever its value.
  if (!('tool_input' in base)) return undefined;
  if (!isOptionalString(base.tool_use_id) || !isOptionalString(base.error)) return undefined;
  if (base.mcp_server !== undefined) return undefined;
  return base as ToolHookInput;
}
