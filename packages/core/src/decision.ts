import type { Action } from './action.js';
import type { Finding } from './finding.js';

export type Effect = 'allow' | 'deny' | 'ask';
export type Mode = 'enforce' | 'observe';
export type FailurePolicy = 'open' | 'closed';

export interface TraceEntry {
  ruleId: string;
  effect: Effect;
  /** Why the rule matched, in words (`program rm with flags -r -f on /`). */
  matched: string;
  /** The policy layer the rule belongs to (`user`, `org`, `project`) when several are in force. */
  source?: string;
}

export interface Decision {
  /** What the adapter must do. In observe mode always `allow`. */
  effect: Effect;
  /** What the policy said, before the mode was applied. */
  policyEffect: Effect;
  /** The deciding rule, `default` when none matched, `warden.failure` when the failure policy decided. */
  ruleId: string;
  /** Text for the agent (on deny: what to do instead) or the user. */
  reason: string;
  mode: Mode;
  /** True when no rule matched and no rule explicitly allowed. */
  isDefault: boolean;
  actions: Action[];
  findings: Finding[];
  /** Every rule that matched, in policy order. */
  trace: TraceEntry[];
  /** The policy layer whose rule decided, when several layers are in force. */
  layer?: string;
  /** Set when evaluation failed and the failure policy decided. */
  failure?: { policy: FailurePolicy; error: string };
  /** Detector findings the policy says to warn about; adapters show them where the agent allows. */
  warnings?: string[];
  /**
   * A tool's output with detector matches replaced by markers (`[REDACTED:secret.aws_access_key]`),
   * for adapters to hand to the agent instead of the original, where the agent allows that.
   */
  redaction?: { output: unknown; findings: string[] };
}
