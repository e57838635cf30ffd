import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AuditRecord } from '@warden/core';
import type { AuditFilter } from '../audit-filter.js';
import { type CliResponse, EXIT, fail, plural, respond } from '../cli-response.js';
import type { CommandContext } from '../command-context.js';
import { readMatchingRecords } from './audit-query.js';

export interface AuditExportOptions {
  format: 'csv' | 'ndjson';
  filter: AuditFilter;
  limit: number;
  dir?: string;
  /** A file to write; default standard output. */
  output?: string;
}

export const CSV_COLUMNS = [
  'seq',
  'ts',
  'agent',
  'session',
  'hookEvent',
  'phase',
  'tool',
  'effect',
  'policyEffect',
  'ruleId',
  'mode',
  'action',
  'target',
  'reason',
  'findings',
  'cwd',
] as const;

/** RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so a spreadsheet does not run it. */
function csvCell(value: unknown): string {
  let text = value === undefined || value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvRow(record: AuditRecord): string {
  const action = record.actions[0];
  const resources = (action?.resources ?? {}) as Record<string, unknown>;
  const target =
    resources.command ??
    (Array.isArray(resources.paths) ? resources.paths.join(' ') : undefined) ??
    resources.url ??
    '';
  const cells: Record<(typeof CSV_COLUMNS)[number], unknown> = {
    seq: record.seq,
    ts: record.ts,
    agent: record.agent,
    session: record.session,
    hookEvent: record.hookEvent,
    phase: record.phase,
    tool: record.tool,
    effect: record.effect,
    policyEffect: record.policyEffect,
    ruleId: record.ruleId,
    mode: record.mode,
    action: action?.kind,
    target,
    reason: record.reason,
    findings: record.findings.map((finding) => finding.id).join(' '),
    cwd: record.cwd,
  };
  return CSV_COLUMNS.map((column) => csvCell(cells[column])).join(',');
}

/**
 * `warden audit export --format csv|ndjson [--output FILE]`: the matching records of the local
 * log (already redacted when written). With `--json` and no `--output`, a JSON array.
 */
export async function auditExportCommand(
  options: AuditExportOptions,
  context: CommandContext,
): Promise<CliResponse> {
  const { records } = await readMatchingRecords({ env: context.env, ...options });
  const body =
    options.format === 'csv'
      ? `${[CSV_COLUMNS.join(','), ...records.map(csvRow)].join('\r\n')}\r\n`
      : records.map((record) => `${JSON.stringify(record)}\n`).join('');
  if (options.output) {
    const file = path.resolve(context.cwd, options.output);
    try {
      writeFileSync(file, body, { mode: 0o600 });
    } catch (error) {
      return fail(
        `cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
        EXIT.environment,
        context.json,
      );
    }
    return respond({
      json: context.json,
      data: { file, format: options.format, records: records.length },
      text: `Wrote ${plural(records.length, 'record')} to ${file} (${options.format}).`,
    });
  }
  if (context.json) return respond({ json: true, data: records, text: '' });
  return { stdout: body, stderr: '', exitCode: 0 };
}
