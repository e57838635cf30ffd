import fs from 'node:fs';
import type { Server } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { createApp } from './app.js';
import { generateToken, hashToken, isWellFormedToken } from './auth/token.js';
import { openDatabase, type SqliteSynchronous } from './db/open-database.js';
import { startRetentionJob } from './retention/start-retention-job.js';
import type { ServerOptions } from './server-options.js';
import { createStore } from './store/create-store.js';
import type { Store } from './store/store.js';

export interface StartServerOptions {
  /** A `postgres://` URL or a SQLite file path. */
  database: string;
  /** SQLite only: `normal` (default) or `full` (an fsync per batch; survives power loss). */
  sqliteSynchronous?: SqliteSynchronous;
  host?: string;
  /** 0 picks a free port (tests). Default 8787. */
  port?: number;
  tls?: { certFile: string; keyFile: string };
  /** Use this as the first admin token (WARDEN_ADMIN_TOKEN) instead of generating one. */
  adminToken?: string;
  /** Limits and settings (see ServerOptions). */
  options?: Partial<ServerOptions>;
  /** How often the retention job runs (default hourly; 0 disables it). */
  retentionIntervalMs?: number;
  /** Where start-up notices go (the one-time admin token, warnings). Default stderr. */
  stderr?: { write(text: string): unknown };
}

export interface RunningServer {
  url: string;
  store: Store;
  close(): Promise<void>;
}

export const DEFAULT_TENANT = 'default';

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

/**
 * Opens the database (migrating it), makes sure an admin can get in on first start, and serves
 * the app. The server keeps no state besides the database, so several can share one PostgreSQL.
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const stderr = options.stderr ?? process.stderr;
  const host = options.host ?? '127.0.0.1';
  const database = await openDatabase({
    database: options.database,
    ...(options.sqliteSynchronous ? { sqliteSynchronous: options.sqliteSynchronous } : {}),
  });
  const store = createStore({
    database,
    ...(options.options?.silentAfterSeconds
      ? { silentAfterSeconds: options.options.silentAfterSeconds }
      : {}),
  });
  try {
    await bootstrapAdmin({ store, adminToken: options.adminToken, stderr });
  } catch (error) {
    await store.close();
    throw error;
  }

  const app = createApp({ store, db: database.db, ...(options.options ? { options: options.options } : {}) });
  const tls = options.tls
    ? { cert: fs.readFileSync(options.tls.certFile), key: fs.readFileSync(options.tls.keyFile) }
    : undefined;
  const server = createAdaptorServer({
    fetch: app.fetch,
    hostname: host,
    ...(tls ? { createServer: https.createServer, serverOptions: tls } : {}),
  }) as Server;
  // Slow or stalled clients are cut off: headers within 10 s, a whole request within the limit.
  server.headersTimeout = 10_000;
  server.requestTimeout = (options.options?.requestTimeoutMs ?? 30_000) + 5_000;
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `${tls ? 'https' : 'http'}://${hostForUrl}:${address.port}`;
  if (!tls && !isLoopback(host))
    stderr.write(
      `warden-server: WARNING: listening on ${host} without TLS. Tokens and events cross the network in clear text; pass --tls-cert and --tls-key, or put a TLS proxy in front.\n`,
    );

  const retention = startRetentionJob({ store, intervalMs: options.retentionIntervalMs ?? 3600_000 });
  let closed: Promise<void> | undefined;
  return {
    url,
    store,
    close() {
      closed ??= (async () => {
        retention.stop();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        await store.close();
      })();
      return closed;
    },
  };
}

/** First start on an empty database: one admin token, printed once (or WARDEN_ADMIN_TOKEN). */
async function bootstrapAdmin(options: {
  store: Store;
  adminToken: string | undefined;
  stderr: { write(text: string): unknown };
}) {
  const { store, adminToken, stderr } = options;
  if (adminToken !== undefined) {
    if (!isWellFormedToken(adminToken))
      throw new Error(
        'WARDEN_ADMIN_TOKEN must be a Warden token: "wdn_" then 43 base64url characters (create one with `warden server token create`).',
      );
    if (await store.findTokenByHash({ hash: hashToken(adminToken) })) return;
    const tenant = await store.ensureTenant({ name: DEFAULT_TENANT });
    await store.createToken({
      tenantId: tenant.id,
      role: 'admin',
      name: 'WARDEN_ADMIN_TOKEN',
      prefix: adminToken.slice(0, 10),
      hash: hashToken(adminToken),
    });
    return;
  }
  if ((await store.countTokens()) > 0) return;
  const tenant = await store.ensureTenant({ name: DEFAULT_TENANT });
  const token = generateToken();
  await store.createToken({
    tenantId: tenant.id,
    role: 'admin',
    name: 'first admin',
    prefix: token.prefix,
    hash: token.hash,
  });
  stderr.write(
    `warden-server: first start. Admin token for tenant "${DEFAULT_TENANT}" (shown once, store it now):\n\n  ${token.token}\n\nCreate device tokens with: warden server token create --tenant ${DEFAULT_TENANT} --role device\n`,
  );
}
