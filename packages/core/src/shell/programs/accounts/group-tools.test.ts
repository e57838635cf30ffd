import { describe, expect, it } from 'vitest';
import { describeLine } from '../program-test.js';

describe('accounts/group-tools', () => {
  it('raises shell.privilege_grant for usermod -aG sudo dev', () => {
    const result = describeLine('usermod -aG sudo dev');
    expect(result.findings).toEqual(['shell.privilege_grant']);
  });
  it('raises shell.privilege_grant for gpasswd -a dev wheel', () => {
    const result = describeLine('gpasswd -a dev wheel');
    expect(result.findings).toEqual(['shell.privilege_grant']);
  });
  it('raises shell.privilege_grant for adduser dev docker', () => {
    const result = describeLine('adduser dev docker');
    expect(result.findings).toEqual(['shell.privilege_grant']);
  });
  it('raises shell.account_change for usermod -aG video dev', () => {
    const result = describeLine('usermod -aG video dev');
    expect(result.findings).toEqual(['shell.account_change']);
  });
  it('raises shell.privilege_grant for visudo', () => {
    const result = describeLine('visudo');
    expect(result.findings).toEqual(['shell.privilege_grant']);
  });
  it('raises nothing for visudo -c', () => {
    const result = describeLine('visudo -c');
    expect(result.findings).toEqual([]);
  });
});
