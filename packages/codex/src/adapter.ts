import {
  type AdapterV1,
  type CommandHookResponse,
  checkToolInput,
  createId,
  type Decision,
  type GuardEvent,
  InvalidInputError,
  type ParseResult,
  type Phase,
} from '@warden/core';
import type * as z from 'zod/mini';
import { acceptCodexToolInput } from './accept-hook-input.js';
import { type CodexHookEvent, codexHookInputSchema, isCodexHookEvent } from './hook-input-schema.js';
import { PACKAGE_ID } from './package-id.js';

const PHASES: Record<CodexHookEvent, Phase> = {
  SessionStart: 'session',
  UserPromptSubmit: 'prompt',
  PreToolUse: 'tool_call',
  PermissionRequest: 'tool_call',
  PostToolUse: 'tool_result',
  Stop: 'response',
  SubagentStart: 'session',
  SubagentStop: 'response',
  PreCompact: 'session',
  PostCompact: 'session',
  Interrupt: 'session',
  SessionEnd: 'session',
};

/**
 * What an `ask` decision becomes. Codex has no way for a hook to ask the user (`ask` is
 * "unsupported" and lets the call through), so:
 * - `deny` (default): block, with a reason that tells the model to get the user's go-ahead;
 * - `defer`: say nothing, so Codex's own approval settings decide (its approval prompt, if it
 *   would show one; with `approval_policy = "never"` the call simply runs).
 */
export type AskBehaviour = 'deny' | 'defer';

export interface CreateCodexAdapterOptions {
  askBehaviour?: AskBehaviour;
}

/** The phase of a Codex hook event; tool_call (the strictest default) for names Codex does not send. */
export function codexPhaseOf(hookEvent: string): Phase {
  return isCodexHookEvent(hookEvent) ? PHASES[hookEvent] : 'tool_call';
}

function describeIssue(error: z.core.$ZodError): string {
  const issue = error.issues[0]!;
  return `${issue.path.join('.') || 'input'}: ${issue.message}`;
}

const META_KEYS = [
  'model',
  'permission_mode',
  'turn_id',
  'agent_id',
  'agent_type',
  'agent_transcript_path',
  'transcript_path',
  'source',
  'trigger',
  'reason',
  'stop_hook_active',
];

function metaOf(input: Record<string, unknown>): Record<string, unknown> {
  const meta: Record<string, unknown> = {};
  for (const key of META_KEYS) if (input[key] !== undefined && input[key] !== null) meta[key] = input[key];
  return meta;
}

function parseCodexInput(input: unknown, agent: string): ParseResult {
  const record =
    typeof input === 'object' && input !== null && !Array.isArray(input)
      ? (input as Record<string, unknown>)
      : undefined;
  const hookEvent = typeof record?.hook_event_name === 'string' ? record.hook_event_name : undefined;
  const partial = {
    hookEvent,
    session: typeof record?.session_id === 'string' ? record.session_id : undefined,
    cwd: typeof record?.cwd === 'string' ? record.cwd : undefined,
  };
  if (!record || !hookEvent || !isCodexHookEvent(hookEvent)) {
    return {
      success: false,
      error: new InvalidInputError({
        message: record
          ? `not a Codex hook input: unknown hook_event_name ${JSON.stringify(record.hook_event_name)}`
          : 'not a Codex hook input: expected a JSON object',
      }),
      ...partial,
    };
  }
  const phase = PHASES[hookEvent];
  const accepted = acceptCodexToolInput(record, hookEvent);
  const parsed = accepted
    ? { success: true as const, data: accepted }
    : codexHookInputSchema(hookEvent).safeParse(input);
  if (!parsed.success) {
    return {
      success: false,
      error: new InvalidInputError({
        message: `Codex ${hookEvent} input is invalid: ${describeIssue(parsed.error)}`,
        cause: parsed.error,
      }),
      ...partial,
      phase,
    };
  }
  const data = parsed.data as Record<string, unknown> & { session_id: string; cwd: string };
  const event: GuardEvent = {
    id: createId(),
    agent,
    hookEvent,
    phase,
    session: data.session_id,
    cwd: data.cwd,
    timestamp: new Date().toISOString(),
    meta: metaOf(data),
    raw: input,
  };
  if (phase === 'tool_call' || phase === 'tool_result') {
    const problem = checkToolInput({ agent, tool: data.tool_name as string, input: data.tool_input });
    if (problem) {
      return {
        success: false,
        error: new InvalidInputError({ message: `Codex ${hookEvent} input is invalid: ${problem}` }),
        ...partial,
        phase,
      };
    }
    event.tool = {
      name: data.tool_name as string,
      input: data.tool_input,
      ...(typeof data.tool_use_id === 'string' ? { useId: data.tool_use_id } : {}),
      ...(phase === 'tool_result' ? { response: data.tool_response } : {}),
    };
  } else if (phase === 'prompt') {
    event.prompt = data.prompt as string;
  } else if (phase === 'response') {
    event.output = (data.last_assistant_message as string | null) ?? '';
  }
  return { success: true, event };
}

const silent: CommandHookResponse = { stdout: '', stderr: '', exitCode: 0 };

