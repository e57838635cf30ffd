import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Dispatcher } from 'undici';
import { isStale, readLockOwner } from '../audit/lock-file.js';
import type { AuditAnchor } from '../audit/write-audit-record.js';
import type { WardenConfig } from '../config/load-config.js';
import type { Decision } from '../decision.js';
import type { GuardEvent } from '../guard-event.js';
import type { FlushReport } from './flush-spool.js';
import type { RemoteOutcome } from './remote-outcome.js';
import { enqueueEvent, FLUSH_LOCK_FILE, FLUSH_LOCK_STALE_MS, listQueue, readSpoolState } from './spool.js';
import { toWardenEvent } from './to-warden-event.js';
import type { WardenEvent } from './warden-protocol.js';

/**
 * How a hook hands its event to the server:
 * - `background` (default): queue it, and start a detached sender process if none is running;
 *   the hook spends no time on the network at all.
 * - `inline`: queue it and send in this process within `ingest.hookBudgetMs` (long-lived
 *   processes, and command hooks when no sender program can be found).
 * - `queue`: only queue it; the next hook, the next session or `warden flush` sends it.
 */
export type Delivery = 'background' | 'inline' | 'queue';

export interface DeliveryResult {
  queued: boolean;
  /** What was done about sending: a sender started, one already running, backing off, sent inline. */
  sender: 'spawned' | 'running' | 'backoff' | 'inline' | 'none';
  /** Something the user should be told (the spool is full, the event could not be queued). */
  message?: string;
  flush?: FlushReport;
  /** Time the hook spent on this, loading included (set by `guard`). */
  elapsedMs?: number;
}

/**
 * The program a background sender runs: `WARDEN_FLUSH_WORKER`, else a `flush-worker.cjs` shipped
 * next to the running script (hook bundles), else `@warden/core/flush-worker` as installed
 * beside the running script.
 */
export function resolveFlushWorker(env: NodeJS.ProcessEnv): string | undefined {
  const configured = env.WARDEN_FLUSH_WORKER?.trim();
  if (configured) return configured === 'none' ? undefined : configured;
  const script = process.argv[1] ? path.resolve(process.argv[1]) : undefined;
  if (script) {
    for (const name of ['flush-worker.cjs', 'flush-worker.js']) {
      const sibling = path.join(path.dirname(script), name);
      if (existsSync(sibling)) return sibling;
    }
  }
  try {
    return createRequire(script ?? path.join(process.cwd(), 'index.js')).resolve('@warden/core/flush-worker');
  } catch {
    return undefined;
  }
}

async function spawnWorker(worker: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  // getBuiltinModule loads the built-in synchronously: in a CommonJS hook bundle an `import()`
  // would start the ESM loader, tens of milliseconds. (Node 22.0-22.2 lack it: import then.)
  const { spawn } =
    (process.getBuiltinModule?.('node:child_process') as typeof import('node:child_process') | undefined) ??
    (await import('node:child_process'));
  try {
    const child = spawn(process.execPath, [worker], {
      detached: true,
      stdio: 'ignore',
      env,
      windowsHide: true,
    });
    child.on('error', () => undefined);
    child.unref();
    return child.pid !== undefined;
  } catch {
    return false;
  }
}

/**
 * Queues the event for the server and sees that it gets sent, without letting the network
 * delay the hook. Never throws: problems come back as a message for the user.
 */
export async function deliverEvent(options: {
  config: WardenConfig;
  event: GuardEvent;
  decision: Decision;
  remote?: RemoteOutcome | undefined;
  anchor?: AuditAnchor | undefined;
  /** What the server's fleet view needs to know about this hook (device, adapter, policy hash, latency). */
  client?: WardenEvent['client'];
  delivery?: Delivery;
  env: NodeJS.ProcessEnv;
  /** Epoch ms the hook must answer by; an inline send is cut to fit. */
  deadline?: number | undefined;
  dispatcher?: Dispatcher;
}): Promise<DeliveryResult> {
  const { config } = options;
  const server = config.server;
  const ingest = config.ingest;
  if (!server || !ingest?.enabled) return { queued: false, sender: 'none' };
  try {
    const wire = toWardenEvent({
      event: options.event,
      decision: options.decision,
      ...(options.remote ? { remote: options.remote } : {}),
      ...(options.anchor ? { anchor: options.anchor } : {}),
      ...(options.client ? { client: options.client } : {}),
    });
    const queued = enqueueEvent({
      spoolDir: ingest.spoolDir,
      event: wire,
      limits: { maxEvents: ingest.maxSpoolEvents, minFreeDiskBytes: ingest.minFreeDiskBytes },
    });
    const result: DeliveryResult = {
      queued: queued.queued,
      sender: 'none',
      ...(queued.queued ? {} : { message: queued.message }),
    };
    const delivery = options.delivery ?? 'background';
    if (delivery === 'queue') return result;

    if (readSpoolState(ingest.spoolDir).nextAttemptAt > Date.now()) return { ...result, sender: 'backoff' };
    const owner = readLockOwner(path.join(ingest.spoolDir, FLUSH_LOCK_FILE));
    if (owner && !isStale(owner, FLUSH_LOCK_STALE_MS)) return { ...result, sender: 'running' };
    if (!queued.queued && listQueue(ingest.spoolDir).length === 0) return result;

    if (delivery === 'background') {
      const worker = resolveFlushWorker(options.env);
      if (worker && (await spawnWorker(worker, options.env))) return { ...result, sender: 'spawned' };
    }
    const budgetMs = Math.min(
      ingest.hookBudgetMs,
      options.deadline !== undefined ? options.deadline - Date.now() - 20 : Number.POSITIVE_INFINITY,
    );
    if (budgetMs <= 0) return result;
    const { flushSpool } = await import('./flush-spool.js');
    const flush = await flushSpool({
      server,
      ingest,
      auditDir: config.auditEnabled ? config.auditDir : undefined,
      budgetMs,
      // The hook's small budget is for its events: the org policy is refreshed beside it, unawaited.
      ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
    });
    if (server.backend === 'warden') {
      void import('../org/refresh-org-policy.js')
        .then(({ refreshOrgPolicy }) =>
          refreshOrgPolicy({
            server,
            home: config.home,
            env: options.env,
            ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
          }),
        )
        .catch(() => undefined);
    }
    return { ...result, sender: 'inline', flush };
  } catch (error) {
    return {
      queued: false,
      sender: 'none',
      message: `warden: could not hand the event to the server's spool: ${(error as Error).message}`,
    };
  }
}
