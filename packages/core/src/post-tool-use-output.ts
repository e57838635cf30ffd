import type { Decision } from './decision.js';

/** The hook output Claude Code and the Claude Agent SDK read after a tool ran (one contract). */
export interface PostToolUseOutput {
  decision?: 'block';
  reason?: string;
  hookSpecificOutput?: {
    hookEventName: 'PostToolUse' | 'PostToolUseFailure';
    additionalContext?: string;
    updatedToolOutput?: unknown;
  };
}

/**
 * What Warden answers to Claude's PostToolUse or PostToolUseFailure, shared by the Claude Code
 * hook and the Agent SDK's in-process hooks: the tool already ran, so a deny blocks with the
 * reason shown to the model; an ask and detector warnings become context for it; a redaction
 * replaces the output before the model reads it (`updatedToolOutput`, PostToolUse only, in the
 * shape the tool returned). `undefined`: nothing to say.
 */
export function postToolUseOutput(options: {
  hookEvent: 'PostToolUse' | 'PostToolUseFailure';
  decision: Decision;
  /** The decision's reason as the adapter words it. */
  reason: string;
}): PostToolUseOutput | undefined {
  const { hookEvent, decision, reason } = options;
  const redaction = hookEvent === 'PostToolUse' ? decision.redaction : undefined;
  const context = [
    ...(decision.effect === 'ask' ? [reason] : []),
    ...(decision.warnings ?? []).map((warning) => `Warden: ${warning}`),
    ...(redaction
      ? [`Warden replaced ${redaction.findings.join(', ')} in this output with [REDACTED:…] markers.`]
      : []),
  ].join('\n');
  const specific = {
    hookEventName: hookEvent,
    ...(context ? { additionalContext: context } : {}),
    ...(redaction ? { updatedToolOutput: redaction.output } : {}),
  };
  if (decision.effect === 'deny')
    return { decision: 'block', reason, ...(redaction ? { hookSpecificOutput: specific } : {}) };
  if (context) return { hookSpecificOutput: specific };
  return undefined;
}
