export type { CreateAppOptions } from './app.js';
export { createApp } from './app.js';
export type { Principal } from './auth/index.js';
export { authenticateToken, generateToken, hashToken } from './auth/index.js';
export type { DialectName, OpenDatabase, OpenDatabaseOptions } from './db/open-database.js';
export { openDatabase } from './db/open-database.js';
export type { ServerOptions } from './server-options.js';
export type { Role, Store } from './store/store.js';
