import { defineProgram, optionValue, optionValues, raise } from '../program-module.js';
import { NESTED_AGENT_UNGUARDED } from './nested-agent.js';

/** Codex started with approvals and sandbox off, or with its hooks configured away. */
export const codex = defineProgram({
  name: 'agents/codex',
  programs: ['codex'],
  findings: [NESTED_AGENT_UNGUARDED],
  ownsArguments: true,
  describe(call) {
    const sandbox = optionValue(call.args, ['-s', '--sandbox']);
    const approval = optionValue(call.args, ['-a', '--ask-for-approval']);
    const overrides = optionValues(call.args, ['-c', '--config']);
    if (
      call.args.some((arg) => arg === '--dangerously-bypass-approvals-and-sandbox' || arg === '--yolo') ||
      (sandbox === 'danger-full-access' && approval === 'never') ||
      overrides.some((value) =>
        /^(hooks|features\.hooks)\b|sandbox_mode\s*=\s*"?danger-full-access/.test(value),
      )
    )
      raise(
        call,
        NESTED_AGENT_UNGUARDED.id,
        'This starts Codex with approvals and its sandbox or hooks switched off.',
      );
  },
});
