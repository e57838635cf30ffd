import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open-database.js';
import { createStore } from '../store/create-store.js';
import type { Store } from '../store/store.js';
import { makeEvent } from '../testing/make-event.js';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../testing/test-database.js';
import { applyRetention } from './start-retention-job.js';

describe.each(TEST_DIALECTS)('applyRetention (%s)', (dialect) => {
  let testDatabase: TestDatabase;
  let store: Store;

  beforeAll(async () => {
    testDatabase = await createTestDatabase(dialect);
    store = createStore({ database: await openDatabase({ database: testDatabase.url }) });
  });
  afterAll(async () => {
    await store?.close();
    await testDatabase?.drop();
  });

  it('deletes events past each tenant’s retention and keeps the rest and the aggregates', async () => {
    const now = new Date('2026-12-07T12:00:00.000Z');
    const strict = await store.ensureTenant({ name: 'strict' });
    const forever = await store.ensureTenant({ name: 'forever' });
    await store.putSettings({ tenantId: strict.id, retentionDays: 7 });
    const old = makeEvent({ ts: '2026-11-01T00:00:00.000Z' });
    const recent = makeEvent({ ts: '2026-12-06T00:00:00.000Z' });
    for (const tenant of [strict, forever])
      await store.ingestEvents({ tenantId: tenant.id, events: [old, recent], receivedAt: now.toISOString() });
    expect(await applyRetention({ store, now })).toBe(1);
    expect(
      (await store.listEvents({ tenantId: strict.id, filter: {}, limit: 10 })).events.map(
        (event) => event.id,
      ),
    ).toEqual([recent.id]);
    expect((await store.listEvents({ tenantId: forever.id, filter: {}, limit: 10 })).events).toHaveLength(2);
    const stats = await store.getStats({
      tenantId: strict.id,
      since: '2026-10-01T00:00:00.000Z',
      until: '2027-01-01T00:00:00.000Z',
    });
    expect(stats.totals.allow).toBe(2);
  });
});
