import os from 'node:os';
import path from 'node:path';
import type { AuditAnchor } from '../audit/write-audit-record.js';
import type { SessionAuditWriter } from '../session/create-session-audit-writer.js';

/**
 * A just-started resident decider compiles its code on its first call, which would make the
 * first tool call it serves as slow as an in-process hook. It decides one harmless input first,
 * idle, with a configuration of its own: a Warden home that does not exist (the built-in policy,
 * no server, no files read or written) and an audit writer that records nothing. Best effort.
 */
export function warmResidentDecider(options: {
  /** Builds a decider like the daemon's, for this environment and audit writer. */
  createDecider: (options: { env: NodeJS.ProcessEnv; writeAudit: SessionAuditWriter }) => {
    decide(input: unknown): Promise<unknown>;
  };
  /** A harmless PreToolUse of the adapter's format, naming `cwd`. */
  input: (cwd: string) => unknown;
}): void {
  const timer = setTimeout(() => {
    try {
      const nowhere = path.join(os.tmpdir(), `warden-warm-up-${process.pid}-absent`);
      const env: NodeJS.ProcessEnv = {
        PATH: process.env.PATH,
        HOME: nowhere,
        WARDEN_HOME: nowhere,
        WARDEN_RESIDENT: '0',
      };
      const recordNothing: SessionAuditWriter = () => ({ file: '', seq: 0, hash: '' }) satisfies AuditAnchor;
      void options
        .createDecider({ env, writeAudit: recordNothing })
        .decide(options.input(nowhere))
        .catch(() => {});
    } catch {
      // Only an optimisation.
    }
  }, 20);
  timer.unref();
}
