import { describe, expect, it } from 'vitest';
import { describeLine, itDecides } from '../program-test.js';

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

describe('accounts/group-tools through the engine', () => {
  itDecides([
    { command: 'usermod -aG sudo dev', effect: 'deny', findings: ['shell.privilege_grant'] },
    { command: 'gpasswd -a dev docker', effect: 'deny', findings: ['shell.privilege_grant'] },
    { command: 'adduser dev sudo', effect: 'deny', findings: ['shell.privilege_grant'] },
    { command: 'addgroup devs', effect: 'ask', findings: ['shell.account_change'] },
    { command: 'deluser dev', effect: 'ask', findings: ['shell.account_change'] },
    { command: 'delgroup devs', effect: 'ask', findings: ['shell.account_change'] },
    { command: 'visudo -c', effect: 'allow' },
    {
      command: 'dseditgroup -o edit -a dev -t user admin',
      effect: 'deny',
      findings: ['shell.privilege_grant'],
    },
  ]);
});
