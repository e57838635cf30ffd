import { scanOptions } from '../../parse-options.js';
import { PACKAGE_PUBLISH } from '../packages/publish.js';
import {
  addPath,
  addTarget,
  defineProgram,
  type ProgramCall,
  raise,
  readWordsOrOperands,
  scanCall,
} from '../program-module.js';
import { localOperands } from '../transfer/local-sources.js';

export const CONTAINERS_REMOVE_ALL = {
  id: 'shell.docker_prune',
  summary:
    'Every container, image or volume is removed at once (prune, or rm fed by `$(docker ps -aq)`), taking data with it.',
};
export const IMAGE_PUSH = PACKAGE_PUBLISH;

const VALUED = 'cHlfteuvwpa';
const LONG_VALUED = [
  'context',
  'host',
  'log-level',
  'config',
  'file',
  'tag',
  'platform',
  'build-arg',
  'target',
  'output',
  'builder',
  'project-name',
  'env-file',
  'profile',
];

export const DOCKER_PRIVILEGED = {
  id: 'shell.docker_privileged',
  summary:
    'A container gets host privileges (--privileged, SYS_ADMIN, host namespaces, devices) and can escape to the host.',
};
export const DOCKER_HOST_MOUNT = {
  id: 'shell.docker_host_mount',
  summary: 'A container mounts a sensitive host directory (/, /etc, the home directory, the Docker socket).',
};

const DOCKER_SENSITIVE_MOUNT =
  /^(\/|\/etc(\/.*)?|\/root(\/.*)?|\/home\/?|\/Users\/?|\/var\/run\/docker\.sock|\/run\/docker\.sock|\/var\/lib\/docker(\/.*)?|\/boot(\/.*)?|\/dev(\/.*)?|\/proc(\/.*)?|\/sys(\/.*)?|~\/?|\$HOME\/?)$/;

function describeDocker(call: ProgramCall): void {
  const { args } = call;
  let index = 0;
  while (index < args.length && args[index]!.startsWith('-'))
    index += /^(-H|-c|-l|--host|--context|--config|--log-level)$/.test(args[index]!) ? 2 : 1;
  let subcommand = args[index];
  let rest = args.slice(index + 1);
  if (
    (subcommand === 'container' ||
      subcommand === 'image' ||
      subcommand === 'volume' ||
      subcommand === 'network' ||
      subcommand === 'system' ||
      subcommand === 'builder' ||
      subcommand === 'buildx') &&
    rest[0] &&
    !rest[0].startsWith('-')
  ) {
    subcommand = `${subcommand} ${rest[0]}`;
    rest = rest.slice(1);
  }
  if (subcommand === undefined) return;
  call.description.subcommand = subcommand;
  const text = [call.program, subcommand, ...rest].join(' ').slice(0, 160);
  if (/(^| )prune$/.test(subcommand) || /^(volume (rm|remove)|system reset)$/.test(subcommand)) {
    raise(
      call,
      'shell.docker_prune',
      'This deletes Docker data (containers, images, volumes) for good.',
      text,
    );
  }
  if (subcommand === 'push')
    raise(call, 'shell.package_publish', 'This publishes an image to a registry.', text);
  if (
    subcommand !== 'run' &&
    subcommand !== 'create' &&
    subcommand !== 'container run' &&
    subcommand !== 'container create' &&
    subcommand !== 'exec'
  )
    return;
  const scanned = scanOptions({
    args: rest,
    spec: {
      valued: 'aceEhlmpuvw',
      longValued: [
        'volume',
        'mount',
        'cap-add',
        'pid',
        'userns',
        'security-opt',
        'device',
        'network',
        'net',
        'ipc',
        'uts',
        'env',
        'name',
        'user',
        'workdir',
        'entrypoint',
        'publish',
        'label',
        'platform',
        'restart',
        'memory',
        'cpus',
        'env-file',
        'add-host',
        'tmpfs',
        'ulimit',
        'hostname',
        'log-driver',
        'log-opt',
        'cgroupns',
        'runtime',
        'gpus',
        'shm-size',
      ],
    },
  });
  call.description.flags = scanned.flags;
  const privileged =
    scanned.flags.includes('privileged') ||
    (scanned.allValues.get('cap-add') ?? []).some((value) =>
      /^(ALL|SYS_ADMIN|SYS_PTRACE|SYS_MODULE|DAC_READ_SEARCH|NET_ADMIN)$/i.test(value),
    ) ||
    ['pid', 'userns', 'ipc', 'uts', 'cgroupns'].some((name) => scanned.values.get(name) === 'host') ||
    (scanned.allValues.get('security-opt') ?? []).some((value) =>
      /unconfined|no-new-privileges[:=]false/i.test(value),
    ) ||
    (scanned.allValues.get('device') ?? []).length > 0;
  if (privileged)
    raise(
      call,
      'shell.docker_privileged',
      'The container gets host privileges and can escape to the host.',
      text,
    );
  const mounts = [...(scanned.allValues.get('v') ?? []), ...(scanned.allValues.get('volume') ?? [])].map(
    (value) => value.split(':')[0]!,
  );
  for (const mount of scanned.allValues.get('mount') ?? []) {
    const source = /(?:^|,)(?:source|src)=([^,]+)/.exec(mount)?.[1];
    if (source) mounts.push(source);
  }
  // What the container is given of the host is read (and can be written) through it: a bind
  // mount of ~/.ssh or ~/.aws hands the keys over as `cat` would.
  for (const source of mounts) if (/^[/~.$]/.test(source)) addPath(call, source, 'read');
  const sensitive = mounts.find((source) => DOCKER_SENSITIVE_MOUNT.test(source.replace(/\/+$/, '') || '/'));
  if (sensitive !== undefined)
    raise(call, 'shell.docker_host_mount', `The container mounts ${sensitive || '/'} from the host.`, text);
}

