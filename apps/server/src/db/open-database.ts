import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Kysely, PostgresDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import pg from 'pg';
import { MIGRATIONS } from './migrations/index.js';
import type { Database } from './schema.js';
import { NodeSqliteDialect, SqliteLock } from './sqlite-dialect.js';

export type DialectName = 'sqlite' | 'postgres';

export interface OpenDatabase {
  db: Kysely<Database>;
  dialect: DialectName;
  /** The raw SQLite handle (for the prepared-statement ingest path); absent on PostgreSQL. */
  sqlite?: DatabaseSync;
  /** Held by whoever uses `sqlite` directly, the same lock Kysely's connection takes. */
  sqliteLock?: SqliteLock;
  /** Where the data lives, without credentials (for logs). */
  location: string;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A `postgres://` / `postgresql://` URL, or a SQLite file path (`:memory:` for tests). */
  database: string;
  /** Apply pending migrations (default true). */
  migrate?: boolean;
  /** PostgreSQL pool size (default 10). */
  poolSize?: number;
  /**
   * SQLite's `synchronous` setting. `normal` (default, with WAL): a committed batch is in the WAL
   * before the server answers, so it survives a crash of the server process; an OS crash or power
   * loss may roll back the last commits since the WAL was last synced. `full`: every commit is
   * synced to disk first (an fsync per batch), so it survives power loss too.
   */
  sqliteSynchronous?: SqliteSynchronous;
}

export type SqliteSynchronous = 'normal' | 'full';

export function isPostgresUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//i.test(value);
}

/** Opens SQLite or PostgreSQL behind one Kysely instance and applies the migrations. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenDatabase> {
  let opened: OpenDatabase;
  if (isPostgresUrl(options.database)) {
    // int8 (counts) as numbers: no count here comes near 2^53.
    pg.types.setTypeParser(20, (value) => Number(value));
    const pool = new pg.Pool({
      connectionString: options.database,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: 10_000,
      idleTimeoutMillis: 30_000,
    });
    pool.on('error', () => {
      // An idle client lost its connection; the pool replaces it on next use.
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const url = new URL(options.database);
    opened = {
      db,
      dialect: 'postgres',
      location: `postgres://${url.host}${url.pathname}`,
      close: () => db.destroy(),
    };
  } else {
    if (options.database !== ':memory:') fs.mkdirSync(path.dirname(options.database), { recursive: true });
    const sqlite = new DatabaseSync(options.database);
    // WAL: readers do not block the writer. NORMAL sync is durable across process crashes (the
    // spool deletes what the server acknowledged); FULL also across power loss (see the option).
    sqlite.exec('PRAGMA journal_mode = WAL');
    sqlite.exec(`PRAGMA synchronous = ${options.sqliteSynchronous === 'full' ? 'FULL' : 'NORMAL'}`);
    // Checkpoints (which fsync) every ~40 MB of WAL rather than every 4 MB: fewer stalls on ingest.
    sqlite.exec('PRAGMA wal_autocheckpoint = 10000');
    sqlite.exec('PRAGMA busy_timeout = 5000');
    sqlite.exec('PRAGMA foreign_keys = ON');
    const sqliteLock = new SqliteLock();
    const db = new Kysely<Database>({
      dialect: new NodeSqliteDialect({ database: sqlite, lock: sqliteLock }),
    });
    opened = {
      db,
      dialect: 'sqlite',
      sqlite,
      sqliteLock,
      location: options.database,
      close: () => db.destroy(),
    };
  }
  if (options.migrate !== false) {
    try {
      await migrateToLatest(opened.db);
    } catch (error) {
      await opened.close();
      throw error;
    }
  }
  return opened;
}

export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error');
    throw new Error(
      `database migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
