import type { CanUseTool, PermissionResult } from '@anthropic-ai/claude-agent-sdk';
import { guard } from '@warden/core';
import { createPermissionAdapter } from './create-permission-adapter.js';
import { prepareWarden, type WardenOptions } from './prepare-warden.js';

export interface WardenCanUseToolOptions extends WardenOptions {
  /**
   * The session's working directory, which relative paths and the project boundary are judged
   * against. `canUseTool` is not told it, so pass the `cwd` you give `query()`. Default: `process.cwd()`.
   */
  cwd?: string;
  /** Recorded as the session of every decision; `canUseTool` is not told the SDK's session id. */
  sessionId?: string;
  /**
   * The app's own prompt, for calls the policy says to ask about (a human approves or not).
   * Without it, Warden denies them with the policy's reason.
   */
  onAsk?: CanUseTool;
}

/**
 * Warden's decisions as the SDK's `canUseTool`: `query({ prompt, options: { canUseTool: wardenCanUseTool() } })`.
 *
 * The SDK calls `canUseTool` only when its own permission rules would prompt, so this guards
 * fewer calls than `wardenHooks` (whose PreToolUse sees every call); use it where an app already
 * runs on the permission flow, or together with the hooks to answer their `ask`s.
 */
export function wardenCanUseTool(options: WardenCanUseToolOptions = {}): CanUseTool {
  const prepared = prepareWarden(options);
  const adapter = createPermissionAdapter({ context: prepared.context });
  const cwd = options.cwd ?? process.cwd();
  const session = options.sessionId ?? 'unknown';

  return async (toolName, input, callOptions): Promise<PermissionResult | null> => {
    const result = await guard<PermissionResult>({
      adapter,
      input: {
        toolName,
        input,
        toolUseId: callOptions.toolUseID,
        agentId: callOptions.agentID,
        mcpServer: callOptions.mcpServer,
        decisionReason: callOptions.decisionReason,
        blockedPath: callOptions.blockedPath,
        session,
        cwd,
      },
      config: prepared.config,
      ...(prepared.auditWriter ? { auditWriter: prepared.auditWriter } : {}),
      onDecision: prepared.onDecision,
    });
    for (const warning of result.warnings) prepared.onWarning(warning);
    if (result.decision.effect === 'ask' && options.onAsk) {
      // The app's answer is final: this is the human the policy asked for. That includes `null`,
      // the SDK's signal that the app already answered out of band.
      return options.onAsk(toolName, input, callOptions);
    }
    return result.output;
  };
}
