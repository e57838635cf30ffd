import { describe, expect, it } from 'vitest';
import { describeLine } from '../program-test.js';

describe('containers/kubectl', () => {
  it('raises shell.credential_print for kubectl get secret db -o yaml', () => {
    const result = describeLine('kubectl get secret db -o yaml');
    expect(result.findings).toEqual(['shell.credential_print']);
  });
  it("raises shell.credential_print for kubectl get secrets -n prod -o jsonpath='{.items[*].data}'", () => {
    const result = describeLine("kubectl get secrets -n prod -o jsonpath='{.items[*].data}'");
    expect(result.findings).toEqual(['shell.credential_print']);
  });
  it('raises shell.credential_print for kubectl config view --raw', () => {
    const result = describeLine('kubectl config view --raw');
    expect(result.findings).toEqual(['shell.credential_print']);
  });
  it('raises nothing for kubectl get secrets', () => {
    const result = describeLine('kubectl get secrets');
    expect(result.findings).toEqual([]);
  });
  it('raises nothing for kubectl get pods -o yaml', () => {
    const result = describeLine('kubectl get pods -o yaml');
    expect(result.findings).toEqual([]);
  });
});
