import { type WardenEvent, wardenEventSchema } from '@warden/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export interface EventRecord {
  event: WardenEvent;
  /** The body as stored, for fields the schema does not name (a decision trace, when a client sends one). */
  raw: Record<string, unknown>;
  receivedAt: string;
  device: string;
  user: string | null;
}

/** One event by id, through the (tenant_id, id) primary key. */
export async function getEvent(options: {
  db: Kysely<Database>;
  tenantId: string;
  id: string;
}): Promise<EventRecord | undefined> {
  const row = await options.db
    .selectFrom('events')
    .select(['body', 'received_at', 'device', 'user'])
    .where('tenant_id', '=', options.tenantId)
    .where('id', '=', options.id)
    .executeTakeFirst();
  if (!row) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(row.body);
  } catch {
    return undefined;
  }
  const parsed = wardenEventSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  return {
    event: parsed.data,
    raw: raw as Record<string, unknown>,
    receivedAt: row.received_at,
    device: row.device,
    user: row.user,
  };
}
