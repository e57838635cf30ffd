import { describe, expect, it } from 'vitest';
import { describeLine, itDecides } from '../program-test.js';

describe('credentials/security', () => {
  it('raises shell.credential_print for security find-generic-password -s github -w', () => {
    const result = describeLine('security find-generic-password -s github -w');
    expect(result.findings).toEqual(['shell.credential_print']);
  });
  it('raises shell.credential_print for security dump-keychain', () => {
    const result = describeLine('security dump-keychain');
    expect(result.findings).toEqual(['shell.credential_print']);
  });
  it('raises nothing for security find-generic-password -s github', () => {
    const result = describeLine('security find-generic-password -s github');
    expect(result.findings).toEqual([]);
  });
});

describe('credentials/security through the engine', () => {
  itDecides([
    { command: 'security list-keychains', effect: 'allow' },
    {
      command: 'security find-generic-password -s github -w',
      effect: 'ask',
      findings: ['shell.credential_print'],
    },
  ]);
});
