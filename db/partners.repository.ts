import type { CountryCode } from '../shared/countries';
import type { PartnerRow } from '../shared/model';
import type { Executor, NewRow, Row, RowPatch } from './schema';
import { updateVersioned } from './versioned';

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
  return q.orderBy('country').orderBy('name').execute();
}

export async function getPartner(db: Executor, id: string): Promise<Row<'partners'> | undefined> {
  return db.selectFrom('partners').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * A partner is its name (in any of its spellings) within its country. One indexed lookup per
 * spelling, the main name first: an OR across the columns made SQLite scan every partner of
 * the country, which turned a large import quadratic.
 */
export async function findPartner(
  db: Executor,
  name: string,
  country: string,
): Promise<Row<'partners'> | undefined> {
  for (const column of ['name', 'name_zh', 'name_en', 'name_local'] as const) {
    const found = await db
      .selectFrom('partners')
      .selectAll()
      .where('deleted_at', 'is', null)
      .where('country', '=', country)
      .where(column, '=', name)
      .executeTakeFirst();
    if (found) return found;
  }
  return undefined;
}

export async function insertPartner(db: Executor, row: NewRow<'partners'>): Promise<void> {
  await db.insertInto('partners').values(row).execute();
}

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
