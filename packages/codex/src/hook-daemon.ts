import {
  createSessionAuditWriter,
  createSessionDecider,
  DEFAULT_HOOK_DEADLINE_MS,
  startResidentProcess,
} from '@warden/core';
import { codexPhaseOf, createCodexAdapter } from './adapter.js';
import { askFromArguments } from './ask-from-arguments.js';
import { askBehaviourFrom } from './hook.js';

/**
 * Entry of `warden-codex hook-daemon`, bundled into dist/daemon.cjs: the resident decider the
 * command hook hands its calls to. Each caller environment and `hook` arguments (`--ask`) get the
 * session server's decider with the command hook's adapter, failure policy and deadline; all
 * share one audit writer.
 */
export function daemon(options: { directory: string }): void {
  const writeAudit = createSessionAuditWriter();
  startResidentProcess({
    name: 'codex',
    directory: options.directory,
    createDecider: ({ env, argv }) =>
      createSessionDecider({
        adapter: createCodexAdapter({
          askBehaviour: askBehaviourFrom({ env, fallback: askFromArguments({ argv }) }),
        }),
        env,
        phaseOf: codexPhaseOf,
        // As the command hook: Codex has no output schema for SessionEnd (not routed here anyway).
        acceptsSystemMessage: (hookEvent) => hookEvent !== 'SessionEnd',
        deadlineMs: Number(env.WARDEN_HOOK_DEADLINE_MS) || DEFAULT_HOOK_DEADLINE_MS,
        writeAudit,
      }),
  });
}
