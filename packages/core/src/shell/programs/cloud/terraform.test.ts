import { describe, expect, it } from 'vitest';
import { describeLine, itDecides } from '../program-test.js';

describe('cloud/terraform', () => {
  it('raises shell.infra_replace for terraform taint aws_instance.web', () => {
    const result = describeLine('terraform taint aws_instance.web');
    expect(result.findings).toEqual(['shell.infra_replace']);
  });
  it('raises shell.infra_replace for terraform apply -replace=aws_instance.web', () => {
    const result = describeLine('terraform apply -replace=aws_instance.web');
    expect(result.findings).toEqual(['shell.infra_replace']);
  });
  it('raises shell.infra_replace for terraform state push errored.tfstate', () => {
    const result = describeLine('terraform state push errored.tfstate');
    expect(result.findings).toEqual(['shell.infra_replace']);
  });
  it('raises nothing for terraform plan', () => {
    const result = describeLine('terraform plan');
    expect(result.findings).toEqual([]);
  });
  it('raises shell.infra_replace for tofu force-unlock 1234', () => {
    const result = describeLine('tofu force-unlock 1234');
    expect(result.findings).toEqual(['shell.infra_replace']);
  });
});

describe('cloud/terraform through the engine', () => {
  itDecides([
    { command: 'terraform plan', effect: 'allow' },
    { command: 'tofu destroy -auto-approve', effect: 'ask', findings: ['shell.infra_destroy'] },
    { command: 'terragrunt run-all destroy', effect: 'ask', findings: ['shell.infra_destroy'] },
    { command: 'pulumi up', effect: 'allow' },
    { command: 'cdk destroy', effect: 'ask', findings: ['shell.infra_destroy'] },
    { command: 'cdktf deploy', effect: 'allow' },
    { command: 'serverless remove', effect: 'ask', findings: ['shell.infra_destroy'] },
    { command: 'sls deploy', effect: 'allow' },
    { command: 'sst remove', effect: 'ask', findings: ['shell.infra_destroy'] },
    { command: 'eksctl delete cluster prod', effect: 'ask', findings: ['shell.infra_destroy'] },
    { command: 'terraform apply -auto-approve', effect: 'ask', findings: ['shell.infra_apply_unreviewed'] },
    { command: 'tofu apply -auto-approve tfplan', effect: 'ask', findings: ['shell.infra_apply_unreviewed'] },
    {
      command: 'terragrunt run-all apply --auto-approve',
      effect: 'ask',
      findings: ['shell.infra_apply_unreviewed'],
    },
    { command: 'terraform apply', effect: 'allow' },
    { command: 'terraform plan -out tfplan', effect: 'allow' },
    { command: 'pulumi up --yes --stack prod', effect: 'ask', findings: ['shell.infra_apply_unreviewed'] },
    { command: 'pulumi up --skip-preview', effect: 'ask', findings: ['shell.infra_apply_unreviewed'] },
    { command: 'pulumi preview --stack prod', effect: 'allow' },
    {
      command: 'cdk deploy --require-approval never',
      effect: 'ask',
      findings: ['shell.infra_apply_unreviewed'],
    },
    { command: 'cdk deploy --require-approval broadening', effect: 'allow' },
    {
      command: 'sam deploy --no-confirm-changeset',
      effect: 'ask',
      findings: ['shell.infra_apply_unreviewed'],
    },
    { command: 'sam delete --no-prompts', effect: 'ask', findings: ['shell.infra_destroy'] },
    { command: 'sam build', effect: 'allow' },
  ]);
});
