import path from 'node:path';
import { flushSpool, listQueue, loadConfig, resolveWardenHome } from '@warden/core';
import { type CliResponse, EXIT, fail, plural, respond } from '../cli-response.js';
import type { CommandContext } from '../command-context.js';

export interface FlushCommandOptions {
  timeoutMs: number;
}

/**
 * `warden flush`: sends what the spool holds now, ignoring the shared backoff, and waits for a
 * background sender that is already at it. Exit 0 when nothing is left waiting.
 */
export async function flushCommand(
  options: FlushCommandOptions,
  context: CommandContext,
): Promise<CliResponse> {
  const { json } = context;
  let config: Awaited<ReturnType<typeof loadConfig>>;
  try {
    config = await loadConfig({ env: context.env });
  } catch (error) {
    return fail(`the configuration is invalid: ${(error as Error).message}`, EXIT.environment, json);
  }
  if (!config.server || !config.ingest) {
    const waiting = listQueue(path.join(resolveWardenHome({ env: context.env }), 'spool')).length;
    const hint = 'set WARDEN_SERVER_URL (or AKTO_DATA_INGESTION_URL), or `server:` in config.yaml';
    if (waiting === 0)
      return respond({
        json,
        data: { sent: 0, remaining: 0, server: null },
        text: `No server is configured (${hint}); nothing to send.`,
      });
    return fail(
      `${plural(waiting, 'event')} waiting in the spool, but no server is configured: ${hint}.`,
      EXIT.environment,
      json,
    );
  }
  if (!config.ingest.enabled) {
    return respond({
      json,
      data: { sent: 0, ingest: false },
      text: 'Ingestion is switched off (WARDEN_INGEST or ingest.enabled); nothing sent.',
    });
  }

  const report = await flushSpool({
    server: config.server,
    ingest: config.ingest,
    auditDir: config.auditEnabled ? config.auditDir : undefined,
    budgetMs: options.timeoutMs,
    force: true,
    waitForLockMs: options.timeoutMs,
  });
  const exitCode = report.remaining === 0 && report.lost === 0 && report.stoppedBy !== 'failed' ? 0 : 1;
  if (json) return { stdout: `${JSON.stringify(report, null, 2)}\n`, stderr: '', exitCode };

  const lines = [
    `Sent ${plural(report.sent, 'event')} to ${config.server.url}${report.duplicates ? ` (${report.duplicates} it already had)` : ''}.`,
  ];
  if (report.backfilled)
    lines.push(
      `${plural(report.backfilled, 'event')} the full spool had refused were rebuilt from the audit log.`,
    );
  if (report.deadLettered)
    lines.push(
      `${plural(report.deadLettered, 'event')} refused by the server for good, kept in ${config.ingest.spoolDir}/dead with the reason.`,
    );
  for (const message of report.messages) lines.push(message);
  if (report.remaining === 0) lines.push('Nothing is waiting.');
  else {
    const why =
      report.stoppedBy === 'failed'
        ? `the server failed: ${report.error}`
        : report.stoppedBy === 'locked'
          ? 'another process kept sending past the time limit'
          : `the time limit (${options.timeoutMs} ms) ran out`;
    lines.push(`${plural(report.remaining, 'event')} still waiting in the spool: ${why}.`);
    if (report.nextAttemptAt)
      lines.push(`Hooks will try again after ${report.nextAttemptAt}; \`warden flush\` tries now.`);
  }
  return exitCode === 0
    ? { stdout: `${lines.join('\n')}\n`, stderr: '', exitCode }
    : { stdout: '', stderr: `${lines.join('\n')}\n`, exitCode };
}
