import { describe, expect, it } from 'vitest';
import { describeLine, itDecides } from '../program-test.js';

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

describe('accounts/account-tools through the engine', () => {
  itDecides([
    { command: 'useradd -m builder', effect: 'ask', findings: ['shell.account_change'] },
    { command: 'userdel -r builder', effect: 'ask', findings: ['shell.account_change'] },
    { command: 'groupadd builders', effect: 'ask', findings: ['shell.account_change'] },
    { command: 'groupdel builders', effect: 'ask', findings: ['shell.account_change'] },
    { command: 'groupmod -n b builders', effect: 'ask', findings: ['shell.account_change'] },
    { command: 'passwd dev', effect: 'ask', findings: ['shell.account_change'] },
    {
      command: "echo 'dev:x' | chpasswd",
      effect: 'ask',
      findings: ['shell.account_change'],
      programs: ['echo', 'chpasswd'],
    },
    { command: 'chsh -s /bin/zsh', effect: 'ask', findings: ['shell.account_change'] },
    { command: 'chfn -f Dev dev', effect: 'ask', findings: ['shell.account_change'] },
    { command: 'vipw', effect: 'ask', findings: ['shell.account_change'] },
    { command: 'vigr', effect: 'ask', findings: ['shell.account_change'] },
    { command: 'newusers users.txt', effect: 'ask', findings: ['shell.account_change'] },
    { command: 'chage -l dev', effect: 'allow' },
    { command: 'sysadminctl -addUser bob', effect: 'ask', findings: ['shell.account_change'] },
    { command: 'dscl . -create /Users/bob', effect: 'ask', findings: ['shell.account_change'] },
    { command: 'pw useradd bob', effect: 'ask', findings: ['shell.account_change'] },
  ]);
});
