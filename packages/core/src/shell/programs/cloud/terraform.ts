import {
  defineProgram,
  optionValues,
  type ProgramCall,
  raise,
  readWordsOrOperands,
  words,
} from '../program-module.js';

export const INFRA_REPLACE = {
  id: 'shell.infra_replace',
  summary:
    'Infrastructure is forced to be rebuilt, dropped from state or unlocked (terraform taint, -replace, state push, force-unlock).',
};

export const INFRA_DESTROY = {
  id: 'shell.infra_destroy',
  summary:
    'Infrastructure is destroyed (terraform destroy, apply -destroy, state rm, pulumi destroy, cdk destroy).',
};

export const INFRA_APPLY_UNREVIEWED = {
  id: 'shell.infra_apply_unreviewed',
  summary:
    'Infrastructure changes are applied without the plan shown for approval (terraform apply -auto-approve, pulumi up --yes, cdk deploy --require-approval never, sam deploy --no-confirm-changeset).',
};

/**
 * Whether an apply skips the plan's approval: `-auto-approve` (terraform, tofu, terragrunt),
 * `--yes`/`--skip-preview` (pulumi up), `--require-approval never` (cdk), `--no-confirm-changeset`
 * (sam). A plan, a preview or an apply that prompts is reviewed by whoever answers it.
 */
function appliesUnreviewed(call: ProgramCall, first: string | undefined): boolean {
  const { args, program } = call;
  const has = (...names: string[]) => args.some((arg) => names.includes(arg.replace(/=.*$/, '')));
  if (program === 'terraform' || program === 'tofu' || program === 'terragrunt')
    return (
      (first === 'apply' || first === 'run-all' || first === 'import') &&
      has('-auto-approve', '--auto-approve')
    );
  if (program === 'pulumi')
    return (
      (first === 'up' || first === 'update' || first === 'refresh' || first === 'import') &&
      has('--yes', '-y', '--skip-preview', '-f')
    );
  if (program === 'cdk' || program === 'cdktf')
    return (
      first === 'deploy' &&
      (optionValues(args, ['--require-approval'])[0] === 'never' || has('--auto-approve'))
    );
  if (program === 'sam') return first === 'deploy' && has('--no-confirm-changeset');
  return false;
}

/** `destroy`, `apply -destroy`, `state rm`, `stack rm`, `… delete`: also used by AWS Copilot's module. */
export function describeInfraDestroy(call: ProgramCall): void {
  const { args } = call;
  const operands = words(args);
  call.description.subcommand = operands[0];
  const destroy =
    operands[0] === 'destroy' ||
    operands.slice(0, 3).some((word) => word === 'remove' || word === 'delete') ||
    (operands[0] === 'apply' && args.includes('-destroy')) ||
    (operands[0] === 'state' && operands[1] === 'rm') ||
    (operands[0] === 'workspace' && operands[1] === 'delete') ||
    (operands[0] === 'stack' && operands[1] === 'rm') ||
    (operands[0] === 'run-all' && operands[1] === 'destroy');
  if (destroy) raise(call, INFRA_DESTROY.id, 'This destroys infrastructure.');
}

/** Programs of this module whose operands are words, not files. */
const WORD_PROGRAMS = new Set(['terraform', 'tofu', 'terragrunt', 'pulumi']);

/** Infrastructure as code: destroying it, forcing it to be replaced, or applying it unreviewed. */
export const infraTerraform = defineProgram({
  name: 'cloud/terraform',
  programs: [
    'terraform',
    'tofu',
    'terragrunt',
    'pulumi',
    'cdk',
    'cdktf',
    'serverless',
    'sls',
    'sst',
    'eksctl',
    'sam',
  ],
  findings: [INFRA_DESTROY, INFRA_REPLACE, INFRA_APPLY_UNREVIEWED],
  ownsArguments: true,
  describe(call) {
    readWordsOrOperands(call, WORD_PROGRAMS);
    describeInfraDestroy(call);
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
    else if (!call.description.findings.length && appliesUnreviewed(call, first))
      raise(
        call,
        INFRA_APPLY_UNREVIEWED.id,
        'This applies infrastructure changes without showing the plan for approval.',
      );
  },
});
