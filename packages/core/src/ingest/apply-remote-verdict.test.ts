import { describe, expect, it } from 'vitest';
import type { Decision } from '../decision.js';
import { applyRemoteVerdict } from './apply-remote-verdict.js';

function local(effect: Decision['effect'], mode: Decision['mode'] = 'enforce'): Decision {
  return {
    effect: mode === 'observe' ? 'allow' : effect,
    policyEffect: effect,
    ruleId: effect === 'allow' ? 'default' : 'local.rule',
    reason: 'local reason',
    mode,
    isDefault: effect === 'allow',
    actions: [{ kind: 'shell.exec', resources: { command: 'x' } }],
    findings: [],
    trace: [],
  };
}

describe('applyRemoteVerdict', () => {
  it('lets a remote deny or ask tighten a local allow, with the server reason and rule', () => {
    const decision = applyRemoteVerdict({
      local: local('allow'),
      outcome: { backend: 'warden', status: 'ok', effect: 'deny', latencyMs: 3 },
      verdict: { effect: 'deny', reason: 'Production database', ruleId: 'org.prod-db' },
      failure: 'open',
    });
    expect(decision).toMatchObject({
      effect: 'deny',
      policyEffect: 'deny',
      ruleId: 'org.prod-db',
      reason: 'Production database',
    });
    expect(decision.trace.at(-1)).toMatchObject({ ruleId: 'org.prod-db', effect: 'deny' });
  });

  it('never lets a remote allow undo a local deny or ask', () => {
    for (const effect of ['deny', 'ask'] as const) {
      const before = local(effect);
      const after = applyRemoteVerdict({
        local: before,
        outcome: { backend: 'warden', status: 'ok', effect: 'allow', latencyMs: 1 },
        verdict: { effect: 'allow' },
        failure: 'open',
      });
      expect(after).toBe(before);
    }
  });

  it('on timeout or error applies the failure policy: closed denies, open keeps the local decision', () => {
    const timeout = {
      backend: 'warden',
      status: 'timeout' as const,
      error: 'no verdict within 50 ms',
      latencyMs: 50,
    };
    const closed = applyRemoteVerdict({ local: local('allow'), outcome: timeout, failure: 'closed' });
    expect(closed).toMatchObject({ effect: 'deny', ruleId: 'warden.failure', failure: { policy: 'closed' } });
    expect(closed.reason).toMatch(/timed out/);
    const before = local('allow');
    expect(applyRemoteVerdict({ local: before, outcome: timeout, failure: 'open' })).toBe(before);
  });

  it('in observe mode records the stricter verdict but lets the action through', () => {
    const decision = applyRemoteVerdict({
      local: local('allow', 'observe'),
      outcome: { backend: 'akto', status: 'ok', effect: 'deny', latencyMs: 1 },
      verdict: { effect: 'deny', reason: 'blocked' },
      failure: 'closed',
    });
    expect(decision).toMatchObject({ effect: 'allow', policyEffect: 'deny', ruleId: 'remote:akto' });
  });
});
