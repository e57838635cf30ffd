import * as z from 'zod';
import type { EventCursor, EventFilter } from '../store/store.js';

const text = z.string().trim().max(500).optional().catch(undefined);

/** The filters of the events list, as they appear in its URL (shareable, and what the exports receive). */
export const eventFilterQuerySchema = z.object({
  agent: text,
  device: text,
  user: text,
  rule: text,
  effect: z.enum(['allow', 'ask', 'deny']).optional().catch(undefined),
  tool: text,
  session: text,
  /** `2026-12-07T10:00` (a datetime-local field, read as UTC) or a full ISO time. */
  since: text,
  until: text,
  q: text,
  cursor: text,
});
export type EventFilterQuery = z.infer<typeof eventFilterQuerySchema>;

export const FILTER_KEYS = [
  'agent',
  'device',
  'user',
  'rule',
  'effect',
  'tool',
  'session',
  'since',
  'until',
  'q',
] as const;

/**
 * Without a time range a text search covers this much (newest first). The search is indexed
 * (trigrams), but a common word combined with narrow filters still walks events newest first, and
 * the window keeps that bounded. Setting "From" searches further back.
 */
export const TEXT_SEARCH_DEFAULT_HOURS = 24;

export interface ParsedEventQuery {
  /** The values as typed, for refilling the form. */
  values: Partial<Record<(typeof FILTER_KEYS)[number], string>>;
  filter: EventFilter;
  cursor?: EventCursor;
  /** Problems to show next to the form (an unreadable time is ignored, not guessed). */
  problems: string[];
  /** Set when a text search was limited to the last TEXT_SEARCH_DEFAULT_HOURS (no "From" given). */
  searchWindowSince?: string;
}

function toIsoTime(value: string): string | undefined {
  const withZone = /(?:Z|[+-]\d\d:?\d\d)$/.test(value) ? value : `${value}Z`;
  const time = Date.parse(withZone);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

export function encodeCursor(cursor: EventCursor): string {
  return Buffer.from(JSON.stringify([cursor.ts, cursor.id])).toString('base64url');
}

function decodeCursor(value: string): EventCursor | undefined {
  try {
    const parsed = z
      .tuple([z.string(), z.string()])
      .safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    return parsed.success ? { ts: parsed.data[0], id: parsed.data[1] } : undefined;
  } catch {
    return undefined;
  }
}

/** Reads the events filters from a query string; nothing in it can make the query unbounded. */
export function parseEventQuery(
  query: Record<string, string | undefined>,
  options: { now?: Date } = {},
): ParsedEventQuery {
  const parsed = eventFilterQuerySchema.parse(query);
  const values: ParsedEventQuery['values'] = {};
  const filter: EventFilter = {};
  const problems: string[] = [];
  for (const key of FILTER_KEYS) {
    const value = parsed[key];
    if (value === undefined || value === '') continue;
    values[key] = value;
    if (key === 'since' || key === 'until') {
      const iso = toIsoTime(value);
      if (iso) filter[key] = iso;
      else
        problems.push(
          `"${value}" is not a time: use the date picker or an ISO time such as 2026-12-07T10:00.`,
        );
    } else if (key === 'q') {
      filter.q = value.toLowerCase();
    } else {
      filter[key] = value;
    }
  }
  let searchWindowSince: string | undefined;
  if (filter.q && !filter.since) {
    const now = options.now ?? new Date();
    searchWindowSince = new Date(now.getTime() - TEXT_SEARCH_DEFAULT_HOURS * 3_600_000).toISOString();
    filter.since = searchWindowSince;
  }
  const cursor = parsed.cursor ? decodeCursor(parsed.cursor) : undefined;
  return { values, filter, cursor, problems, ...(searchWindowSince ? { searchWindowSince } : {}) };
}

/** The query string of a filter (without cursor), for links that keep the current view. */
export function filterQueryString(
  values: ParsedEventQuery['values'],
  extra?: Record<string, string>,
): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = values[key];
    if (value) params.set(key, value);
  }
  for (const [key, value] of Object.entries(extra ?? {})) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}
