import type { DecideConfig } from '../decide.js';
import type { Decision, Effect } from '../decision.js';
import type { Finding } from '../finding.js';
import type { GuardEvent } from '../guard-event.js';

const SEVERITY: Record<Effect, number> = { allow: 0, ask: 1, deny: 2 };

/** Rule id of the decision while Warden is suspended (`warden suspend`). */
export const SUSPENDED_RULE_ID = 'warden.suspended';

/**
 * Decides an event once per policy layer and keeps the most restrictive effect (deny > ask >
 * allow); on a tie the first layer's explicit rule wins over a default. Every layer's matched
 * rules stay in the trace with their layer. While suspended, every decision is a deny.
 * `decideOne` is `decide` (passed in to keep the module graph a tree).
 */
export function decideLayered(options: {
  event: GuardEvent;
  config: DecideConfig;
  decideOne: (event: GuardEvent, config: DecideConfig) => Decision;
}): Decision {
  const { event, config } = options;
  const layers = config.layers?.length ? config.layers : [{ source: 'user', compiled: config.policy }];
  let chosen: Decision | undefined;
  const trace: Decision['trace'] = [];
  const findings: Finding[] = [];
  for (const layer of layers) {
    const decision = options.decideOne(event, { ...config, policy: layer.compiled, layers: undefined });
    for (const entry of decision.trace) trace.push({ ...entry, source: layer.source });
    for (const finding of decision.findings) {
      if (!findings.some((known) => known.id === finding.id && known.subject === finding.subject))
        findings.push(finding);
    }
    if (
      !chosen ||
      SEVERITY[decision.policyEffect] > SEVERITY[chosen.policyEffect] ||
      (SEVERITY[decision.policyEffect] === SEVERITY[chosen.policyEffect] &&
        chosen.isDefault &&
        !decision.isDefault)
    ) {
      chosen = layers.length > 1 && !decision.isDefault ? { ...decision, layer: layer.source } : decision;
    }
  }
  const result: Decision = { ...chosen!, trace, findings };
  if (config.suspended && event.phase !== 'session') {
    return {
      ...result,
      effect: 'deny',
      policyEffect: 'deny',
      ruleId: SUSPENDED_RULE_ID,
      reason: `Warden is suspended since ${config.suspended.since}${config.suspended.reason ? ` (${config.suspended.reason})` : ''}: every action is blocked until the user runs \`warden resume\`.`,
      isDefault: false,
      mode: 'enforce',
    };
  }
  return result;
}
