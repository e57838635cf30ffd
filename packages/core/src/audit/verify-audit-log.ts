import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  AUDIT_HEAD_FILE,
  type AuditHead,
  listSegments,
  readHead,
  segmentFirstSeq,
  seqOfLine,
} from './audit-files.js';
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
  | 'truncated'
  /** The head file is missing or garbled, so cutting the newest records could not be detected. */
  | 'head';

export interface AuditProblem {
  kind: AuditProblemKind;
  /** The segment file and 1-based line where the chain breaks (0: the file as a whole, or the head). */
  file: string;
  line: number;
  seq?: number;
  message: string;
}

/** What the head file says, and whether the log agrees with it. */
export interface AuditHeadCheck {
  status: 'ok' | 'missing' | 'garbled' | 'mismatch' | 'empty-log';
  /** The seq the head names, when it could be read. */
  seq?: number;
  message?: string;
}

export interface AuditVerification {
  ok: boolean;
  /** Records checked. */
  records: number;
  files: string[];
  lastSeq: number;
  lastHash: string;
  /** The first break in the chain, if any (kept for older callers: see `problems`). */
  problem?: AuditProblem;
  /** Every break found, in log order; checking goes on past each one. */
  problems: AuditProblem[];
  head: AuditHeadCheck;
  /** 0 when the log is intact, 1 when anything is broken (the CLI's exit code). */
  exitCode: 0 | 1;
  /** Things worth knowing that are not breaks (an unchained log from an older version). */
  notes: string[];
}

/** Records more than this behind the head are not a crash between append and head update. */
const HEAD_LAG_TOLERATED = 1;

function readHeadFile(
  auditDir: string,
): { state: 'missing' } | { state: 'garbled' } | { state: 'ok'; head: AuditHead } {
  let text: string;
  try {
    text = readFileSync(path.join(auditDir, AUDIT_HEAD_FILE), 'utf8');
  } catch {
    return { state: 'missing' };
  }
  const head = readHead(auditDir);
  if (
    !head ||
    !/^[0-9a-f]{64}$/.test(head.hash) ||
    !Number.isSafeInteger(head.seq) ||
    head.seq < 1 ||
    text.trim() === ''
  )
    return { state: 'garbled' };
  return { state: 'ok', head };
}

