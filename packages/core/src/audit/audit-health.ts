import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** `$WARDEN_HOME/state/audit-health.json`: written only when something goes wrong, so a healthy hook pays nothing. */
export const AUDIT_HEALTH_FILE = path.join('state', 'audit-health.json');

export interface AuditHealth {
  /** Audit writes that failed (the decision stood, its record is missing). */
  failures: number;
  lastFailureAt?: string;
  lastError?: string;
  /** Problems with the lock that were reported once and worked around (a `.lock` that is a directory). */
  lockProblems: number;
  lastLockProblem?: string;
}

const EMPTY: AuditHealth = { failures: 0, lockProblems: 0 };

/** What `warden status` shows about the audit log's writes. Never throws. */
export function readAuditHealth(options: { home: string }): AuditHealth {
  try {
    const value = JSON.parse(readFileSync(path.join(options.home, AUDIT_HEALTH_FILE), 'utf8')) as unknown;
    if (typeof value !== 'object' || value === null) return { ...EMPTY };
    const record = value as Record<string, unknown>;
    const count = (key: string) =>
      typeof record[key] === 'number' && Number.isSafeInteger(record[key]) && (record[key] as number) >= 0
        ? (record[key] as number)
        : 0;
    const text = (key: string) => (typeof record[key] === 'string' ? { [key]: record[key] as string } : {});
    return {
      failures: count('failures'),
      lockProblems: count('lockProblems'),
      ...text('lastFailureAt'),
      ...text('lastError'),
      ...text('lastLockProblem'),
    };
  } catch {
    return { ...EMPTY };
  }
}

/**
 * Counts one problem of the audit log in the state file (atomically: temporary file and rename,
 * the temporary removed if anything fails). Best effort: when the home itself cannot be written,
 * the hook's message to the user is the only trace. Returns the updated health.
 */
export function recordAuditProblem(options: {
  home: string;
  kind: 'failure' | 'lock';
  message: string;
}): AuditHealth | undefined {
  const file = path.join(options.home, AUDIT_HEALTH_FILE);
  const health = readAuditHealth({ home: options.home });
  const now = new Date().toISOString();
  if (options.kind === 'failure') {
    health.failures++;
    health.lastFailureAt = now;
    health.lastError = options.message.slice(0, 500);
  } else {
    health.lockProblems++;
    health.lastLockProblem = options.message.slice(0, 500);
  }
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(temporary, `${JSON.stringify(health)}\n`, { mode: 0o600 });
    renameSync(temporary, file);
    return health;
  } catch {
    try {
      unlinkSync(temporary);
    } catch {
      // Never created.
    }
    return undefined;
  }
}

/**
 * Records a lock problem that was worked around, once per distinct problem: true the first time
 * (tell the user), false when the state file already holds it (the hook stays quiet).
 */
export function noteLockProblemOnce(options: { home: string; message: string }): boolean {
  if (readAuditHealth({ home: options.home }).lastLockProblem === options.message.slice(0, 500)) return false;
  recordAuditProblem({ home: options.home, kind: 'lock', message: options.message });
  return true;
}
