import { type AuditWriter, createAuditWriter } from '../audit/create-audit-writer.js';
import type { AuditAnchor, WriteAuditRecordOptions } from '../audit/write-audit-record.js';

/** How a long-lived process appends its audit records. */
export type SessionAuditWriter = (options: WriteAuditRecordOptions) => AuditAnchor;

/** How long the session server keeps the log's lock between appends (it lets go when anyone waits). */
const HOLD_LOCK_MS = 20;

/**
 * The session server's audit writer: one `createAuditWriter` per log for the whole session, so an
 * append does not re-open, re-lock and re-read the log; other processes writing the same log (a
 * command hook, another session) are noticed and the chain continues from the real head.
 */
export function createSessionAuditWriter(): SessionAuditWriter {
  const writers = new Map<string, AuditWriter>();
  return (options) => {
    const key = `${options.auditDir}\0${options.maxFileBytes ?? ''}`;
    let writer = writers.get(key);
    if (!writer) {
      writer = createAuditWriter({
        auditDir: options.auditDir,
        holdLockMs: HOLD_LOCK_MS,
        ...(options.maxFileBytes ? { maxFileBytes: options.maxFileBytes } : {}),
      });
      writers.set(key, writer);
    }
    return writer.append(options.entry, {
      ...(options.onNotice ? { onNotice: options.onNotice } : {}),
      ...(options.onTiming ? { onTiming: options.onTiming } : {}),
    });
  };
}
