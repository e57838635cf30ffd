import type { Kysely } from 'kysely';

/**
 * `tokens.device`: a device token bound to one device (null: a fleet token). A bound token
 * ingests only that device's events and reads only its audit anchors.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema type.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('tokens').addColumn('device', 'text').execute();
}
