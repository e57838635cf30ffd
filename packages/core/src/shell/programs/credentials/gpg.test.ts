import { describe, expect, it } from 'vitest';
import { describeLine, itDecides } from '../program-test.js';

describe('credentials/gpg', () => {
  it('raises shell.credential_print for gpg --export-secret-keys -a me@example.com', () => {
    const result = describeLine('gpg --export-secret-keys -a me@example.com');
    expect(result.findings).toEqual(['shell.credential_print']);
  });
  it('raises nothing for gpg --list-keys', () => {
    const result = describeLine('gpg --list-keys');
    expect(result.findings).toEqual([]);
  });
});

describe('credentials/gpg through the engine', () => {
  itDecides([
    { command: 'gpg --verify release.sig', effect: 'allow' },
    { command: 'gpg2 --export-secret-keys -a dev', effect: 'ask', findings: ['shell.credential_print'] },
  ]);
});
