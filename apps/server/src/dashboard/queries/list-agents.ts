import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** The agents that have reported in a tenant (for the overview's agent filter): one row per device and agent, no events read. */
export async function listAgents(options: { db: Kysely<Database>; tenantId: string }): Promise<string[]> {
  const rows = await options.db
    .selectFrom('devices')
    .select('agent')
    .distinct()
    .where('tenant_id', '=', options.tenantId)
    .orderBy('agent')
    .limit(100)
    .execute();
  return rows.map((row) => row.agent);
}
