import { defineProgram, optionValues, raise, words } from '../program-module.js';

export const INFRA_REPLACE = {
  id: 'shell.infra_replace',
  summary:
    'Infrastructure is forced to be rebuilt, dropped from state or unlocked (terraform taint, -replace, state push, force-unlock).',
};

export const infraTerraform = defineProgram({
  name: 'cloud/terraform',
  programs: ['terraform', 'tofu', 'terragrunt', 'pulumi', 'cdk', 'cdktf'],
  findings: [INFRA_REPLACE],
  describe(call) {
    const [first, second] = words(call.args);
    const replaces = optionValues(call.args, ['-replace', '--replace', '--target-replace']);
    if (
      first === 'taint' ||
      first === 'force-unlock' ||
      (first === 'state' && (second === 'push' || second === 'mv' || second === 'replace-provider')) ||
      ((first === 'apply' || first === 'up' || first === 'deploy' || first === 'run-all') &&
        replaces.length > 0) ||
      (call.program === 'pulumi' && first === 'cancel')
    )
      raise(
        call,
        INFRA_REPLACE.id,
        'This forces infrastructure to be replaced or changes its state by hand.',
      );
  },
});
