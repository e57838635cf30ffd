import {
  type AuditAnchor,
  type WriteAuditRecordOptions,
  writeAuditRecord,
} from '../audit/write-audit-record.js';

/** How a long-lived process appends its audit records. */
export type SessionAuditWriter = (options: WriteAuditRecordOptions) => AuditAnchor;

/**
 * The session server's one audit writer. Today each append is `writeAuditRecord` (lock, read the
 * head, append); this is the single place to swap in a writer that keeps its state between records.
 */
export function createSessionAuditWriter(): SessionAuditWriter {
  return (options) => writeAuditRecord(options);
}
