import { describe, expect, it } from 'vitest';
import { describeLine, itDecides } from '../program-test.js';

describe('credentials/printenv', () => {
  it('raises shell.credential_print for printenv GITHUB_TOKEN', () => {
    const result = describeLine('printenv GITHUB_TOKEN');
    expect(result.findings).toEqual(['shell.credential_print']);
  });
  it('raises shell.credential_print for printenv AWS_SECRET_ACCESS_KEY', () => {
    const result = describeLine('printenv AWS_SECRET_ACCESS_KEY');
    expect(result.findings).toEqual(['shell.credential_print']);
  });
  it('raises nothing for printenv PATH', () => {
    const result = describeLine('printenv PATH');
    expect(result.findings).toEqual([]);
  });
});

describe('credentials/printenv through the engine', () => {
  itDecides([
    { command: 'printenv PATH', effect: 'allow' },
    { command: 'printenv GITHUB_TOKEN', effect: 'ask', findings: ['shell.credential_print'] },
  ]);
});
