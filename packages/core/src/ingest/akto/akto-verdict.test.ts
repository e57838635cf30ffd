import { describe, expect, it } from 'vitest';
import { TransportError } from '../../errors.js';
import { parseAktoVerdict } from './akto-verdict.js';

const where = 'POST https://akto.example/api/http-proxy';
const answer = (guardrailsResult: Record<string, unknown>) => ({
  success: true,
  message: 'Request processed successfully',
  data: { success: true, message: 'Request processed successfully', guardrailsResult },
});

describe('parseAktoVerdict', () => {
  it('maps behaviours: allowed and alert allow, warn and approval ask, block and empty deny', () => {
    const effect = (result: Record<string, unknown>) =>
      parseAktoVerdict({ statusCode: 200, json: answer(result), where }).effect;
    expect(effect({ Allowed: true, Reason: '' })).toBe('allow');
    expect(effect({ Allowed: false, behaviour: 'alert' })).toBe('allow');
    expect(effect({ Allowed: false, Behaviour: 'warn' })).toBe('ask');
    expect(effect({ Allowed: false, behaviour: 'approval' })).toBe('ask');
    expect(effect({ Allowed: false, behaviour: 'block' })).toBe('deny');
    expect(effect({ Allowed: false })).toBe('deny');
  });

  it('keeps the reason and names the policy', () => {
    const verdict = parseAktoVerdict({
      statusCode: 200,
      json: answer({
        Allowed: false,
        Reason: 'Secrets detected',
        behaviour: 'block',
        Metadata: { policy_name: 'secrets', rule_violated: 'aws' },
      }),
      where,
    });
    expect(verdict).toEqual({
      effect: 'deny',
      reason: 'Secrets detected',
      ruleId: 'akto:secrets/aws',
      behaviour: 'block',
    });
  });

  it('takes the reason from the side that failed when both sides ran', () => {
    const verdict = parseAktoVerdict({
      statusCode: 200,
      json: answer({
        Allowed: false,
        Reason: '',
        behaviour: '',
        requestResult: { Allowed: true, Reason: '' },
        responseResult: { Allowed: false, Reason: 'PII in the answer', behaviour: 'warn' },
      }),
      where,
    });
    expect(verdict).toMatchObject({ effect: 'ask', reason: 'PII in the answer', behaviour: 'warn' });
  });

  it('treats a server that failed open, a 422, or a missing verdict as an error for the failure policy', () => {
    const failedOpen = answer({ Allowed: true, allowed: true, failOpen: true, error: 'guardrails timeout' });
    expect(() => parseAktoVerdict({ statusCode: 200, json: failedOpen, where })).toThrow(
      /failed and the server allowed by default/,
    );
    expect(() =>
      parseAktoVerdict({ statusCode: 422, json: { success: false, message: 'kafka publish failed' }, where }),
    ).toThrow(TransportError);
    expect(() => parseAktoVerdict({ statusCode: 200, json: { success: true, data: {} }, where })).toThrow(
      /no guardrailsResult/,
    );
    expect(() => parseAktoVerdict({ statusCode: 200, json: 'nope', where })).toThrow(/not an Akto answer/);
  });

  it('records a proposed modification without applying it', () => {
    const verdict = parseAktoVerdict({
      statusCode: 200,
      json: answer({ Allowed: true, Modified: true, ModifiedPayload: '{}' }),
      where,
    });
    expect(verdict).toEqual({ effect: 'allow', modified: true });
  });
});
