import { closeSync, constants, openSync, readdirSync, readFileSync, readSync, writeSync } from 'node:fs';
import path from 'node:path';

// The audit log is a directory of segments, `audit-<first seq, 12 digits>.jsonl`, read in name
// order, plus `head`: the seq and hash of the newest record, so removing lines from the end is
// detectable too. `.lock` serialises writers.

const SEGMENT = /^audit-(\d{12})\.jsonl$/;
const HEAD_BYTES = 256;

export const AUDIT_LOCK_FILE = '.lock';
export const AUDIT_HEAD_FILE = 'head';

export function segmentName(firstSeq: number): string {
  return `audit-${String(firstSeq).padStart(12, '0')}.jsonl`;
}

/** The log's segment file names, oldest first. */
export function listSegments(auditDir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(auditDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names.filter((name) => SEGMENT.test(name)).sort();
}

/** The seq a segment's name says it starts at. */
export function segmentFirstSeq(name: string): number | undefined {
  const match = SEGMENT.exec(name);
  return match ? Number(match[1]) : undefined;
}

export interface AuditHead {
  seq: number;
  hash: string;
  file: string;
}

export function readHead(auditDir: string): AuditHead | undefined {
  let text: string;
  try {
    text = readFileSync(path.join(auditDir, AUDIT_HEAD_FILE), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const value = JSON.parse(text) as Partial<AuditHead>;
    if (typeof value.seq === 'number' && typeof value.hash === 'string' && typeof value.file === 'string') {
      return { seq: value.seq, hash: value.hash, file: value.file };
    }
  } catch {
    // A damaged head is reported by verify; writers fall back to the segments.
  }
  return undefined;
}

/** The head's bytes: fixed-size, space-padded, so an overwrite in place is never half old, half new. */
export function encodeHead(head: AuditHead): Buffer {
  const buffer = Buffer.alloc(HEAD_BYTES, ' ');
  buffer.write(JSON.stringify(head), 0, 'utf8');
  buffer[HEAD_BYTES - 1] = 0x0a;
  return buffer;
}

/** Overwrites the head in place with one fixed-size write, so it is never half old, half new. */
export function writeHead(auditDir: string, head: AuditHead): void {
  const buffer = encodeHead(head);
  const descriptor = openSync(
    path.join(auditDir, AUDIT_HEAD_FILE),
    constants.O_WRONLY | constants.O_CREAT,
    0o600,
  );
  try {
    writeSync(descriptor, buffer, 0, HEAD_BYTES, 0);
  } finally {
    closeSync(descriptor);
  }
}

export interface Tail {
  /** The last line's bytes (without its newline), if the file has any. */
  line: Buffer | undefined;
  /** False when the file ends in the middle of a line: a torn write. */
  endsWithNewline: boolean;
}

/** Reads the last line of an open file of `size` bytes, reading backwards in growing chunks. */
export function readTail(descriptor: number, size: number): Tail {
  if (size === 0) return { line: undefined, endsWithNewline: true };
  let chunkSize = Math.min(size, 16 * 1024);
  for (;;) {
    const start = size - chunkSize;
    const buffer = Buffer.alloc(chunkSize);
    let read = 0;
    while (read < chunkSize) {
      const count = readSync(descriptor, buffer, read, chunkSize - read, start + read);
      if (count === 0) break;
      read += count;
    }
    const endsWithNewline = buffer[chunkSize - 1] === 0x0a;
    const end = endsWithNewline ? chunkSize - 1 : chunkSize;
    const newline = buffer.lastIndexOf(0x0a, end - 1);
    if (newline >= 0 || start === 0) {
      return { line: buffer.subarray(newline + 1, end), endsWithNewline };
    }
    chunkSize = Math.min(size, chunkSize * 4);
  }
}

/** The `seq` of a line written by this module: it is always the second key. */
export function seqOfLine(line: Buffer | string): number | undefined {
  const text = typeof line === 'string' ? line.slice(0, 64) : line.subarray(0, 64).toString('utf8');
  const match = /^\{"v":\d+,"seq":(\d+),/.exec(text);
  return match ? Number(match[1]) : undefined;
}
