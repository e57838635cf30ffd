import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import type { WardenEvent } from '@warden/core';
import type { EventsTable } from '../db/schema.js';
import type { SqliteLock } from '../db/sqlite-dialect.js';
import {
  AGGREGATE_TABLES,
  AGGREGATE_UPSERTS,
  type AggregateTable,
  groupAggregates,
  upsertSql,
} from './group-aggregates.js';

const CHUNK = 100;
const UPSERT_SIZES = [64, 16, 4, 1] as const;

const EVENT_COLUMNS: Array<keyof EventsTable> = [
  'tenant_id',
  'id',
  'ts',
  'received_at',
  'agent',
  'session',
  'device',
  'user',
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
];

/**
 * The ingest hot path on SQLite: prepared statements, one transaction per batch, no query
 * building per row (Kysely compiling a 2,300-parameter insert per batch was most of the cost).
 * Same SQL and the same "aggregate only what was inserted" rule as the Kysely path.
 */
export function createSqliteIngest(options: { sqlite: DatabaseSync; lock: SqliteLock }) {
  const { sqlite, lock } = options;
  const insertSql = (rows: number) =>
    `insert into events (${EVENT_COLUMNS.map((column) => (column === 'user' ? '"user"' : column)).join(', ')}) values ${Array.from({ length: rows }, () => `(${EVENT_COLUMNS.map(() => '?').join(', ')})`).join(', ')} on conflict (tenant_id, id) do nothing returning id`;
  let statements: { insertOne: StatementSync; insertChunk: StatementSync } | undefined;
  const prepare = () => {
    statements ??= {
      insertOne: sqlite.prepare(insertSql(1)),
      // One statement per 100 rows: about three times faster than 100 single-row calls.
      insertChunk: sqlite.prepare(insertSql(CHUNK)),
    };
    return statements;
  };
  // Aggregate rows go in multi-row upserts of these sizes (largest first): a few statements per
  // table and batch instead of one per row, from a small fixed set of prepared statements.
  const upserts = new Map<string, StatementSync>();
  const upsert = (table: AggregateTable, rows: number) => {
    const key = `${table}:${rows}`;
    let statement = upserts.get(key);
    if (!statement) {
      statement = sqlite.prepare(upsertSql(table, rows));
      upserts.set(key, statement);
    }
    return statement;
  };

  type Entries = Array<{ row: EventsTable; event: WardenEvent }>;
  interface Pending {
    tenantId: string;
    entries: Entries;
    resolve(inserted: Set<string>): void;
    reject(error: unknown): void;
  }
  const pending: Pending[] = [];
  let draining = false;

  /** Inserts one request's rows; returns the ids really inserted (in this transaction, in order). */
  function insertRows(entries: Entries): Set<string> {
    const { insertOne, insertChunk } = prepare();
    const inserted = new Set<string>();
    let index = 0;
    for (; index + CHUNK <= entries.length; index += CHUNK) {
      const values: SQLInputValue[] = [];
      for (const entry of entries.slice(index, index + CHUNK))
        for (const column of EVENT_COLUMNS) values.push(entry.row[column] as SQLInputValue);
      for (const row of insertChunk.all(...values)) inserted.add((row as { id: string }).id);
    }
    for (; index < entries.length; index++) {
      const row = insertOne.get(
        ...EVENT_COLUMNS.map((column) => (entries[index] as Entries[number]).row[column] as SQLInputValue),
      );
      if (row) inserted.add((row as { id: string }).id);
    }
    return inserted;
  }

  function upsertAggregates(tenantId: string, fresh: Entries): void {
    const groups = groupAggregates(tenantId, fresh);
    for (const [table, key] of AGGREGATE_TABLES) {
      const columns = AGGREGATE_UPSERTS[table].columns as readonly string[];
      const rows = groups[key] as unknown as Array<Record<string, SQLInputValue>>;
      let offset = 0;
      for (const size of UPSERT_SIZES) {
        for (; offset + size <= rows.length; offset += size) {
          const values: SQLInputValue[] = [];
          for (const row of rows.slice(offset, offset + size))
            for (const column of columns) values.push(row[column] as SQLInputValue);
          upsert(table, size).run(...values);
        }
      }
    }
  }

  /**
   * One transaction for every request waiting: each request's rows are inserted in turn (so an id
   * sent twice is accepted for the first request only), the aggregates of all of them are
   * upserted once per tenant, one commit. Nobody is answered before that commit.
   */
  function writeGroup(group: Pending[]): Array<Set<string>> {
    sqlite.exec('begin immediate');
    try {
      const results = group.map((request) => insertRows(request.entries));
      const freshByTenant = new Map<string, Entries>();
      group.forEach((request, index) => {
        const inserted = results[index] as Set<string>;
        let fresh = freshByTenant.get(request.tenantId);
        if (!fresh) {
          fresh = [];
          freshByTenant.set(request.tenantId, fresh);
        }
        for (const entry of request.entries) if (inserted.has(entry.row.id)) fresh.push(entry);
      });
      for (const [tenantId, fresh] of freshByTenant) if (fresh.length) upsertAggregates(tenantId, fresh);
      sqlite.exec('commit');
      return results;
    } catch (error) {
      if (sqlite.isTransaction) sqlite.exec('rollback');
      throw error;
    }
  }

  async function drain(): Promise<void> {
    draining = true;
    try {
      while (pending.length) {
        const release = await lock.acquire();
        try {
          // Let requests whose bodies are already read reach the queue, then write them all at once:
          // the commit, the text-index flush and the aggregate upserts are paid per transaction.
          await new Promise((resolve) => setImmediate(resolve));
          const group = pending.splice(0, pending.length);
          try {
            const results = writeGroup(group);
            for (const [index, request] of group.entries()) request.resolve(results[index] as Set<string>);
          } catch (error) {
            for (const request of group) request.reject(error);
          }
        } finally {
          release();
        }
      }
    } finally {
      draining = false;
    }
  }

  return function ingest(tenantId: string, entries: Entries): Promise<Set<string>> {
    return new Promise((resolve, reject) => {
      pending.push({ tenantId, entries, resolve, reject });
      if (!draining) void drain();
    });
  };
}
