import type { AuditRecord } from '@warden/core';

/** Filters shared by `audit tail`, `query` and `export` (and sent as query parameters with `--server`). */
export interface AuditFilter {
  effect?: 'allow' | 'ask' | 'deny';
  agent?: string;
  session?: string;
  rule?: string;
  /** Epoch ms, inclusive. */
  since?: number;
  /** Epoch ms, exclusive. */
  until?: number;
}

export function matchesFilter(
  record: Pick<AuditRecord, 'effect' | 'agent' | 'session' | 'ruleId' | 'ts'>,
  filter: AuditFilter,
): boolean {
  if (filter.effect && record.effect !== filter.effect) return false;
  if (filter.agent && record.agent !== filter.agent) return false;
  if (filter.session && record.session !== filter.session) return false;
  if (filter.rule && record.ruleId !== filter.rule) return false;
  if (filter.since !== undefined || filter.until !== undefined) {
    const at = Date.parse(record.ts);
    if (filter.since !== undefined && !(at >= filter.since)) return false;
    if (filter.until !== undefined && !(at < filter.until)) return false;
  }
  return true;
}

const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/**
 * `2h`, `30m`, `7d` (that long before now) or an ISO date/time, to epoch ms. Throws a message
 * naming the accepted forms.
 */
export function parseTimeBound(value: string, now = Date.now()): number {
  const relative = /^(\d+)\s*([smhdw])$/.exec(value.trim());
  if (relative) return now - Number(relative[1]) * UNITS[relative[2]!]!;
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) {
    const at = Date.parse(value);
    if (!Number.isNaN(at)) return at;
  }
  throw new Error(
    `"${value}" is not a time: use a duration before now (30s, 15m, 2h, 7d, 1w) or an ISO date (2026-01-31, 2026-01-31T08:00:00Z)`,
  );
}

/** One line for a terminal: when, effect, agent, rule, what, why. */
export function formatRecordLine(record: AuditRecord): string {
  const action = record.actions[0];
  const resources = (action?.resources ?? {}) as Record<string, unknown>;
  const what =
    typeof resources.command === 'string'
      ? resources.command
      : Array.isArray(resources.paths)
        ? `${action?.kind} ${resources.paths.join(' ')}`
        : typeof resources.url === 'string'
          ? `${action?.kind} ${resources.url}`
          : (action?.kind ?? record.hookEvent);
  const oneLine = what.replace(/\s+/g, ' ').slice(0, 120);
  return `${record.ts}  ${record.effect.toUpperCase().padEnd(5)}  ${record.agent.padEnd(11)}  ${record.ruleId.padEnd(32)}  ${oneLine}${record.effect === 'allow' ? '' : `  — ${record.reason}`}`;
}
