import type { Generated } from 'kysely';

/**
 * Every table of the server, for both SQLite and PostgreSQL. Times are ISO-8601 UTC strings
 * (`toISOString()`, so text order is time order in both dialects); hour buckets are the ISO
 * string of the hour's start. Booleans are 0/1 integers, JSON is text.
 */
export interface Database {
  tenants: TenantsTable;
  tokens: TokensTable;
  events: EventsTable;
  devices: DevicesTable;
  device_hourly: DeviceHourlyTable;
  stats_effect_hourly: StatsEffectHourlyTable;
  stats_rule_hourly: StatsRuleHourlyTable;
  stats_tool_hourly: StatsToolHourlyTable;
  stats_latency_hourly: StatsLatencyHourlyTable;
  denial_groups: DenialGroupsTable;
  org_policy: OrgPolicyTable;
  org_policy_history: OrgPolicyHistoryTable;
  suspensions: SuspensionsTable;
  anchors: AnchorsTable;
  tenant_settings: TenantSettingsTable;
}

export interface TenantsTable {
  id: string;
  name: string;
  created_at: string;
}

export interface TokensTable {
  id: string;
  tenant_id: string;
  role: 'device' | 'viewer' | 'admin';
  name: string;
  /** The first characters of the token (not secret, not enough to use it): for listing. */
  prefix: string;
  /** SHA-256 hex of the whole token. The token itself is never stored. */
  hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  /** A device token bound to one device (`eventDevice`); null for a fleet token and other roles. */
  device: string | null;
}

/**
 * On SQLite the table also has `seq integer primary key` (the rowid the `events_fts` trigram
 * index points at, filled by SQLite); PostgreSQL has no such column, so it is not typed here.
 */
export interface EventsTable {
  tenant_id: string;
  id: string;
  ts: string;
  received_at: string;
  agent: string;
  session: string;
  device: string;
  user: string | null;
  hook_event: string;
  phase: string;
  tool: string | null;
  effect: string;
  policy_effect: string;
  rule_id: string;
  mode: string;
  failure: number;
  audit_seq: number | null;
  audit_hash: string | null;
  latency_ms: number | null;
  adapter: string | null;
  policy_hash: string | null;
  /** Lower-cased, bounded text that `q` searches (prompt, command, paths, reason). */
  search_text: string;
  /** The event as received (WardenEvent JSON). */
  body: string;
}

export interface DevicesTable {
  tenant_id: string;
  device: string;
  agent: string;
  user: string | null;
  first_seen: string;
  last_seen: string;
  adapter: string | null;
  policy_hash: string | null;
  org_policy_etag: string | null;
  mode: string | null;
  event_count: number;
}

export interface DeviceHourlyTable {
  tenant_id: string;
  bucket: string;
  device: string;
  agent: string;
  events: number;
  /** Decisions taken by the failure policy. */
  failures: number;
  /** Hook errors the client reported (a failure decision whose error is not a timeout). */
  errors: number;
}

export interface StatsEffectHourlyTable {
  tenant_id: string;
  bucket: string;
  agent: string;
  effect: string;
  count: number;
}

export interface StatsRuleHourlyTable {
  tenant_id: string;
  bucket: string;
  agent: string;
  rule_id: string;
  effect: string;
  count: number;
}

export interface StatsToolHourlyTable {
  tenant_id: string;
  bucket: string;
  agent: string;
  tool: string;
  count: number;
}

export interface StatsLatencyHourlyTable {
  tenant_id: string;
  bucket: string;
  agent: string;
  /** Log-scale bin index (see `latencyBin`). */
  bin: number;
  count: number;
}

export interface DenialGroupsTable {
  tenant_id: string;
  rule_id: string;
  device: string;
  agent: string;
  count: number;
  first_seen: string;
  last_seen: string;
  last_event_id: string;
  last_reason: string;
  severity: string;
  triage_state: string;
  triage_by: string | null;
  triage_at: string | null;
  /** When an acknowledged group's denial came back (the event's time); null once triaged again. */
  reopened_at: string | null;
}

export interface OrgPolicyTable {
  tenant_id: string;
  yaml: string;
  policy_json: string;
  etag: string;
  updated_by: string;
  updated_at: string;
}

export interface OrgPolicyHistoryTable {
  id: Generated<number>;
  tenant_id: string;
  yaml: string;
  etag: string;
  updated_by: string;
  updated_at: string;
}

export interface SuspensionsTable {
  tenant_id: string;
  /** 'tenant', or 'device' with `device` set. */
  scope: 'tenant' | 'device';
  /** '' for a tenant-wide suspension (part of the primary key). */
  device: string;
  reason: string;
  since: string;
  created_by: string;
}

export interface AnchorsTable {
  tenant_id: string;
  device: string;
  seq: number;
  hash: string;
  event_id: string;
  ts: string;
}

export interface TenantSettingsTable {
  tenant_id: string;
  retention_days: number | null;
  silent_after_seconds: number | null;
}
