import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { ServerOptions } from '../server-options.js';
import type { Store } from '../store/store.js';

export interface CreateDashboardOptions {
  store: Store;
  /** The same database as the store: web sessions live in the dashboard's own table. */
  db: Kysely<Database>;
  settings: ServerOptions;
}

/** The server-rendered dashboard (work in progress by the dashboard engineer). */
export function createDashboard(_options: CreateDashboardOptions): Hono {
  return new Hono();
}
