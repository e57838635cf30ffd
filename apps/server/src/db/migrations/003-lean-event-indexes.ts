import { type Kysely, sql } from 'kysely';

/**
 * Ingest was bound by index upkeep: every event row updated nine B-trees (primary key plus eight
 * composite filter indexes over text). Only three lookups need an index to answer a page in
 * bounded time: the newest-first list (`ts`), a session's timeline (`session`) and a rule's
 * denials (`rule_id`, which the denials inbox links to; rows under the default rule, the bulk of
 * all events, are left out of it). The other filters (agent, effect, device, tool, user) are
 * walked newest first on `events_ts`: they match a large share of events, so a page fills fast.
 *
 * Text search (`q`) gets its own index: FTS5 with the trigram tokenizer on SQLite (external
 * content over `events.search_text`, kept in step by triggers; `detail=none` because candidates
 * are checked with LIKE anyway), `pg_trgm` GIN on PostgreSQL when the extension can be created.
 *
 * SQLite rebuilds the table: the FTS index needs a stable integer rowid (`seq`), and a table
 * without an INTEGER PRIMARY KEY may renumber its rowids on VACUUM. Existing events are copied.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema type.
export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = await isPostgresDatabase(db);
  if (isPostgres) {
    for (const column of ['agent', 'device', 'effect', 'tool', 'user', 'rule_id'])
      await sql.raw(`drop index if exists events_${column}_ts`).execute(db);
    await sql
      .raw("create index events_rule_ts on events (tenant_id, rule_id, ts, id) where rule_id <> 'default'")
      .execute(db);
    // The migrations run in one transaction: a failed CREATE EXTENSION (not installed, or no
    // right to create it) must not abort it, so it runs under a savepoint and `q` falls back to
    // a scan when the extension is missing.
    await sql.raw('savepoint warden_trgm').execute(db);
    try {
      await sql.raw('create extension if not exists pg_trgm').execute(db);
      await sql
        .raw('create index events_search_trgm on events using gin (search_text gin_trgm_ops)')
        .execute(db);
      await sql.raw('release savepoint warden_trgm').execute(db);
    } catch {
      await sql.raw('rollback to savepoint warden_trgm').execute(db);
    }
    return;
  }

  const columns = [
    'tenant_id',
    'id',
    'ts',
    'received_at',
    'agent',
    'session',
    'device',
    '"user"',
    'hook_event',
    'phase',
    'tool',
    'effect',
    'policy_effect',
    'rule_id',
    'mode',
    'failure',
    'audit_seq',
    'audit_hash',
    'latency_ms',
    'adapter',
    'policy_hash',
    'search_text',
    'body',
  ].join(', ');
  // Kysely runs SQLite migrations outside a transaction: the copy, drop and rename must be one
  // (a crash halfway would otherwise leave no events table). Re-runnable after a crash between
  // this commit and the migrator's own bookkeeping.
  const statements = [
    'drop table if exists events_next',
    'drop table if exists events_fts',
    `create table events_next (
      seq integer primary key,
      tenant_id text not null, id text not null, ts text not null, received_at text not null,
      agent text not null, session text not null, device text not null, "user" text,
      hook_event text not null, phase text not null, tool text, effect text not null,
      policy_effect text not null, rule_id text not null, mode text not null,
      failure integer not null, audit_seq bigint, audit_hash text, latency_ms double precision,
      adapter text, policy_hash text, search_text text not null, body text not null)`,
    `insert into events_next (${columns}) select ${columns} from events order by ts, id`,
    'drop table events',
    'alter table events_next rename to events',
    'create unique index events_id on events (tenant_id, id)',
    'create index events_ts on events (tenant_id, ts, id)',
    'create index events_session_ts on events (tenant_id, session, ts, id)',
    "create index events_rule_ts on events (tenant_id, rule_id, ts, id) where rule_id <> 'default'",
    `create virtual table events_fts using fts5(search_text, content='events', content_rowid='seq', tokenize='trigram', detail='none')`,
    "insert into events_fts(events_fts) values ('rebuild')",
    `create trigger events_fts_insert after insert on events begin
      insert into events_fts (rowid, search_text) values (new.seq, new.search_text);
    end`,
    `create trigger events_fts_delete after delete on events begin
      insert into events_fts (events_fts, rowid, search_text) values ('delete', old.seq, old.search_text);
    end`,
    `create trigger events_fts_update after update of search_text on events begin
      insert into events_fts (events_fts, rowid, search_text) values ('delete', old.seq, old.search_text);
      insert into events_fts (rowid, search_text) values (new.seq, new.search_text);
    end`,
  ];
  await sql.raw('begin immediate').execute(db);
  try {
    for (const statement of statements) await sql.raw(statement).execute(db);
    await sql.raw('commit').execute(db);
  } catch (error) {
    await sql.raw('rollback').execute(db);
    throw error;
  }
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
async function isPostgresDatabase(db: Kysely<any>): Promise<boolean> {
  // `version()` exists only on PostgreSQL; a failing probe on SQLite aborts nothing.
  try {
    await sql`select version()`.execute(db);
    return true;
  } catch {
    return false;
  }
}
