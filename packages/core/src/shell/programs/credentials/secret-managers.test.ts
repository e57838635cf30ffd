import { describe, expect, it } from 'vitest';
import { describeLine } from '../program-test.js';

describe('credentials/secret-managers', () => {
  it('raises shell.credential_print for op read op://vault/db/password', () => {
    const result = describeLine('op read op://vault/db/password');
    expect(result.findings).toEqual(['shell.credential_print']);
  });
  it('raises shell.credential_print for vault kv get secret/prod/db', () => {
    const result = describeLine('vault kv get secret/prod/db');
    expect(result.findings).toEqual(['shell.credential_print']);
  });
  it('raises shell.credential_print for pass show email/work', () => {
    const result = describeLine('pass show email/work');
    expect(result.findings).toEqual(['shell.credential_print']);
  });
  it('raises nothing for pass ls', () => {
    const result = describeLine('pass ls');
    expect(result.findings).toEqual([]);
  });
  it('raises shell.credential_print for bw get password github', () => {
    const result = describeLine('bw get password github');
    expect(result.findings).toEqual(['shell.credential_print']);
  });
  it('raises shell.credential_print for sops -d secrets.enc.yaml', () => {
    const result = describeLine('sops -d secrets.enc.yaml');
    expect(result.findings).toEqual(['shell.credential_print']);
  });
  it('raises shell.credential_print for heroku auth:token', () => {
    const result = describeLine('heroku auth:token');
    expect(result.findings).toEqual(['shell.credential_print']);
  });
  it('raises nothing for vault status', () => {
    const result = describeLine('vault status');
    expect(result.findings).toEqual([]);
  });
});