/** Programs of this module whose operands are words, not files. */
const WORD_PROGRAMS = new Set(['docker', 'podman', 'nerdctl']);

/** Pruning, pushing, privileged and host-mounting runs, and removing every container through a substitution, and builds that push their image. */
export const docker = defineProgram({
  name: 'containers/docker',
  programs: ['docker', 'podman', 'nerdctl'],
  findings: [CONTAINERS_REMOVE_ALL, IMAGE_PUSH, DOCKER_PRIVILEGED, DOCKER_HOST_MOUNT],
  ownsArguments: true,
  describe(call) {
    readWordsOrOperands(call, WORD_PROGRAMS);
    describeDocker(call);
    // `docker cp SRC CTR:DST`: what goes into a container leaves the guarded machine.
    if (call.args[0] === 'cp' || (call.args[0] === 'container' && call.args[1] === 'cp')) {
      const operands = call.args.slice(call.args[0] === 'cp' ? 1 : 2).filter((arg) => !arg.startsWith('-'));
      const { sources, destination } = localOperands(operands);
      for (const source of sources) addTarget(call, source, 'read');
      if (destination) addTarget(call, destination, 'write');
      return;
    }
    // `docker run`, `docker ps`, `docker build -t x .`: nothing here concerns them.
    if (
      !call.args.some(
        (arg) =>
          arg === '--push' ||
          arg === 'push' ||
          arg === 'imagetools' ||
          /\$\(|`|push=true|type=registry/.test(arg),
      )
    )
      return;
    const scanned = scanCall(call, { valued: VALUED, longValued: LONG_VALUED });
    const operands = scanned.operands;
    const first =
      operands[0] === 'container' ||
      operands[0] === 'image' ||
      operands[0] === 'volume' ||
      operands[0] === 'network'
        ? `${operands[0]} ${operands[1] ?? ''}`
        : (operands[0] ?? '');
    const removes = /^(rm|rmi|kill|container rm|image rm|volume rm|network rm|container kill)$/.test(first);
    // `$(docker ps -aq)` (or `docker images -q`, `volume ls -q`): the value is the unexpanded text.
    const everything = call.args.some(
      (arg) => /\$\(|`/.test(arg) && /\b(ps|images|ls|list)\b[^)]*\s-[a-zA-Z]*q/.test(arg),
    );
    if (removes && everything)
      raise(
        call,
        CONTAINERS_REMOVE_ALL.id,
        'This removes every container, image or volume the substitution lists.',
      );
    const pushes =
      ((first === 'build' || first === 'buildx' || first === 'compose' || first === 'image build') &&
        (call.args.includes('--push') ||
          call.args.some((arg) => /^--output=.*push=true/.test(arg) || /^type=registry/.test(arg)))) ||
      (first === 'compose' && operands[1] === 'push') ||
      (first === 'buildx' && operands[1] === 'imagetools' && operands[2] === 'create');
    if (pushes) raise(call, IMAGE_PUSH.id, 'This builds and pushes a container image to a registry.');
  },
});
