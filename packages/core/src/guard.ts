import type { AdapterV1 } from './adapter.js';
import { toAuditRecord, writeAuditRecord } from './audit/write-audit-record.js';
import { DEFAULT_FAILURE, loadConfig, resolveWardenHome, type WardenConfig } from './config/load-config.js';
import { createId } from './create-id.js';
import { decideSafely, failureDecision } from './decide.js';
import type { Decision, FailurePolicy } from './decision.js';
import type { GuardEvent, Phase } from './guard-event.js';
import { failurePolicySchema } from './policy/enums.js';

export interface GuardOptions<TOutput> {
  adapter: AdapterV1<TOutput>;
  /** The agent's native hook input, already read as JSON (or the raw text when it was not JSON). */
  input: unknown;
  env?: NodeJS.ProcessEnv;
  /** A config loaded once and reused (in-process adapters); otherwise it is loaded now. */
  config?: WardenConfig;
  /** Called with the decision before the output is rendered. */
  onDecision?: (options: { event: GuardEvent; decision: Decision }) => void;
}

export interface GuardResult<TOutput> {
  output: TOutput;
  decision: Decision;
  event: GuardEvent;
  /** Problems that did not change the decision but must be told (an audit write that failed). */
  warnings: string[];
}

function envFailure(env: NodeJS.ProcessEnv, phase: Phase): FailurePolicy {
  const parsed = failurePolicySchema.safeParse(env.WARDEN_FAILURE?.trim().toLowerCase());
  return parsed.success ? parsed.data : DEFAULT_FAILURE[phase];
}

/**
 * One hook invocation, end to end: parse, decide (applying the failure policy to anything that
 * goes wrong: invalid input, an invalid policy, a bug), record, render. Never throws.
 */
export async function guard<TOutput>(options: GuardOptions<TOutput>): Promise<GuardResult<TOutput>> {
  const env = options.env ?? process.env;
  const warnings: string[] = [];
  const parsed = options.adapter.parse(options.input);

  let config = options.config;
  let configError: unknown;
  if (!config) {
    try {
      config = await loadConfig({ env });
    } catch (error) {
      configError = error;
    }
  }

  let event: GuardEvent;
  let decision: Decision;
  let hookEvent: string;
  if (parsed.success) {
    event = parsed.event;
    hookEvent = event.hookEvent;
    decision = config
      ? decideSafely(event, config)
      : failureDecision({ error: configError, failure: envFailure(env, event.phase) });
  } else {
    const phase = parsed.phase ?? 'tool_call';
    hookEvent = parsed.hookEvent ?? 'unknown';
    event = {
      id: createId(),
      agent: options.adapter.id,
      hookEvent,
      phase,
      session: parsed.session ?? 'unknown',
      cwd: parsed.cwd ?? process.cwd(),
      timestamp: new Date().toISOString(),
      raw: options.input,
    };
    decision = failureDecision({
      error: parsed.error,
      failure: config ? config.failure[phase] : envFailure(env, phase),
      mode: config?.mode,
    });
  }

  try {
    options.onDecision?.({ event, decision });
  } catch (error) {
    warnings.push(`onDecision callback failed: ${(error as Error).message}`);
  }

  if (config?.auditEnabled ?? true) {
    try {
      const auditDir = config?.auditDir ?? `${resolveWardenHome({ env })}/audit`;
      writeAuditRecord({ auditDir, record: toAuditRecord({ event, decision }) });
    } catch (error) {
      warnings.push(`warden: could not write the audit log: ${(error as Error).message}`);
    }
  }

  let output: TOutput;
  try {
    output = options.adapter.render({ hookEvent, decision, event });
  } catch (error) {
    // A render bug must still produce the failure policy's answer, in the agent's format.
    const fallback = failureDecision({
      error,
      failure: config?.failure[event.phase] ?? envFailure(env, event.phase),
    });
    output = options.adapter.render({ hookEvent, decision: fallback });
    decision = fallback;
  }
  return { output, decision, event, warnings };
}
