import type { Context } from 'hono';
import type { Store, StoredEvent } from '../store/store.js';
import { parseEventQuery } from './event-filter-query.js';
import { eventSummary } from './event-summary.js';
import type { DashboardEnv } from './index.js';

/** An export is streamed page by page and stops here, so one click cannot dump the whole database. */
export const MAX_EXPORT_EVENTS = 100_000;
const PAGE_SIZE = 500;

const CSV_COLUMNS = [
  'id',
  'ts',
  'agent',
  'device',
  'user',
  'session',
  'hook_event',
  'phase',
  'tool',
  'effect',
  'policy_effect',
  'rule',
  'reason',
  'mode',
  'summary',
] as const;

/**
 * A CSV cell: quoted, quotes doubled, and a leading `=`, `+`, `-`, `@`, tab or CR prefixed with `'`
 * so a spreadsheet shows attacker-written text instead of running it as a formula.
 */
export function csvCell(value: string | undefined | null): string {
  let text = value ?? '';
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replaceAll('"', '""')}"`;
}

function csvRow(event: StoredEvent): string {
  const values: Record<(typeof CSV_COLUMNS)[number], string | undefined> = {
    id: event.id,
    ts: event.ts,
    agent: event.agent,
    device: event.client?.device ?? event.host?.name,
    user: event.host?.user,
    session: event.session,
    hook_event: event.hookEvent,
    phase: event.phase,
    tool: event.tool?.name,
    effect: event.decision.effect,
    policy_effect: event.decision.policyEffect,
    rule: event.decision.ruleId,
    reason: event.decision.reason,
    mode: event.decision.mode,
    summary: eventSummary(event).slice(0, 2000),
  };
  return `${CSV_COLUMNS.map((column) => csvCell(values[column])).join(',')}\r\n`;
}

/** `/events/export.csv` and `.ndjson`: exactly the events the same filters show, newest first, streamed. */
export function streamEventExport(options: {
  c: Context<DashboardEnv>;
  store: Store;
  format: 'csv' | 'ndjson';
  now: Date;
}): Response {
  const { c, store, format } = options;
  const user = c.get('user');
  const query = parseEventQuery(c.req.query(), { now: options.now });
  const encoder = new TextEncoder();
  let cursor = query.cursor;
  let sent = 0;
  let started = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!started) {
          started = true;
          if (format === 'csv') controller.enqueue(encoder.encode(`${CSV_COLUMNS.join(',')}\r\n`));
        }
        const page = await store.listEvents({
          tenantId: user.tenantId,
          filter: query.filter,
          ...(cursor ? { cursor } : {}),
          limit: Math.min(PAGE_SIZE, MAX_EXPORT_EVENTS - sent),
        });
        const text = page.events
          .map((event) => (format === 'csv' ? csvRow(event) : `${JSON.stringify(event)}\n`))
          .join('');
        if (text) controller.enqueue(encoder.encode(text));
        sent += page.events.length;
        cursor = page.next;
        if (!cursor || sent >= MAX_EXPORT_EVENTS || page.events.length === 0) controller.close();
      } catch (error) {
        controller.error(error);
      }
    },
  });
  const stamp = options.now.toISOString().replace(/[:.]/g, '-');
  return new Response(body, {
    headers: {
      'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
      'Content-Disposition': `attachment; filename="warden-events-${stamp}.${format}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
