import {
  type AdapterV1,
  type CommandHookResponse,
  checkToolInput,
  createId,
  type Decision,
  formatIssue,
  type GuardEvent,
  InvalidInputError,
  type ParseResult,
  type Phase,
  postToolUseOutput,
} from '@warden/core';
import type * as z from 'zod/mini';
import { acceptBaseHookInput, acceptToolHookInput } from './accept-hook-input.js';
import {
  baseHookInputSchema,
  promptHookInputSchema,
  stopHookInputSchema,
  toolHookInputSchema,
} from './hook-input-schema.js';
import { PACKAGE_ID } from './package-id.js';

const PHASES: Record<string, Phase> = {
  PreToolUse: 'tool_call',
  PermissionRequest: 'tool_call',
  PostToolUse: 'tool_result',
  PostToolUseFailure: 'tool_result',
  PermissionDenied: 'tool_result',
  UserPromptSubmit: 'prompt',
  Stop: 'response',
  SubagentStop: 'response',
};

/** The phase of a Claude Code hook event; events Warden only records are `session`. */
export function claudeCodePhaseOf(hookEvent: string): Phase {
  // Own keys only: an event named `constructor` must not read Object's prototype.
  return Object.hasOwn(PHASES, hookEvent) ? PHASES[hookEvent]! : 'session';
}

/** The hook events Warden installs for and renders decisions on. */
export const CLAUDE_CODE_HOOK_EVENTS = [
  'PreToolUse',
  'PermissionRequest',
  'PostToolUse',
  'UserPromptSubmit',
  'Stop',
  'SubagentStop',
  'SessionStart',
  'SessionEnd',
] as const;

function describe(error: z.core.$ZodError): string {
  return formatIssue(error.issues[0]!);
}

function meta(input: Record<string, unknown>): Record<string, unknown> {
  const keys = [
    'permission_mode',
    'prompt_id',
    'agent_id',
    'agent_type',
    'transcript_path',
    'model',
    'source',
    'reason',
    'effort',
  ];
  const result: Record<string, unknown> = {};
  for (const key of keys) if (input[key] !== undefined && input[key] !== null) result[key] = input[key];
  return result;
}

function parseClaudeCodeInput(input: unknown, agent: string): ParseResult {
  const accepted = acceptBaseHookInput(input);
  const base = accepted ? { success: true as const, data: accepted } : baseHookInputSchema.safeParse(input);
  if (!base.success) {
    const partial = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
    return {
      success: false,
      error: new InvalidInputError({
        message: `Claude Code hook input is invalid: ${describe(base.error)}`,
        cause: base.error,
      }),
      hookEvent: typeof partial.hook_event_name === 'string' ? partial.hook_event_name : undefined,
      phase:
        typeof partial.hook_event_name === 'string' ? claudeCodePhaseOf(partial.hook_event_name) : undefined,
    };
  }
  const hookEvent = base.data.hook_event_name;
  const phase = claudeCodePhaseOf(hookEvent);
  const common = {
    id: createId(),
    agent,
    hookEvent,
    phase,
    session: base.data.session_id,
    cwd: base.data.cwd,
    timestamp: new Date().toISOString(),
    meta: meta(base.data),
    raw: input,
  };
  const failed = (error: z.core.$ZodError): ParseResult => ({
    success: false,
    error: new InvalidInputError({
      message: `Claude Code ${hookEvent} input is invalid: ${describe(error)}`,
      cause: error,
    }),
    hookEvent,
    phase,
    session: base.data.session_id,
    cwd: base.data.cwd,
  });

  const invalidToolInput = (message: string): ParseResult => ({
    success: false,
    error: new InvalidInputError({ message: `Claude Code ${hookEvent} input is invalid: ${message}` }),
    hookEvent,
    phase,
    session: base.data.session_id,
    cwd: base.data.cwd,
  });

  if (phase === 'tool_call' || phase === 'tool_result') {
    const accepted = acceptToolHookInput(input);
    const parsed = accepted
      ? { success: true as const, data: accepted }
      : toolHookInputSchema.safeParse(input);
    if (!parsed.success) return failed(parsed.error);
    const tool = parsed.data;
    const problem = checkToolInput({ agent, tool: tool.tool_name, input: tool.tool_input });
    if (problem) return invalidToolInput(problem);
    const response = tool.hook_event_name === 'PostToolUseFailure' ? tool.error : tool.tool_response;
    const event: GuardEvent = {
      ...common,
      tool: {
        name: tool.tool_name,
        input: tool.tool_input,
        ...(tool.tool_use_id ? { useId: tool.tool_use_id } : {}),
        ...(response !== undefined ? { response } : {}),
        ...(tool.mcp_server ? { mcpServer: tool.mcp_server } : {}),
      },
    };
    return { success: true, event };
  }
  if (phase === 'prompt') {
    const parsed = promptHookInputSchema.safeParse(input);
    if (!parsed.success) return failed(parsed.error);
    return { success: true, event: { ...common, prompt: parsed.data.prompt } };
  }
  if (phase === 'response') {
    const parsed = stopHookInputSchema.safeParse(input);
    if (!parsed.success) return failed(parsed.error);
    return {
      success: true,
      event: {
        ...common,
        output: parsed.data.last_assistant_message ?? '',
        meta: { ...common.meta, stop_hook_active: parsed.data.stop_hook_active ?? false },
      },
    };
  }
  return { success: true, event: common };
}

