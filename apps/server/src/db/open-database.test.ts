import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { openDatabase } from './open-database.js';

describe('openDatabase (sqlite)', () => {
  let testDatabase: TestDatabase | undefined;

  afterEach(async () => {
    await testDatabase?.drop();
  });

  const pragmas = async (sqliteSynchronous?: 'normal' | 'full') => {
    testDatabase ??= await createTestDatabase('sqlite');
    const database = await openDatabase({
      database: testDatabase.url,
      ...(sqliteSynchronous ? { sqliteSynchronous } : {}),
    });
    try {
      const journal = database.sqlite?.prepare('pragma journal_mode').get() as { journal_mode: string };
      const sync = database.sqlite?.prepare('pragma synchronous').get() as { synchronous: number };
      return { journal: journal.journal_mode, synchronous: sync.synchronous };
    } finally {
      await database.close();
    }
  };

  it('runs in WAL mode with synchronous NORMAL unless told to sync every commit', async () => {
    // 1 = NORMAL (a commit is in the WAL before the answer: survives a process crash), 2 = FULL.
    expect(await pragmas()).toEqual({ journal: 'wal', synchronous: 1 });
    expect(await pragmas('full')).toEqual({ journal: 'wal', synchronous: 2 });
  });
});
