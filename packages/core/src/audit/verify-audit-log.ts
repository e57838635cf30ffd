import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { listSegments, readHead, segmentFirstSeq, seqOfLine } from './audit-files.js';
import { AUDIT_RECORD_VERSION, auditRecordSchema, GENESIS_HASH } from './audit-record.js';
import { sha256Hex } from './sha256.js';

export type AuditProblemKind =
  /** A line that is not JSON: a torn write or an edit. */
  | 'unreadable'
  /** JSON that is not an audit record of a version this reader knows. */
  | 'invalid'
  /** A record whose `prev` is not the hash of the line before it: one of the two was edited. */
  | 'edited'
  /** `seq` jumps forward: records were removed. */
  | 'missing'
  /** `seq` goes backwards or repeats: records were moved or copied. */
  | 'reordered'
  /** The head names a record that is not there, or differs: lines were cut from the end, or the last line changed. */
  | 'truncated';

export interface AuditProblem {
  kind: AuditProblemKind;
  /** The segment file and 1-based line where the chain breaks. */
  file: string;
  line: number;
  seq?: number;
  message: string;
}

export interface AuditVerification {
  ok: boolean;
  /** Records checked. */
  records: number;
  files: string[];
  lastSeq: number;
  lastHash: string;
  /** The first break in the chain, if any. */
  problem?: AuditProblem;
  /** Things worth knowing that are not breaks (an unchained log from an older version). */
  notes: string[];
}

/**
 * Checks the whole chain: every line parses, seq counts up by one from 1 across segments, each
 * record's `prev` is the SHA-256 of the line before it, and the head's record is present and
 * unchanged. Stops at the first break and says where it is.
 */
export function verifyAuditLog(options: { auditDir: string }): AuditVerification {
  const { auditDir } = options;
  const files = listSegments(auditDir);
  const notes: string[] = [];
  let legacy: string[] = [];
  try {
    legacy = readdirSync(auditDir).filter((name) => /^audit-\d{4}-\d{2}-\d{2}\.jsonl$/.test(name));
  } catch {
    // No directory: reported below as an empty log.
  }
  if (legacy.length > 0) {
    notes.push(
      `${legacy.length} daily file(s) from before the hash chain (audit-YYYY-MM-DD.jsonl) are not chained and were not checked.`,
    );
  }

  const head = readHead(auditDir);
  let records = 0;
  let lastSeq = 0;
  let lastHash = GENESIS_HASH;
  let headSeen = false;
  const result = (problem?: AuditProblem): AuditVerification => ({
    ok: problem === undefined,
    records,
    files: files.map((file) => path.join(auditDir, file)),
    lastSeq,
    lastHash,
    notes,
    ...(problem ? { problem } : {}),
  });

  for (const file of files) {
    const fullPath = path.join(auditDir, file);
    const text = readFileSync(fullPath, 'utf8');
    if (text === '') continue;
    const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index]!;
      const where = { file: fullPath, line: index + 1 };
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        const torn = index === lines.length - 1 && !text.endsWith('\n');
        return result({
          ...where,
          kind: 'unreadable',
          message: torn
            ? 'the last line is cut off (a write that did not finish, or the file was cut)'
            : 'the line is not valid JSON (a torn write or an edit)',
        });
      }
      const parsed = auditRecordSchema.safeParse(value);
      if (!parsed.success) {
        const version = (value as { v?: unknown } | null)?.v;
        return result({
          ...where,
          kind: 'invalid',
          message:
            version !== AUDIT_RECORD_VERSION
              ? `not an audit record of version ${AUDIT_RECORD_VERSION} (v: ${JSON.stringify(version)})`
              : `not a valid audit record: ${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`,
        });
      }
      const record = parsed.data;
      if (record.seq !== lastSeq + 1) {
        // A record that is missing here but appears further down was moved, not removed.
        const movedDown =
          record.seq > lastSeq + 1 &&
          lines.slice(index + 1).some((later) => seqOfLine(later) === lastSeq + 1);
        return result({
          ...where,
          seq: record.seq,
          ...(movedDown
            ? {
                kind: 'reordered' as const,
                message: `seq ${record.seq} comes before seq ${lastSeq + 1}: records were moved`,
              }
            : record.seq > lastSeq + 1
              ? {
                  kind: 'missing' as const,
                  message:
                    lastSeq === 0
                      ? `the log starts at seq ${record.seq}, not 1: ${record.seq - 1} earlier record(s) are missing`
                      : `seq jumps from ${lastSeq} to ${record.seq}: ${record.seq - lastSeq - 1} record(s) removed`,
                }
              : {
                  kind: 'reordered' as const,
                  message: `seq ${record.seq} comes after seq ${lastSeq}: records were moved or duplicated`,
                }),
        });
      }
      if (index === 0 && segmentFirstSeq(file) !== record.seq) {
        return result({
          ...where,
          seq: record.seq,
          kind: record.seq > lastSeq + 1 ? 'missing' : 'reordered',
          message: `the file's name says it starts at seq ${segmentFirstSeq(file)} but its first record has seq ${record.seq}`,
        });
      }
      if (record.prev !== lastHash) {
        return result({
          ...where,
          seq: record.seq,
          kind: 'edited',
          message:
            records === 0
              ? 'the first record does not start the chain (its prev is not the genesis hash)'
              : `the chain breaks here: this record's prev is not the hash of the line before it, so that line (seq ${lastSeq}) or this one was changed`,
        });
      }
      lastSeq = record.seq;
      lastHash = sha256Hex(line);
      records++;
      if (head && record.seq === head.seq) {
        headSeen = true;
        if (lastHash !== head.hash) {
          return result({
            ...where,
            seq: record.seq,
            kind: 'truncated',
            message: `seq ${record.seq} is not the record that was written (the head file holds another hash): it was changed or replaced`,
          });
        }
      }
    }
  }

  if (head && !headSeen) {
    const lastFile = files.at(-1);
    return result({
      file: lastFile ? path.join(auditDir, lastFile) : auditDir,
      line: 0,
      seq: head.seq,
      kind: 'truncated',
      message: `the log ends at seq ${lastSeq}, but seq ${head.seq} was written: records were cut from the end`,
    });
  }
  if (!head && records > 0) notes.push('no head file: the last records could have been cut without a trace.');
  return result();
}