const json = (value: unknown): CommandHookResponse => ({
  stdout: `${JSON.stringify(value)}\n`,
  stderr: '',
  exitCode: 0,
});
const silent: CommandHookResponse = { stdout: '', stderr: '', exitCode: 0 };

/** True when the policy itself approved the action with a rule (not merely no rule matched). */
function isExplicitAllow(decision: Decision): boolean {
  return (
    decision.mode === 'enforce' &&
    decision.policyEffect === 'allow' &&
    !decision.isDefault &&
    !decision.failure
  );
}

/**
 * Renders a decision in Claude Code's exact output contract (hooks reference A.7-A.8).
 * Allow prints nothing unless a rule explicitly auto-approves; deny and ask on tool calls use
 * `hookSpecificOutput.permissionDecision`, whose reason Claude sees.
 */
export function renderClaudeCodeDecision(options: {
  hookEvent: string;
  decision: Decision;
  event?: GuardEvent;
}): CommandHookResponse {
  const { hookEvent, decision } = options;
  const reason = `Warden (${decision.ruleId}): ${decision.reason}`;
  switch (hookEvent) {
    case 'PreToolUse':
      if (decision.effect === 'deny' || decision.effect === 'ask') {
        return json({
          hookSpecificOutput: {
            hookEventName: 'PreToolUse',
            permissionDecision: decision.effect,
            permissionDecisionReason: reason,
          },
        });
      }
      if (isExplicitAllow(decision)) {
        return json({
          hookSpecificOutput: {
            hookEventName: 'PreToolUse',
            permissionDecision: 'allow',
            permissionDecisionReason: reason,
          },
        });
      }
      return silent;
    case 'PermissionRequest':
      // Exit code 2 is ignored here: only the JSON decision counts. Ask leaves Claude's own prompt in place.
      if (decision.effect === 'deny') {
        return json({
          hookSpecificOutput: {
            hookEventName: 'PermissionRequest',
            decision: { behavior: 'deny', message: reason },
          },
        });
      }
      if (isExplicitAllow(decision)) {
        return json({
          hookSpecificOutput: { hookEventName: 'PermissionRequest', decision: { behavior: 'allow' } },
        });
      }
      return silent;
    case 'PostToolUse':
    case 'PostToolUseFailure': {
      const output = postToolUseOutput({ hookEvent, decision, reason });
      return output ? json(output) : silent;
    }
    case 'UserPromptSubmit':
      // Nobody can approve a prompt mid-flight: ask blocks like deny, with the reason shown.
      if (decision.effect === 'deny' || decision.effect === 'ask') return json({ decision: 'block', reason });
      // A prompt cannot be changed; a detector warning is shown to the user.
      if (decision.warnings?.length) return json({ systemMessage: `Warden: ${decision.warnings.join(' ')}` });
      return silent;
    case 'Stop':
    case 'SubagentStop': {
      // Blocking again while a Stop hook is already active would loop; the first block is enough.
      const active = options.event?.meta?.stop_hook_active === true;
      if (decision.effect === 'deny' && !active) return json({ decision: 'block', reason });
      return silent;
    }
    case 'SessionStart':
    case 'SessionEnd':
      return silent;
    default:
      // An event we could not read: exit 2 blocks wherever the event can block, and is ignored elsewhere.
      if (decision.effect === 'deny') return { stdout: '', stderr: `${reason}\n`, exitCode: 2 };
      return silent;
  }
}

export function createClaudeCodeAdapter(options: { id?: string } = {}): AdapterV1<CommandHookResponse> {
  const id = options.id ?? 'claude-code';
  return {
    specificationVersion: 'v1',
    id,
    package: PACKAGE_ID,
    parse: (input) => parseClaudeCodeInput(input, id),
    render: renderClaudeCodeDecision,
  };
}

export const claudeCodeAdapter: AdapterV1<CommandHookResponse> = createClaudeCodeAdapter();
