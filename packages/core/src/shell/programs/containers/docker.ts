import { addTarget, defineProgram, raise, scanCall } from '../program-module.js';
import { localOperands } from '../transfer/local-sources.js';

export const CONTAINERS_REMOVE_ALL = {
  id: 'shell.docker_prune',
  summary:
    'Every container, image or volume is removed at once (prune, or rm fed by `$(docker ps -aq)`), taking data with it.',
};
export const IMAGE_PUSH = {
  id: 'shell.package_publish',
  summary: 'A package, release or container image is published to a registry where others can pull it.',
};

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

/** Removing every container through a substitution, and builds that push their image. */
export const docker = defineProgram({
  name: 'containers/docker',
  programs: ['docker', 'podman', 'nerdctl'],
  findings: [CONTAINERS_REMOVE_ALL, IMAGE_PUSH],
  describe(call) {
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
