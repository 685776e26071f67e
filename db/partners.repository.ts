import { sql } from 'kysely';
import type { CountryCode } from '../shared/countries';
import type { PartnerRow } from '../shared/model';
import type { Executor, Row, RowPatch } from './schema';
import { updateVersioned } from './versioned';
import { prepared, preparedInsert } from './prepared';

export function partnerRowFrom(row: Row<'partners'>): PartnerRow {
  return {
    id: row.id,
    name: row.name,
    name_zh: row.name_zh,
    name_en: row.name_en,
    name_local: row.name_local,
    place_kind: row.place_kind,
    country: row.country as CountryCode,
    region: row.region,
    version: row.version,
  };
}

export async function listPartners(db: Executor, country?: string): Promise<Row<'partners'>[]> {
  let q = db.selectFrom('partners').selectAll().where('deleted_at', 'is', null);
  if (country) q = q.where('country', '=', country);
  return q.orderBy('country').orderBy('pinyin').orderBy('name').execute();
}

export async function getPartner(db: Executor, id: string): Promise<Row<'partners'> | undefined> {
  return db.selectFrom('partners').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * A partner is its name (in any of its spellings) within its country, the main name first.
 * One indexed lookup per spelling, in one statement: an OR across the columns made SQLite scan
 * every partner of the country, which turned a large import quadratic.
 */
export async function findPartner(
  db: Executor,
  name: string,
  country: string,
): Promise<Row<'partners'> | undefined> {
  const found = (await partnerByName(db, name, country)).rows;
  if (found.length === 0) return undefined;
  // The spelling order is kept here: an `order by` over the union would sort in SQLite.
  const { spelling: _, ...row } = found.reduce((a, b) => (b.spelling < a.spelling ? b : a));
  return row;
}

const partnerByName = prepared(2, (db, name: string, country: string) => {
  const by = (column: 'name' | 'name_zh' | 'name_en' | 'name_local', spelling: number) =>
    db
      .selectFrom('partners')
      .selectAll()
      .select(sql.lit(spelling).as('spelling'))
      .where('deleted_at', 'is', null)
      .where('country', '=', country)
      .where(column, '=', name);
  return by('name', 0)
    .unionAll(by('name_zh', 1))
    .unionAll(by('name_en', 2))
    .unionAll(by('name_local', 3));
});

/** A name within its country, as `partnerSpellings` holds it. */
export const spellingKey = (country: string, name: string): string => `${country}\u0000${name}`;

/**
 * Every spelling (name, name_zh, name_en, name_local) of every live partner, each as
 * `spellingKey` makes it: one read for a bulk write (an import) that then looks up only the
 * names some partner goes by, compared as `findPartner` compares them (exactly).
 */
export async function partnerSpellings(db: Executor): Promise<Set<string>> {
  const rows = await db
    .selectFrom('partners')
    .select(['country', 'name', 'name_zh', 'name_en', 'name_local'])
    .where('deleted_at', 'is', null)
    .execute();
  const out = new Set<string>();
  for (const row of rows)
    for (const name of [row.name, row.name_zh, row.name_en, row.name_local])
      if (name !== null) out.add(spellingKey(row.country, name));
  return out;
}

export const insertPartner = preparedInsert('partners', [
  'id',
  'name',
  'name_zh',
  'name_en',
  'name_local',
  'place_kind',
  'country',
  'region',
  'pinyin',
  'initials',
  'version',
  'created_at',
  'updated_at',
  'deleted_at',
]);

export function updatePartner(
  db: Executor,
  id: string,
  version: number,
  patch: RowPatch<'partners'>,
): Promise<boolean> {
  return updateVersioned(db, 'partners', id, version, patch);
}

export async function countLiveTiesOfPartner(db: Executor, id: string): Promise<number> {
  const { n } = await db
    .selectFrom('ties')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('partner_id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(n);
}
