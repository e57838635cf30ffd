import type { HookJSONOutput } from '@anthropic-ai/claude-agent-sdk';
import {
  type AdapterV1,
  checkToolInput,
  createId,
  type Decision,
  formatIssue,
  type GuardEvent,
  InvalidInputError,
  type ParseResult,
  type Phase,
  postToolUseOutput,
  type RequestContext,
} from '@warden/core';
import type * as z from 'zod/mini';
import {
  baseHookInputSchema,
  promptHookInputSchema,
  stopHookInputSchema,
  toolHookInputSchema,
} from './hook-input-schema.js';
import { PACKAGE_ID } from './package-id.js';

/** The adapter id, also the `agent` of every event and audit record this package produces. */
export const AGENT_SDK_ID = 'agent-sdk';

/** One hook callback invocation: the SDK's arguments, plus what Warden tracks across calls. */
export interface HookCall {
  /** The callback's first argument, the hook input. */
  input: unknown;
  /** The callback's second argument: the tool use id on tool events, a random id elsewhere. */
  toolUseId: string | undefined;
  /** On Stop/SubagentStop: how often Warden has already sent this answer back in the current turn. */
  responseRetries?: number;
}

const PHASES: Readonly<Record<string, Phase>> = {
  PreToolUse: 'tool_call',
  PermissionRequest: 'tool_call',
  PostToolUse: 'tool_result',
  PostToolUseFailure: 'tool_result',
  UserPromptSubmit: 'prompt',
  Stop: 'response',
  SubagentStop: 'response',
};

/** The events whose input is a tool call's (the tool schema's `hook_event_name` values). */
const TOOL_EVENTS: ReadonlySet<unknown> = new Set(toolHookInputSchema.shape.hook_event_name.options);

const META_KEYS = [
  'permission_mode',
  'prompt_id',
  'agent_id',
  'agent_type',
  'source',
  'reason',
  'model',
  'stop_hook_active',
] as const;

function describeIssue(error: z.core.$ZodError): string {
  return formatIssue(error.issues[0]!);
}

