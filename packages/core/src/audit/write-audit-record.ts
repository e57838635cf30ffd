import { closeSync, fstatSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Decision } from '../decision.js';
import { redactSecrets } from '../detectors/detect-secrets.js';
import type { GuardEvent } from '../guard-event.js';
import type { RemoteOutcome } from '../ingest/remote-outcome.js';
import { monotonicMs } from '../monotonic-ms.js';
import {
  AUDIT_LOCK_FILE,
  listSegments,
  readHead,
  readTail,
  segmentName,
  seqOfLine,
  type Tail,
  writeHead,
} from './audit-files.js';
import { AUDIT_RECORD_VERSION, GENESIS_HASH } from './audit-format.js';
import type { AuditEntry } from './audit-record.js';
import { acquireLockSync, type LockHandle, LockUnusableError } from './lock-file.js';
import { sha256Hex } from './sha256.js';

const MAX_TEXT = 4096;

/** A segment is closed and a new one started once it reaches this size. */
export const DEFAULT_MAX_AUDIT_FILE_BYTES = 16 * 1024 * 1024;

/** Deeper structures are cut: recursion must not be something a hook input can exhaust. */
const MAX_DEPTH = 16;
/** Characters of a string redacted before it is cut: a secret that straddles the cut is still found. */
const REDACT_MARGIN = 1024;

/**
 * Replaces secrets in every string of a value and cuts long strings to `maxText` characters (the
 * string is cut before it is redacted, so a 30 MB input costs no more than a short one). Keys are
 * copied as own data properties, so a key such as `__proto__` stays data and cannot change the
 * record's shape.
 */
