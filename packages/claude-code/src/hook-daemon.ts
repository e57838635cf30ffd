import {
  createSessionAuditWriter,
  createSessionDecider,
  DEFAULT_HOOK_DEADLINE_MS,
  type SessionAuditWriter,
  startResidentProcess,
  warmResidentDecider,
} from '@warden/core';
import { claudeCodeAdapter, claudeCodePhaseOf } from './adapter.js';

/**
 * Entry of `warden-claude-code hook-daemon`, bundled into dist/daemon.cjs: the resident decider
 * the command hook hands its calls to. Each caller environment gets the session server's decider
 * (same adapter, same failure policy, the command hook's deadline); all share one audit writer.
 */
export function daemon(options: { directory: string }): void {
  const shared = createSessionAuditWriter();
  const createDecider = ({ env, writeAudit }: { env: NodeJS.ProcessEnv; writeAudit: SessionAuditWriter }) =>
    createSessionDecider({
      adapter: claudeCodeAdapter,
      env,
      phaseOf: claudeCodePhaseOf,
      deadlineMs: Number(env.WARDEN_HOOK_DEADLINE_MS) || DEFAULT_HOOK_DEADLINE_MS,
      writeAudit,
    });
  startResidentProcess({
    name: 'claude-code',
    directory: options.directory,
    createDecider: ({ env }) => createDecider({ env, writeAudit: shared }),
  });
  warmResidentDecider({
    createDecider,
    input: (cwd) => ({
      session_id: 'warden-warm-up',
      transcript_path: '',
      cwd,
      permission_mode: 'default',
      hook_event_name: 'PreToolUse',
      tool_name: 'Bash',
      tool_input: { command: 'git status --short && ls -la', description: 'Warm-up' },
      tool_use_id: 'warden-warm-up',
    }),
  });
}
