import { describe, expect, it } from 'vitest';
import { describeLine, itDecides } from '../program-test.js';

describe('cloud/az', () => {
  it('raises shell.credential_print for az account get-access-token', () => {
    const result = describeLine('az account get-access-token');
    expect(result.findings).toEqual(['shell.credential_print']);
  });
  it('raises shell.credential_print for az keyvault secret show --vault-name v --name db', () => {
    const result = describeLine('az keyvault secret show --vault-name v --name db');
    expect(result.findings).toEqual(['shell.credential_print']);
  });
  it('raises shell.remote_exec for az vm run-command invoke -g rg -n vm --command-id RunShellScript --scripts ls', () => {
    const result = describeLine(
      'az vm run-command invoke -g rg -n vm --command-id RunShellScript --scripts ls',
    );
    expect(result.findings).toEqual(['shell.remote_exec']);
  });
  it('raises nothing for az group list', () => {
    const result = describeLine('az group list');
    expect(result.findings).toEqual([]);
  });
});

describe('cloud/az through the engine', () => {
  itDecides([
    { command: 'az group list', effect: 'allow' },
    { command: 'az group delete -n prod --yes', effect: 'ask', findings: ['shell.cloud_delete'] },
    { command: 'az ad sp create-for-rbac --role Owner', effect: 'ask', findings: ['shell.cloud_exposure'] },
    {
      command: 'az role assignment create --assignee x@y.com --role Owner --scope /subscriptions/1',
      effect: 'ask',
      findings: ['shell.cloud_exposure'],
    },
    { command: 'az role assignment create --assignee x@y.com --role Reader', effect: 'allow' },
    {
      command:
        'az network nsg rule create -g rg --nsg-name web -n any --source-address-prefixes 0.0.0.0/0 --destination-port-ranges "*"',
      effect: 'ask',
      findings: ['shell.cloud_exposure'],
    },
  ]);
});
