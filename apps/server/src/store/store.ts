import type { Effect, Suspension, WardenEvent } from '@warden/core';

export type Role = 'device' | 'viewer' | 'admin';

export interface Tenant {
  id: string;
  name: string;
  createdAt: string;
}

export interface TokenRecord {
  id: string;
  tenantId: string;
  tenantName: string;
  role: Role;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  /** The device a device token is bound to (it ingests and reads anchors for that device only); null when unbound. */
  device: string | null;
}

/** A stored event as the query API returns it. */
export type StoredEvent = WardenEvent & { receivedAt: string };

export interface IngestResult {
  accepted: string[];
  duplicates: string[];
}

export interface EventFilter {
  effect?: string;
  agent?: string;
  session?: string;
  rule?: string;
  device?: string;
  tool?: string;
  user?: string;
  /** Case-insensitive substring of the event's searchable text. */
  q?: string;
  /** ISO times, inclusive lower bound and exclusive upper bound. */
  since?: string;
  until?: string;
}

export interface EventCursor {
  ts: string;
  id: string;
}

export interface EventPage {
  events: StoredEvent[];
  next?: EventCursor;
}

export interface SessionSummary {
  id: string;
  agent: string;
  device: string;
  firstTs: string;
  lastTs: string;
  counts: { events: number; allow: number; ask: number; deny: number; byPhase: Record<string, number> };
}

export interface DeviceHealth {
  device: string;
  agent: string;
  user: string | null;
  firstSeen: string;
  lastSeen: string;
  adapter: string | null;
  policyHash: string | null;
  orgPolicyEtag: string | null;
  mode: string | null;
  eventCount: number;
  /** Failure-policy decisions in the last 24 hours. */
  failures24h: number;
  /** Hook errors in the last 24 hours. */
  errors24h: number;
  silent: boolean;
  suspended: Suspension | null;
}

export interface StatsQuery {
  since: string;
  until: string;
  agent?: string;
  /** How many top rules and tools (default 10). */
  top?: number;
}

export interface Stats {
  bucket: 'hour';
  since: string;
  until: string;
  totals: Record<Effect, number>;
  series: Array<{ bucket: string } & Record<Effect, number>>;
  topRules: Array<{ ruleId: string; effect: string; count: number }>;
  topTools: Array<{ tool: string; count: number }>;
  latency: { count: number; p50Ms: number | null; p99Ms: number | null };
}

export interface DenialGroup {
  ruleId: string;
  device: string;
  agent: string;
  count: number;
  firstSeen: string;
  lastSeen: string;
  lastEventId: string;
  lastReason: string;
  severity: string;
  triageState: string;
  triageBy: string | null;
  triageAt: string | null;
  /**
   * Set when the group was acknowledged and the same denial came back after it (the time of the
   * event that reopened it); `triageBy`/`triageAt` then still say who had acknowledged it.
   */
  reopenedAt: string | null;
}

export interface OrgPolicyRecord {
  yaml: string;
  /** The validated policy document. */
  policy: unknown;
  etag: string;
  updatedBy: string;
  updatedAt: string;
}

export interface SuspensionRecord extends Suspension {
  device: string | null;
  createdBy: string;
}

export interface Anchor {
  seq: number;
  hash: string;
  eventId: string;
  ts: string;
}

export interface TenantSettings {
  retentionDays: number | null;
  silentAfterSeconds: number | null;
}

/**
 * Every query the API, the CLI and the dashboard run. One implementation over Kysely serves
 * SQLite and PostgreSQL; every method is scoped to a tenant.
 */
export interface Store {
  readonly dialect: 'sqlite' | 'postgres';

  // Tenants and tokens
  ensureTenant(options: { name: string }): Promise<Tenant>;
  findTenant(options: { name: string }): Promise<Tenant | undefined>;
  listTenants(): Promise<Tenant[]>;
  countTokens(): Promise<number>;
  createToken(options: {
    tenantId: string;
    role: Role;
    name: string;
    prefix: string;
    hash: string;
    /** Binds a device token to one device. */
    device?: string;
  }): Promise<TokenRecord>;
  findTokenByHash(options: { hash: string }): Promise<TokenRecord | undefined>;
  listTokens(options: { tenantId?: string }): Promise<TokenRecord[]>;
  /** Revokes by id or by prefix; returns how many tokens were revoked. */
  revokeToken(options: { tenantId?: string; idOrPrefix: string }): Promise<number>;
  touchToken(options: { id: string; at: string }): Promise<void>;

  // Ingest
  /** Stores each event once (by tenant and id); aggregates count only rows really inserted. */
  ingestEvents(options: {
    tenantId: string;
    events: WardenEvent[];
    receivedAt: string;
  }): Promise<IngestResult>;

  // Queries
  listEvents(options: {
    tenantId: string;
    filter: EventFilter;
    cursor?: EventCursor;
    limit: number;
    order?: 'desc' | 'asc';
  }): Promise<EventPage>;
  getSession(options: {
    tenantId: string;
    session: string;
    limit: number;
  }): Promise<{ session: SessionSummary; events: StoredEvent[] } | undefined>;
  listDevices(options: {
    tenantId: string;
    now: string;
  }): Promise<{ devices: DeviceHealth[]; silentAfterSeconds: number }>;
  getStats(options: { tenantId: string } & StatsQuery): Promise<Stats>;
  listDenialGroups(options: {
    tenantId: string;
    triageState?: string;
    limit: number;
  }): Promise<DenialGroup[]>;
  triageDenialGroup(options: {
    tenantId: string;
    ruleId: string;
    device: string;
    agent: string;
    state: string;
    by: string;
    at: string;
  }): Promise<boolean>;

  // Org policy, suspensions, anchors, settings
  getOrgPolicy(options: { tenantId: string }): Promise<OrgPolicyRecord | undefined>;
  putOrgPolicy(options: {
    tenantId: string;
    yaml: string;
    policy: unknown;
    etag: string;
    updatedBy: string;
    at: string;
  }): Promise<void>;
  listOrgPolicyHistory(options: {
    tenantId: string;
    limit: number;
  }): Promise<Array<{ etag: string; updatedBy: string; updatedAt: string; yaml: string }>>;
  suspend(options: {
    tenantId: string;
    device?: string;
    reason: string;
    by: string;
    at: string;
  }): Promise<void>;
  resume(options: { tenantId: string; device?: string }): Promise<boolean>;
  listSuspensions(options: { tenantId: string }): Promise<SuspensionRecord[]>;
  /** The suspension that applies to a device: the tenant's first, else the device's own. */
  findSuspension(options: { tenantId: string; device: string }): Promise<SuspensionRecord | undefined>;
  listAnchors(options: {
    tenantId: string;
    device: string;
    after?: number;
    limit: number;
  }): Promise<Anchor[]>;
  getSettings(options: { tenantId: string }): Promise<TenantSettings>;
  putSettings(options: { tenantId: string } & Partial<TenantSettings>): Promise<void>;

  // Retention
  /** Deletes up to `batchSize` events older than `before`; returns how many. */
  deleteEventsBefore(options: { tenantId: string; before: string; batchSize: number }): Promise<number>;

  close(): Promise<void>;
}
