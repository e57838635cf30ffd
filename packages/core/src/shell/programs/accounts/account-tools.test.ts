import { describe, expect, it } from 'vitest';
import { describeLine } from '../program-test.js';

describe('accounts/account-tools', () => {
  it('raises shell.account_change for useradd -m backdoor', () => {
    const result = describeLine('useradd -m backdoor');
    expect(result.findings).toEqual(['shell.account_change']);
  });
  it('raises shell.account_change for passwd root', () => {
    const result = describeLine('passwd root');
    expect(result.findings).toEqual(['shell.account_change']);
  });
  it('raises nothing for passwd -S dev', () => {
    const result = describeLine('passwd -S dev');
    expect(result.findings).toEqual([]);
  });
  it('raises nothing for chage -l dev', () => {
    const result = describeLine('chage -l dev');
    expect(result.findings).toEqual([]);
  });
});