/**
 * A blocking answer, twice over: the JSON Codex documents on stdout, and exit 2 with the reason on
 * stderr. Codex 0.169 reads stderr on exit 2 and ignores stdout; exit 2 also survives anything a
 * login shell (`$SHELL -lc`, how Codex runs hooks) prints to stdout before the hook does.
 */
function blocking(output: Record<string, unknown>, reason: string): CommandHookResponse {
  return { stdout: `${JSON.stringify(output)}\n`, stderr: `${reason}\n`, exitCode: 2 };
}

/** True when a rule explicitly approved the action (not merely no rule matched). */
function isExplicitAllow(decision: Decision): boolean {
  return (
    decision.mode === 'enforce' &&
    decision.policyEffect === 'allow' &&
    !decision.isDefault &&
    !decision.failure
  );
}

function reasonFor(decision: Decision): string {
  if (decision.effect === 'ask') {
    return `Warden (${decision.ruleId}) needs the user's approval for this, and Codex hooks cannot ask for it, so it was not run: ${decision.reason} Tell the user what you wanted to do and why; they can do it themselves or allow it in Warden's policy.`;
  }
  return `Warden (${decision.ruleId}): ${decision.reason}`;
}

/**
 * Renders a decision in Codex 0.169's exact output contract. Codex rejects a whole output for a
 * single unknown key and lets the call through, so every object here is the minimum its schema
 * allows, and an allow is always an empty stdout (a bare `permissionDecision: "allow"` is an error
 * in Codex: it only carries an input rewrite).
 */
export function renderCodexDecision(options: {
  hookEvent: string;
  decision: Decision;
  event?: GuardEvent;
  askBehaviour?: AskBehaviour;
}): CommandHookResponse {
  const { hookEvent, decision } = options;
  const askBlocks = (options.askBehaviour ?? 'deny') === 'deny';
  const blocks = decision.effect === 'deny' || (decision.effect === 'ask' && askBlocks);
  const reason = reasonFor(decision);

  switch (hookEvent) {
    case 'PreToolUse':
      if (!blocks) return silent;
      return blocking(
        {
          hookSpecificOutput: {
            hookEventName: 'PreToolUse',
            permissionDecision: 'deny',
            permissionDecisionReason: reason,
          },
        },
        reason,
      );
    case 'PermissionRequest':
      // Codex asks the user here unless a hook decides: that is exactly what `ask` means.
      if (decision.effect === 'deny') {
        return blocking(
          {
            hookSpecificOutput: {
              hookEventName: 'PermissionRequest',
              decision: { behavior: 'deny', message: reason },
            },
          },
          reason,
        );
      }
      if (isExplicitAllow(decision)) {
        return {
          stdout: `${JSON.stringify({ hookSpecificOutput: { hookEventName: 'PermissionRequest', decision: { behavior: 'allow' } } })}\n`,
          stderr: '',
          exitCode: 0,
        };
      }
      return silent;
    case 'PostToolUse': {
      // The tool already ran; a block replaces its output with the reason before the model sees it.
      // Codex cannot take a replacement output (updatedMCPToolOutput fails the hook), so a
      // redaction is that block too, with the redacted output as the feedback.
      const redaction = decision.redaction;
      if (redaction) {
        const output =
          typeof redaction.output === 'string' ? redaction.output : JSON.stringify(redaction.output, null, 1);
        const feedback = `${blocks ? `${reason}\n` : ''}Warden replaced ${redaction.findings.join(', ')} in the tool's output with [REDACTED:…] markers. The output, redacted:\n${output}`;
        return blocking({ decision: 'block', reason: feedback }, feedback);
      }
      if (!blocks) return silent;
      return blocking({ decision: 'block', reason }, reason);
    }
    case 'UserPromptSubmit':
      // Codex then sends nothing to the model and ends the turn.
      if (!blocks) return silent;
      return blocking({ decision: 'block', reason }, reason);
    case 'Stop':
    case 'SubagentStop': {
      // A block makes Codex continue with the reason as a new prompt. Once a Stop hook is already
      // active, blocking again could loop forever; the first block is enough.
      const active = options.event?.meta?.stop_hook_active === true;
      if (!blocks || active) return silent;
      return blocking({ decision: 'block', reason }, reason);
    }
    case 'SessionStart':
    case 'SubagentStart':
    case 'PreCompact':
    case 'PostCompact':
    case 'Interrupt':
    case 'SessionEnd':
      // Recorded only: nothing Warden decides can be expressed on these events.
      return silent;
    default:
      // An input Warden could not read: exit 2 blocks wherever the event can block.
      if (decision.effect === 'deny') return { stdout: '', stderr: `${reason}\n`, exitCode: 2 };
      return silent;
  }
}

export function createCodexAdapter(options: CreateCodexAdapterOptions = {}): AdapterV1<CommandHookResponse> {
  const id = 'codex';
  return {
    specificationVersion: 'v1',
    id,
    package: PACKAGE_ID,
    parse: (input) => parseCodexInput(input, id),
    render: (renderOptions) => renderCodexDecision({ ...renderOptions, askBehaviour: options.askBehaviour }),
  };
}

export const codexAdapter: AdapterV1<CommandHookResponse> = createCodexAdapter();
