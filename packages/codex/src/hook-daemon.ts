import {
  createSessionAuditWriter,
  createSessionDecider,
  DEFAULT_HOOK_DEADLINE_MS,
  type SessionAuditWriter,
  startResidentProcess,
  warmResidentDecider,
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
  const shared = createSessionAuditWriter();
  const createDecider = (options: {
    env: NodeJS.ProcessEnv;
    argv: readonly string[];
    writeAudit: SessionAuditWriter;
  }) =>
    createSessionDecider({
      adapter: createCodexAdapter({
        askBehaviour: askBehaviourFrom({
          env: options.env,
          fallback: askFromArguments({ argv: options.argv }),
        }),
      }),
      env: options.env,
      phaseOf: codexPhaseOf,
      // As the command hook: Codex has no output schema for SessionEnd (not routed here anyway).
      acceptsSystemMessage: (hookEvent) => hookEvent !== 'SessionEnd',
      deadlineMs: Number(options.env.WARDEN_HOOK_DEADLINE_MS) || DEFAULT_HOOK_DEADLINE_MS,
      writeAudit: options.writeAudit,
    });
  startResidentProcess({
    name: 'codex',
    directory: options.directory,
    createDecider: ({ env, argv }) => createDecider({ env, argv, writeAudit: shared }),
  });
  warmResidentDecider({
    createDecider: ({ env, writeAudit }) => createDecider({ env, argv: [], writeAudit }),
    input: (cwd) => ({
      session_id: 'warden-warm-up',
      turn_id: 'warden-warm-up',
      transcript_path: null,
      cwd,
      hook_event_name: 'PreToolUse',
      model: 'warden-warm-up',
      permission_mode: 'default',
      tool_name: 'Bash',
      tool_input: { command: 'git status --short && ls -la' },
      tool_use_id: 'warden-warm-up',
    }),
  });
}
