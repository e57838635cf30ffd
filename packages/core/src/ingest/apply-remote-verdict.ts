import { failureDecision } from '../decide.js';
import type { Decision, Effect, FailurePolicy } from '../decision.js';
import type { RemoteVerdict } from './backend.js';
import type { RemoteOutcome } from './remote-outcome.js';

const SEVERITY: Record<Effect, number> = { allow: 0, ask: 1, deny: 2 };

/**
 * Combines the local decision with the remote evaluation. The stricter effect wins, so a remote
 * allow never undoes a local deny or ask. A remote timeout or error is handed to the failure
 * policy (through `failureDecision`, the one place it is applied): `closed` denies, `open`
 * leaves the local decision in force. Either way the outcome is recorded with the event.
 */
export function applyRemoteVerdict(options: {
  local: Decision;
  outcome: RemoteOutcome;
  verdict?: RemoteVerdict | undefined;
  failure: FailurePolicy;
}): Decision {
  const { local, outcome, verdict } = options;
  if (outcome.status === 'skipped') return local;
  if (outcome.status === 'ok' && verdict) {
    if (SEVERITY[verdict.effect] <= SEVERITY[local.policyEffect]) return local;
    const ruleId = verdict.ruleId ?? `remote:${outcome.backend}`;
    return {
      ...local,
      effect: local.mode === 'observe' ? 'allow' : verdict.effect,
      policyEffect: verdict.effect,
      ruleId,
      reason:
        verdict.reason ||
        (verdict.effect === 'deny'
          ? `Blocked by the ${outcome.backend} server's policy.`
          : `The ${outcome.backend} server's policy asks for confirmation.`),
      isDefault: false,
      findings: [...local.findings, ...(verdict.findings ?? [])],
      trace: [
        ...local.trace,
        { ruleId, effect: verdict.effect, matched: `remote verdict from ${outcome.backend}` },
      ],
    };
  }
  const failed = failureDecision({
    error: new Error(
      `remote evaluation (${outcome.backend}) ${outcome.status === 'timeout' ? 'timed out' : 'failed'}: ${outcome.error ?? 'no verdict'}`,
    ),
    failure: options.failure,
    mode: local.mode,
    actions: local.actions,
  });
  if (SEVERITY[failed.policyEffect] <= SEVERITY[local.policyEffect]) return local;
  return { ...failed, findings: local.findings, trace: local.trace };
}
