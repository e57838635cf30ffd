import { type AuditRecord, readAuditLog, type WardenEvent } from '@warden/core';
import { resolveAuditDir } from '../audit-dir.js';
import { type AuditFilter, formatRecordLine, matchesFilter } from '../audit-filter.js';
import { type CliResponse, fail, respond } from '../cli-response.js';
import type { CommandContext } from '../command-context.js';
import { queryServerEvents, ServerQueryError } from '../server-events.js';

export interface AuditQueryOptions {
  filter: AuditFilter;
  limit: number;
  dir?: string;
  server: boolean;
}

/** The local log's matching records, oldest first, at most `limit` (the newest ones). */
export async function readMatchingRecords(options: {
  env: NodeJS.ProcessEnv;
  dir?: string;
  filter: AuditFilter;
  limit: number;
}): Promise<{ auditDir: string; records: AuditRecord[] }> {
  const auditDir = await resolveAuditDir({ env: options.env, dir: options.dir });
  const records: AuditRecord[] = [];
  for (const { record } of readAuditLog({ auditDir })) {
    if (!matchesFilter(record, options.filter)) continue;
    records.push(record);
    if (records.length > options.limit) records.shift();
  }
  return { auditDir, records };
}

function formatServerEvent(event: WardenEvent): string {
  return formatRecordLine({
    ...event,
    effect: event.decision.effect,
    ruleId: event.decision.ruleId,
    reason: event.decision.reason,
  } as unknown as AuditRecord);
}

/**
 * `warden audit query --effect deny --since 2h --agent … --rule … --session …`: the matching
 * records of the local log, or with `--server` the team's events from the server's query API.
 * Exit 0 whether or not anything matched (an empty result is `[]`).
 */
export async function auditQueryCommand(
  options: AuditQueryOptions,
  context: CommandContext,
): Promise<CliResponse> {
  if (options.server) {
    try {
      const events = await queryServerEvents({
        env: context.env,
        filter: options.filter,
        limit: options.limit,
      });
      return respond({
        json: context.json,
        data: events,
        text: events.length ? events.map(formatServerEvent).join('\n') : 'No matching events on the server.',
      });
    } catch (error) {
      if (error instanceof ServerQueryError) return fail(error.message, error.exitCode, context.json);
      throw error;
    }
  }
  const { auditDir, records } = await readMatchingRecords({ env: context.env, ...options });
  return respond({
    json: context.json,
    data: records,
    text: records.length
      ? records.map((record) => formatRecordLine(record)).join('\n')
      : `No matching records in ${auditDir}.`,
  });
}
