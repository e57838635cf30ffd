import { describePublish } from '../packages/publish.js';
import { defineProgram, optionValue, raise, readWordsOrOperands, words } from '../program-module.js';
import { IMAGE_PUSH } from './docker.js';

/** Programs of this module whose operands are words, not files. */
const WORD_PROGRAMS = new Set(['gradle', 'mvn']);

/** Build tools that push container images as a side effect (jib, ko, pack, buildah, crane, skopeo). */
export const imageBuilders = defineProgram({
  name: 'containers/image-builders',
  programs: [
    'mvn',
    'mvnw',
    'gradle',
    'gradlew',
    'ko',
    'pack',
    'buildah',
    'skopeo',
    'crane',
    'earthly',
    'kaniko',
    'executor',
  ],
  findings: [IMAGE_PUSH],
  ownsArguments: true,
  describe(call) {
    readWordsOrOperands(call, WORD_PROGRAMS);
    if (call.program === 'mvn') describePublish(call, (operands) => operands.includes('deploy'));
    else if (call.program === 'gradle' || call.program === 'gradlew')
      describePublish(call, (operands) => operands.some((word) => /^publish/.test(word)));
    const operands = words(call.args);
    const local = call.args.some((arg) => /^(-L|--local|--push=false|--dry-run|--no-push)$/.test(arg));
    const pushes =
      ((call.program === 'mvn' || call.program === 'mvnw') &&
        operands.some((word) => /(^|:)jib:build$|^deploy$|^dockerfile:push$|^docker:push$/.test(word))) ||
      ((call.program === 'gradle' || call.program === 'gradlew') &&
        operands.some(
          (word) =>
            /(^|:)(jib|pushImage|dockerPush|bootBuildImage)$/.test(word) && !/jibDockerBuild/.test(word),
        ) &&
        (!operands.some((word) => /bootBuildImage$/.test(word)) ||
          call.args.some((arg) => /publishImage|--publishImage/.test(arg)))) ||
      (call.program === 'ko' &&
        /^(build|publish|apply|resolve|create|run)$/.test(operands[0] ?? '') &&
        !local) ||
      (call.program === 'pack' && operands[0] === 'build' && call.args.includes('--publish')) ||
      ((call.program === 'buildah' || call.program === 'crane') &&
        (operands[0] === 'push' ||
          operands[0] === 'copy' ||
          operands[0] === 'delete' ||
          operands[0] === 'tag')) ||
      (call.program === 'skopeo' &&
        (operands[0] === 'delete' ||
          ((operands[0] === 'copy' || operands[0] === 'sync') &&
            /^docker:\/\//.test(operands[operands.length - 1] ?? '')))) ||
      (call.program === 'earthly' && call.args.includes('--push')) ||
      ((call.program === 'kaniko' || call.program === 'executor') &&
        optionValue(call.args, ['--destination', '-d']) !== undefined &&
        !call.args.includes('--no-push'));
    if (pushes && !local)
      raise(call, IMAGE_PUSH.id, 'This publishes a container image or artifact to a registry.');
  },
});
