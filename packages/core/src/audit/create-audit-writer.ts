import { closeSync, constants, fstatSync, mkdirSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { AUDIT_HEAD_FILE, AUDIT_LOCK_FILE, encodeHead, segmentName } from './audit-files.js';
import type { AuditEntry } from './audit-record.js';
import { type LockHandle, sleepSync, waitingMarker } from './lock-file.js';
import { sha256Hex } from './sha256.js';
import {
  type AuditAnchor,
  type AuditWriteTiming,
  chainedLine,
  DEFAULT_MAX_AUDIT_FILE_BYTES,
  lockAuditDir,
  readChainEnd,
} from './write-audit-record.js';

export interface AuditWriterOptions {
  /** The log's directory (`<WARDEN_HOME>/audit`); created privately if missing. */
  auditDir: string;
  /** Rotate to a new segment once the current one reaches this size (default 16 MiB). */
  maxFileBytes?: number;
  /** How long one append waits for other writers before it fails (default 5 s). */
  lockWaitMs?: number;
  /**
   * Keep the log's lock across appends for up to this long (default 0: taken and released per
   * append). Creating the lock file is most of an append's cost; a process appending thousands
   * of records a second holds it for short leases instead. It lets go at once when another
   * process waits for it (the lock's waiting marker), when the lease ends, and when the process
   * goes idle or exits, and refreshes it so others never judge it stale.
   */
  holdLockMs?: number;
}

export interface AuditAppendOptions {
  /** Told about a problem worked around while writing (a `.lock` that cannot be a lock). */
  onNotice?: (message: string) => void;
  /** Told how long the lock was waited for and held. */
  onTiming?: (timing: AuditWriteTiming) => void;
}

/** A long-lived appender to one audit log (see `createAuditWriter`). */
export interface AuditWriter {
  readonly auditDir: string;
  /** Appends one record, on disk when it returns; throws when it cannot be written. */
  append(entry: AuditEntry, options?: AuditAppendOptions): AuditAnchor;
  /** Closes the open files. Appending afterwards throws. Safe to call twice. */
  close(): void;
}

/** What the writer knows after its own last append, to tell whether anyone wrote since. */
interface WriterState {
  file: string;
  descriptor: number;
  /** Inode of the segment: a segment moved away or replaced is noticed. */
  inode: number;
  /** The segment's size right after our line: any other append makes it larger. */
  size: number;
  seq: number;
  hash: string;
  headDescriptor: number;
  headInode: number;
  /** The head's bytes as we wrote them; another writer's head differs (another seq). */
  head: Buffer;
}

const HEAD_BYTES = 256;

/**
 * SHA-256 of a line, in hex. A writer lives long, so it uses `node:crypto`'s native hash (several
 * times faster than the pure-JavaScript one the command hook keeps to avoid loading `node:crypto`
 * at start-up); both give the same hex digest of the line's UTF-8 bytes, so the chain is the same.
 * Loaded when the first writer is made, not when this module is.
 */
let lineHash: ((line: string) => string) | undefined;
function hashOfLine(): (line: string) => string {
  if (lineHash) return lineHash;
  const crypto = process.getBuiltinModule?.('node:crypto') as typeof import('node:crypto') | undefined;
  lineHash =
    typeof crypto?.hash === 'function'
      ? (line) => crypto.hash('sha256', line, 'hex')
      : crypto
        ? (line) => crypto.createHash('sha256').update(line, 'utf8').digest('hex')
        : (line) => sha256Hex(line);
  return lineHash;
}

/** How often, at most, a writer holding the lock looks for another process waiting for it. */
const WAITER_CHECK_MS = 1;

/** Writers that may hold the lock between appends: one exit handler lets all of them go. */
const leaseHolders = new Set<() => void>();
let exitHandlerInstalled = false;
function watchExit(): void {
  if (exitHandlerInstalled) return;
  exitHandlerInstalled = true;
  process.once('exit', () => {
    for (const letGo of leaseHolders) letGo();
  });
}

function writeAll(descriptor: number, buffer: Buffer, position: number | null): void {
  let written = 0;
  // A short write is only possible on a full disk or a signal; finish rather than leave a torn line.
  while (written < buffer.length)
    written += writeSync(
      descriptor,
      buffer,
      written,
      buffer.length - written,
      position === null ? null : position + written,
    );
}

/**
 * An audit log appender that keeps its state between records, for processes that write many
 * (the Agent SDK adapter, the session server): the newest segment and the head stay open, and
 * the chain's end (seq, hash, segment size) is remembered, so an append is the lock, four cheap
 * checks, one write(2) and the head's update, instead of listing the directory and re-reading
 * the last line each time (`writeAuditRecord`, the one-shot form command hooks use).
 *
 * Other processes append to the same log (command hooks, other SDK processes): every append
 * holds the log's lock (taken for it, or held from the last one under a `holdLockMs` lease),
 * and, unless the lock was held since its last append, checks that the segment still has the size and inode
 * of our last append and that the head still holds our bytes. If another writer got in between
 * (or rotated, or the files were moved), the writer re-reads the real end of the chain and
 * continues from it, exactly as a fresh writer would. Lines never interleave and each links to
 * the one really before it.
 *
 * ```ts
 * const writer = createAuditWriter({ auditDir: path.join(home, 'audit') });
 * const anchor = writer.append(toAuditEntry({ event, decision }));
 * writer.close();
 * ```
 */
export function createAuditWriter(options: AuditWriterOptions): AuditWriter {
  const { auditDir } = options;
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_AUDIT_FILE_BYTES;
  const headPath = path.join(auditDir, AUDIT_HEAD_FILE);
  const headCheck = Buffer.alloc(HEAD_BYTES);
  const hash = hashOfLine();
  /** When the waiting marker was last looked at (a stat per append was a tenth of its cost). */
  let waiterCheckedAt = Number.NEGATIVE_INFINITY;
  let state: WriterState | undefined;
  let closed = false;
  const holdLockMs = options.holdLockMs ?? 0;
  const lockPath = path.join(auditDir, AUDIT_LOCK_FILE);
  /** The lock while this writer holds it across appends, and whether the chain end was checked under it. */
  let held:
    | { lock: LockHandle; acquiredAt: number; touchedAt: number; verified: boolean; timer?: NodeJS.Timeout }
    | undefined;

  const letGo = () => {
    if (!held) return;
    clearTimeout(held.timer);
    held.lock.release();
    held = undefined;
  };

  /** Whether another process is waiting for the lock right now (its marker is fresh). */
  const someoneWaits = (lockFile: string): boolean => {
    const marker = statSync(waitingMarker(lockFile), { throwIfNoEntry: false });
    return marker !== undefined && Date.now() - marker.mtimeMs < 1000;
  };

  const forget = () => {
    if (!state) return;
    for (const descriptor of [state.descriptor, state.headDescriptor]) {
      try {
        closeSync(descriptor);
      } catch {
        // Already closed.
      }
    }
    state = undefined;
  };

  /** Whether the log's end is still our last record: checked under the lock. */
  const stillOurs = (known: WriterState): boolean => {
    try {
      if (fstatSync(known.descriptor).size !== known.size) return false;
      const segment = statSync(path.join(auditDir, known.file), { throwIfNoEntry: false });
      if (!segment || segment.ino !== known.inode) return false;
      const head = statSync(headPath, { throwIfNoEntry: false });
      if (!head || head.ino !== known.headInode) return false;
      const read = readSync(known.headDescriptor, headCheck, 0, HEAD_BYTES, 0);
      return read === HEAD_BYTES && headCheck.equals(known.head);
    } catch {
      return false;
    }
  };

  const append = (entry: AuditEntry, appendOptions: AuditAppendOptions = {}): AuditAnchor => {
    if (closed) throw new Error(`the audit writer for ${auditDir} is closed`);
    // Serialised before the lock is taken: only what depends on the chain's end is done under it.
    const body = JSON.stringify(entry).slice(1);
    const waitStarted = performance.now();
    let notice: string | undefined;
    if (held) {
      let release = waitStarted - held.acquiredAt > holdLockMs;
      if (!release && waitStarted - waiterCheckedAt >= WAITER_CHECK_MS) {
        waiterCheckedAt = waitStarted;
        release = someoneWaits(held.lock.path);
      }
      if (release) letGo();
    }
    if (!held) {
      // Another process asked for the lock: give it the time to take it before asking again.
      for (let waited = 0; holdLockMs > 0 && waited < 20 && someoneWaits(lockPath); waited++) sleepSync(1);
      let locked: ReturnType<typeof lockAuditDir>;
      try {
        locked = lockAuditDir({ auditDir, lockWaitMs: options.lockWaitMs });
      } catch (error) {
        // No directory yet, or it was removed while this writer lived: made again, as a fresh writer would.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        mkdirSync(auditDir, { recursive: true, mode: 0o700 });
        locked = lockAuditDir({ auditDir, lockWaitMs: options.lockWaitMs });
      }
      notice = locked.notice;
      const now = performance.now();
      held = { lock: locked.lock, acquiredAt: now, touchedAt: now, verified: false };
      if (holdLockMs > 0) {
        // Released when the process goes idle; a busy one lets go at the next append past the lease.
        held.timer = setTimeout(letGo, holdLockMs);
        held.timer.unref();
      }
    } else if (waitStarted - held.touchedAt > 500) {
      held.lock.touch();
      held.touchedAt = waitStarted;
    }
    const lease = held;
    const lockedAt = performance.now();
    try {
      let seq: number;
      let prev: string;
      let file: string;
      let descriptor: number;
      let size: number;
      let tornTail = false;
      let headDescriptor: number;
      // Under a lock held since our last append nobody else can have written.
      if (state && (lease.verified || stillOurs(state))) {
        seq = state.seq + 1;
        prev = state.hash;
        file = state.file;
        descriptor = state.descriptor;
        size = state.size;
        headDescriptor = state.headDescriptor;
      } else {
        // First append, or another writer got in between: continue from the real end.
        forget();
        const end = readChainEnd(auditDir);
        seq = end.seq;
        prev = end.prev;
        // Append to the newest segment (even if empty: a rotation that crashed before its first line).
        file = end.segments.at(-1) ?? segmentName(seq);
        descriptor = openSync(path.join(auditDir, file), 'a', 0o600);
        size = fstatSync(descriptor).size;
        tornTail = size > 0 && !end.tail.endsWithNewline;
        try {
          headDescriptor = openSync(headPath, constants.O_RDWR | constants.O_CREAT, 0o600);
        } catch (error) {
          closeSync(descriptor);
          throw error;
        }
        state = {
          file,
          descriptor,
          inode: fstatSync(descriptor).ino,
          size,
          seq: seq - 1,
          hash: prev,
          headDescriptor,
          headInode: fstatSync(headDescriptor).ino,
          head: Buffer.alloc(0),
        };
      }
      if (size >= maxFileBytes) {
        closeSync(descriptor);
        file = segmentName(seq);
        descriptor = openSync(path.join(auditDir, file), 'a', 0o600);
        state.descriptor = descriptor;
        state.file = file;
        state.inode = fstatSync(descriptor).ino;
        size = fstatSync(descriptor).size;
        tornTail = false;
      }
      const json = chainedLine({ seq, prev, body });
      // A torn last line (a crash mid-write) is closed off, not glued to ours; verify reports it.
      const line = Buffer.from(`${tornTail ? '\n' : ''}${json}\n`, 'utf8');
      writeAll(descriptor, line, null);
      const lineHash = hash(json);
      const head = encodeHead({ seq, hash: lineHash, file });
      writeAll(headDescriptor, head, 0);
      state.size = size + line.length;
      state.seq = seq;
      state.hash = lineHash;
      state.head = head;
      lease.verified = true;
      return { file: path.join(auditDir, file), seq, hash: lineHash };
    } catch (error) {
      // Whatever state the files are in now, the next append reads them afresh.
      forget();
      letGo();
      throw error;
    } finally {
      if (holdLockMs <= 0) letGo();
      appendOptions.onTiming?.({
        lockWaitMs: lockedAt - waitStarted,
        lockHeldMs: performance.now() - lockedAt,
      });
      if (notice) appendOptions.onNotice?.(notice);
    }
  };

  if (holdLockMs > 0) {
    leaseHolders.add(letGo);
    watchExit();
  }
  return {
    auditDir,
    append,
    close() {
      closed = true;
      letGo();
      forget();
      leaseHolders.delete(letGo);
    },
  };
}
