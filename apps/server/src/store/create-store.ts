import { randomUUID } from 'node:crypto';
import type { WardenEvent } from '@warden/core';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { OpenDatabase } from '../db/open-database.js';
import type { Database, EventsTable } from '../db/schema.js';
import { eventDevice, hourBucket, latencyBinValue, normalizeTimestamp, toEventRow } from './event-row.js';
import {
  AGGREGATE_TABLES,
  AGGREGATE_UPSERTS,
  type AggregateRows,
  groupAggregates,
} from './group-aggregates.js';
import { createSqliteIngest } from './sqlite-ingest.js';
import type {
  Anchor,
  DenialGroup,
  DeviceHealth,
  EventPage,
  IngestResult,
  Role,
  Stats,
  Store,
  StoredEvent,
  SuspensionRecord,
  Tenant,
  TokenRecord,
} from './store.js';

const DEFAULT_SILENT_AFTER_SECONDS = 3600;
/** PostgreSQL deadlock / serialization failures: the transaction is retried as a whole. */
const RETRYABLE_PG_CODES = new Set(['40P01', '40001']);

type Db = Kysely<Database> | Transaction<Database>;

function toStoredEvent(row: { body: string; received_at: string }): StoredEvent {
  return { ...(JSON.parse(row.body) as WardenEvent), receivedAt: row.received_at };
}

/** Above this many trigram candidates a text search walks the events newest first instead. */
const TEXT_CANDIDATE_LIMIT = 5_000;
/** At most this many trigrams of the search text are looked up (the LIKE check is exact anyway). */
const MAX_TRIGRAMS = 24;

/**
 * An FTS5 query for the trigram index: every distinct three-character window of the text, each a
 * quoted single token, ANDed (the table keeps no positions, so no phrase queries). Undefined for
 * text shorter than three characters, which a trigram index cannot narrow.
 */
export function trigramMatch(text: string): string | undefined {
  const trigrams = new Set<string>();
  const characters = [...text];
  for (let index = 0; index + 3 <= characters.length; index++)
    trigrams.add(characters.slice(index, index + 3).join(''));
  if (!trigrams.size) return undefined;
  let chosen = [...trigrams];
  if (chosen.length > MAX_TRIGRAMS) {
    const step = chosen.length / MAX_TRIGRAMS;
    chosen = Array.from({ length: MAX_TRIGRAMS }, (_, index) => chosen[Math.floor(index * step)] as string);
  }
  return chosen.map((trigram) => `"${trigram.replaceAll('"', '""')}"`).join(' AND ');
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (match) => `\\${match}`);
}

