import { CLOUD_EXPOSURE, describeCloudExposure } from '../cloud/cloud-exposure.js';
import { CREDENTIAL_PRINT } from '../hosting/gh.js';
import {
  addTarget,
  defineProgram,
  optionValue,
  optionValues,
  type ProgramCall,
  raise,
  readWordsOrOperands,
  scanCall,
  words,
} from '../program-module.js';
import { localOperands } from '../transfer/local-sources.js';
import { DOCKER_PRIVILEGED } from './docker.js';
import { KUBECTL_DELETE } from './kubectl-delete.js';

const VERBS = new Set([
  'get',
  'describe',
  'delete',
  'apply',
  'create',
  'drain',
  'scale',
  'replace',
  'patch',
  'edit',
  'logs',
  'exec',
  'run',
  'rollout',
  'label',
  'annotate',
  'cordon',
  'uncordon',
  'taint',
  'port-forward',
  'top',
  'config',
  'expose',
  'set',
  'wait',
  'debug',
  'cp',
  'auth',
  'diff',
  'explain',
  'version',
  'cluster-info',
  'api-resources',
]);

/** The verb (global options take values, `-n prod`, so it is found by name) and what it disrupts. */
function describeVerb(call: ProgramCall): void {
  const operands = words(call.args);
  const verb = operands.find((word) => VERBS.has(word)) ?? operands[0] ?? '';
  call.description.subcommand = verb;
  const next = operands[operands.indexOf(verb) + 1];
  if (
    /^(delete|drain|replace|cordon)$/.test(verb) ||
    (verb === 'scale' && call.args.some((arg) => /--replicas[= ]0$/.test(arg) || arg === '0')) ||
    // `kubectl rollout undo` puts an older version back in production.
    (verb === 'rollout' && next === 'undo') ||
    (verb === 'patch' && call.args.some((arg) => /"?replicas"?\s*:\s*0\b/.test(arg)))
  )
    raise(call, KUBECTL_DELETE.id, `kubectl ${verb} removes or disrupts cluster resources.`);
  // A manifest straight from the network is applied to the cluster unread, as `curl | sh` runs.
  if (
    /^(apply|create|replace)$/.test(verb) &&
    optionValues(call.args, ['-f', '--filename']).some(
      (file) => /^https?:\/\//.test(file) && !TRUSTED_MANIFEST_HOST.test(file),
    )
  )
    raise(
      call,
      DOWNLOAD_EXEC.id,
      'This applies a manifest downloaded from the network to the cluster, unreviewed.',
    );
}

/** Manifests published by the projects themselves on GitHub are how operators are installed. */
const TRUSTED_MANIFEST_HOST =
  /^https:\/\/(raw\.githubusercontent\.com|github\.com)\/(kubernetes|kubernetes-sigs|cert-manager|argoproj|prometheus-operator|jetstack)\//;

const DOWNLOAD_EXEC = {
  id: 'shell.download_exec',
  summary:
    'Code or configuration from the network runs unreviewed (`curl | sh`, `kubectl apply -f https://...`).',
};

/**
 * A pod given the node itself: `kubectl run --overrides` with a privileged container, host
 * namespaces or a hostPath volume, `kubectl debug node/x` (the node's root file system at /host)
 * and `kubectl run --privileged`. The container escape of `docker run --privileged -v /:/host`.
 */
function describeHostAccess(call: ProgramCall): void {
  const verb = words(call.args)[0];
  if (verb !== 'run' && verb !== 'debug' && verb !== 'create' && verb !== 'apply') return;
  const overrides = optionValues(call.args, ['--overrides']).join(' ');
  const hostAccess =
    /"?(privileged|hostPID|hostNetwork|hostIPC)"?\s*:\s*true|"?hostPath"?\s*:/.test(overrides) ||
    (verb === 'run' && call.args.some((arg) => arg === '--privileged' || arg === '--privileged=true')) ||
    (verb === 'debug' &&
      call.args.some((arg) => /^node\/|^nodes\//.test(arg) || arg === '--profile=sysadmin'));
  if (hostAccess)
    raise(
      call,
      DOCKER_PRIVILEGED.id,
      'This starts a pod with access to the node itself (a container escape).',
    );
}

/** Programs of this module whose operands are words, not files. */
const WORD_PROGRAMS = new Set(['kubectl']);

/** Deleting and draining cluster resources, reading secret values out of a cluster and printing cluster credentials. */
export const kubectl = defineProgram({
  name: 'containers/kubectl',
  programs: ['kubectl', 'oc', 'kubecolor', 'k3s', 'microk8s.kubectl'],
  findings: [CREDENTIAL_PRINT, KUBECTL_DELETE, DOCKER_PRIVILEGED, CLOUD_EXPOSURE, DOWNLOAD_EXEC],
  ownsArguments: true,
  describe(call) {
    readWordsOrOperands(call, WORD_PROGRAMS);
    if (call.program !== 'k3s' && call.program !== 'microk8s.kubectl') describeVerb(call);
    if (call.args[0] === 'cp') {
      const { sources, destination } = localOperands(
        call.args.slice(1).filter((arg) => !arg.startsWith('-')),
      );
      for (const source of sources) addTarget(call, source, 'read');
      if (destination) addTarget(call, destination, 'write');
      return;
    }
    describeHostAccess(call);
    describeCloudExposure(call);
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
