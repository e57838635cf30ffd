import { describe, expect, it } from 'vitest';
import { describeLine } from '../program-test.js';

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
