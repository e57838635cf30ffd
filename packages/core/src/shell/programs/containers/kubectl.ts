import { CREDENTIAL_PRINT } from '../hosting/gh.js';
import { addTarget, defineProgram, optionValue, raise, scanCall } from '../program-module.js';
import { localOperands } from '../transfer/local-sources.js';

/** Reading secret values out of a cluster and printing cluster credentials. */
export const kubectl = defineProgram({
  name: 'containers/kubectl',
  programs: ['kubectl', 'oc', 'k3s', 'microk8s.kubectl'],
  findings: [CREDENTIAL_PRINT],
  describe(call) {
    if (call.args[0] === 'cp') {
      const { sources, destination } = localOperands(
        call.args.slice(1).filter((arg) => !arg.startsWith('-')),
      );
      for (const source of sources) addTarget(call, source, 'read');
      if (destination) addTarget(call, destination, 'write');
      return;
    }
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
