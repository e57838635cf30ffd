import { describe, expect, it } from 'vitest';
import { describeLine } from '../program-test.js';

describe('credentials/credential-helpers', () => {
  it('raises shell.credential_print for git-credential-osxkeychain get', () => {
    const result = describeLine('git-credential-osxkeychain get');
    expect(result.findings).toEqual(['shell.credential_print']);
  });
  it('raises shell.credential_print for docker-credential-desktop get', () => {
    const result = describeLine('docker-credential-desktop get');
    expect(result.findings).toEqual(['shell.credential_print']);
  });
  it('raises shell.credential_print for secret-tool lookup service github', () => {
    const result = describeLine('secret-tool lookup service github');
    expect(result.findings).toEqual(['shell.credential_print']);
  });
  it('raises nothing for secret-tool store --label x service y', () => {
    const result = describeLine('secret-tool store --label x service y');
    expect(result.findings).toEqual([]);
  });
});