/**
 * Checks the whole chain: every line parses, seq counts up by one from 1 across segments, each
 * record's `prev` is the SHA-256 of the line before it, and the head's record is present and
 * unchanged. Checking goes on after a break (re-anchored on the line that broke), so one edit
 * cannot hide another further down; every break is reported with its file and line.
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

  const headFile = readHeadFile(auditDir);
  const head = headFile.state === 'ok' ? headFile.head : undefined;
  const problems: AuditProblem[] = [];
  let records = 0;
  let lastSeq = 0;
  let lastHash = GENESIS_HASH;
  let headSeen = false;
  // After a break, the next record's link to the broken line is not reported a second time.
  let skipLink = false;

  for (const file of files) {
    const fullPath = path.join(auditDir, file);
    const text = readFileSync(fullPath, 'utf8');
    if (text === '') continue;
    const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index]!;
      const where = { file: fullPath, line: index + 1 };
      const broken = (problem: Omit<AuditProblem, 'file' | 'line'>) =>
        problems.push({ ...where, ...problem });
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        const torn = index === lines.length - 1 && !text.endsWith('\n');
        broken({
          kind: 'unreadable',
          message: torn
            ? 'the last line is cut off (a write that did not finish, or the file was cut)'
            : 'the line is not valid JSON (a torn write or an edit)',
        });
        // Re-anchor on the broken line: the record after it is checked against it.
        lastSeq = seqOfLine(line) ?? lastSeq + 1;
        lastHash = sha256Hex(line);
        skipLink = true;
        continue;
      }
      const parsed = auditRecordSchema.safeParse(value);
      if (!parsed.success) {
        const version = (value as { v?: unknown } | null)?.v;
        broken({
          kind: 'invalid',
          message:
            version !== AUDIT_RECORD_VERSION
              ? `not an audit record of version ${AUDIT_RECORD_VERSION} (v: ${JSON.stringify(version)})`
              : `not a valid audit record: ${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`,
        });
        const seq = (value as { seq?: unknown } | null)?.seq;
        lastSeq = typeof seq === 'number' && Number.isSafeInteger(seq) ? seq : lastSeq + 1;
        lastHash = sha256Hex(line);
        skipLink = true;
        continue;
      }
      const record = parsed.data;
      let linkChecked = !skipLink;
      skipLink = false;
      if (record.seq !== lastSeq + 1) {
        // A record that is missing here but appears further down was moved, not removed.
        const movedDown =
          record.seq > lastSeq + 1 &&
          lines.slice(index + 1).some((later) => seqOfLine(later) === lastSeq + 1);
        broken({
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
        // Its link points at a record that is not the line before it: already said above.
        linkChecked = false;
      } else if (index === 0 && segmentFirstSeq(file) !== record.seq) {
        broken({
          seq: record.seq,
          kind: record.seq > (segmentFirstSeq(file) ?? 0) ? 'missing' : 'reordered',
          message: `the file's name says it starts at seq ${segmentFirstSeq(file)} but its first record has seq ${record.seq}`,
        });
      }
      if (linkChecked && record.prev !== lastHash) {
        broken({
          seq: record.seq,
          kind: 'edited',
          message:
            lastSeq === 0
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
          broken({
            seq: record.seq,
            kind: 'truncated',
            message: `seq ${record.seq} is not the record that was written (the head file holds another hash): it was changed or replaced`,
          });
        }
      }
    }
  }

  const headPath = path.join(auditDir, AUDIT_HEAD_FILE);
  let headCheck: AuditHeadCheck;
  if (headFile.state === 'missing') {
    headCheck =
      records === 0
        ? { status: 'empty-log' }
        : {
            status: 'missing',
            message:
              'the head file is missing: it was deleted, so records cut from the end cannot be ruled out',
          };
  } else if (headFile.state === 'garbled') {
    headCheck = {
      status: 'garbled',
      message: 'the head file is garbled: records cut from the end cannot be ruled out',
    };
  } else if (!headSeen && head!.seq > lastSeq) {
    headCheck = {
      status: 'mismatch',
      seq: head!.seq,
      message: `the log ends at seq ${lastSeq}, but seq ${head!.seq} was written: records were cut from the end`,
    };
  } else if (lastSeq - head!.seq > HEAD_LAG_TOLERATED) {
    headCheck = {
      status: 'mismatch',
      seq: head!.seq,
      message: `the head names seq ${head!.seq}, but the log goes on to seq ${lastSeq}: records were added after the last one written, or the head was replaced`,
    };
  } else {
    headCheck = { status: 'ok', seq: head!.seq };
    if (lastSeq !== head!.seq)
      notes.push(
        `the head is ${lastSeq - head!.seq} record behind the log (a write interrupted before the head was updated).`,
      );
  }
  if (headCheck.status === 'missing' || headCheck.status === 'garbled') {
    problems.push({ kind: 'head', file: headPath, line: 0, message: headCheck.message! });
  } else if (headCheck.status === 'mismatch') {
    const lastFile = files.at(-1);
    problems.push({
      kind: 'truncated',
      file: lastFile ? path.join(auditDir, lastFile) : auditDir,
      line: 0,
      seq: headCheck.seq,
      message: headCheck.message!,
    });
  }

  return {
    ok: problems.length === 0,
    records,
    files: files.map((file) => path.join(auditDir, file)),
    lastSeq,
    lastHash,
    ...(problems.length > 0 ? { problem: problems[0]! } : {}),
    problems,
    head: headCheck,
    exitCode: problems.length === 0 ? 0 : 1,
    notes,
  };
}
