import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Dispatcher } from 'undici';
import { type LockHandle, readLockOwner, tryAcquireLock } from '../audit/lock-file.js';
import { readAuditLog } from '../audit/read-audit-log.js';
import type { IngestSettings, ServerSettings } from '../config/server-settings.js';
import { TransportError } from '../errors.js';
import type { OrgPolicyRefresh } from '../org/refresh-org-policy.js';
import { createBackend, type IngestBackend } from './backend.js';
import { HttpStatusError } from './http-status-error.js';
import {
  deadLetter,
  enqueueEvent,
  FLUSH_LOCK_FILE,
  FLUSH_LOCK_STALE_MS,
  listQueue,
  type OverflowEntry,
  readQueued,
  readSpoolState,
  recoverTemporaryFiles,
  removeQueued,
  returnOverflow,
  type SpoolState,
  takeOverflow,
  writeCountHint,
  writeSpoolState,
} from './spool.js';
import { auditRecordToWardenEvent } from './to-warden-event.js';
import { type WardenEvent, wardenEventSchema } from './warden-protocol.js';

/** One request never waits longer than this, whatever the budget. */
const REQUEST_TIMEOUT_MS = 15_000;
/** Attempts of one batch within one flush before the flush gives up and backs off. */
const ATTEMPTS_PER_FLUSH = 4;
const LINGER_POLL_MS = 100;

export interface FlushSpoolOptions {
  server: ServerSettings;
  ingest: IngestSettings;
  /** The audit log, to rebuild events the spool had no room for. */
  auditDir?: string | undefined;
  /** Total time this flush may take. */
  budgetMs: number;
  /** Ignore the shared backoff (an explicit `warden flush`). */
  force?: boolean;
  /** Once the spool is empty, wait this long for new events before returning (background sender). */
  lingerMs?: number;
  /** Wait up to this long for another sender to finish, instead of returning `locked` at once. */
  waitForLockMs?: number;
  backend?: IngestBackend;
  dispatcher?: Dispatcher;
  signal?: AbortSignal;
  /**
   * Also refresh the org policy (`GET /v1/policy`, at most every `refreshSeconds`; every time
   * with `force`) before sending, on a Warden server. The background sender and `warden flush`
   * set it; off by default, so other callers stay as they were.
   */
  orgPolicy?: boolean;
  /** Warden's home, where the org policy copy is kept; default: the spool's parent directory. */
  home?: string;
  /** The environment (`WARDEN_DEVICE_ID`); default `process.env`. */
  env?: NodeJS.ProcessEnv;
}

export interface FlushReport {
  /** Events the server stored now. */
  sent: number;
  /** Events the server already had (an earlier delivery lost its acknowledgement). */
  duplicates: number;
  /** Events set aside in dead/ because the server refused them for good (or they were unreadable). */
  deadLettered: number;
  /** Events rebuilt from the audit log after the spool had been full. */
  backfilled: number;
  /** Events that had been refused by a full spool and are not in the audit log either. */
  lost: number;
  /** Events still waiting. */
  remaining: number;
  requests: number;
  stoppedBy: 'empty' | 'budget' | 'backoff' | 'locked' | 'failed';
  error?: string;
  /** When a sender will next try (after a failure). */
  nextAttemptAt?: string;
  durationMs: number;
  messages: string[];
  /** What the org policy refresh did, when it ran. */
  orgPolicy?: OrgPolicyRefresh;
}

interface Entry {
  name: string;
  event: WardenEvent;
}

/** Exponential backoff with jitter, shared across processes: 1×, 2×, 4× … the base, capped, each × 0.5–1. */
export function backoffDelay(options: { failures: number; baseMs: number; maxMs: number }): number {
  const exponential = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, options.failures - 1));
  return Math.round(exponential * (0.5 + Math.random() / 2));
}

class Flush {
  readonly report: FlushReport;
  private backend: IngestBackend | undefined;
  private readonly spoolDir: string;
  private readonly deadline: number;
  private readonly started = Date.now();
  private state: SpoolState;

  constructor(private readonly options: FlushSpoolOptions) {
    this.spoolDir = options.ingest.spoolDir;
    this.deadline = this.started + options.budgetMs;
    this.state = readSpoolState(this.spoolDir);
    this.backend = options.backend;
    this.report = {
      sent: 0,
      duplicates: 0,
      deadLettered: 0,
      backfilled: 0,
      lost: 0,
      remaining: 0,
      requests: 0,
      stoppedBy: 'empty',
      durationMs: 0,
      messages: [],
    };
  }

