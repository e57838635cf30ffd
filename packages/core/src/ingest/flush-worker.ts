// The background sender: `node flush-worker.cjs`, started detached by a hook that queued an
// event and found no sender running. It drains the spool (keeping its connection warm for a
// few seconds in case more events come), then exits. Everything it needs comes from the
// environment and $WARDEN_HOME, like the hook that started it.
import { loadConfig } from '../config/load-config.js';
import { flushSpool } from './flush-spool.js';

async function main(): Promise<void> {
  const config = await loadConfig();
  if (!config.server || !config.ingest?.enabled) return;
  // Belt and braces: whatever happens, this process does not outlive its budget by much.
  setTimeout(() => process.exit(0), config.ingest.workerTimeoutMs + 5000).unref();
  await flushSpool({
    server: config.server,
    ingest: config.ingest,
    auditDir: config.auditEnabled ? config.auditDir : undefined,
    budgetMs: config.ingest.workerTimeoutMs,
    lingerMs: config.ingest.workerLingerMs,
    home: config.home,
    orgPolicy: true,
  });
}

main().then(
  () => process.exit(0),
  () => process.exit(1),
);
