export type { CreateAppOptions } from './app.js';
export { createApp } from './app.js';
export type { Principal } from './auth/index.js';
export { authenticateToken, generateToken, hashToken, hasPermission } from './auth/index.js';
export type {
  DialectName,
  OpenDatabase,
  OpenDatabaseOptions,
  SqliteSynchronous,
} from './db/open-database.js';
export { openDatabase } from './db/open-database.js';
export type { Database } from './db/schema.js';
export { applyRetention } from './retention/start-retention-job.js';
export type { ServerOptions } from './server-options.js';
export { DEFAULT_SERVER_OPTIONS } from './server-options.js';
export type { RunningServer, StartServerOptions } from './start-server.js';
export { startServer } from './start-server.js';
export { createStore } from './store/create-store.js';
export type {
  DeviceHealth,
  EventFilter,
  EventPage,
  Role,
  SessionSummary,
  Stats,
  Store,
  StoredEvent,
} from './store/store.js';
