import { CREDENTIAL_PRINT } from '../hosting/gh.js';
import { defineProgram, optionValue, raise, scanCall } from '../program-module.js';

/** Reading secret values out of a cluster and printing cluster credentials. */
export const kubectl = defineProgram({
  name: 'containers/kubectl',
  programs: ['kubectl', 'oc', 'k3s', 'microk8s.kubectl'],
  findings: [CREDENTIAL_PRINT],
  describe(call) {
    if (!call.args.some((arg) => /secret|^config$|^token$/.test(arg))) return;
    const scanned = scanCall(call, {
      valued: 'nolcfL',
      longValued: [
        'namespace',
        'output',
        'context',
        'cluster',
        'kubeconfig',
        'selector',
        'template',
        'user',
        'token',
        'server',
      ],
    });
    const [verb, kind] = scanned.operands;
    const output = optionValue(call.args, ['-o', '--output']) ?? '';
    const secret =
      /^(secrets?|secret\/.+)$/.test(kind ?? '') ||
      scanned.operands.some((word) => word.startsWith('secret/'));
    if (
      (verb === 'get' && secret && /^(ya?ml|json|jsonpath|go-template|custom-columns)/.test(output)) ||
      (verb === 'config' &&
        kind === 'view' &&
        (call.args.includes('--raw') || call.args.includes('--flatten'))) ||
      (verb === 'create' && kind === 'token') ||
      verb === 'view-secret'
    )
      raise(call, CREDENTIAL_PRINT.id, 'This prints secret values or credentials of the cluster.');
  },
});
