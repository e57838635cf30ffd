import type { PermissionResult } from '@anthropic-ai/claude-agent-sdk';
import {
  type AdapterV1,
  checkToolInput,
  createId,
  type Decision,
  InvalidInputError,
  type RequestContext,
} from '@warden/core';
import { AGENT_SDK_ID } from './create-hook-adapter.js';
import { canUseToolCallSchema } from './hook-input-schema.js';
import { PACKAGE_ID } from './package-id.js';

/** The hook event name recorded for `canUseTool` decisions, so the audit log tells the two paths apart. */
export const CAN_USE_TOOL_EVENT = 'canUseTool';

function renderPermissionResult(options: { decision: Decision; input?: unknown }): PermissionResult {
  const { decision } = options;
  if (decision.effect === 'allow') {
    // Echo the input: SDK versions before `updatedInput` became optional require it on allow.
    const input = options.input;
    return typeof input === 'object' && input !== null && !Array.isArray(input)
      ? { behavior: 'allow', updatedInput: input as Record<string, unknown> }
      : { behavior: 'allow' };
  }
  // canUseTool is itself the prompt, so an ask that nobody answers is a deny; `wardenCanUseTool`
  // hands asks to the app's own prompt first when it has one.
  const prefix = decision.effect === 'ask' ? 'needs approval: ' : '';
  return { behavior: 'deny', message: `Warden (${decision.ruleId}) ${prefix}${decision.reason}` };
}

/**
 * The adapter behind `wardenCanUseTool`: its native input is one `canUseTool` invocation as a
 * {@link CanUseToolCall} object, its output the SDK's `PermissionResult`.
 */
export function createPermissionAdapter(options: { context?: RequestContext }): AdapterV1<PermissionResult> {
  return {
    specificationVersion: 'v1',
    id: AGENT_SDK_ID,
    package: PACKAGE_ID,
    parse(call) {
      const parsed = canUseToolCallSchema.safeParse(call);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        return {
          success: false,
          error: new InvalidInputError({
            message: `Agent SDK canUseTool call is invalid: ${issue.path.join('.') || 'input'}: ${issue.message}`,
            cause: parsed.error,
          }),
          hookEvent: CAN_USE_TOOL_EVENT,
          phase: 'tool_call',
        };
      }
      const { data } = parsed;
      const problem = checkToolInput({ agent: AGENT_SDK_ID, tool: data.toolName, input: data.input });
      if (problem) {
        return {
          success: false,
          error: new InvalidInputError({ message: `Agent SDK canUseTool call is invalid: ${problem}` }),
          hookEvent: CAN_USE_TOOL_EVENT,
          phase: 'tool_call',
          session: data.session,
          cwd: data.cwd,
        };
      }
      return {
        success: true,
        event: {
          id: createId(),
          agent: AGENT_SDK_ID,
          hookEvent: CAN_USE_TOOL_EVENT,
          phase: 'tool_call',
          session: data.session,
          cwd: data.cwd,
          timestamp: new Date().toISOString(),
          tool: {
            name: data.toolName,
            input: data.input,
            ...(data.toolUseId ? { useId: data.toolUseId } : {}),
            ...(data.mcpServer ? { mcpServer: data.mcpServer } : {}),
          },
          meta: {
            ...(data.agentId ? { agent_id: data.agentId } : {}),
            ...(data.decisionReason ? { decision_reason: data.decisionReason } : {}),
            ...(data.blockedPath ? { blocked_path: data.blockedPath } : {}),
          },
          ...(options.context ? { context: options.context } : {}),
          raw: call,
        },
      };
    },
    render: ({ decision, event }) => renderPermissionResult({ decision, input: event?.tool?.input }),
  };
}
