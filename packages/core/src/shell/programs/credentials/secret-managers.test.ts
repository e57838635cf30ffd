import { describe, expect, it } from 'vitest';
import { describeLine, itDecides } from '../program-test.js';

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

describe('credentials/secret-managers through the engine', () => {
  itDecides([
    { command: 'op item list', effect: 'allow' },
    { command: 'op read op://vault/db/password', effect: 'ask', findings: ['shell.credential_print'] },
    { command: 'vault kv get secret/db', effect: 'ask', findings: ['shell.credential_print'] },
    { command: 'pass show github', effect: 'ask', findings: ['shell.credential_print'] },
    { command: 'gopass show github', effect: 'ask', findings: ['shell.credential_print'] },
    { command: 'bw get password github', effect: 'ask', findings: ['shell.credential_print'] },
    { command: 'lpass show github', effect: 'ask', findings: ['shell.credential_print'] },
    { command: 'doppler secrets', effect: 'ask', findings: ['shell.credential_print'] },
    { command: 'infisical secrets get DB', effect: 'ask', findings: ['shell.credential_print'] },
    { command: 'chamber read app db', effect: 'ask', findings: ['shell.credential_print'] },
    { command: 'sops -d secrets.enc.yaml', effect: 'ask', findings: ['shell.credential_print'] },
    { command: 'ansible-vault view vault.yml', effect: 'ask', findings: ['shell.credential_print'] },
    { command: 'aws-vault exec prod -- env', effect: 'allow' },
    { command: 'heroku config', effect: 'ask', findings: ['shell.credential_print'] },
    { command: 'fly secrets list', effect: 'ask', findings: ['shell.credential_print'] },
    { command: 'flyctl apps destroy app', effect: 'ask', findings: ['shell.cloud_delete'] },
    { command: 'akeyless get-secret-value -n db', effect: 'ask', findings: ['shell.credential_print'] },
    { command: 'conjur variable get -i db', effect: 'ask', findings: ['shell.credential_print'] },
    { command: 'ksm secret get -u x', effect: 'ask', findings: ['shell.credential_print'] },
    { command: 'flyctl secrets list -a api', effect: 'ask', findings: ['shell.credential_print'] },
    { command: 'fly secrets set API_KEY=x', effect: 'allow' },
    {
      command: 'heroku config:get DATABASE_URL -a prod-app',
      effect: 'ask',
      findings: ['shell.credential_print'],
    },
    { command: 'heroku config -a myapp', effect: 'ask', findings: ['shell.credential_print'] },
    { command: 'heroku config:set NODE_ENV=production -a myapp', effect: 'allow' },
    { command: 'heroku pg:credentials:url -a prod', effect: 'ask', findings: ['shell.credential_print'] },
    {
      command: 'heroku pg:reset DATABASE_URL --confirm prod',
      effect: 'ask',
      findings: ['shell.cloud_delete'],
    },
    { command: 'heroku run rails console -a prod', effect: 'ask', findings: ['shell.remote_exec'] },
    { command: 'heroku logs --tail -a myapp', effect: 'allow' },
    { command: 'fly ssh console -C "printenv"', effect: 'ask', findings: ['shell.remote_exec'] },
    { command: 'fly machine exec 1234 "cat /app/.env"', effect: 'ask', findings: ['shell.remote_exec'] },
    { command: 'fly status', effect: 'allow' },
  ]);
});
