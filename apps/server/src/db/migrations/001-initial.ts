import { type Kysely, sql } from 'kysely';

/** Both dialects: portable column types only (text, integer, bigint, double precision). */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema type.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('tenants')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('name', 'text', (column) => column.notNull().unique())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('tokens')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('tenant_id', 'text', (column) => column.notNull())
    .addColumn('role', 'text', (column) => column.notNull())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('prefix', 'text', (column) => column.notNull())
    .addColumn('hash', 'text', (column) => column.notNull().unique())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('tokens_tenant').on('tokens').columns(['tenant_id']).execute();

  await db.schema
    .createTable('events')
    .addColumn('tenant_id', 'text', (column) => column.notNull())
    .addColumn('id', 'text', (column) => column.notNull())
    .addColumn('ts', 'text', (column) => column.notNull())
    .addColumn('received_at', 'text', (column) => column.notNull())
    .addColumn('agent', 'text', (column) => column.notNull())
    .addColumn('session', 'text', (column) => column.notNull())
    .addColumn('device', 'text', (column) => column.notNull())
    .addColumn('user', 'text')
    .addColumn('hook_event', 'text', (column) => column.notNull())
    .addColumn('phase', 'text', (column) => column.notNull())
    .addColumn('tool', 'text')
    .addColumn('effect', 'text', (column) => column.notNull())
    .addColumn('policy_effect', 'text', (column) => column.notNull())
    .addColumn('rule_id', 'text', (column) => column.notNull())
    .addColumn('mode', 'text', (column) => column.notNull())
    .addColumn('failure', 'integer', (column) => column.notNull())
    .addColumn('audit_seq', 'bigint')
    .addColumn('audit_hash', 'text')
    .addColumn('latency_ms', 'double precision')
    .addColumn('adapter', 'text')
    .addColumn('policy_hash', 'text')
    .addColumn('search_text', 'text', (column) => column.notNull())
    .addColumn('body', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('events_pk', ['tenant_id', 'id'])
    .execute();
  // The list is keyset-paginated on (ts, id) newest first; every filter has its own index.
  await db.schema.createIndex('events_ts').on('events').columns(['tenant_id', 'ts', 'id']).execute();
  for (const column of ['session', 'agent', 'device', 'effect', 'rule_id', 'tool', 'user']) {
    await db.schema
      .createIndex(`events_${column}_ts`)
      .on('events')
      .columns(['tenant_id', column, 'ts', 'id'])
      .execute();
  }

  await db.schema
    .createTable('devices')
    .addColumn('tenant_id', 'text', (column) => column.notNull())
    .addColumn('device', 'text', (column) => column.notNull())
    .addColumn('agent', 'text', (column) => column.notNull())
    .addColumn('user', 'text')
    .addColumn('first_seen', 'text', (column) => column.notNull())
    .addColumn('last_seen', 'text', (column) => column.notNull())
    .addColumn('adapter', 'text')
    .addColumn('policy_hash', 'text')
    .addColumn('org_policy_etag', 'text')
    .addColumn('mode', 'text')
    .addColumn('event_count', 'bigint', (column) => column.notNull())
    .addPrimaryKeyConstraint('devices_pk', ['tenant_id', 'device', 'agent'])
    .execute();

  await db.schema
    .createTable('device_hourly')
    .addColumn('tenant_id', 'text', (column) => column.notNull())
    .addColumn('bucket', 'text', (column) => column.notNull())
    .addColumn('device', 'text', (column) => column.notNull())
    .addColumn('agent', 'text', (column) => column.notNull())
    .addColumn('events', 'bigint', (column) => column.notNull())
    .addColumn('failures', 'bigint', (column) => column.notNull())
    .addColumn('errors', 'bigint', (column) => column.notNull())
    .addPrimaryKeyConstraint('device_hourly_pk', ['tenant_id', 'bucket', 'device', 'agent'])
    .execute();

  await db.schema
    .createTable('stats_effect_hourly')
    .addColumn('tenant_id', 'text', (column) => column.notNull())
    .addColumn('bucket', 'text', (column) => column.notNull())
    .addColumn('agent', 'text', (column) => column.notNull())
    .addColumn('effect', 'text', (column) => column.notNull())
    .addColumn('count', 'bigint', (column) => column.notNull())
    .addPrimaryKeyConstraint('stats_effect_hourly_pk', ['tenant_id', 'bucket', 'agent', 'effect'])
    .execute();

  await db.schema
    .createTable('stats_rule_hourly')
    .addColumn('tenant_id', 'text', (column) => column.notNull())
    .addColumn('bucket', 'text', (column) => column.notNull())
    .addColumn('agent', 'text', (column) => column.notNull())
    .addColumn('rule_id', 'text', (column) => column.notNull())
    .addColumn('effect', 'text', (column) => column.notNull())
    .addColumn('count', 'bigint', (column) => column.notNull())
    .addPrimaryKeyConstraint('stats_rule_hourly_pk', ['tenant_id', 'bucket', 'agent', 'rule_id', 'effect'])
    .execute();

  await db.schema
    .createTable('stats_tool_hourly')
    .addColumn('tenant_id', 'text', (column) => column.notNull())
    .addColumn('bucket', 'text', (column) => column.notNull())
    .addColumn('agent', 'text', (column) => column.notNull())
    .addColumn('tool', 'text', (column) => column.notNull())
    .addColumn('count', 'bigint', (column) => column.notNull())
    .addPrimaryKeyConstraint('stats_tool_hourly_pk', ['tenant_id', 'bucket', 'agent', 'tool'])
    .execute();

  await db.schema
    .createTable('stats_latency_hourly')
    .addColumn('tenant_id', 'text', (column) => column.notNull())
    .addColumn('bucket', 'text', (column) => column.notNull())
    .addColumn('agent', 'text', (column) => column.notNull())
    .addColumn('bin', 'integer', (column) => column.notNull())
    .addColumn('count', 'bigint', (column) => column.notNull())
    .addPrimaryKeyConstraint('stats_latency_hourly_pk', ['tenant_id', 'bucket', 'agent', 'bin'])
    .execute();

  await db.schema
    .createTable('denial_groups')
    .addColumn('tenant_id', 'text', (column) => column.notNull())
    .addColumn('rule_id', 'text', (column) => column.notNull())
    .addColumn('device', 'text', (column) => column.notNull())
    .addColumn('agent', 'text', (column) => column.notNull())
    .addColumn('count', 'bigint', (column) => column.notNull())
    .addColumn('first_seen', 'text', (column) => column.notNull())
    .addColumn('last_seen', 'text', (column) => column.notNull())
    .addColumn('last_event_id', 'text', (column) => column.notNull())
    .addColumn('last_reason', 'text', (column) => column.notNull())
    .addColumn('severity', 'text', (column) => column.notNull())
    .addColumn('triage_state', 'text', (column) => column.notNull())
    .addColumn('triage_by', 'text')
    .addColumn('triage_at', 'text')
    .addPrimaryKeyConstraint('denial_groups_pk', ['tenant_id', 'rule_id', 'device', 'agent'])
    .execute();
  await db.schema
    .createIndex('denial_groups_last_seen')
    .on('denial_groups')
    .columns(['tenant_id', 'triage_state', 'last_seen'])
    .execute();

  await db.schema
    .createTable('org_policy')
    .addColumn('tenant_id', 'text', (column) => column.primaryKey())
    .addColumn('yaml', 'text', (column) => column.notNull())
    .addColumn('policy_json', 'text', (column) => column.notNull())
    .addColumn('etag', 'text', (column) => column.notNull())
    .addColumn('updated_by', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();

  const isPostgres = await isPostgresDatabase(db);
  await db.schema
    .createTable('org_policy_history')
    .addColumn('id', isPostgres ? 'bigserial' : 'integer', (column) =>
      isPostgres ? column.primaryKey() : column.primaryKey().autoIncrement(),
    )
    .addColumn('tenant_id', 'text', (column) => column.notNull())
    .addColumn('yaml', 'text', (column) => column.notNull())
    .addColumn('etag', 'text', (column) => column.notNull())
    .addColumn('updated_by', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('org_policy_history_tenant')
    .on('org_policy_history')
    .columns(['tenant_id', 'id'])
    .execute();

  await db.schema
    .createTable('suspensions')
    .addColumn('tenant_id', 'text', (column) => column.notNull())
    .addColumn('scope', 'text', (column) => column.notNull())
    .addColumn('device', 'text', (column) => column.notNull())
    .addColumn('reason', 'text', (column) => column.notNull())
    .addColumn('since', 'text', (column) => column.notNull())
    .addColumn('created_by', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('suspensions_pk', ['tenant_id', 'scope', 'device'])
    .execute();

  await db.schema
    .createTable('anchors')
    .addColumn('tenant_id', 'text', (column) => column.notNull())
    .addColumn('device', 'text', (column) => column.notNull())
    .addColumn('seq', 'bigint', (column) => column.notNull())
    .addColumn('hash', 'text', (column) => column.notNull())
    .addColumn('event_id', 'text', (column) => column.notNull())
    .addColumn('ts', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('anchors_pk', ['tenant_id', 'device', 'seq'])
    .execute();

  await db.schema
    .createTable('tenant_settings')
    .addColumn('tenant_id', 'text', (column) => column.primaryKey())
    .addColumn('retention_days', 'integer')
    .addColumn('silent_after_seconds', 'integer')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above.
async function isPostgresDatabase(db: Kysely<any>): Promise<boolean> {
  try {
    await sql`select version()`.execute(db);
    return true;
  } catch {
    return false;
  }
}
