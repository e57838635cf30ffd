import {
  createSessionAuditWriter,
  createSessionDecider,
  DEFAULT_HOOK_DEADLINE_MS,
  startResidentProcess,
} from '@warden/core';
import { claudeCodeAdapter, claudeCodePhaseOf } from './adapter.js';

/**
 * Entry of `warden-claude-code hook-daemon`, bundled into dist/daemon.cjs: the resident decider
 * the command hook hands its calls to. Each caller environment gets the session server's decider
 * (same adapter, same failure policy, the command hook's deadline); all share one audit writer.
 */
export function daemon(options: { directory: string }): void {
  const writeAudit = createSessionAuditWriter();
  startResidentProcess({
    name: 'claude-code',
    directory: options.directory,
    createDecider: ({ env }) =>
      createSessionDecider({
        adapter: claudeCodeAdapter,
        env,
        phaseOf: claudeCodePhaseOf,
        deadlineMs: Number(env.WARDEN_HOOK_DEADLINE_MS) || DEFAULT_HOOK_DEADLINE_MS,
        writeAudit,
      }),
  });
}
