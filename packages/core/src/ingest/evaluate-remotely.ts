import type { Dispatcher } from 'undici';
import type { ServerSettings } from '../config/server-settings.js';
import type { Decision } from '../decision.js';
import { TransportError } from '../errors.js';
import type { GuardEvent } from '../guard-event.js';
import { createBackend, type IngestBackend, type RemoteVerdict } from './backend.js';
import type { RemoteOutcome } from './remote-outcome.js';
import { toWardenEvent } from './to-warden-event.js';

// Long-lived processes (the Agent SDK, `warden serve`) keep one backend, and so one keep-alive
// pool, per server. undici unreferences idle sockets, so the cache never holds a process open.
const backends = new Map<string, Promise<IngestBackend>>();

function cachedBackend(server: ServerSettings): Promise<IngestBackend> {
  const key = `${server.backend} ${server.url}`;
  let backend = backends.get(key);
  if (!backend) {
    backend = createBackend({ server });
    backends.set(key, backend);
    backend.catch(() => backends.delete(key));
  }
  return backend;
}

/** Closes the cached connections (tests, and embedders shutting down). */
export async function closeRemoteBackends(): Promise<void> {
  const all = [...backends.values()];
  backends.clear();
  await Promise.all(all.map(async (backend) => (await backend).close().catch(() => undefined)));
}

export interface EvaluateRemotelyOptions {
  server: ServerSettings;
  event: GuardEvent;
  /** The local decision; sent along so the server knows what the client decided. */
  decision: Decision;
  /** Everything (loading the client, connecting, the answer) must fit in this. */
  budgetMs: number;
  dispatcher?: Dispatcher;
  backend?: IngestBackend;
}

export interface RemoteEvaluation {
  outcome: RemoteOutcome;
  verdict?: RemoteVerdict;
}

/**
 * Asks the configured server for a verdict within a strict budget. Never throws: a timeout or
 * an error comes back as an outcome, for the failure policy to decide on.
 */
export async function evaluateRemotely(options: EvaluateRemotelyOptions): Promise<RemoteEvaluation> {
  const started = Date.now();
  const backendId = options.server.backend;
  const elapsed = () => Date.now() - started;
  if (options.budgetMs <= 0) {
    return {
      outcome: {
        backend: backendId,
        status: 'timeout',
        error: 'no time left before the hook deadline',
        latencyMs: 0,
      },
    };
  }
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve('timeout');
    }, options.budgetMs);
  });
  const ask = (async () => {
    const backend =
      options.backend ??
      (options.dispatcher
        ? await createBackend({ server: options.server, dispatcher: options.dispatcher })
        : await cachedBackend(options.server));
    try {
      return await backend.decide({
        event: toWardenEvent({ event: options.event, decision: options.decision, redact: false }),
        budgetMs: options.budgetMs,
        signal: controller.signal,
      });
    } finally {
      if (options.dispatcher && !options.backend) void backend.close().catch(() => undefined);
    }
  })();
  ask.catch(() => undefined);

  try {
    const result = await Promise.race([ask, timeout]);
    if (result === 'timeout') {
      return {
        outcome: {
          backend: backendId,
          status: 'timeout',
          error: `no verdict within ${options.budgetMs} ms`,
          latencyMs: elapsed(),
        },
      };
    }
    return {
      verdict: result,
      outcome: {
        backend: backendId,
        status: 'ok',
        effect: result.effect,
        ...(result.reason ? { reason: result.reason } : {}),
        ...(result.ruleId ? { ruleId: result.ruleId } : {}),
        ...(result.behaviour ? { behaviour: result.behaviour } : {}),
        ...(result.modified ? { modified: true } : {}),
        latencyMs: elapsed(),
      },
    };
  } catch (error) {
    const aborted = controller.signal.aborted;
    return {
      outcome: {
        backend: backendId,
        status: aborted ? 'timeout' : 'error',
        error: aborted
          ? `no verdict within ${options.budgetMs} ms`
          : TransportError.isInstance(error) || error instanceof Error
            ? error.message
            : String(error),
        latencyMs: elapsed(),
      },
    };
  } finally {
    clearTimeout(timer);
  }
}
