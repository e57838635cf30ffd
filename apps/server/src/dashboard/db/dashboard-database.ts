import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** A signed-in browser. The cookie holds the random id; the table holds only its SHA-256. */
export interface WebSessionsTable {
  id_hash: string;
  tenant_id: string;
  token_id: string;
  role: 'admin' | 'viewer';
  name: string;
  created_at: string;
  expires_at: string;
}

/** The server's tables plus the dashboard's own (added by its migration). */
export type DashboardDatabase = Database & { web_sessions: WebSessionsTable };

export function dashboardDatabase(db: Kysely<Database>): Kysely<DashboardDatabase> {
  return db.withTables<{ web_sessions: WebSessionsTable }>();
}
