import {
  appendFileSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statfsSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import type { WardenEvent } from './warden-protocol.js';

// The spool is a directory, Maildir-style, so that any number of hook processes can add to it
// and one sender can drain it without a shared index that a crash could corrupt:
//
//   tmp/<name>.<pid>   an event being written (a crash leaves it here, never half in queue/)
//   queue/<name>       events waiting to be sent, one JSON file each; <name> starts with the
//                      enqueue time, so names sort oldest first
//   dead/<name>        events the server refused for good, with <name>.reason beside them
//   overflow.jsonl     ids (and audit seq) of events refused because the spool was full: they
//                      are rebuilt from the audit log and sent once there is room again
//   state.json         shared backoff state: failures in a row, when to try next, last error
//   count              how many events were queued at a recent count, and when (see enqueueEvent)
//   flush.lock         held by the one process that is sending

export const QUEUE_DIR = 'queue';
export const TMP_DIR = 'tmp';
export const DEAD_DIR = 'dead';
export const STATE_FILE = 'state.json';
export const FLUSH_LOCK_FILE = 'flush.lock';
export const OVERFLOW_FILE = 'overflow.jsonl';
export const COUNT_FILE = 'count';
/** A count younger than this is trusted instead of listing the queue again. */
export const COUNT_FRESH_MS = 5000;
/** Below the limit by at least this much, a fresh count needs no recount. */
const COUNT_SLACK = 256;
/** A sender touches its lock after every batch; one silent for this long is dead. */
export const FLUSH_LOCK_STALE_MS = 60_000;

export interface SpoolLimits {
  maxEvents: number;
  minFreeDiskBytes: number;
}

export type EnqueueResult =
  | { queued: true; name: string }
  | {
      queued: false;
      /** Why, in words, with what happens next. */
      message: string;
      /** Whether the event's id made it to overflow.jsonl (so it is sent later from the audit log). */
      recorded: boolean;
    };

export interface SpoolState {
  /** Failed send attempts in a row, across processes. */
  failures: number;
  /** Epoch ms before which no process should try again (except `warden flush`). */
  nextAttemptAt: number;
  lastError?: string;
  lastErrorAt?: string;
  lastSuccessAt?: string;
}

interface SpoolFile {
  v: 1;
  queuedAt: string;
  event: WardenEvent;
}

function safeName(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 120);
}

function ensureDirectories(spoolDir: string): void {
  mkdirSync(path.join(spoolDir, QUEUE_DIR), { recursive: true, mode: 0o700 });
  mkdirSync(path.join(spoolDir, TMP_DIR), { recursive: true, mode: 0o700 });
}

