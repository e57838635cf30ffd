import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Principal } from '../../auth/authenticate-token.js';
import type { Database } from '../../db/schema.js';
import type { DashboardUser } from '../dashboard-user.js';
import { dashboardDatabase } from '../db/dashboard-database.js';

/** A web session lasts a working day; signing in again is one paste of the token. */
export const WEB_SESSION_TTL_MS = 12 * 60 * 60 * 1000;

function hashSessionId(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

/** Opens a session for a token holder and returns the raw id for the cookie (stored only hashed). */
export async function createWebSession(options: {
  db: Kysely<Database>;
  principal: Principal & { role: 'admin' | 'viewer' };
  now: Date;
}): Promise<string> {
  const db = dashboardDatabase(options.db);
  const id = randomBytes(32).toString('base64url');
  // Sweep this tenant's expired sessions on sign-in: bounded by the index, and keeps the table small.
  await db.deleteFrom('web_sessions').where('expires_at', '<', options.now.toISOString()).execute();
  await db
    .insertInto('web_sessions')
    .values({
      id_hash: hashSessionId(id),
      tenant_id: options.principal.tenant.id,
      token_id: options.principal.tokenId,
      role: options.principal.role,
      name: options.principal.name,
      created_at: options.now.toISOString(),
      expires_at: new Date(options.now.getTime() + WEB_SESSION_TTL_MS).toISOString(),
    })
    .execute();
  return id;
}

/**
 * The user behind a cookie: the session must exist, not be expired, and its token must still be
 * valid (revoking a token signs its browsers out).
 */
export async function readWebSession(options: {
  db: Kysely<Database>;
  sessionId: string | undefined;
  now: Date;
}): Promise<DashboardUser | undefined> {
  const sessionId = options.sessionId;
  if (!sessionId || !/^[A-Za-z0-9_-]{43}$/.test(sessionId)) return undefined;
  const db = dashboardDatabase(options.db);
  const row = await db
    .selectFrom('web_sessions')
    .innerJoin('tokens', 'tokens.id', 'web_sessions.token_id')
    .innerJoin('tenants', 'tenants.id', 'web_sessions.tenant_id')
    .select([
      'web_sessions.tenant_id as tenantId',
      'tenants.name as tenantName',
      'web_sessions.role as role',
      'web_sessions.name as name',
      'web_sessions.expires_at as expiresAt',
      'tokens.revoked_at as revokedAt',
    ])
    .where('web_sessions.id_hash', '=', hashSessionId(sessionId))
    .executeTakeFirst();
  if (!row || row.revokedAt || row.expiresAt <= options.now.toISOString()) return undefined;
  return { tenantId: row.tenantId, tenant: row.tenantName, role: row.role, name: row.name, sessionId };
}

export async function deleteWebSession(options: { db: Kysely<Database>; sessionId: string }): Promise<void> {
  await dashboardDatabase(options.db)
    .deleteFrom('web_sessions')
    .where('id_hash', '=', hashSessionId(options.sessionId))
    .execute();
}
