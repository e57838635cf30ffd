import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore } from '../../store/create-store.js';
import { makeEvent } from '../../testing/make-event.js';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../../testing/test-database.js';
import { openDatabase } from '../open-database.js';
import { MIGRATIONS } from './index.js';

describe.each(TEST_DIALECTS)('003-lean-event-indexes (%s)', (dialect) => {
  let testDatabase: TestDatabase | undefined;

  afterEach(async () => {
    await testDatabase?.drop();
  });

  it('migrates a database with events in place: nothing lost, ids still unique, text search indexed', async () => {
    testDatabase = await createTestDatabase(dialect);
    // A database as the previous release left it: migrations up to 002, events stored.
    const before = await openDatabase({ database: testDatabase.url, migrate: false });
    const migrator = new Migrator({ db: before.db, provider: { getMigrations: async () => MIGRATIONS } });
    const partial = await migrator.migrateTo('002-dashboard-web-sessions');
    expect(partial.error).toBeUndefined();
    const oldStore = createStore({ database: before });
    const tenantId = (await oldStore.ensureTenant({ name: 'acme' })).id;
    const events = Array.from({ length: 30 }, (_, index) =>
      makeEvent({
        session: 's-migrate',
        ts: new Date(Date.UTC(2026, 11, 1, 10, index)).toISOString(),
        ...(index === 7 ? { prompt: 'please run kubectl delete namespace prod-eu' } : {}),
      }),
    );
    const first = await oldStore.ingestEvents({ tenantId, events, receivedAt: new Date().toISOString() });
    expect(first.accepted).toHaveLength(30);
    await oldStore.close();

    const database = await openDatabase({ database: testDatabase.url });
    const store = createStore({ database });
    try {
      const page = await store.listEvents({ tenantId, filter: { session: 's-migrate' }, limit: 100 });
      expect(page.events.map((event) => event.id).sort()).toEqual(events.map((event) => event.id).sort());

      const again = await store.ingestEvents({ tenantId, events, receivedAt: new Date().toISOString() });
      expect(again.accepted).toEqual([]);
      expect(again.duplicates).toHaveLength(30);

      const found = await store.listEvents({
        tenantId,
        filter: { q: 'KUBECTL delete namespace' },
        limit: 10,
      });
      expect(found.events.map((event) => event.id)).toEqual([events[7]?.id]);

      const indexes =
        dialect === 'sqlite'
          ? await sql<{
              name: string;
            }>`select name from sqlite_master where tbl_name = 'events' and type in ('index', 'table')`.execute(
              database.db,
            )
          : await sql<{
              name: string;
            }>`select indexname as name from pg_indexes where tablename = 'events'`.execute(database.db);
      const names = indexes.rows
        .map((row) => row.name)
        .filter((name) => !name.startsWith('sqlite_autoindex'));
      expect(names.sort()).toEqual(
        dialect === 'sqlite'
          ? ['events', 'events_id', 'events_rule_ts', 'events_session_ts', 'events_ts']
          : ['events_pk', 'events_rule_ts', 'events_search_trgm', 'events_session_ts', 'events_ts'],
      );
    } finally {
      await store.close();
    }
  });

  it('keeps the text index in step when retention deletes events', async () => {
    testDatabase = await createTestDatabase(dialect);
    const database = await openDatabase({ database: testDatabase.url });
    const store = createStore({ database });
    try {
      const tenantId = (await store.ensureTenant({ name: 'acme' })).id;
      const old = makeEvent({ ts: '2026-01-01T00:00:00.000Z', prompt: 'terraform destroy -auto-approve' });
      const recent = makeEvent({ ts: '2026-12-01T00:00:00.000Z', prompt: 'terraform destroy -auto-approve' });
      await store.ingestEvents({ tenantId, events: [old, recent], receivedAt: new Date().toISOString() });
      const deleted = await store.deleteEventsBefore({
        tenantId,
        before: '2026-06-01T00:00:00.000Z',
        batchSize: 100,
      });
      expect(deleted).toBe(1);
      const found = await store.listEvents({ tenantId, filter: { q: 'terraform destroy' }, limit: 10 });
      expect(found.events.map((event) => event.id)).toEqual([recent.id]);
      if (dialect === 'sqlite') {
        // The FTS index agrees with its content table (fails if a delete left a stale entry).
        await sql.raw("insert into events_fts (events_fts) values ('integrity-check')").execute(database.db);
      }
    } finally {
      await store.close();
    }
  });
});
