import { describeInfraDestroy, INFRA_DESTROY } from '../cloud/terraform.js';
import { defineProgram, optionValue, raise, words } from '../program-module.js';
import { NESTED_AGENT_UNGUARDED } from './nested-agent.js';

/** Gemini CLI, Qwen Code, aider, Cursor's agent, Amp, Copilot CLI and opencode in their approve-everything modes. */
export const otherAgents = defineProgram({
  name: 'agents/other-agents',
  programs: ['gemini', 'qwen', 'aider', 'cursor-agent', 'amp', 'copilot', 'opencode', 'goose', 'crush'],
  findings: [
    NESTED_AGENT_UNGUARDED,
    INFRA_DESTROY,
    {
      id: 'shell.database_destructive',
      summary: 'A database client runs a statement that drops, truncates or empties data.',
    },
  ],
  ownsArguments: true,
  describe(call) {
    // `copilot` is also AWS Copilot, whose `app delete` and `svc delete` destroy infrastructure.
    if (call.program === 'copilot') describeInfraDestroy(call);
    // `goose` is also pressly/goose, the migration tool: `goose postgres DSN reset` rolls every
    // migration back, `down-to 0` too.
    if (call.program === 'goose') {
      const operands = words(call.args);
      if (
        operands.some(
          (word, index) => word === 'reset' || (word === 'down-to' && operands[index + 1] === '0'),
        )
      ) {
        raise(call, 'shell.database_destructive', 'This rolls back every migration of a database.');
        return;
      }
    }
    const approval = optionValue(call.args, ['--approval-mode']);
    const unguarded = call.args.some((arg) =>
      /^(--yolo|-y|--yes-always|--yes|--force|-f|--dangerously-allow-all|--allow-all-tools|--dangerously-skip-permissions)$/.test(
        arg,
      ),
    );
    if (unguarded || approval === 'yolo')
      raise(
        call,
        NESTED_AGENT_UNGUARDED.id,
        `This starts ${call.program} approving every action on its own.`,
      );
  },
});
