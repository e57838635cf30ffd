import type { WardenEvent } from '@warden/core';
import type { Database, EventsTable } from '../db/schema.js';
import { hourBucket, isHookError, latencyBin } from './event-row.js';

export interface AggregateRows {
  effects: Database['stats_effect_hourly'][];
  rules: Database['stats_rule_hourly'][];
  tools: Database['stats_tool_hourly'][];
  latency: Database['stats_latency_hourly'][];
  hourly: Database['device_hourly'][];
  devices: Database['devices'][];
  denials: Database['denial_groups'][];
  anchors: Database['anchors'][];
}

/** Rows in key order: concurrent transactions on PostgreSQL take row locks in one order (no deadlock). */
function sorted<T>(map: Map<string, T>): T[] {
  return [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, value]) => value);
}

function add<T extends { count: number }>(map: Map<string, T>, key: string, create: () => T): void {
  const entry = map.get(key);
  if (entry) entry.count++;
  else map.set(key, create());
}

/** What the inserted events add to each pre-aggregated table, one row per key. */
export function groupAggregates(
  tenantId: string,
  rows: Array<{ row: EventsTable; event: WardenEvent }>,
): AggregateRows {
  const effects = new Map<string, Database['stats_effect_hourly']>();
  const rules = new Map<string, Database['stats_rule_hourly']>();
  const tools = new Map<string, Database['stats_tool_hourly']>();
  const latency = new Map<string, Database['stats_latency_hourly']>();
  const hourly = new Map<string, Database['device_hourly']>();
  const devices = new Map<string, Database['devices']>();
  const denials = new Map<string, Database['denial_groups']>();
  const anchors = new Map<string, Database['anchors']>();

  for (const { row, event } of rows) {
    const bucket = hourBucket(row.ts);
    const { agent, device } = row;
    add(effects, `${bucket}\u0000${agent}\u0000${row.effect}`, () => ({
      tenant_id: tenantId,
      bucket,
      agent,
      effect: row.effect,
      count: 1,
    }));
    if (row.rule_id !== 'default')
      add(rules, `${bucket}\u0000${agent}\u0000${row.rule_id}\u0000${row.policy_effect}`, () => ({
        tenant_id: tenantId,
        bucket,
        agent,
        rule_id: row.rule_id,
        effect: row.policy_effect,
        count: 1,
      }));
    if (row.tool) {
      const tool = row.tool;
      add(tools, `${bucket}\u0000${agent}\u0000${tool}`, () => ({
        tenant_id: tenantId,
        bucket,
        agent,
        tool,
        count: 1,
      }));
    }
    if (row.latency_ms !== null) {
      const bin = latencyBin(row.latency_ms);
      add(latency, `${bucket}\u0000${agent}\u0000${bin}`, () => ({
        tenant_id: tenantId,
        bucket,
        agent,
        bin,
        count: 1,
      }));
    }
    const hourKey = `${bucket}\u0000${device}\u0000${agent}`;
    const hour = hourly.get(hourKey) ?? {
      tenant_id: tenantId,
      bucket,
      device,
      agent,
      events: 0,
      failures: 0,
      errors: 0,
    };
    hour.events++;
    hour.failures += row.failure;
    if (isHookError(event)) hour.errors++;
    hourly.set(hourKey, hour);

    const deviceKey = `${device}\u0000${agent}`;
    const known = devices.get(deviceKey);
    if (!known || row.ts >= known.last_seen) {
      devices.set(deviceKey, {
        tenant_id: tenantId,
        device,
        agent,
        user: row.user,
        first_seen: known && known.first_seen < row.ts ? known.first_seen : row.ts,
        last_seen: row.ts,
        adapter: row.adapter,
        policy_hash: row.policy_hash,
        org_policy_etag: event.client?.orgPolicyEtag ?? null,
        mode: row.mode,
        event_count: (known?.event_count ?? 0) + 1,
      });
    } else {
      known.event_count++;
      if (row.ts < known.first_seen) known.first_seen = row.ts;
    }

    if (row.policy_effect === 'deny' || row.policy_effect === 'ask') {
      const denialKey = `${row.rule_id}\u0000${device}\u0000${agent}`;
      const group = denials.get(denialKey);
      if (!group || row.ts >= group.last_seen) {
        denials.set(denialKey, {
          tenant_id: tenantId,
          rule_id: row.rule_id,
          device,
          agent,
          count: (group?.count ?? 0) + 1,
          first_seen: group && group.first_seen < row.ts ? group.first_seen : row.ts,
          last_seen: row.ts,
          last_event_id: row.id,
          last_reason: event.decision.reason.slice(0, 500),
          severity: row.policy_effect === 'deny' || group?.severity === 'high' ? 'high' : 'medium',
          triage_state: 'open',
          triage_by: null,
          triage_at: null,
          reopened_at: null,
        });
      } else {
        group.count++;
        if (row.ts < group.first_seen) group.first_seen = row.ts;
        if (row.policy_effect === 'deny') group.severity = 'high';
      }
    }
    if (row.audit_seq !== null && row.audit_hash !== null)
      anchors.set(`${device}\u0000${String(row.audit_seq).padStart(16, '0')}`, {
        tenant_id: tenantId,
        device,
        seq: row.audit_seq,
        hash: row.audit_hash,
        event_id: row.id,
        ts: row.ts,
      });
  }
  return {
    effects: sorted(effects),
    rules: sorted(rules),
    tools: sorted(tools),
    latency: sorted(latency),
    hourly: sorted(hourly),
    devices: sorted(devices),
    denials: sorted(denials),
    anchors: sorted(anchors),
  };
}

