import type { Store } from '../store/store.js';

const BATCH_SIZE = 5000;
/** At most this many batches per tenant per run, so one run never monopolises the database. */
const MAX_BATCHES_PER_RUN = 200;

/** Deletes every tenant's events older than its retention (aggregates stay). Returns how many went. */
export async function applyRetention(options: { store: Store; now?: Date }): Promise<number> {
  const now = options.now ?? new Date();
  let deleted = 0;
  for (const tenant of await options.store.listTenants()) {
    const { retentionDays } = await options.store.getSettings({ tenantId: tenant.id });
    if (!retentionDays || retentionDays <= 0) continue;
    const before = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
    for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
      const count = await options.store.deleteEventsBefore({
        tenantId: tenant.id,
        before,
        batchSize: BATCH_SIZE,
      });
      deleted += count;
      if (count < BATCH_SIZE) break;
      // Let requests in between batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return deleted;
}

/** Runs `applyRetention` shortly after start and then every `intervalMs` (0 disables it). */
export function startRetentionJob(options: {
  store: Store;
  intervalMs: number;
  onError?: (error: unknown) => void;
}): { stop(): void } {
  if (options.intervalMs <= 0) return { stop() {} };
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      await applyRetention({ store: options.store });
    } catch (error) {
      (
        options.onError ??
        ((cause) => process.stderr.write(`warden-server: retention run failed: ${String(cause)}\n`))
      )(error);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(run, 10_000);
  const timer = setInterval(run, options.intervalMs);
  first.unref();
  timer.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
