import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { createDashboard } from './dashboard/index.js';
import type { Database } from './db/schema.js';
import { resolveServerOptions, type ServerOptions } from './server-options.js';
import type { Store } from './store/store.js';

export interface CreateAppOptions {
  store: Store;
  /** The store's database: the dashboard keeps its web sessions there (its own migration and queries). */
  db: Kysely<Database>;
  options?: Partial<ServerOptions>;
}

/** The whole HTTP surface: protocol v1, the query API, the Akto endpoint and the dashboard. */
export function createApp(options: CreateAppOptions): Hono {
  const settings = resolveServerOptions(options.options);
  const app = new Hono();
  app.get('/v1/health', (c) => c.json({ v: 1, ok: true, version: settings.version }));
  app.route('/', createDashboard({ store: options.store, db: options.db, settings }));
  return app;
}
