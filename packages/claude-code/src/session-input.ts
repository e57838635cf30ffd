/**
 * Claude Code's `mcp_tool` hooks send only the fields a template names, each rendered as a
 * string: objects and arrays as JSON text, booleans as "true"/"false", numbers as digits, and a
 * missing field as "" (session-hooks.md §4). One template names every field of every event Warden
 * routes to the session server; `toClaudeCodeHookInput` turns what arrives back into the hook
 * input a command hook would have read on stdin.
 */

type FieldKind = 'string' | 'json' | 'boolean' | 'number';

/** Every hook-input field Warden reads or records, and how Claude Code renders it in a template. */
export const CLAUDE_CODE_SESSION_FIELDS: Readonly<Record<string, FieldKind>> = {
  session_id: 'string',
  transcript_path: 'string',
  cwd: 'string',
  prompt_id: 'string',
  permission_mode: 'string',
  effort: 'json',
  hook_event_name: 'string',
  agent_id: 'string',
  agent_type: 'string',
  tool_name: 'string',
  tool_input: 'json',
  tool_use_id: 'string',
  tool_response: 'json',
  duration_ms: 'number',
  permission_suggestions: 'json',
  mcp_server: 'json',
  error: 'string',
  prompt: 'string',
  stop_hook_active: 'boolean',
  last_assistant_message: 'string',
  background_tasks: 'json',
  session_crons: 'json',
};

/** Marks the arguments as rendered from this template (a literal number passes through unchanged). */
export const SESSION_TEMPLATE_VERSION = 1;

/** The `input` of Warden's `mcp_tool` hook entries: one template for every routed event. */
export function claudeCodeSessionTemplate(): Record<string, unknown> {
  const template: Record<string, unknown> = { warden_template: SESSION_TEMPLATE_VERSION };
  for (const field of Object.keys(CLAUDE_CODE_SESSION_FIELDS)) template[field] = `\${${field}}`;
  return template;
}

/**
 * What Claude Code sends as the `mcp_tool` arguments for a hook input through Warden's template:
 * each field rendered as a string (objects as JSON text, a missing field as ""). `warden doctor`'s
 * probe speaks to the session server with it, as Claude Code would.
 */
export function renderClaudeCodeSessionTemplate(options: {
  input: Record<string, unknown>;
}): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(claudeCodeSessionTemplate())) {
    if (typeof value !== 'string') {
      args[key] = value;
      continue;
    }
    const actual = options.input[value.slice(2, -1)];
    args[key] =
      actual === undefined || actual === null
        ? ''
        : typeof actual === 'object'
          ? JSON.stringify(actual)
          : String(actual);
  }
  return args;
}

/** Fields an event always has, kept even when empty ("" is a real empty prompt, not a missing one). */
const KEEP_EMPTY: Readonly<Record<string, readonly string[]>> = {
  UserPromptSubmit: ['prompt'],
  Stop: ['last_assistant_message'],
  SubagentStop: ['last_assistant_message'],
};

function decodeJson(text: string): unknown {
  // Claude Code renders an object as JSON text; a field that was a string stays that string.
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * The native hook input behind a session call's arguments. Fields rendered empty are left out,
 * as they were absent (Claude Code cannot tell the two apart), except the ones an event always has.
 * Values of an unexpected type are passed on unchanged, for the adapter's schema to judge.
 */
export function toClaudeCodeHookInput(args: Record<string, unknown>): Record<string, unknown> {
  const hookEvent = typeof args.hook_event_name === 'string' ? args.hook_event_name : '';
  const keepEmpty = Object.hasOwn(KEEP_EMPTY, hookEvent) ? KEEP_EMPTY[hookEvent]! : [];
  const input: Record<string, unknown> = {};
  for (const [field, kind] of Object.entries(CLAUDE_CODE_SESSION_FIELDS)) {
    if (!Object.hasOwn(args, field)) continue;
    const value = args[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') {
      input[field] = value;
      continue;
    }
    if (value === '') {
      if (keepEmpty.includes(field)) input[field] = '';
      continue;
    }
    // A placeholder left literal: this Claude Code does not know the field.
    if (value === `\${${field}}`) continue;
    switch (kind) {
      case 'json':
        input[field] = decodeJson(value);
        break;
      case 'boolean':
        input[field] = value === 'true' ? true : value === 'false' ? false : value;
        break;
      case 'number':
        input[field] = /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
        break;
      default:
        input[field] = value;
    }
  }
  return input;
}
