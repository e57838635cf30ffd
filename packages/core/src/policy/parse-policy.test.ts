import { describe, expect, it } from 'vitest';
import * as yaml from 'yaml';
import { PolicyError } from '../errors.js';
import { parsePolicy } from './parse-policy.js';

const parse = (text: string, file = '/etc/warden/policy.yaml') => parsePolicy({ text, file, yaml });

function errorOf(text: string, file?: string): PolicyError {
  try {
    parse(text, file);
  } catch (error) {
    if (PolicyError.isInstance(error)) return error as PolicyError;
    throw error;
  }
  throw new Error('expected a PolicyError');
}

describe('parsePolicy', () => {
  it('reads a YAML policy', () => {
    const policy = parse(`
extends: recommended
rules:
  - id: no-prod-db
    effect: deny
    actions: [shell.exec]
    when: { programs: [psql], args: ['*prod*'] }
    reason: Use the staging database.
`);
    expect(policy.extends).toBe('recommended');
    expect(policy.rules?.[0]).toMatchObject({
      id: 'no-prod-db',
      effect: 'deny',
      when: { programs: ['psql'] },
    });
  });

  it('reads the same policy as JSON', () => {
    const policy = parse('{"rules":[{"id":"a","effect":"ask","reason":"r"}]}', 'policy.json');
    expect(policy.rules?.[0]?.effect).toBe('ask');
  });

  it('names the file, the line and the rule of an invalid value', () => {
    const error = errorOf(`rules:
  - id: first
    effect: deny
    reason: fine
  - id: second
    effect: maybe
    reason: broken
`);
    expect(error.file).toBe('/etc/warden/policy.yaml');
    expect(error.line).toBe(6);
    expect(error.ruleId).toBe('second');
    expect(error.message).toMatch(/^\/etc\/warden\/policy\.yaml:6, rule "second": rules\.1\.effect:/);
  });

  it('points at the rule when a required key is missing, and numbers rules without an id', () => {
    const missing = errorOf('rules:\n  - id: third\n    effect: deny\n');
    expect(missing.ruleId).toBe('third');
    expect(missing.line).toBe(2);
    expect(missing.message).toContain('reason');
    expect(errorOf('rules:\n  - effect: deny\n    reason: x\n').ruleId).toBe('#1');
  });

  it('rejects unknown keys, which are usually typos that would silently weaken a rule', () => {
    const error = errorOf(
      'rules:\n  - id: a\n    effect: deny\n    reason: x\n    when:\n      program: [rm]\n',
    );
    expect(error.line).toBe(6);
    expect(error.message).toContain('program');
  });

  it('rejects invalid regular expressions and path classes', () => {
    expect(
      errorOf('rules:\n  - id: a\n    effect: deny\n    reason: x\n    when: { matches: ["(unclosed"] }\n')
        .message,
    ).toContain('regular expression');
    expect(
      errorOf('rules:\n  - id: a\n    effect: deny\n    reason: x\n    when: { targets: [secrets] }\n')
        .message,
    ).toContain('path class');
  });

  it('reports YAML syntax errors with their line', () => {
    const error = errorOf('rules:\n  - id: a\n    effect: [deny\n');
    expect(error.message).toContain('not valid YAML/JSON');
    expect(error.line).toBeGreaterThanOrEqual(3);
  });
});