const REOPENS =
  "denial_groups.triage_state in ('acknowledged', 'resolved') and (denial_groups.triage_at is null or excluded.last_seen > denial_groups.triage_at)";

const newer = (column: string) =>
  `case when excluded.last_seen >= devices.last_seen then excluded.${column} else devices.${column} end`;

/**
 * The upsert clause of each aggregate table, shared by the Kysely path and the prepared
 * statements of the SQLite fast path (identical SQL in both dialects).
 */
export const AGGREGATE_UPSERTS = {
  stats_effect_hourly: {
    columns: ['tenant_id', 'bucket', 'agent', 'effect', 'count'],
    conflict: ['tenant_id', 'bucket', 'agent', 'effect'],
    set: { count: 'stats_effect_hourly.count + excluded.count' },
  },
  stats_rule_hourly: {
    columns: ['tenant_id', 'bucket', 'agent', 'rule_id', 'effect', 'count'],
    conflict: ['tenant_id', 'bucket', 'agent', 'rule_id', 'effect'],
    set: { count: 'stats_rule_hourly.count + excluded.count' },
  },
  stats_tool_hourly: {
    columns: ['tenant_id', 'bucket', 'agent', 'tool', 'count'],
    conflict: ['tenant_id', 'bucket', 'agent', 'tool'],
    set: { count: 'stats_tool_hourly.count + excluded.count' },
  },
  stats_latency_hourly: {
    columns: ['tenant_id', 'bucket', 'agent', 'bin', 'count'],
    conflict: ['tenant_id', 'bucket', 'agent', 'bin'],
    set: { count: 'stats_latency_hourly.count + excluded.count' },
  },
  device_hourly: {
    columns: ['tenant_id', 'bucket', 'device', 'agent', 'events', 'failures', 'errors'],
    conflict: ['tenant_id', 'bucket', 'device', 'agent'],
    set: {
      events: 'device_hourly.events + excluded.events',
      failures: 'device_hourly.failures + excluded.failures',
      errors: 'device_hourly.errors + excluded.errors',
    },
  },
  devices: {
    columns: [
      'tenant_id',
      'device',
      'agent',
      'user',
      'first_seen',
      'last_seen',
      'adapter',
      'policy_hash',
      'org_policy_etag',
      'mode',
      'event_count',
    ],
    conflict: ['tenant_id', 'device', 'agent'],
    set: {
      user: `coalesce(${newer('"user"')}, devices."user")`,
      adapter: `coalesce(${newer('adapter')}, devices.adapter)`,
      policy_hash: `coalesce(${newer('policy_hash')}, devices.policy_hash)`,
      org_policy_etag: `coalesce(${newer('org_policy_etag')}, devices.org_policy_etag)`,
      mode: newer('mode'),
      first_seen:
        'case when excluded.first_seen < devices.first_seen then excluded.first_seen else devices.first_seen end',
      last_seen:
        'case when excluded.last_seen > devices.last_seen then excluded.last_seen else devices.last_seen end',
      event_count: 'devices.event_count + excluded.event_count',
    },
  },
  denial_groups: {
    columns: [
      'tenant_id',
      'rule_id',
      'device',
      'agent',
      'count',
      'first_seen',
      'last_seen',
      'last_event_id',
      'last_reason',
      'severity',
      'triage_state',
      'triage_by',
      'triage_at',
      'reopened_at',
    ],
    conflict: ['tenant_id', 'rule_id', 'device', 'agent'],
    set: {
      count: 'denial_groups.count + excluded.count',
      first_seen:
        'case when excluded.first_seen < denial_groups.first_seen then excluded.first_seen else denial_groups.first_seen end',
      last_seen:
        'case when excluded.last_seen > denial_groups.last_seen then excluded.last_seen else denial_groups.last_seen end',
      last_event_id:
        'case when excluded.last_seen >= denial_groups.last_seen then excluded.last_event_id else denial_groups.last_event_id end',
      last_reason:
        'case when excluded.last_seen >= denial_groups.last_seen then excluded.last_reason else denial_groups.last_reason end',
      severity: "case when excluded.severity = 'high' then 'high' else denial_groups.severity end",
      // The triage state machine: an acknowledged group whose denial comes back (an event newer
      // than the acknowledgement) is open again and says when; an ignored group stays ignored; a
      // late event from before the acknowledgement (a spool catching up) reopens nothing.
      // 'resolved' is no state the dashboard sets; older databases may hold it: treated alike.
      triage_state: `case when ${REOPENS} then 'open' else denial_groups.triage_state end`,
      reopened_at: `case when ${REOPENS} then excluded.last_seen else denial_groups.reopened_at end`,
    },
  },
  anchors: {
    columns: ['tenant_id', 'device', 'seq', 'hash', 'event_id', 'ts'],
    conflict: ['tenant_id', 'device', 'seq'],
    set: {},
  },
} as const satisfies Record<
  string,
  { columns: readonly string[]; conflict: readonly string[]; set: Record<string, string> }
