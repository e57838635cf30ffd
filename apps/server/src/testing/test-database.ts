import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export type TestDialect = 'sqlite' | 'postgres';
export const TEST_DIALECTS: TestDialect[] = ['sqlite', 'postgres'];

export interface TestDatabase {
  /** A SQLite file path or a postgres:// URL of a fresh, empty database. */
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh database for one test file. PostgreSQL comes from WARDEN_TEST_DATABASE_URL (a role
 * with CREATEDB); without it the suite fails, so CI never skips PostgreSQL silently.
 */
export async function createTestDatabase(dialect: TestDialect): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-server-test-'));
    return {
      url: path.join(dir, 'warden.db'),
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const adminUrl = process.env.WARDEN_TEST_DATABASE_URL;
  if (!adminUrl)
    throw new Error(
      'WARDEN_TEST_DATABASE_URL is not set: the PostgreSQL suite needs a real PostgreSQL. Run `bash scripts/services.sh` and `source scripts/env.sh` first.',
    );
  const name = `warden_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        // An autovacuum worker (not ours to terminate) may hold the database for a moment.
        for (let attempt = 0; ; attempt++) {
          try {
            await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
            return;
          } catch (error) {
            if ((error as { code?: string }).code !== '42501' || attempt >= 60) throw error;
            await new Promise((resolve) => setTimeout(resolve, 1000));
          }
        }
      } finally {
        await client.end();
      }
    },
  };
}