  get timeLeft(): number {
    return this.deadline - Date.now();
  }

  private get aborted(): boolean {
    return this.options.signal?.aborted === true;
  }

  async run(): Promise<FlushReport> {
    try {
      // A hook that queued while we held the lock saw it held and started no sender; so after
      // releasing it we look once more, and go again if something is waiting.
      for (let round = 0; round < 5; round++) {
        const lock = await this.acquire();
        if (!lock) {
          const owner = readLockOwner(path.join(this.spoolDir, FLUSH_LOCK_FILE));
          this.report.stoppedBy = 'locked';
          this.report.messages.push(`another process (pid ${owner?.pid ?? '?'}) is sending the spool`);
          break;
        }
        try {
          if (round === 0) await this.refreshOrgPolicy();
          await this.drain(lock);
        } finally {
          lock.release();
        }
        if (this.report.stoppedBy !== 'empty' || this.timeLeft <= 0 || listQueue(this.spoolDir).length === 0)
          break;
      }
    } finally {
      if (!this.options.backend) await this.backend?.close().catch(() => undefined);
    }
    this.report.remaining = listQueue(this.spoolDir).length;
    writeCountHint(this.spoolDir, this.report.remaining);
    this.report.durationMs = Date.now() - this.started;
    return this.report;
  }

  /**
   * The org policy rides along with the sender, which runs whenever hooks queue events and
   * `warden flush` runs. Not while the spool backs off: the server is known to be away, and
   * the last copy stays in force.
   */
  private async refreshOrgPolicy(): Promise<void> {
    if (this.options.orgPolicy !== true || this.options.server.backend !== 'warden') return;
    if (!this.options.force && readSpoolState(this.spoolDir).nextAttemptAt > Date.now()) return;
    const timeoutMs = Math.min(5000, this.timeLeft);
    if (timeoutMs <= 0) return;
    const { refreshOrgPolicy } = await import('../org/refresh-org-policy.js');
    const refresh = await refreshOrgPolicy({
      server: this.options.server,
      home: this.options.home ?? path.dirname(this.spoolDir),
      ...(this.options.env ? { env: this.options.env } : {}),
      ...(this.options.force ? { force: true } : {}),
      timeoutMs,
      ...(this.options.dispatcher ? { dispatcher: this.options.dispatcher } : {}),
      ...(this.options.signal ? { signal: this.options.signal } : {}),
    });
    this.report.orgPolicy = refresh;
    if (refresh.status === 'failed' && refresh.error)
      this.report.messages.push(
        `the org policy was not refreshed (the last copy stays in force): ${refresh.error}`,
      );
  }

  private async acquire(): Promise<LockHandle | undefined> {
    const lockPath = path.join(this.spoolDir, FLUSH_LOCK_FILE);
    const waitUntil = Date.now() + Math.min(this.options.waitForLockMs ?? 0, Math.max(0, this.timeLeft));
    for (;;) {
      const lock = tryAcquireLock({ path: lockPath, staleMs: FLUSH_LOCK_STALE_MS });
      if (lock || Date.now() >= waitUntil) return lock;
      await sleep(50);
    }
  }

  private saveState(state: SpoolState): void {
    this.state = state;
    writeSpoolState(this.spoolDir, state);
  }