function metaOf(input: Record<string, unknown>): Record<string, unknown> {
  const meta: Record<string, unknown> = {};
  for (const key of META_KEYS) if (input[key] !== undefined && input[key] !== null) meta[key] = input[key];
  return meta;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function parseHookCall(options: { call: unknown; context: RequestContext | undefined }): ParseResult {
  const call = asRecord(options.call);
  const input = call.input;
  const partial = asRecord(input);
  // A tool event (most calls) is parsed once, by the tool schema, which checks the base fields
  // too; anything it rejects goes the long way below, so the error names the same problem.
  const asTool = TOOL_EVENTS.has(partial.hook_event_name) ? toolHookInputSchema.safeParse(input) : undefined;
  const base = asTool?.success ? asTool : baseHookInputSchema.safeParse(input);
  if (!base.success) {
    const hookEvent = typeof partial.hook_event_name === 'string' ? partial.hook_event_name : undefined;
    return {
      success: false,
      error: new InvalidInputError({
        message: `Agent SDK hook input is invalid: ${describeIssue(base.error)}`,
        cause: base.error,
      }),
      hookEvent,
      phase: hookEvent && Object.hasOwn(PHASES, hookEvent) ? PHASES[hookEvent] : undefined,
    };
  }

  const hookEvent = base.data.hook_event_name;
  // Own keys only: an event named `constructor` must not read Object's prototype.
  const phase: Phase = Object.hasOwn(PHASES, hookEvent) ? PHASES[hookEvent]! : 'session';
  const retries = typeof call.responseRetries === 'number' ? call.responseRetries : 0;
  const common: GuardEvent = {
    id: createId(),
    agent: AGENT_SDK_ID,
    hookEvent,
    phase,
    session: base.data.session_id,
    cwd: base.data.cwd,
    timestamp: new Date().toISOString(),
    meta: { ...metaOf(base.data), ...(phase === 'response' ? { response_retries: retries } : {}) },
    ...(options.context ? { context: options.context } : {}),
    raw: input,
  };
  const failed = (error: z.core.$ZodError): ParseResult => ({
    success: false,
    error: new InvalidInputError({
      message: `Agent SDK ${hookEvent} input is invalid: ${describeIssue(error)}`,
      cause: error,
    }),
    hookEvent,
    phase,
    session: base.data.session_id,
    cwd: base.data.cwd,
  });

  if (phase === 'tool_call' || phase === 'tool_result') {
    const parsed = asTool ?? toolHookInputSchema.safeParse(input);
    if (!parsed.success) return failed(parsed.error);
    const tool = parsed.data;
    const problem = checkToolInput({ agent: AGENT_SDK_ID, tool: tool.tool_name, input: tool.tool_input });
    if (problem) {
      return {
        success: false,
        error: new InvalidInputError({ message: `Agent SDK ${hookEvent} input is invalid: ${problem}` }),
        hookEvent,
        phase,
        session: base.data.session_id,
        cwd: base.data.cwd,
      };
    }
    const useId = tool.tool_use_id ?? (typeof call.toolUseId === 'string' ? call.toolUseId : undefined);
    const response = tool.hook_event_name === 'PostToolUseFailure' ? tool.error : tool.tool_response;
    return {
      success: true,
      event: {
        ...common,
        tool: {
          name: tool.tool_name,
          input: tool.tool_input,
          ...(useId ? { useId } : {}),
          ...(response !== undefined ? { response } : {}),
          ...(tool.mcp_server ? { mcpServer: tool.mcp_server } : {}),
        },
      },
    };
  }
  if (phase === 'prompt') {
    const parsed = promptHookInputSchema.safeParse(input);
    if (!parsed.success) return failed(parsed.error);
    return { success: true, event: { ...common, prompt: parsed.data.prompt } };
  }
  if (phase === 'response') {
    const parsed = stopHookInputSchema.safeParse(input);
    if (!parsed.success) return failed(parsed.error);
    return { success: true, event: { ...common, output: parsed.data.last_assistant_message ?? '' } };
  }
  return { success: true, event: common };
}

/** True when a rule approved the action, as opposed to no rule objecting. */
function isExplicitAllow(decision: Decision): boolean {
  return (
    decision.mode === 'enforce' &&
    decision.policyEffect === 'allow' &&
    !decision.isDefault &&
    decision.failure === undefined
  );
}

function renderHookOutput(options: {
  hookEvent: string;
  decision: Decision;
  event?: GuardEvent;
  maxResponseRetries: number;
}): HookJSONOutput {
  const { hookEvent, decision } = options;
  const reason = `Warden (${decision.ruleId}): ${decision.reason}`;
  switch (hookEvent) {
    case 'PreToolUse':
      // Deny and ask go to the SDK's permission flow: a deny reason is what the model reads; an
      // ask reaches the app's canUseTool (or blocks when the app runs headless without one).
      if (decision.effect === 'deny' || decision.effect === 'ask') {
        return {
          hookSpecificOutput: {
            hookEventName: 'PreToolUse',
            permissionDecision: decision.effect,
            permissionDecisionReason: reason,
          },
        };
      }
      // A plain allow says nothing, so the app's own permission settings still apply; only a rule
      // that approves on purpose overrides them.
      if (isExplicitAllow(decision)) {
        return {
          hookSpecificOutput: {
            hookEventName: 'PreToolUse',
            permissionDecision: 'allow',
            permissionDecisionReason: reason,
          },
        };
      }
      return {};
    case 'PermissionRequest':
      // Ask leaves the SDK's own prompt (canUseTool) in charge: that is the human in the loop.
      if (decision.effect === 'deny') {
        return {
          hookSpecificOutput: {
            hookEventName: 'PermissionRequest',
            decision: { behavior: 'deny', message: reason },
          },
        };
      }
      if (isExplicitAllow(decision)) {
        return {
          hookSpecificOutput: { hookEventName: 'PermissionRequest', decision: { behavior: 'allow' } },
        };
      }
      return {};
    case 'PostToolUse':
    case 'PostToolUseFailure':
      return (postToolUseOutput({ hookEvent, decision, reason }) ?? {}) as HookJSONOutput;
    case 'UserPromptSubmit':
      // Nobody can approve a prompt mid-flight, so ask blocks like deny. The SDK would otherwise
      // quote the whole prompt (and the secret in it) back in its block message.
      if (decision.effect === 'deny' || decision.effect === 'ask') {
        return {
          decision: 'block',
          reason,
          hookSpecificOutput: { hookEventName: 'UserPromptSubmit', suppressOriginalPrompt: true },
        };
      }
      // A prompt cannot be changed; a detector warning is shown to the user.
      if (decision.warnings?.length) return { systemMessage: `Warden: ${decision.warnings.join(' ')}` };
      return {};
    case 'Stop':
    case 'SubagentStop': {
      if (decision.effect !== 'deny') return {};
      // A block makes the model answer again with the reason; the count bounds the loop, because a
      // model that cannot comply would otherwise be re-prompted until Claude Code's own cap.
      const retries = Number(options.event?.meta?.response_retries ?? 0);
      if (retries < options.maxResponseRetries) return { decision: 'block', reason };
      return {
        systemMessage: `Warden: the answer still breaks the policy after ${retries} ${retries === 1 ? 'retry' : 'retries'}, so it was let through. ${reason}`,
      };
    }
    default:
      // Session events and anything else are recorded only.
      return {};
  }
}

export interface CreateHookAdapterOptions {
  /** Who the agent acts for; copied into every event, hence every audit record. */
  context?: RequestContext;
  /** How often a denied answer is sent back for another try before Warden lets it through. */
  maxResponseRetries: number;
}

/**
 * The Agent SDK hook adapter: its native input is one callback invocation ({@link HookCall}),
 * its output the callback's return value, typed by the SDK itself.
 */
export function createHookAdapter(options: CreateHookAdapterOptions): AdapterV1<HookJSONOutput> {
  return {
    specificationVersion: 'v1',
    id: AGENT_SDK_ID,
    package: PACKAGE_ID,
    parse: (call) => parseHookCall({ call, context: options.context }),
    render: (renderOptions) =>
      renderHookOutput({ ...renderOptions, maxResponseRetries: options.maxResponseRetries }),
  };
}
