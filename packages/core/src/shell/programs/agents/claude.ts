import { defineProgram, optionValue, optionValues, raise } from '../program-module.js';
import { NESTED_AGENT_UNGUARDED } from './nested-agent.js';

/** Claude Code started from the shell with permissions bypassed or its hooks (Warden) left out. */
export const claude = defineProgram({
  name: 'agents/claude',
  programs: ['claude', 'claude-code'],
  findings: [NESTED_AGENT_UNGUARDED],
  ownsArguments: true,
  describe(call) {
    const mode = optionValue(call.args, ['--permission-mode']);
    const settings = optionValues(call.args, ['--settings']);
    const sources = optionValue(call.args, ['--setting-sources']);
    if (
      call.args.some(
        (arg) => arg === '--dangerously-skip-permissions' || arg === '--allow-dangerously-skip-permissions',
      ) ||
      mode === 'bypassPermissions' ||
      settings.some((value) => /disableAllHooks|"hooks"\s*:|bypassPermissions/.test(value)) ||
      (sources !== undefined && !sources.split(',').includes('user'))
    )
      raise(
        call,
        NESTED_AGENT_UNGUARDED.id,
        'This starts Claude Code with its permission checks or hooks switched off.',
      );
  },
});
