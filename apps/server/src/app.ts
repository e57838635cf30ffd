import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { timeout } from 'hono/timeout';
import type { Kysely } from 'kysely';
import { createAkto } from './akto/create-akto.js';
import { createApi } from './api/create-api.js';
import { createDashboard } from './dashboard/index.js';
import type { Database } from './db/schema.js';
import { errorBody, jsonError } from './http/json-error.js';
import { resolveServerOptions, type ServerOptions } from './server-options.js';
import type { Store } from './store/store.js';

export interface CreateAppOptions {
  store: Store;
  /** The store's database: the dashboard keeps its web sessions there (its own migration and queries). */
  db: Kysely<Database>;
  options?: Partial<ServerOptions>;
  /** Where unexpected errors are reported (never with a token in them). Default: stderr. */
  log?: (message: string) => void;
}

/** The whole HTTP surface: protocol v1, the query API, the Akto endpoint and the dashboard. */
export function createApp(options: CreateAppOptions): Hono {
  const settings = resolveServerOptions(options.options);
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const app = new Hono();

  app.use(
    '*',
    timeout(
      settings.requestTimeoutMs,
      () =>
        new HTTPException(503, {
          res: new Response(
            errorBody('timeout', `The request took longer than ${settings.requestTimeoutMs} ms.`),
            {
              status: 503,
              headers: { 'Content-Type': 'application/json', 'Retry-After': '1' },
            },
          ),
        }),
    ),
  );
  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    log(
      `warden-server: ${c.req.method} ${c.req.path} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    return jsonError(
      c,
      500,
      'internal',
      'The server failed to handle this request; it is logged. Retry later.',
    );
  });

  app.route('/', createApi({ store: options.store, settings }));
  app.route('/', createAkto({ store: options.store, settings }));
  app.route('/', createDashboard({ store: options.store, db: options.db, settings }));
  app.notFound((c) => jsonError(c, 404, 'not_found', `No route ${c.req.method} ${c.req.path}.`));
  return app;
}