/** The Store over Kysely: one implementation for SQLite and PostgreSQL. */
export function createStore(options: { database: OpenDatabase; silentAfterSeconds?: number }): Store {
  const { db, dialect } = options.database;
  const defaultSilentAfter = options.silentAfterSeconds ?? DEFAULT_SILENT_AFTER_SECONDS;

  async function withRetry<T>(work: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (dialect !== 'postgres' || attempt >= 4 || !code || !RETRYABLE_PG_CODES.has(code)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 10 * (attempt + 1) + Math.random() * 20));
      }
    }
  }

  const sqliteIngest =
    options.database.sqlite && options.database.sqliteLock
      ? createSqliteIngest({ sqlite: options.database.sqlite, lock: options.database.sqliteLock })
      : undefined;

  async function countTextCandidates(match: string): Promise<number> {
    const result = await sql<{
      count: number;
    }>`select count(*) as count from (select rowid from events_fts where events_fts match ${match} limit ${TEXT_CANDIDATE_LIMIT + 1})`.execute(
      db,
    );
    return Number(result.rows[0]?.count ?? 0);
  }

  async function updateAggregates(trx: Db, groups: AggregateRows) {
    for (const [table, key] of AGGREGATE_TABLES) {
      const rows = groups[key];
      if (!rows.length) continue;
      const spec = AGGREGATE_UPSERTS[table];
      const set = Object.fromEntries(
        Object.entries(spec.set).map(([column, expression]) => [column, sql.raw(expression)]),
      );
      // biome-ignore lint/suspicious/noExplicitAny: one loop over eight tables with matching row types.
      await (trx.insertInto(table) as any)
        .values(rows)
        // biome-ignore lint/suspicious/noExplicitAny: see above.
        .onConflict((oc: any) => {
          const target = oc.columns(spec.conflict);
          return Object.keys(set).length ? target.doUpdateSet(set) : target.doNothing();
        })
        .execute();
    }
  }

  function toToken(row: Database['tokens'] & { tenant_name: string }): TokenRecord {
    return {
      id: row.id,
      tenantId: row.tenant_id,
      tenantName: row.tenant_name,
      role: row.role as Role,
      name: row.name,
      prefix: row.prefix,
      createdAt: row.created_at,
      lastUsedAt: row.last_used_at,
      revokedAt: row.revoked_at,
      device: row.device ?? null,
    };
  }

  const tokenQuery = () =>
    db
      .selectFrom('tokens')
      .innerJoin('tenants', 'tenants.id', 'tokens.tenant_id')
      .selectAll('tokens')
      .select('tenants.name as tenant_name');

  function toSuspension(row: Database['suspensions']): SuspensionRecord {
    return {
      scope: row.scope,
      reason: row.reason,
      since: row.since,
      device: row.scope === 'device' ? row.device : null,
      createdBy: row.created_by,
    };
  }

  const store: Store = {
    dialect,

    async ensureTenant({ name }) {
      const existing = await store.findTenant({ name });
      if (existing) return existing;
      const tenant: Tenant = { id: randomUUID(), name, createdAt: new Date().toISOString() };
      await db
        .insertInto('tenants')
        .values({ id: tenant.id, name, created_at: tenant.createdAt })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
      return (await store.findTenant({ name })) ?? tenant;
    },

    async findTenant({ name }) {
      const row = await db.selectFrom('tenants').selectAll().where('name', '=', name).executeTakeFirst();
      return row ? { id: row.id, name: row.name, createdAt: row.created_at } : undefined;
    },

    async listTenants() {
      const rows = await db.selectFrom('tenants').selectAll().orderBy('name').execute();
      return rows.map((row) => ({ id: row.id, name: row.name, createdAt: row.created_at }));
    },

    async countTokens() {
      const row = await db
        .selectFrom('tokens')
        .select((eb) => eb.fn.countAll().as('count'))
        .executeTakeFirst();
      return Number(row?.count ?? 0);
    },

    async createToken({ tenantId, role, name, prefix, hash, device }) {
      const id = randomUUID();
      await db
        .insertInto('tokens')
        .values({
          id,
          tenant_id: tenantId,
          role,
          name,
          prefix,
          hash,
          created_at: new Date().toISOString(),
          last_used_at: null,
          revoked_at: null,
          device: device ?? null,
        })
        .execute();
      const row = await tokenQuery().where('tokens.id', '=', id).executeTakeFirstOrThrow();
      return toToken(row);
    },

    async findTokenByHash({ hash }) {
      const row = await tokenQuery().where('tokens.hash', '=', hash).executeTakeFirst();
      return row ? toToken(row) : undefined;
    },

    async listTokens({ tenantId }) {
      let query = tokenQuery();
      if (tenantId) query = query.where('tokens.tenant_id', '=', tenantId);
      const rows = await query.orderBy('tokens.created_at').execute();
      return rows.map(toToken);
    },

    async revokeToken({ tenantId, idOrPrefix }) {
      let query = db
        .updateTable('tokens')
        .set({ revoked_at: new Date().toISOString() })
        .where((eb) => eb.or([eb('id', '=', idOrPrefix), eb('prefix', '=', idOrPrefix)]))
        .where('revoked_at', 'is', null);
      if (tenantId) query = query.where('tenant_id', '=', tenantId);
      const result = await query.executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async touchToken({ id, at }) {
      await db.updateTable('tokens').set({ last_used_at: at }).where('id', '=', id).execute();
    },

    async ingestEvents({ tenantId, events, receivedAt }) {
      // One row per id (the first wins), in id order so concurrent writers lock in one order.
      const byId = new Map<string, { row: EventsTable; event: WardenEvent }>();
      for (const event of events) {
        if (byId.has(event.id)) continue;
        const ts = normalizeTimestamp(event.ts) ?? receivedAt;
        byId.set(event.id, { row: toEventRow({ tenantId, event, ts, receivedAt }), event });
      }
      const entries = [...byId.values()].sort((a, b) =>
        a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0,
      );
      const inserted = sqliteIngest
        ? await sqliteIngest(tenantId, entries)
        : await withRetry(() =>
            db.transaction().execute(async (trx) => {
              const returned = await trx
                .insertInto('events')
                .values(entries.map(({ row }) => row))
                .onConflict((oc) => oc.columns(['tenant_id', 'id']).doNothing())
                .returning('id')
                .execute();
              const ids = new Set(returned.map((row) => row.id));
              const fresh = entries.filter(({ row }) => ids.has(row.id));
              if (fresh.length) await updateAggregates(trx, groupAggregates(tenantId, fresh));
              return ids;
            }),
          );
      const result: IngestResult = { accepted: [], duplicates: [] };
      // The same id twice in one batch: the first copy is accepted, the second is a duplicate.
      const seen = new Set<string>();
      for (const event of events) {
        if (inserted.has(event.id) && !seen.has(event.id)) result.accepted.push(event.id);
        else result.duplicates.push(event.id);
        seen.add(event.id);
      }
      return result;
    },

    async listEvents({ tenantId, filter, cursor, limit, order = 'desc' }): Promise<EventPage> {
      let query = db
        .selectFrom('events')
        .select(['body', 'received_at', 'ts', 'id'])
        .where('tenant_id', '=', tenantId);
      if (filter.effect) query = query.where('effect', '=', filter.effect);
      if (filter.agent) query = query.where('agent', '=', filter.agent);
      if (filter.session) query = query.where('session', '=', filter.session);
      if (filter.rule) {
        query = query.where('rule_id', '=', filter.rule);
        // The term the partial index events_rule_ts is defined with, as a literal (a bound
        // parameter would not let SQLite's planner prove the index applies).
        if (filter.rule !== 'default') query = query.where(sql<boolean>`rule_id <> 'default'`);
      }
      if (filter.device) query = query.where('device', '=', filter.device);
      if (filter.tool) query = query.where('tool', '=', filter.tool);
      if (filter.user) query = query.where('user', '=', filter.user);
      if (filter.since) query = query.where('ts', '>=', filter.since);
      if (filter.until) query = query.where('ts', '<', filter.until);
      if (filter.q) {
        const needle = filter.q.toLowerCase();
        const pattern = `%${escapeLike(needle)}%`;
        query = query.where(sql<boolean>`search_text like ${pattern} escape '\\'`);
        // SQLite: the trigram index gives the candidates when they are few (a rare term), and the
        // page is read from them; a common term fills a page fast walking newest first, so there
        // the index is skipped. PostgreSQL's planner makes the same choice with pg_trgm itself.
        const match = dialect === 'sqlite' ? trigramMatch(needle) : undefined;
        if (match && (await countTextCandidates(match)) <= TEXT_CANDIDATE_LIMIT)
          query = query.where(
            sql<boolean>`seq in (select rowid from events_fts where events_fts match ${match})`,
          );
      }
      if (cursor) {
        const op = order === 'desc' ? '<' : '>';
        query = query.where((eb) =>
          eb.or([eb('ts', op, cursor.ts), eb.and([eb('ts', '=', cursor.ts), eb('id', op, cursor.id)])]),
        );
      }
      const rows = await query
        .orderBy('ts', order)
        .orderBy('id', order)
        .limit(limit + 1)
        .execute();
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        events: page.map(toStoredEvent),
        ...(rows.length > limit && last ? { next: { ts: last.ts, id: last.id } } : {}),
      };
    },

    async getSession({ tenantId, session, limit }) {
      const groups = await db
        .selectFrom('events')
        .select((eb) => [
          'effect',
          'phase',
          eb.fn.countAll().as('count'),
          eb.fn.min('ts').as('first_ts'),
          eb.fn.max('ts').as('last_ts'),
        ])
        .where('tenant_id', '=', tenantId)
        .where('session', '=', session)
        .groupBy(['effect', 'phase'])
        .execute();
      if (!groups.length) return undefined;
      const rows = await db
        .selectFrom('events')
        .select(['body', 'received_at', 'agent', 'device'])
        .where('tenant_id', '=', tenantId)
        .where('session', '=', session)
        .orderBy('ts', 'asc')
        .orderBy('id', 'asc')
        .limit(limit)
        .execute();
      const counts = { events: 0, allow: 0, ask: 0, deny: 0, byPhase: {} as Record<string, number> };
      let firstTs = '';
      let lastTs = '';
      for (const group of groups) {
        const count = Number(group.count);
        counts.events += count;
        if (group.effect === 'allow' || group.effect === 'ask' || group.effect === 'deny')
          counts[group.effect] += count;
        counts.byPhase[group.phase] = (counts.byPhase[group.phase] ?? 0) + count;
        const first = String(group.first_ts);
        const last = String(group.last_ts);
        if (!firstTs || first < firstTs) firstTs = first;
        if (last > lastTs) lastTs = last;
      }
      return {
        session: {
          id: session,
          agent: rows[0]?.agent ?? '',
          device: rows[0]?.device ?? '',
          firstTs,
          lastTs,
          counts,
        },
        events: rows.map(toStoredEvent),
      };
    },

    async listDevices({ tenantId, now }) {
      const settings = await store.getSettings({ tenantId });
      const silentAfterSeconds = settings.silentAfterSeconds ?? defaultSilentAfter;
      const dayAgo = hourBucket(new Date(Date.parse(now) - 24 * 3600_000).toISOString());
      const [rows, recent, suspensions] = await Promise.all([
        db
          .selectFrom('devices')
          .selectAll()
          .where('tenant_id', '=', tenantId)
          .orderBy('last_seen', 'desc')
          .execute(),
        db
          .selectFrom('device_hourly')
          .select((eb) => [
            'device',
            'agent',
            eb.fn.sum<number>('failures').as('failures'),
            eb.fn.sum<number>('errors').as('errors'),
          ])
          .where('tenant_id', '=', tenantId)
          .where('bucket', '>=', dayAgo)
          .groupBy(['device', 'agent'])
          .execute(),
        store.listSuspensions({ tenantId }),
      ]);
      const recentBy = new Map(recent.map((row) => [`${row.device}\u0000${row.agent}`, row]));
      const tenantSuspension = suspensions.find((entry) => entry.scope === 'tenant');
      const silentBefore = new Date(Date.parse(now) - silentAfterSeconds * 1000).toISOString();
      const devices: DeviceHealth[] = rows.map((row) => {
        const counts = recentBy.get(`${row.device}\u0000${row.agent}`);
        const suspension = tenantSuspension ?? suspensions.find((entry) => entry.device === row.device);
        return {
          device: row.device,
          agent: row.agent,
          user: row.user,
          firstSeen: row.first_seen,
          lastSeen: row.last_seen,
          adapter: row.adapter,
          policyHash: row.policy_hash,
          orgPolicyEtag: row.org_policy_etag,
          mode: row.mode,
          eventCount: Number(row.event_count),
          failures24h: Number(counts?.failures ?? 0),
          errors24h: Number(counts?.errors ?? 0),
          silent: row.last_seen < silentBefore,
          suspended: suspension
            ? { scope: suspension.scope, reason: suspension.reason, since: suspension.since }
            : null,
        };
      });
      return { devices, silentAfterSeconds };
    },

    async getStats({ tenantId, since, until, agent, top = 10 }): Promise<Stats> {
      const from = hourBucket(since);
      const scoped = <T extends keyof Database>(table: T) => {
        // biome-ignore lint/suspicious/noExplicitAny: the four stats tables share these columns.
        let query = (db.selectFrom(table as any) as any)
          .where('tenant_id', '=', tenantId)
          .where('bucket', '>=', from)
          .where('bucket', '<', until);
        if (agent) query = query.where('agent', '=', agent);
        return query;
      };
      const [effects, rules, tools, bins] = await Promise.all([
        scoped('stats_effect_hourly')
          .select(['bucket', 'effect', sql<number>`sum(count)`.as('count')])
          .groupBy(['bucket', 'effect'])
          .orderBy('bucket')
          .execute() as Promise<Array<{ bucket: string; effect: string; count: number }>>,
        scoped('stats_rule_hourly')
          .select(['rule_id', 'effect', sql<number>`sum(count)`.as('count')])
          .groupBy(['rule_id', 'effect'])
          .orderBy(sql`sum(count)`, 'desc')
          .orderBy('rule_id')
          .limit(top)
          .execute() as Promise<Array<{ rule_id: string; effect: string; count: number }>>,
        scoped('stats_tool_hourly')
          .select(['tool', sql<number>`sum(count)`.as('count')])
          .groupBy(['tool'])
          .orderBy(sql`sum(count)`, 'desc')
          .orderBy('tool')
          .limit(top)
          .execute() as Promise<Array<{ tool: string; count: number }>>,
        scoped('stats_latency_hourly')
          .select(['bin', sql<number>`sum(count)`.as('count')])
          .groupBy(['bin'])
          .orderBy('bin')
          .execute() as Promise<Array<{ bin: number; count: number }>>,
      ]);
      const totals = { allow: 0, ask: 0, deny: 0 };
      const series = new Map<string, { bucket: string; allow: number; ask: number; deny: number }>();
      for (const row of effects) {
        const effect = row.effect as keyof typeof totals;
        if (!(effect in totals)) continue;
        const count = Number(row.count);
        totals[effect] += count;
        const entry = series.get(row.bucket) ?? { bucket: row.bucket, allow: 0, ask: 0, deny: 0 };
        entry[effect] += count;
        series.set(row.bucket, entry);
      }
      const latencyCount = bins.reduce((sum, row) => sum + Number(row.count), 0);
      const percentile = (fraction: number) => {
        if (!latencyCount) return null;
        const rank = Math.ceil(latencyCount * fraction);
        let seen = 0;
        for (const row of bins) {
          seen += Number(row.count);
          if (seen >= rank) return Math.round(latencyBinValue(Number(row.bin)) * 100) / 100;
        }
        return null;
      };
      return {
        bucket: 'hour',
        since,
        until,
        totals,
        series: [...series.values()],
        topRules: rules.map((row) => ({ ruleId: row.rule_id, effect: row.effect, count: Number(row.count) })),
        topTools: tools.map((row) => ({ tool: row.tool, count: Number(row.count) })),
        latency: { count: latencyCount, p50Ms: percentile(0.5), p99Ms: percentile(0.99) },
      };
    },

    async listDenialGroups({ tenantId, triageState, limit }) {
      let query = db.selectFrom('denial_groups').selectAll().where('tenant_id', '=', tenantId);
      if (triageState) query = query.where('triage_state', '=', triageState);
      const rows = await query.orderBy('last_seen', 'desc').limit(limit).execute();
      return rows.map(
        (row): DenialGroup => ({
          ruleId: row.rule_id,
          device: row.device,
          agent: row.agent,
          count: Number(row.count),
          firstSeen: row.first_seen,
          lastSeen: row.last_seen,
          lastEventId: row.last_event_id,
          lastReason: row.last_reason,
          severity: row.severity,
          triageState: row.triage_state,
          triageBy: row.triage_by,
          triageAt: row.triage_at,
          reopenedAt: row.reopened_at,
        }),
      );
    },

    async triageDenialGroup({ tenantId, ruleId, device, agent, state, by, at }) {
      const result = await db
        .updateTable('denial_groups')
        .set({ triage_state: state, triage_by: by, triage_at: at, reopened_at: null })
        .where('tenant_id', '=', tenantId)
        .where('rule_id', '=', ruleId)
        .where('device', '=', device)
        .where('agent', '=', agent)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async getOrgPolicy({ tenantId }) {
      const row = await db
        .selectFrom('org_policy')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .executeTakeFirst();
      return row
        ? {
            yaml: row.yaml,
            policy: JSON.parse(row.policy_json),
            etag: row.etag,
            updatedBy: row.updated_by,
            updatedAt: row.updated_at,
          }
        : undefined;
    },

    async putOrgPolicy({ tenantId, yaml, policy, etag, updatedBy, at }) {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('org_policy')
          .values({
            tenant_id: tenantId,
            yaml,
            policy_json: JSON.stringify(policy),
            etag,
            updated_by: updatedBy,
            updated_at: at,
          })
          .onConflict((oc) =>
            oc.column('tenant_id').doUpdateSet({
              yaml: sql`excluded.yaml`,
              policy_json: sql`excluded.policy_json`,
              etag: sql`excluded.etag`,
              updated_by: sql`excluded.updated_by`,
              updated_at: sql`excluded.updated_at`,
            }),
          )
          .execute();
        await trx
          .insertInto('org_policy_history')
          .values({ tenant_id: tenantId, yaml, etag, updated_by: updatedBy, updated_at: at })
          .execute();
      });
    },

    async listOrgPolicyHistory({ tenantId, limit }) {
      const rows = await db
        .selectFrom('org_policy_history')
        .select(['etag', 'updated_by', 'updated_at', 'yaml'])
        .where('tenant_id', '=', tenantId)
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((row) => ({
        etag: row.etag,
        updatedBy: row.updated_by,
        updatedAt: row.updated_at,
        yaml: row.yaml,
      }));
    },

    async suspend({ tenantId, device, reason, by, at }) {
      await db
        .insertInto('suspensions')
        .values({
          tenant_id: tenantId,
          scope: device ? 'device' : 'tenant',
          device: device ?? '',
          reason,
          since: at,
          created_by: by,
        })
        .onConflict((oc) =>
          oc
            .columns(['tenant_id', 'scope', 'device'])
            .doUpdateSet({ reason: sql`excluded.reason`, created_by: sql`excluded.created_by` }),
        )
        .execute();
    },

    async resume({ tenantId, device }) {
      const result = await db
        .deleteFrom('suspensions')
        .where('tenant_id', '=', tenantId)
        .where('scope', '=', device ? 'device' : 'tenant')
        .where('device', '=', device ?? '')
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async listSuspensions({ tenantId }) {
      const rows = await db
        .selectFrom('suspensions')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .orderBy('since')
        .execute();
      return rows.map(toSuspension);
    },

    async findSuspension({ tenantId, device }) {
      const rows = await db
        .selectFrom('suspensions')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where((eb) =>
          eb.or([
            eb('scope', '=', 'tenant'),
            eb.and([eb('scope', '=', 'device'), eb('device', '=', device)]),
          ]),
        )
        .execute();
      const row = rows.find((entry) => entry.scope === 'tenant') ?? rows[0];
      return row ? toSuspension(row) : undefined;
    },

    async listAnchors({ tenantId, device, after, limit }) {
      let query = db
        .selectFrom('anchors')
        .select(['seq', 'hash', 'event_id', 'ts'])
        .where('tenant_id', '=', tenantId)
        .where('device', '=', device);
      if (after !== undefined) query = query.where('seq', '>', after);
      const rows = await query.orderBy('seq').limit(limit).execute();
      return rows.map(
        (row): Anchor => ({ seq: Number(row.seq), hash: row.hash, eventId: row.event_id, ts: row.ts }),
      );
    },

    async getSettings({ tenantId }) {
      const row = await db
        .selectFrom('tenant_settings')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .executeTakeFirst();
      return {
        retentionDays: row?.retention_days ?? null,
        silentAfterSeconds: row?.silent_after_seconds ?? null,
      };
    },

    async putSettings({ tenantId, retentionDays, silentAfterSeconds }) {
      const current = await store.getSettings({ tenantId });
      const next = {
        retention_days: retentionDays === undefined ? current.retentionDays : retentionDays,
        silent_after_seconds:
          silentAfterSeconds === undefined ? current.silentAfterSeconds : silentAfterSeconds,
      };
      await db
        .insertInto('tenant_settings')
        .values({ tenant_id: tenantId, ...next })
        .onConflict((oc) => oc.column('tenant_id').doUpdateSet(next))
        .execute();
    },

    async deleteEventsBefore({ tenantId, before, batchSize }) {
      // Batched by primary key so a large backlog never holds one long lock.
      const doomed = db
        .selectFrom('events')
        .select('id')
        .where('tenant_id', '=', tenantId)
        .where('ts', '<', before)
        .orderBy('ts')
        .limit(batchSize);
      const result = await db
        .deleteFrom('events')
        .where('tenant_id', '=', tenantId)
        .where('id', 'in', doomed)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    close: () => options.database.close(),
  };
  return store;
}

export { eventDevice };
