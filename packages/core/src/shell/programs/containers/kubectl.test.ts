import { describe, expect, it } from 'vitest';
import { describeLine, itDecides } from '../program-test.js';

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

describe('containers/kubectl through the engine', () => {
  itDecides([
    { command: 'kubectl get pods -n app', effect: 'allow' },
    { command: 'oc delete project staging', effect: 'ask', findings: ['shell.kubectl_delete'] },
    { command: 'kubecolor get nodes', effect: 'allow' },
    { command: 'k3s kubectl get pods', effect: 'allow' },
    {
      command: 'microk8s.kubectl get secret db -o yaml',
      effect: 'ask',
      findings: ['shell.credential_print'],
    },
    {
      command:
        'kubectl run pwn --image=alpine --overrides=\'{"spec":{"hostPID":true,"containers":[{"name":"x","image":"alpine","securityContext":{"privileged":true}}]}}\'',
      effect: 'ask',
      findings: ['shell.docker_privileged'],
    },
    {
      command: 'kubectl debug node/worker-1 -it --image=busybox',
      effect: 'ask',
      findings: ['shell.docker_privileged'],
    },
    { command: 'kubectl debug api-123 -it --image=busybox --target=api', effect: 'allow' },
    { command: 'kubectl run tmp --rm -it --image=alpine -- sh', effect: 'allow' },
  ]);
});
