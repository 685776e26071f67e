import type { Kysely } from 'kysely';

/**
 * Frozen. Partners and localities are found by any of their names (an import, a paste, a tie
 * reference): an index per name column lets SQLite answer each OR branch from an index instead
 * of scanning every partner of a country, which made a large import quadratic.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const column of ['name_zh', 'name_en', 'name_local']) {
    await db.schema
      .createIndex(`partners_country_${column}`)
      .on('partners')
      .columns(['country', column])
      .execute();
  }
  for (const column of ['name_zh', 'name_en']) {
    await db.schema.createIndex(`localities_${column}`).on('localities').column(column).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['name_zh', 'name_en', 'name_local'])
    await db.schema.dropIndex(`partners_country_${column}`).execute();
  for (const column of ['name_zh', 'name_en'])
    await db.schema.dropIndex(`localities_${column}`).execute();
}
