import { sql, type Kysely } from 'kysely';

/**
 * Frozen. Indexes for the Ties grid at tens of thousands of ties.
 *
 * - `ties_created_live`: live ties in the grid's own order (when made, then id), so the first
 *   page of an unsorted grid reads its 200 rows instead of sorting every tie.
 * - `ties_partner_live`: the partners of live ties. Scanned alone it is the smallest way
 *   through the live ties; searched by partner it answers "is this tie live" without reading
 *   the tie, which `ties_partner` cannot (it holds deleted ties too, so each one was read).
 * - `partners_id_country`: a partner's country beside its id, so a join for the country
 *   checklist's counts reads no partner row. With the index before it, whichever way SQLite
 *   plans that count (ties first, or partners first once it has statistics), no table row is
 *   read.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('ties_created_live')
    .on('ties')
    .columns(['created_at', 'id'])
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();
  await db.schema
    .createIndex('ties_partner_live')
    .on('ties')
    .column('partner_id')
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();
  await db.schema
    .createIndex('partners_id_country')
    .on('partners')
    .columns(['id', 'country'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('partners_id_country').execute();
  await db.schema.dropIndex('ties_partner_live').execute();
  await db.schema.dropIndex('ties_created_live').execute();
}