  private async drain(lock: LockHandle): Promise<void> {
    this.state = readSpoolState(this.spoolDir);
    if (!this.options.force && this.state.nextAttemptAt > Date.now()) {
      this.report.stoppedBy = 'backoff';
      this.report.nextAttemptAt = new Date(this.state.nextAttemptAt).toISOString();
      if (this.state.lastError) this.report.error = this.state.lastError;
      return;
    }
    recoverTemporaryFiles(this.spoolDir, { olderThanMs: 30_000 });

    let idleSince = Date.now();
    // One listing serves many batches (listing a large queue is the expensive part); the queue is
    // listed again once this one is used up, which picks up what hooks added meanwhile.
    let pending: string[] = [];
    for (;;) {
      if (this.timeLeft <= 0 || this.aborted) {
        this.report.stoppedBy = 'budget';
        return;
      }
      if (pending.length === 0) {
        pending = listQueue(this.spoolDir);
        writeCountHint(this.spoolDir, pending.length);
        // The queue has room again: bring in what a full spool had to refuse.
        if (pending.length < this.options.ingest.maxSpoolEvents && this.backfill() > 0) {
          pending = listQueue(this.spoolDir);
          writeCountHint(this.spoolDir, pending.length);
        }
      }
      const names = pending.splice(0, this.options.ingest.batchSize);
      if (names.length === 0) {
        const linger = this.options.lingerMs ?? 0;
        if (Date.now() - idleSince < linger && this.timeLeft > LINGER_POLL_MS) {
          await sleep(LINGER_POLL_MS);
          lock.touch();
          continue;
        }
        this.report.stoppedBy = 'empty';
        return;
      }
      const entries = this.read(names);
      if (entries.length === 0) continue;
      this.backend ??= await createBackend({
        server: this.options.server,
        ...(this.options.dispatcher ? { dispatcher: this.options.dispatcher } : {}),
      });
      const failure = await this.send(entries);
      lock.touch();
      if (failure?.budget) {
        // Our own time ran out (a hook's small budget): not the server's fault, no backoff.
        this.report.stoppedBy = 'budget';
        return;
      }
      if (failure) {
        const failures = this.state.failures + 1;
        const delay = Math.max(
          // A server's Retry-After is honoured, up to our own longest backoff.
          Math.min(failure.retryAfterMs ?? 0, this.options.ingest.backoffMaxMs),
          backoffDelay({
            failures,
            baseMs: this.options.ingest.backoffBaseMs,
            maxMs: this.options.ingest.backoffMaxMs,
          }),
        );
        this.saveState({
          ...this.state,
          failures,
          nextAttemptAt: Date.now() + delay,
          lastError: failure.message,
          lastErrorAt: new Date().toISOString(),
        });
        this.report.stoppedBy = 'failed';
        this.report.error = failure.message;
        this.report.nextAttemptAt = new Date(this.state.nextAttemptAt).toISOString();
        return;
      }
      if (this.state.failures > 0 || this.state.nextAttemptAt > 0 || !this.state.lastSuccessAt) {
        const { lastError: _error, lastErrorAt: _at, ...rest } = this.state;
        this.saveState({ ...rest, failures: 0, nextAttemptAt: 0, lastSuccessAt: new Date().toISOString() });
      }
      idleSince = Date.now();
    }
  }