>;

export type AggregateTable = keyof typeof AGGREGATE_UPSERTS;

export const AGGREGATE_TABLES: Array<[AggregateTable, keyof AggregateRows]> = [
  ['stats_effect_hourly', 'effects'],
  ['stats_rule_hourly', 'rules'],
  ['stats_tool_hourly', 'tools'],
  ['stats_latency_hourly', 'latency'],
  ['device_hourly', 'hourly'],
  ['devices', 'devices'],
  ['denial_groups', 'denials'],
  ['anchors', 'anchors'],
];

/** The single-row upsert statement of a table (for prepared statements). */
export function upsertSql(table: AggregateTable, rows = 1): string {
  const spec = AGGREGATE_UPSERTS[table];
  const quoted = spec.columns.map((column) => (column === 'user' ? '"user"' : column));
  const tuple = `(${spec.columns.map(() => '?').join(', ')})`;
  const sets = Object.entries(spec.set).map(
    ([column, expression]) => `${column === 'user' ? '"user"' : column} = ${expression}`,
  );
  return `insert into ${table} (${quoted.join(', ')}) values ${Array.from({ length: rows }, () => tuple).join(', ')} on conflict (${spec.conflict.join(', ')}) do ${sets.length ? `update set ${sets.join(', ')}` : 'nothing'}`;
}