export function redactValue(value: unknown, maxText = MAX_TEXT, depth = 0): unknown {
  if (typeof value === 'string') {
    const head = value.length > maxText + REDACT_MARGIN ? value.slice(0, maxText + REDACT_MARGIN) : value;
    const redacted = redactSecrets(head);
    const total = redacted.length + (value.length - head.length);
    return total > maxText ? `${redacted.slice(0, maxText)}… [${total - maxText} more characters]` : redacted;
  }
  if (depth >= MAX_DEPTH && typeof value === 'object' && value !== null) return '[nested too deep]';
  if (Array.isArray(value)) return value.map((item) => redactValue(item, maxText, depth + 1));
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      Object.defineProperty(copy, key, {
        value: redactValue(inner, maxText, depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return copy;
  }
  return value;
}

const PHASES = new Set<unknown>(['prompt', 'tool_call', 'tool_result', 'response', 'session']);

function text(value: unknown): string {
  return typeof value === 'string' ? value : String(value ?? '');
}

/** What the audit log records about a decision: secrets redacted, long texts cut. */
export function toAuditEntry(options: {
  event: GuardEvent;
  decision: Decision;
  remote?: RemoteOutcome;
}): AuditEntry {
  const { event, decision } = options;
  // Whatever an adapter hands over, every field is written with the type verify expects: a value
  // that JSON.stringify would drop or change (a function, undefined) must not break the chain.
  return {
    id: text(event.id),
    ts: text(event.timestamp),
    agent: text(event.agent),
    session: text(redactValue(event.session)),
    hookEvent: text(redactValue(event.hookEvent, 256)),
    phase: PHASES.has(event.phase) ? event.phase : 'session',
    cwd: text(redactValue(event.cwd)),
    ...(event.tool ? { tool: text(redactValue(event.tool.name, 256)) } : {}),
    actions: decision.actions.map((action) => ({
      kind: action.kind,
      ...(action.tool ? { tool: action.tool } : {}),
      resources: redactValue(action.resources) as Record<string, unknown>,
    })),
    effect: decision.effect,
    policyEffect: decision.policyEffect,
    ruleId: decision.ruleId,
    reason: redactSecrets(decision.reason),
    mode: decision.mode,
    findings: decision.findings,
    ...(decision.failure ? { failure: decision.failure } : {}),
    ...(options.remote ? { remote: options.remote } : {}),
    ...(event.context ? { context: event.context } : {}),
    ...(event.meta ? { meta: redactValue(event.meta) as Record<string, unknown> } : {}),
  };
}

export interface WriteAuditRecordOptions {
  auditDir: string;
  entry: AuditEntry;
  /** Rotate to a new segment once the current one reaches this size. */
  maxFileBytes?: number;
  /** How long to wait for other writers before giving up (and reporting it). */
  lockWaitMs?: number;
  /** Told about a problem worked around while writing (a `.lock` that cannot be a lock), to report once. */
  onNotice?: (message: string) => void;
  /** Told how long the lock was waited for and held (benchmarks, diagnostics). */
  onTiming?: (timing: AuditWriteTiming) => void;
}

/** Where a record landed in the chain: servers receive this as an anchor. */
export interface AuditAnchor {
  file: string;
  seq: number;
  hash: string;
}

/** Where the time of one append went: waiting for other writers, and holding the lock. */
export interface AuditWriteTiming {
  lockWaitMs: number;
  lockHeldMs: number;
}

/** Used by every writer while `.lock` is something that cannot be a lock (a directory). */
export const AUDIT_FALLBACK_LOCK_FILE = '.lock-fallback';

/**
 * Takes the audit log's lock (`.lock`, or the fallback while `.lock` cannot be a lock), waiting
 * up to `lockWaitMs` (default 5 s). Every writer, in any process, appends only while holding it.
 */
export function lockAuditDir(options: { auditDir: string; lockWaitMs?: number | undefined }): {
  lock: LockHandle;
  notice?: string;
} {
  const lockOptions = { staleMs: 2000, maxWaitMs: options.lockWaitMs ?? 5000 };
  try {
    return { lock: acquireLockSync({ path: path.join(options.auditDir, AUDIT_LOCK_FILE), ...lockOptions }) };
  } catch (error) {
    if (!(error instanceof LockUnusableError)) throw error;
    // Every writer meets the same unusable `.lock`, so all of them serialise on the fallback.
    return {
      notice: `${error.message}; the audit log uses ${AUDIT_FALLBACK_LOCK_FILE} instead until it is removed`,
      lock: acquireLockSync({ path: path.join(options.auditDir, AUDIT_FALLBACK_LOCK_FILE), ...lockOptions }),
    };
  }
}

/** The last line of the newest non-empty segment, walking back past empty ones. */
export function lastRecord(auditDir: string, segments: string[]): Tail {
  for (let index = segments.length - 1; index >= 0; index--) {
    const descriptor = openSync(path.join(auditDir, segments[index]!), 'r');
    try {
      const size = fstatSync(descriptor).size;
      if (size > 0) {
        const tail = readTail(descriptor, size);
        // Only the newest segment's end matters for closing off a torn line.
        return index === segments.length - 1 ? tail : { ...tail, endsWithNewline: true };
      }
    } finally {
      closeSync(descriptor);
    }
  }
  return { line: undefined, endsWithNewline: true };
}

/**
 * Where the chain ends on disk, read under the lock: the next record's `seq` and `prev`, the
 * segments, and the newest segment's last line (to close off a torn one).
 */
export function readChainEnd(auditDir: string): {
  seq: number;
  prev: string;
  segments: string[];
  tail: Tail;
} {
  const segments = listSegments(auditDir);
  const tail = lastRecord(auditDir, segments);
  const head = readHead(auditDir);
  const tailSeq = tail.line ? (seqOfLine(tail.line) ?? 0) : 0;
  // The head never goes backwards: if lines were cut from the end, the next seq leaves a gap
  // that verify reports, instead of quietly reusing the numbers.
  const seq = Math.max(tailSeq, head?.seq ?? 0) + 1;
  // The head already holds the hash of the last line as it was written: using it saves hashing
  // the line again (start-up time), and an edit of that line still breaks the chain here.
  const prev = !tail.line
    ? GENESIS_HASH
    : head && head.seq === tailSeq && tail.endsWithNewline
      ? head.hash
      : sha256Hex(tail.line);
  return { seq, prev, segments, tail };
}

/** One record's line: the same bytes as JSON.stringify({ v, seq, prev, ...entry }). */
export function chainedLine(options: { seq: number; prev: string; body: string }): string {
  const { body } = options;
  return `{"v":${AUDIT_RECORD_VERSION},"seq":${options.seq},"prev":"${options.prev}"${body === '}' ? '' : ','}${body}`;
}

/**
 * Appends one record to the hash-chained log. Writers from any number of processes take an
 * exclusive lock file for the few syscalls of an append (read the last line, hash it, write one
 * line with O_APPEND in a single write(2), update the head), so lines never interleave and
 * every record links to the one before it. Synchronous: a hook's record is on disk before the
 * hook answers. Throws when the record cannot be written; `guard` turns that into a warning.
 */
export function writeAuditRecord(options: WriteAuditRecordOptions): AuditAnchor {
  const { auditDir } = options;
  mkdirSync(auditDir, { recursive: true, mode: 0o700 });
  // Serialised before the lock is taken: only what depends on the chain's end is done under it.
  const body = JSON.stringify(options.entry).slice(1);
  const waitStarted = monotonicMs();
  const { lock, notice } = lockAuditDir({ auditDir, lockWaitMs: options.lockWaitMs });
  const lockedAt = monotonicMs();
  try {
    const { seq, prev, segments, tail } = readChainEnd(auditDir);

    const json = chainedLine({ seq, prev, body });
    // Append to the newest segment (even if empty: a rotation that crashed before its first line).
    let file = segments.at(-1) ?? segmentName(seq);
    let descriptor = openSync(path.join(auditDir, file), 'a', 0o600);
    try {
      let size = fstatSync(descriptor).size;
      if (size >= (options.maxFileBytes ?? DEFAULT_MAX_AUDIT_FILE_BYTES)) {
        closeSync(descriptor);
        file = segmentName(seq);
        descriptor = openSync(path.join(auditDir, file), 'a', 0o600);
        size = fstatSync(descriptor).size;
      }
      // A torn last line (a crash mid-write) is closed off, not glued to ours; verify reports it.
      const line = Buffer.from(`${size > 0 && !tail.endsWithNewline ? '\n' : ''}${json}\n`, 'utf8');
      let written = writeSync(descriptor, line);
      // A short write is only possible on a full disk or a signal; finish the line rather than leave it torn.
      while (written < line.length) written += writeSync(descriptor, line, written);
    } finally {
      closeSync(descriptor);
    }
    const hash = sha256Hex(json);
    writeHead(auditDir, { seq, hash, file });
    return { file: path.join(auditDir, file), seq, hash };
  } finally {
    lock.release();
    options.onTiming?.({ lockWaitMs: lockedAt - waitStarted, lockHeldMs: monotonicMs() - lockedAt });
    if (notice) options.onNotice?.(notice);
  }
}