/** Queued event files, oldest first. */
export function listQueue(spoolDir: string): string[] {
  try {
    return readdirSync(path.join(spoolDir, QUEUE_DIR))
      .filter((name) => name.endsWith('.json'))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

function recordOverflow(spoolDir: string, entry: { id: string; seq?: number; reason: string }): boolean {
  try {
    mkdirSync(spoolDir, { recursive: true, mode: 0o700 });
    appendFileSync(
      path.join(spoolDir, OVERFLOW_FILE),
      `${JSON.stringify({ id: entry.id, ...(entry.seq ? { seq: entry.seq } : {}), at: new Date().toISOString(), reason: entry.reason })}\n`,
      { mode: 0o600 },
    );
    return true;
  } catch {
    return false;
  }
}

/**
 * Adds one event to the spool: written under tmp/, then linked into queue/ (atomic, and never
 * over an existing file). When the spool is at its limits the event is not written; its id is
 * recorded instead, so it is rebuilt from the audit log and sent later. Synchronous and cheap:
 * a hook calls it before answering. Never throws.
 */
export function enqueueEvent(options: {
  spoolDir: string;
  event: WardenEvent;
  limits: SpoolLimits;
}): EnqueueResult {
  const { spoolDir, event, limits } = options;
  const seq = event.audit?.seq;
  const refuse = (reason: string): EnqueueResult => {
    const recorded = recordOverflow(spoolDir, { id: event.id, ...(seq ? { seq } : {}), reason });
    return {
      queued: false,
      recorded,
      message: recorded
        ? `warden: event ${event.id} was not queued for the server: ${reason}. It is in the local audit log${seq ? ` (seq ${seq})` : ''} and will be sent once the spool has room; \`warden flush\` sends now, \`warden status\` shows the backlog.`
        : `warden: event ${event.id} could not be queued for the server (${reason}) and could not be recorded for a later send; it is only in the local audit log${seq ? ` (seq ${seq})` : ''}.`,
    };
  };

  try {
    ensureDirectories(spoolDir);
    // Listing a queue of tens of thousands of files costs a hook milliseconds, so the count is
    // shared: a count younger than COUNT_FRESH_MS is trusted unless it is near the limit. The
    // limit can so be overshot by the events of a few seconds: it bounds disk use, it is not exact.
    const hint = readCountHint(spoolDir);
    const fresh = hint !== undefined && Date.now() - hint.at < COUNT_FRESH_MS;
    let queued: number;
    if (fresh && (hint.count + COUNT_SLACK < limits.maxEvents || hint.count >= limits.maxEvents)) {
      queued = hint.count;
    } else {
      queued = readdirSync(path.join(spoolDir, QUEUE_DIR)).length;
      writeCountHint(spoolDir, queued);
    }
    if (queued >= limits.maxEvents) {
      return refuse(
        `the spool is full (${queued} events waiting, limit ${limits.maxEvents}; is the server reachable?)`,
      );
    }
    if (limits.minFreeDiskBytes > 0) {
      const disk = statfsSync(spoolDir);
      const free = disk.bavail * disk.bsize;
      if (free < limits.minFreeDiskBytes) {
        return refuse(
          `only ${Math.floor(free / 1048576)} MiB free on the disk of ${spoolDir} (the spool keeps ${Math.floor(limits.minFreeDiskBytes / 1048576)} MiB free)`,
        );
      }
    }
    const body: SpoolFile = { v: 1, queuedAt: new Date().toISOString(), event };
    const base = `${String(Date.now()).padStart(13, '0')}-${safeName(event.id)}`;
    const temporary = path.join(spoolDir, TMP_DIR, `${base}.json.${process.pid}`);
    writeFileSync(temporary, JSON.stringify(body), { mode: 0o600, flag: 'wx' });
    try {
      for (let attempt = 0; ; attempt++) {
        const name = attempt === 0 ? `${base}.json` : `${base}~${attempt}.json`;
        try {
          linkSync(temporary, path.join(spoolDir, QUEUE_DIR, name));
          return { queued: true, name };
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 5) throw error;
        }
      }
    } finally {
      unlinkSync(temporary);
    }
  } catch (error) {
    return refuse(`the spool could not be written: ${(error as Error).message}`);
  }
}

/** The last count of queued events and when it was taken (epoch ms). */
export function readCountHint(spoolDir: string): { count: number; at: number } | undefined {
  try {
    const [count, at] = readFileSync(path.join(spoolDir, COUNT_FILE), 'utf8').split(' ').map(Number);
    return Number.isFinite(count) && Number.isFinite(at) ? { count: count!, at: at! } : undefined;
  } catch {
    return undefined;
  }
}

/** Records a count of queued events (replaced atomically; concurrent writers: last one wins). */
export function writeCountHint(spoolDir: string, count: number): void {
  try {
    const file = path.join(spoolDir, COUNT_FILE);
    const temporary = `${file}.${process.pid}`;
    writeFileSync(temporary, `${count} ${Date.now()}`, { mode: 0o600 });
    renameSync(temporary, file);
  } catch {
    // Only an optimisation.
  }
}

export type ReadEntryResult =
  | { ok: true; event: unknown; queuedAt: string | undefined }
  | { ok: false; reason: string };

/** Reads a queued file; validation of the event is the sender's job. */
export function readQueued(spoolDir: string, name: string): ReadEntryResult | undefined {
  let text: string;
  try {
    text = readFileSync(path.join(spoolDir, QUEUE_DIR, name), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return { ok: false, reason: `unreadable: ${(error as Error).message}` };
  }
  try {
    const value = JSON.parse(text) as Partial<SpoolFile>;
    if (value?.v !== 1 || typeof value.event !== 'object')
      return { ok: false, reason: 'not a spool file of version 1' };
    return { ok: true, event: value.event, queuedAt: value.queuedAt };
  } catch {
    return { ok: false, reason: 'not valid JSON' };
  }
}

/** Removes sent events. */
export function removeQueued(spoolDir: string, names: readonly string[]): void {
  for (const name of names) {
    try {
      unlinkSync(path.join(spoolDir, QUEUE_DIR, name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

/** Moves an event the server will never take to dead/, with the reason beside it. */
export function deadLetter(spoolDir: string, name: string, reason: string): void {
  const dead = path.join(spoolDir, DEAD_DIR);
  mkdirSync(dead, { recursive: true, mode: 0o700 });
  try {
    renameSync(path.join(spoolDir, QUEUE_DIR, name), path.join(dead, name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  writeFileSync(path.join(dead, `${name}.reason`), `${reason}\n`, { mode: 0o600 });
}

/**
 * Files a crashed writer left in tmp/. A complete one is moved into the queue; a partial one
 * is recorded as overflow by the id in its name, so it is rebuilt from the audit log.
 */
export function recoverTemporaryFiles(
  spoolDir: string,
  options: { olderThanMs: number },
): { recovered: number; partial: number } {
  let names: string[];
  try {
    names = readdirSync(path.join(spoolDir, TMP_DIR));
  } catch {
    return { recovered: 0, partial: 0 };
  }
  let recovered = 0;
  let partial = 0;
  for (const name of names) {
    const file = path.join(spoolDir, TMP_DIR, name);
    try {
      if (Date.now() - statSync(file).mtimeMs < options.olderThanMs) continue;
      const queuedName = name.replace(/\.json\.\d+$/, '.json');
      const read = (() => {
        try {
          return JSON.parse(readFileSync(file, 'utf8')) as Partial<SpoolFile>;
        } catch {
          return undefined;
        }
      })();
      if (read?.v === 1 && read.event) {
        try {
          linkSync(file, path.join(spoolDir, QUEUE_DIR, queuedName));
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        }
        recovered++;
      } else {
        const id = /^\d{13}-(.+)\.json\.\d+$/.exec(name)?.[1];
        if (id) recordOverflow(spoolDir, { id, reason: 'a hook was stopped while queueing it' });
        partial++;
      }
      unlinkSync(file);
    } catch {
      // Another sender got to it first.
    }
  }
  return { recovered, partial };
}

export function readSpoolState(spoolDir: string): SpoolState {
  try {
    const value = JSON.parse(readFileSync(path.join(spoolDir, STATE_FILE), 'utf8')) as Partial<SpoolState>;
    return {
      failures: typeof value.failures === 'number' ? value.failures : 0,
      nextAttemptAt: typeof value.nextAttemptAt === 'number' ? value.nextAttemptAt : 0,
      ...(typeof value.lastError === 'string' ? { lastError: value.lastError } : {}),
      ...(typeof value.lastErrorAt === 'string' ? { lastErrorAt: value.lastErrorAt } : {}),
      ...(typeof value.lastSuccessAt === 'string' ? { lastSuccessAt: value.lastSuccessAt } : {}),
    };
  } catch {
    return { failures: 0, nextAttemptAt: 0 };
  }
}

/** Replaces the state file atomically (write aside, rename over). Only the lock holder writes it. */
export function writeSpoolState(spoolDir: string, state: SpoolState): void {
  mkdirSync(spoolDir, { recursive: true, mode: 0o700 });
  const file = path.join(spoolDir, STATE_FILE);
  const temporary = `${file}.${process.pid}`;
  writeFileSync(temporary, `${JSON.stringify(state)}\n`, { mode: 0o600 });
  renameSync(temporary, file);
}

export interface OverflowEntry {
  id: string;
  seq?: number;
}

/** Takes the overflow list for processing: renamed aside, so hooks append to a fresh one meanwhile. */
export function takeOverflow(spoolDir: string): { entries: OverflowEntry[]; done(): void } | undefined {
  const file = path.join(spoolDir, OVERFLOW_FILE);
  const taken = `${file}.${process.pid}.taken`;
  try {
    renameSync(file, taken);
  } catch {
    return undefined;
  }
  const entries: OverflowEntry[] = [];
  for (const line of readFileSync(taken, 'utf8').split('\n')) {
    if (!line) continue;
    try {
      const value = JSON.parse(line) as { id?: unknown; seq?: unknown };
      if (typeof value.id === 'string') {
        entries.push({ id: value.id, ...(typeof value.seq === 'number' ? { seq: value.seq } : {}) });
      }
    } catch {
      // A torn line from a writer killed mid-append; its event is still in the audit log.
    }
  }
  return {
    entries,
    done() {
      try {
        unlinkSync(taken);
      } catch {
        // Already gone.
      }
    },
  };
}

/** Puts overflow entries that still could not be queued back on the list. */
export function returnOverflow(spoolDir: string, entries: readonly OverflowEntry[], reason: string): void {
  for (const entry of entries) recordOverflow(spoolDir, { ...entry, reason });
}

export interface SpoolStatus {
  queued: number;
  queuedBytes: number;
  oldestQueuedAt: string | undefined;
  dead: number;
  overflow: number;
  state: SpoolState;
}

/** What `warden status` shows. Reads every file's size, so it is not for hooks. */
export function spoolStatus(spoolDir: string): SpoolStatus {
  const names = listQueue(spoolDir);
  let queuedBytes = 0;
  for (const name of names) {
    try {
      queuedBytes += statSync(path.join(spoolDir, QUEUE_DIR, name)).size;
    } catch {
      // Sent meanwhile.
    }
  }
  let dead = 0;
  try {
    dead = readdirSync(path.join(spoolDir, DEAD_DIR)).filter((name) => name.endsWith('.json')).length;
  } catch {
    // None.
  }
  let overflow = 0;
  try {
    overflow = readFileSync(path.join(spoolDir, OVERFLOW_FILE), 'utf8').split('\n').filter(Boolean).length;
  } catch {
    // None.
  }
  const oldest = names[0] ? Number(names[0].slice(0, 13)) : undefined;
  return {
    queued: names.length,
    queuedBytes,
    oldestQueuedAt: oldest ? new Date(oldest).toISOString() : undefined,
    dead,
    overflow,
    state: readSpoolState(spoolDir),
  };
}
