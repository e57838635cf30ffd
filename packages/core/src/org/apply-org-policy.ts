import type { DecideConfig } from '../decide.js';
import { decide } from '../decide.js';
import type { Decision, Effect, TraceEntry } from '../decision.js';
import type { GuardEvent } from '../guard-event.js';
import { readOrgPolicyCache } from './org-policy-cache.js';

/** The rule id of a suspension's deny, and the prefix of org rule ids in decisions and traces. */
export const ORG_SUSPENDED_RULE_ID = 'org.suspended';
export const ORG_RULE_PREFIX = 'org:';

const SEVERITY: Record<Effect, number> = { allow: 0, ask: 1, deny: 2 };

export interface OrgPolicyApplied {
  decision: Decision;
  /** The ETag of the org policy in force, when the device has one. */
  etag?: string;
  /** Why the cached org policy could not be used (it is then ignored). */
  warning?: string;
}

function orgTrace(trace: readonly TraceEntry[]): TraceEntry[] {
  return trace.map((entry) => ({ ...entry, ruleId: `${ORG_RULE_PREFIX}${entry.ruleId}` }));
}

/**
 * Combines the local decision with the org policy the device last fetched
 * (`$WARDEN_HOME/org-policy.json`, written by the background refresh; nothing here touches the
 * network). The org policy is decided on its own and the most restrictive effect wins, its
 * matching rules joining the trace as `org:<id>`; an org policy that sets `mode: enforce` is
 * enforced even where the local mode is observe, one that sets `mode: observe` is only traced. While the device or its tenant is suspended,
 * every tool call and prompt is denied with the suspension's reason, whatever the mode. A cache
 * that is unreadable, from another server, or holds an invalid policy is ignored with a warning:
 * the org cannot brick devices with a bad upload.
 */
export async function applyOrgPolicy(options: {
  event: GuardEvent;
  decision: Decision;
  config: DecideConfig;
  /** The configured server's URL: a copy fetched from another server is not applied. */
  serverUrl: string;
}): Promise<OrgPolicyApplied> {
  const { event, config } = options;
  let decision = options.decision;
  const read = readOrgPolicyCache({ home: config.home });
  if (read.status === 'missing') return { decision };
  if (read.status === 'invalid')
    return { decision, warning: `warden: the cached org policy is ignored: ${read.error}` };
  const cache = read.cache;
  if (cache.serverUrl !== options.serverUrl) return { decision };

  let warning: string | undefined;
  // The policy schema and compiler load only when the org has a policy (a suspension needs neither).
  const org =
    cache.policy === null || cache.policy === undefined
      ? { policy: undefined, mode: undefined, error: undefined }
      : (await import('./compile-org-policy.js')).compileOrgPolicy({ cache, userHome: config.userHome });
  if (org.error) warning = `warden: the org policy (ETag ${cache.etag}) is invalid and ignored: ${org.error}`;
  if (org.policy) {
    // `mode: enforce` in the org policy enforces it (and everything else) on an observing device;
    // `mode: observe` makes the org policy a dry run: its rules are traced but change nothing, and
    // it never switches off the device's own enforcement.
    const dryRun = org.mode === 'observe';
    const mode = org.mode === 'enforce' ? 'enforce' : decision.mode;
    const verdict = decide(event, { ...config, policy: org.policy, mode });
    const findings = [...decision.findings];
    for (const finding of verdict.findings) {
      if (!findings.some((known) => known.id === finding.id && known.subject === finding.subject))
        findings.push(finding);
    }
    const orgWins = !dryRun && SEVERITY[verdict.policyEffect] > SEVERITY[decision.policyEffect];
    const policyEffect = orgWins ? verdict.policyEffect : decision.policyEffect;
    decision = {
      ...decision,
      ...(orgWins
        ? {
            ruleId: `${ORG_RULE_PREFIX}${verdict.ruleId}`,
            reason: verdict.isDefault
              ? `The org policy's default applies: ${verdict.reason}`
              : verdict.reason,
            isDefault: false,
          }
        : {}),
      policyEffect,
      mode,
      effect: mode === 'observe' ? 'allow' : policyEffect,
      findings,
      trace: [...decision.trace, ...orgTrace(verdict.trace)],
    };
  }

  const suspension = cache.suspended;
  if (suspension && (event.phase === 'tool_call' || event.phase === 'prompt')) {
    const who = suspension.scope === 'tenant' ? 'this organisation' : 'this device';
    decision = {
      ...decision,
      effect: 'deny',
      policyEffect: 'deny',
      mode: 'enforce',
      ruleId: ORG_SUSPENDED_RULE_ID,
      reason: `Warden: ${who} is suspended by the organisation's administrators (since ${suspension.since}): ${suspension.reason}`,
      isDefault: false,
      trace: [
        ...decision.trace,
        {
          ruleId: ORG_SUSPENDED_RULE_ID,
          effect: 'deny',
          matched: `${suspension.scope} suspended since ${suspension.since}`,
        },
      ],
    };
  }
  return { decision, etag: cache.etag, ...(warning ? { warning } : {}) };
}
