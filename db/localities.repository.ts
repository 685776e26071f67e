import type { LocalityRow } from '../shared/model';
import type { Executor, Row, RowPatch } from './schema';
import { updateVersioned } from './versioned';
import { prepared, preparedInsert } from './prepared';

export function localityRowFrom(row: Row<'localities'>): LocalityRow {
  return {
    id: row.id,
    name: row.name,
    name_zh: row.name_zh,
    name_en: row.name_en,
    level: row.level,
    parent_id: row.parent_id,
    version: row.version,
  };
}

export async function listLocalities(db: Executor): Promise<Row<'localities'>[]> {
  return db
    .selectFrom('localities')
    .selectAll()
    .where('deleted_at', 'is', null)
    .orderBy('name')
    .execute();
}

export async function getLocality(
  db: Executor,
  id: string,
): Promise<Row<'localities'> | undefined> {
  return db.selectFrom('localities').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A locality by any of its names, as a ledger may spell it in either language. */
export async function findLocalityByName(
  db: Executor,
  name: string,
): Promise<Row<'localities'> | undefined> {
  for (const byColumn of LOCALITY_BY) {
    const found = (await byColumn(db, name)).rows[0];
    if (found) return found;
  }
  return undefined;
}

/**
 * A live locality by one of its names, the name itself first. One indexed look-up each: an
 * `or` of the three makes SQLite read every locality.
 */
const LOCALITY_BY = (['name', 'name_zh', 'name_en'] as const).map((column) =>
  prepared(1, (db, name: string) =>
    db
      .selectFrom('localities')
      .selectAll()
      .where('deleted_at', 'is', null)
      .where(column, '=', name),
  ),
);

export const insertLocality = preparedInsert('localities', [
  'id',
  'name',
  'name_zh',
  'name_en',
  'level',
  'parent_id',
  'version',
  'created_at',
  'updated_at',
  'deleted_at',
]);

/** Applies a patch if the version still matches; returns whether a row changed. */
export function updateLocality(
  db: Executor,
  id: string,
  version: number,
  patch: RowPatch<'localities'>,
): Promise<boolean> {
  return updateVersioned(db, 'localities', id, version, patch);
}

export async function countLiveTiesOfLocality(db: Executor, id: string): Promise<number> {
  const { n } = await db
    .selectFrom('ties')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('locality_id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(n);
}
