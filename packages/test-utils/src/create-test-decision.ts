import type { Decision } from '@warden/core';

/** A Decision for adapter tests: a default allow unless overridden. */
export function createTestDecision(overrides: Partial<Decision> = {}): Decision {
  return {
    effect: 'allow',
    policyEffect: 'allow',
    ruleId: 'default',
    reason: 'No rule matched.',
    mode: 'enforce',
    isDefault: true,
    actions: [],
    findings: [],
    trace: [],
    ...overrides,
  };
}
