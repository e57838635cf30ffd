import { type AuditRecord, readAuditLog, readHead } from '@warden/core';
import { resolveAuditDir } from '../audit-dir.js';
import { type AuditFilter, formatRecordLine, matchesFilter } from '../audit-filter.js';
import { type CliResponse, respond } from '../cli-response.js';
import type { CommandContext } from '../command-context.js';

export interface AuditTailOptions {
  lines: number;
  follow: boolean;
  dir?: string;
  filter: AuditFilter;
  /** How often `-f` looks for new records. */
  pollMs?: number;
}

const render = (record: AuditRecord, json: boolean) =>
  json ? `${JSON.stringify(record)}\n` : `${formatRecordLine(record)}\n`;

/**
 * `warden audit tail [-n N] [-f]`: the last records of the local log; `-f` keeps printing new
 * ones (one JSON object a line with `--json`) until interrupted.
 */
export async function auditTailCommand(
  options: AuditTailOptions,
  context: CommandContext,
): Promise<CliResponse> {
  const auditDir = await resolveAuditDir({ env: context.env, dir: options.dir });
  const last: AuditRecord[] = [];
  let seq = 0;
  for (const { record } of readAuditLog({ auditDir })) {
    seq = record.seq;
    if (!matchesFilter(record, options.filter)) continue;
    last.push(record);
    if (last.length > options.lines) last.shift();
  }
  if (!options.follow) {
    return respond({
      json: context.json,
      data: last,
      text: last.length
        ? last.map((record) => formatRecordLine(record)).join('\n')
        : `No matching records in ${auditDir}.`,
    });
  }
  const write = context.write ?? ((text: string) => process.stdout.write(text));
  for (const record of last) write(render(record, context.json));
  const signal = context.signal ?? new AbortController().signal;
  while (!signal.aborted) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, options.pollMs ?? 500);
      signal.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          resolve();
        },
        { once: true },
      );
    });
    if ((readHead(auditDir)?.seq ?? 0) <= seq) continue;
    for (const { record } of readAuditLog({ auditDir, fromSeq: seq + 1 })) {
      seq = record.seq;
      if (matchesFilter(record, options.filter)) write(render(record, context.json));
    }
  }
  return { stdout: '', stderr: '', exitCode: 0 };
}
