import type { Dispatcher } from 'undici';
import type { BackendId, ServerSettings } from '../config/server-settings.js';
import type { Effect } from '../decision.js';
import type { Finding } from '../finding.js';
import type { WardenEvent } from './warden-protocol.js';

/** What became of each event of a batch. */
export interface BatchOutcome {
  /** Stored now. */
  accepted: string[];
  /** Stored before (an earlier delivery whose acknowledgement was lost). */
  duplicates: string[];
  /** Refused for good: set aside in dead/, with the reason. */
  rejected: Array<{ id: string; error: string }>;
  /** Not stored this time: kept and sent again. */
  retry: Array<{ id: string; error: string }>;
}

export interface RemoteVerdict {
  effect: Effect;
  reason?: string;
  ruleId?: string;
  /** Akto's behaviour (`block`, `warn`, `alert`, `approval`). */
  behaviour?: string;
  modified?: boolean;
  findings?: Finding[];
}

export interface HealthResult {
  ok: boolean;
  statusCode?: number;
  message: string;
}

/**
 * A server Warden reports to. Failures of a whole request are thrown as TransportError (with
 * `isRetryable`); per-event outcomes come back in BatchOutcome.
 */
export interface IngestBackend {
  readonly id: BackendId;
  sendBatch(options: { events: WardenEvent[]; signal: AbortSignal }): Promise<BatchOutcome>;
  /** A verdict on one event (unredacted, with the local decision in `event.decision`). */
  decide(options: { event: WardenEvent; budgetMs: number; signal: AbortSignal }): Promise<RemoteVerdict>;
  health(options: { signal: AbortSignal }): Promise<HealthResult>;
  close(): Promise<void>;
}

export interface CreateBackendOptions {
  server: ServerSettings;
  dispatcher?: Dispatcher;
}

/** Loads the backend's module (and undici) only now: nothing network-related is loaded before it is needed. */
export async function createBackend(options: CreateBackendOptions): Promise<IngestBackend> {
  if (options.server.backend === 'akto') {
    const { createAktoBackend } = await import('./akto/akto-backend.js');
    return createAktoBackend(options);
  }
  const { createWardenBackend } = await import('./warden-backend.js');
  return createWardenBackend(options);
}
