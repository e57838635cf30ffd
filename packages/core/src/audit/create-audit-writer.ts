import { closeSync, constants, fstatSync, mkdirSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { AUDIT_HEAD_FILE, encodeHead, segmentName } from './audit-files.js';
import type { AuditEntry } from './audit-record.js';
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
 * still takes the log's lock, and under it checks that the segment still has the size and inode
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
  let state: WriterState | undefined;
  let closed = false;

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
    let locked: ReturnType<typeof lockAuditDir>;
    try {
      locked = lockAuditDir({ auditDir, lockWaitMs: options.lockWaitMs });
    } catch (error) {
      // No directory yet, or it was removed while this writer lived: made again, as a fresh writer would.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      mkdirSync(auditDir, { recursive: true, mode: 0o700 });
      locked = lockAuditDir({ auditDir, lockWaitMs: options.lockWaitMs });
    }
    const { lock, notice } = locked;
    const lockedAt = performance.now();
    try {
      let seq: number;
      let prev: string;
      let file: string;
      let descriptor: number;
      let size: number;
      let tornTail = false;
      let headDescriptor: number;
      if (state && stillOurs(state)) {
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
      const hash = sha256Hex(json);
      const head = encodeHead({ seq, hash, file });
      writeAll(headDescriptor, head, 0);
      state.size = size + line.length;
      state.seq = seq;
      state.hash = hash;
      state.head = head;
      return { file: path.join(auditDir, file), seq, hash };
    } catch (error) {
      // Whatever state the files are in now, the next append reads them afresh.
      forget();
      throw error;
    } finally {
      lock.release();
      appendOptions.onTiming?.({
        lockWaitMs: lockedAt - waitStarted,
        lockHeldMs: performance.now() - lockedAt,
      });
      if (notice) appendOptions.onNotice?.(notice);
    }
  };

  return {
    auditDir,
    append,
    close() {
      closed = true;
      forget();
    },
  };
}
