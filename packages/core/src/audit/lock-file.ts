import {
  closeSync,
  fstatSync,
  linkSync,
  lstatSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import os from 'node:os';

/**
 * An exclusive lock between processes: a file created with O_CREAT|O_EXCL, which exactly one
 * process can create. It holds `pid host nonce`, so a lock left by a process that died (kill -9)
 * is recognised and taken over, and a holder only ever removes its own lock.
 */
export interface LockHandle {
  readonly path: string;
  /** Marks the lock as fresh (long holders call this so they are not mistaken for dead ones). */
  touch(): void;
  /** Removes the lock if it is still ours. Safe to call twice. */
  release(): void;
}

export interface LockOwner {
  pid: number;
  host: string;
  content: string;
  ageMs: number;
}

let hostName: string | undefined;
const host = () => {
  hostName ??= os.hostname().replace(/\s+/g, '-') || 'unknown';
  return hostName;
};

const sleeper = new Int32Array(new SharedArrayBuffer(4));
/** Blocks the thread for a short while: the audit write is synchronous by design. */
export function sleepSync(milliseconds: number): void {
  Atomics.wait(sleeper, 0, 0, milliseconds);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Who holds the lock, or undefined when nobody does. */
export function readLockOwner(path: string): LockOwner | undefined {
  let content: string;
  let mtimeMs: number;
  try {
    content = readFileSync(path, 'utf8');
    mtimeMs = statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
  const [pid, owner] = content.split(' ');
  return { pid: Number(pid), host: owner ?? '', content, ageMs: Date.now() - mtimeMs };
}

/**
 * A lock is stale when its holder is a dead process on this host, or when it has not been
 * touched for `staleMs` (a holder on another host, or one that hangs). An empty lock file is a
 * holder killed between creating and filling it.
 */
export function isStale(owner: LockOwner, staleMs: number): boolean {
  if (owner.ageMs > staleMs) return true;
  if (owner.content === '') return owner.ageMs > Math.min(staleMs, 1000);
  return owner.host === host() && Number.isInteger(owner.pid) && owner.pid > 0 && !isAlive(owner.pid);
}

/**
 * Removes a stale lock without ever removing a live one: the lock is renamed to a private name
 * first (atomic, so only one breaker gets it), and if what was renamed is not the stale lock we
 * judged (a new holder got in between), it is put back with link(2), which fails rather than
 * overwrite a lock someone else took meanwhile.
 */
function breakStaleLock(path: string, judged: LockOwner): void {
  const aside = `${path}.stale-${process.pid}-${Math.random().toString(36).slice(2)}`;
  try {
    renameSync(path, aside);
  } catch {
    return; // Someone else broke or released it.
  }
  let content = '';
  try {
    content = readFileSync(aside, 'utf8');
  } catch {
    // Unreadable: treat as the stale one.
    content = judged.content;
  }
  if (content !== judged.content) {
    try {
      linkSync(aside, path);
    } catch {
      // The path was taken again; the holder we displaced will find its lock gone on release.
    }
  }
  try {
    unlinkSync(aside);
  } catch {
    // Already gone.
  }
}

/**
 * `held`: the lock file's descriptor, kept open while the lock is held, and its identity. While
 * it is open its inode cannot be reused, so "the file at the path has our device and inode"
 * proves it is still our lock: release then costs a stat and an unlink instead of reading the
 * file back (hot in-process writers append thousands of records a second).
 */
function createHandle(
  path: string,
  content: string,
  held?: { descriptor: number; dev: number; ino: number },
): LockHandle {
  let released = false;
  return {
    path,
    touch() {
      if (released) return;
      try {
        const now = new Date();
        utimesSync(path, now, now);
      } catch {
        // Lost the lock file; the next touch or release finds out.
      }
    },
    release() {
      if (released) return;
      released = true;
      try {
        if (held) {
          const stats = statSync(path, { throwIfNoEntry: false });
          if (stats && stats.ino === held.ino && stats.dev === held.dev) unlinkSync(path);
        } else if (readFileSync(path, 'utf8') === content) unlinkSync(path);
      } catch {
        // Already removed (a breaker judged us stale): nothing of ours to remove.
      } finally {
        if (held) {
          try {
            closeSync(held.descriptor);
          } catch {
            // Closed already.
          }
        }
      }
    },
  };
}

/**
 * The lock path exists but is not a file a lock can be (a directory, a link, a FIFO): waiting
 * would never end, so callers are told at once and can work around it.
 */
export class LockUnusableError extends Error {
  readonly path: string;
  constructor(path: string, what: string) {
    super(`${path} is ${what}, not a lock file, so it cannot serve as a lock`);
    this.name = 'LockUnusableError';
    this.path = path;
  }
}

function describeNonFile(path: string): string | undefined {
  try {
    const stats = lstatSync(path);
    if (stats.isFile()) return undefined;
    if (stats.isDirectory()) return 'a directory';
    if (stats.isSymbolicLink()) return 'a symbolic link';
    return 'a special file';
  } catch {
    return undefined;
  }
}

/** Takes the lock if it is free (or stale), without waiting. Throws LockUnusableError when it never can be. */
export function tryAcquireLock(options: { path: string; staleMs: number }): LockHandle | undefined {
  const content = `${process.pid} ${host()} ${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
  for (let attempt = 0; attempt < 3; attempt++) {
    let descriptor: number;
    try {
      descriptor = openSync(options.path, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const what = describeNonFile(options.path);
      if (what) throw new LockUnusableError(options.path, what);
      const owner = readLockOwner(options.path);
      if (owner && !isStale(owner, options.staleMs)) return undefined;
      if (owner) breakStaleLock(options.path, owner);
      continue;
    }
    try {
      writeSync(descriptor, content);
      // Windows cannot remove a file that is open: there the content is read back on release.
      if (process.platform !== 'win32') {
        const { dev, ino } = fstatSync(descriptor);
        return createHandle(options.path, content, { descriptor, dev, ino });
      }
    } catch (error) {
      closeSync(descriptor);
      throw error;
    }
    closeSync(descriptor);
    return createHandle(options.path, content);
  }
  return undefined;
}

/** Beside a lock: "someone is waiting for it", refreshed by waiters, so a holder that keeps the lock across appends lets go. */
export function waitingMarker(lockPath: string): string {
  return `${lockPath}.waiting`;
}

/**
 * Takes the lock, waiting (synchronously, with growing jittered sleeps) up to `maxWaitMs`.
 * Throws when it cannot: the caller reports that, it never writes unlocked. While it waits it
 * keeps the lock's waiting marker fresh (a holder of a long-lived lock gives it up for it), and
 * removes it once it has the lock.
 */
export function acquireLockSync(options: { path: string; staleMs: number; maxWaitMs: number }): LockHandle {
  const deadline = Date.now() + options.maxWaitMs;
  let pause = 0.05;
  let waited = false;
  for (;;) {
    const handle = tryAcquireLock(options);
    if (handle) {
      if (waited) {
        try {
          unlinkSync(waitingMarker(options.path));
        } catch {
          // Removed by another waiter that got the lock first.
        }
      }
      return handle;
    }
    if (Date.now() >= deadline) {
      const owner = readLockOwner(options.path);
      throw new Error(
        `could not lock ${options.path} within ${options.maxWaitMs} ms${owner ? ` (held by pid ${owner.pid} on ${owner.host})` : ''}`,
      );
    }
    try {
      writeFileSync(waitingMarker(options.path), '', { mode: 0o600 });
      waited = true;
    } catch {
      // The marker only speeds up the hand-over; the lock's staleness rules still apply.
    }
    sleepSync(pause * (0.5 + Math.random()));
    pause = Math.min(pause * 2, 5);
  }
}
