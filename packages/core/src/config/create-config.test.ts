import { describe, expect, it } from 'vitest';
import { decide } from '../decide.js';
import { PolicyError } from '../errors.js';
import type { Policy } from '../policy/policy-schema.js';
import { bash, TEST_HOME } from '../test-helpers.js';
import { createConfig } from './create-config.js';

const paths = { home: `${TEST_HOME}/.warden`, userHome: TEST_HOME };

describe('createConfig', () => {
  it('builds the recommended pack when no policy is given', () => {
    const config = createConfig(paths);
    expect(config.policy.sources).toEqual(['pack:recommended']);
    expect(config.mode).toBe('enforce');
    expect(decide(bash('rm -rf ~/important'), config).effect).toBe('deny');
    expect(decide(bash('npm test'), config).effect).toBe('allow');
  });

  it('builds a built-in pack by name', () => {
    const config = createConfig({ ...paths, policy: 'observe' });
    expect(config.policy.sources.at(-1)).toBe('pack:observe');
    expect(decide(bash('rm -rf ~/important'), config).effect).toBe('allow');
  });

  it('keeps the recommended protections for a policy in code with none, unless it says so', () => {
    const empty = createConfig({ ...paths, policy: { rules: [] } });
    expect(decide(bash('rm -rf ~/important'), empty).effect).toBe('deny');
    expect(empty.policyWarnings?.join('\n')).toMatch(/no rule that denies or asks/);

    const acknowledged = createConfig({
      ...paths,
      policy: { extends: 'none', acknowledge: 'no-protections', rules: [] },
    });
    expect(decide(bash('rm -rf ~/important'), acknowledged).effect).toBe('allow');
    expect(acknowledged.policyWarnings?.join('\n')).toMatch(/acknowledge: no-protections/);
  });

  it('compiles a policy object that extends a pack and adds a rule', () => {
    const policy: Policy = {
      extends: 'recommended',
      rules: [
        {
          id: 'no-curl',
          effect: 'deny',
          actions: ['shell.exec'],
          when: { programs: ['curl'] },
          reason: 'no',
        },
      ],
    };
    const config = createConfig({ ...paths, policy });
    expect(decide(bash('curl https://example.com'), config)).toMatchObject({
      effect: 'deny',
      ruleId: 'no-curl',
    });
    expect(decide(bash('rm -rf ~/important'), config).effect).toBe('deny');
  });

  it('lets the options override the mode and the failure policy of the policy', () => {
    const config = createConfig({
      ...paths,
      policy: { extends: 'recommended', mode: 'enforce', failure: 'closed' },
      mode: 'observe',
      failure: { tool_call: 'open' },
    });
    expect(config.mode).toBe('observe');
    expect(config.failure).toEqual({
      prompt: 'closed',
      tool_call: 'open',
      tool_result: 'closed',
      response: 'closed',
      session: 'closed',
    });
    expect(decide(bash('rm -rf ~/important'), config)).toMatchObject({
      effect: 'allow',
      policyEffect: 'deny',
    });
  });

  it('keeps the per-phase failure defaults when nothing overrides them', () => {
    expect(createConfig(paths).failure).toEqual({
      prompt: 'closed',
      tool_call: 'closed',
      tool_result: 'open',
      response: 'open',
      session: 'open',
    });
  });

  it('puts the audit log under the home unless told otherwise', () => {
    expect(createConfig(paths)).toMatchObject({ auditEnabled: true, auditDir: `${TEST_HOME}/.warden/audit` });
    expect(createConfig({ ...paths, audit: { enabled: false, dir: '/tmp/audit' } })).toMatchObject({
      auditEnabled: false,
      auditDir: '/tmp/audit',
    });
  });

  it('rejects an unknown pack, an invalid policy object and an invalid regular expression', () => {
    expect(() => createConfig({ ...paths, policy: 'lenient' })).toThrow(/unknown pack "lenient"/);
    const invalid = { rules: [{ id: 'x', effect: 'block', reason: 'r' }] } as unknown as Policy;
    expect(() => createConfig({ ...paths, policy: invalid })).toThrow(PolicyError);
    expect(() => createConfig({ ...paths, policy: invalid })).toThrow(/rules\.0\.effect/);
    const badRegex: Policy = { rules: [{ id: 'x', effect: 'deny', when: { matches: ['('] }, reason: 'r' }] };
    expect(() => createConfig({ ...paths, policy: badRegex })).toThrow(PolicyError);
  });

  it('reads extended files only through the loader it is given', () => {
    const policy: Policy = { extends: './base.yaml' };
    expect(() => createConfig({ ...paths, policy, source: '/etc/policy.yaml' })).toThrow(
      /no way to read files/,
    );
    const config = createConfig({
      ...paths,
      policy,
      source: '/etc/policy.yaml',
      loadFile: (file) => {
        expect(file).toBe('/etc/base.yaml');
        return { rules: [{ id: 'base.no-ls', effect: 'deny', when: { programs: ['ls'] }, reason: 'no' }] };
      },
    });
    expect(decide(bash('ls'), config).ruleId).toBe('base.no-ls');
  });
});
