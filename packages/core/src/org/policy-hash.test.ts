import { describe, expect, it } from 'vitest';
import { configFor } from '../test-helpers.js';
import { policyHash } from './policy-hash.js';

describe('policyHash', () => {
  it('is the same for the same policy and changes with any rule, the mode or the org policy', () => {
    const recommended = policyHash({ policy: configFor({ extends: 'recommended' }).policy });
    expect(recommended).toMatch(/^[0-9a-f]{64}$/);
    expect(policyHash({ policy: configFor({ extends: 'recommended' }).policy })).toBe(recommended);
    expect(policyHash({ policy: configFor({ extends: 'strict' }).policy })).not.toBe(recommended);
    expect(policyHash({ policy: configFor({ extends: 'recommended' }, 'observe').policy })).not.toBe(
      recommended,
    );

    const rule = (reason: string) =>
      configFor({
        extends: 'recommended',
        rules: [{ id: 'x', effect: 'deny', actions: ['shell.exec'], reason }],
      }).policy;
    // The same rule id with another body is another policy.
    expect(policyHash({ policy: rule('one') })).not.toBe(policyHash({ policy: rule('two') }));

    const policy = configFor().policy;
    const withOrg = policyHash({ policy, orgEtag: '"a"' });
    expect(withOrg).not.toBe(policyHash({ policy }));
    expect(policyHash({ policy, orgEtag: '"b"' })).not.toBe(withOrg);
  });
});