  /** Reads and validates queued files; unreadable ones go to dead/ with the reason. */
  private read(names: string[]): Entry[] {
    const entries: Entry[] = [];
    for (const name of names) {
      const read = readQueued(this.spoolDir, name);
      if (!read) continue;
      if (!read.ok) {
        deadLetter(this.spoolDir, name, `unreadable spool file: ${read.reason}`);
        this.report.deadLettered++;
        continue;
      }
      const parsed = wardenEventSchema.safeParse(read.event);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        deadLetter(this.spoolDir, name, `not a valid event: ${issue.path.join('.')}: ${issue.message}`);
        this.report.deadLettered++;
        continue;
      }
      entries.push({ name, event: parsed.data });
    }
    return entries;
  }

  /**
   * Sends the entries, splitting a batch the server finds too large or invalid, retrying
   * transient failures with jittered exponential backoff while the budget allows. Returns the
   * failure that made it stop, if any; whatever was not acknowledged stays queued.
   */
  private async send(
    entries: Entry[],
  ): Promise<{ message: string; retryAfterMs?: number; budget?: boolean } | undefined> {
    const groups: Entry[][] = [entries];
    while (groups.length > 0) {
      let group = groups.shift()!;
      for (let attempt = 1; ; attempt++) {
        if (this.timeLeft <= 0 || this.aborted) return { message: 'the time budget ran out', budget: true };
        this.report.requests++;
        let error: TransportError | undefined;
        // Whether this request's timeout is our remaining budget rather than the server's allowance.
        const cutByBudget = this.timeLeft < REQUEST_TIMEOUT_MS;
        try {
          const signal = AbortSignal.any([
            AbortSignal.timeout(Math.max(1, Math.min(this.timeLeft, REQUEST_TIMEOUT_MS))),
            ...(this.options.signal ? [this.options.signal] : []),
          ]);
          const outcome = await this.backend!.sendBatch({
            events: group.map((entry) => entry.event),
            signal,
          });
          const byId = new Map<string, string[]>();
          for (const entry of group)
            byId.set(entry.event.id, [...(byId.get(entry.event.id) ?? []), entry.name]);
          const done = [...outcome.accepted, ...outcome.duplicates].flatMap((id) => byId.get(id) ?? []);
          removeQueued(this.spoolDir, done);
          this.report.sent += outcome.accepted.length;
          this.report.duplicates += outcome.duplicates.length;
          for (const rejected of outcome.rejected) {
            for (const name of byId.get(rejected.id) ?? []) {
              deadLetter(this.spoolDir, name, `refused by the server: ${rejected.error}`);
              this.report.deadLettered++;
            }
          }
          if (outcome.retry.length === 0) break;
          const retryIds = new Set(outcome.retry.map((entry) => entry.id));
          group = group.filter((entry) => retryIds.has(entry.event.id));
          // Some got through: the server is up; the rest go again now, with the next batch.
          if (outcome.accepted.length + outcome.duplicates.length + outcome.rejected.length > 0) {
            groups.push(group);
            break;
          }
          error = new TransportError({ message: outcome.retry[0]!.error, isRetryable: true });
        } catch (caught) {
          error = TransportError.isInstance(caught)
            ? (caught as TransportError)
            : new TransportError({
                message: String((caught as Error)?.message ?? caught),
                isRetryable: true,
                cause: caught,
              });
        }

        const status = error.statusCode;
        if (status === 413 || (status === 400 && !error.isRetryable)) {
          if (group.length > 1) {
            const half = Math.ceil(group.length / 2);
            groups.unshift(group.slice(0, half), group.slice(half));
          } else {
            deadLetter(this.spoolDir, group[0]!.name, `refused by the server: ${error.message}`);
            this.report.deadLettered++;
          }
          break;
        }
        if ((cutByBudget && this.timeLeft <= 0) || this.aborted) {
          return {
            message: `the time budget ran out while waiting for the server (${error.message})`,
            budget: true,
          };
        }
        const retryAfterMs = error instanceof HttpStatusError ? error.retryAfterMs : undefined;
        // A bad token or a wrong URL will not fix itself within this flush.
        if (status === 401 || status === 403 || !error.isRetryable || attempt >= ATTEMPTS_PER_FLUSH) {
          return { message: error.message, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
        }
        const pause = Math.max(retryAfterMs ?? 0, Math.random() * Math.min(2000, 100 * 2 ** attempt));
        if (pause >= this.timeLeft) {
          return { message: error.message, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
        }
        await sleep(pause);
      }
    }
    return undefined;
  }

  /**
   * Events refused while the spool was full are rebuilt from the audit log and queued, as room
   * allows. Ones that are not in the audit log (auditing off) are reported as lost, by id.
   */
  private backfill(): number {
    const taken = takeOverflow(this.spoolDir);
    if (!taken) return 0;
    let queued = 0;
    const limits = {
      maxEvents: this.options.ingest.maxSpoolEvents,
      minFreeDiskBytes: this.options.ingest.minFreeDiskBytes,
    };
    const wanted = new Map<string, OverflowEntry>();
    for (const entry of taken.entries) wanted.set(entry.id, entry);
    let room = limits.maxEvents - listQueue(this.spoolDir).length;
    if (this.options.auditDir && wanted.size > 0 && room > 0) {
      const seqs = [...wanted.values()].map((entry) => entry.seq);
      const fromSeq = seqs.every((seq) => seq !== undefined) ? Math.min(...(seqs as number[])) : 1;
      for (const { record, hash } of readAuditLog({ auditDir: this.options.auditDir, fromSeq })) {
        if (room <= 0 || wanted.size === 0) break;
        if (!wanted.has(record.id)) continue;
        wanted.delete(record.id);
        const result = enqueueEvent({
          spoolDir: this.spoolDir,
          event: auditRecordToWardenEvent(record, hash),
          limits,
        });
        if (result.queued) {
          this.report.backfilled++;
          queued++;
          room--;
        }
        // Not queued: enqueueEvent put it back on the overflow list itself.
      }
    }
    if (wanted.size > 0) {
      if (room <= 0) {
        returnOverflow(this.spoolDir, [...wanted.values()], 'the spool is still full');
      } else {
        this.report.lost += wanted.size;
        this.report.messages.push(
          `${wanted.size} event(s) refused by a full spool are not in the audit log and cannot be sent: ${[...wanted.keys()].slice(0, 5).join(', ')}${wanted.size > 5 ? ', …' : ''}`,
        );
      }
    }
    taken.done();
    return queued;
  }
}

/**
 * Sends what the spool holds, in batches, until it is empty, the budget runs out, or the server
 * fails (then the shared backoff is set, so other processes leave it alone for a while). Only
 * one process sends at a time (flush.lock); a crash while sending loses nothing, since files are
 * removed only once the server acknowledged them. Never throws for network trouble.
 */
export async function flushSpool(options: FlushSpoolOptions): Promise<FlushReport> {
  return new Flush(options).run();
}
