import type { Kysely } from 'kysely';

/** `denial_groups.reopened_at`: when an acknowledged group's denial came back (see `group-aggregates.ts`). */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema type.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('denial_groups').addColumn('reopened_at', 'text').execute();
}
