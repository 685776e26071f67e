import { sql, type Kysely } from 'kysely';

/**
 * Frozen. The ties grid's own order (oldest first, `created_at` then `id`) over the live ties,
 * as an index: a page of 200 of 50,000 ties is read from it in order instead of sorting every
 * tie and its joins, so the grid's first page answers at once even right after a large import.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('ties_grid_order')
    .on('ties')
    .columns(['created_at', 'id'])
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('ties_grid_order').execute();
}
