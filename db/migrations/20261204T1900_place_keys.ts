import type { Kysely } from 'kysely';

/**
 * Frozen. A locality's place in China's administrative divisions and the pinyin keys names
 * sort and are searched by: `code` is its GB/T 2260 code (340100 for 合肥市) where the
 * directory knows it; `pinyin` is the name's sort key (toneless pinyin for Chinese, the
 * folded Latin name otherwise: `hefeishi`) and `initials` its first letters (`hfs`), for
 * localities and partners alike. Rows written before this stay null until next written; an
 * ORDER BY puts them first, as a blank sorts.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('localities').addColumn('code', 'text').execute();
  for (const table of ['localities', 'partners']) {
    await db.schema.alterTable(table).addColumn('pinyin', 'text').execute();
    await db.schema.alterTable(table).addColumn('initials', 'text').execute();
    await db.schema.createIndex(`${table}_pinyin`).on(table).column('pinyin').execute();
  }
  await db.schema.createIndex('localities_code').on('localities').column('code').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('localities_code').execute();
  for (const table of ['localities', 'partners']) {
    await db.schema.dropIndex(`${table}_pinyin`).execute();
    await db.schema.alterTable(table).dropColumn('initials').execute();
    await db.schema.alterTable(table).dropColumn('pinyin').execute();
  }
  await db.schema.alterTable('localities').dropColumn('code').execute();
}
