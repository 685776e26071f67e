import { resolveDivision, type Division } from '../shared/divisions';
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
    code: row.code,
    version: row.version,
  };
}

export async function listLocalities(db: Executor): Promise<Row<'localities'>[]> {
  return db
    .selectFrom('localities')
    .selectAll()
    .where('deleted_at', 'is', null)
    .orderBy('pinyin')
    .orderBy('name')
    .execute();
}

export async function getLocality(
  db: Executor,
  id: string,
): Promise<Row<'localities'> | undefined> {
  return db.selectFrom('localities').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * A locality by any of its names, as a ledger may spell it in either language: one of its
 * stored names, else the place the directory says the name means (Hefei → 合肥市), found by
 * its code or, for a row written before codes were kept, by the place's own name.
 */
export async function findLocalityByName(
  db: Executor,
  name: string,
): Promise<Row<'localities'> | undefined> {
  for (const byColumn of LOCALITY_BY) {
    const found = (await byColumn(db, name)).rows[0];
    if (found) return found;
  }
  const match = resolveDivision(name);
  const places =
    match.kind === 'one' ? [match.division] : match.kind === 'ambiguous' ? match.candidates : [];
  const found = new Map<string, Row<'localities'>>();
  for (const place of places.slice(0, 8)) {
    const row = await findLocalityOfDivision(db, place);
    if (row) found.set(row.id, row);
  }
  // Two registered places share the name: the caller must say which, by its full name.
  return found.size === 1 ? [...found.values()][0] : undefined;
}

/** A live locality whose stored name is exactly `name` (not another of its names). */
export async function findLocalityByExactName(
  db: Executor,
  name: string,
): Promise<Row<'localities'> | undefined> {
  return (await LOCALITY_BY_NAME(db, name)).rows[0];
}

/** The live locality of a directory place: by its code, else by its full or short name. */
export async function findLocalityOfDivision(
  db: Executor,
  place: Division,
): Promise<Row<'localities'> | undefined> {
  const byCode = (await LOCALITY_BY_CODE(db, place.code)).rows[0];
  if (byCode) return byCode;
  for (const spelling of [place.name, place.short]) {
    for (const byColumn of LOCALITY_BY) {
      const row = (await byColumn(db, spelling)).rows[0];
      if (row && (row.code === null || row.code === place.code)) return row;
    }
  }
  return undefined;
}

const LOCALITY_BY_CODE = prepared(1, (db, code: string) =>
  db.selectFrom('localities').selectAll().where('deleted_at', 'is', null).where('code', '=', code),
);

/**
 * A live locality by one of its names, the name itself first. One indexed look-up each: an
 * `or` of the three makes SQLite read every locality.
 */
const localityBy = (column: 'name' | 'name_zh' | 'name_en') =>
  prepared(1, (db, name: string) =>
    db
      .selectFrom('localities')
      .selectAll()
      .where('deleted_at', 'is', null)
      .where(column, '=', name),
  );
const LOCALITY_BY_NAME = localityBy('name');
const LOCALITY_BY = [LOCALITY_BY_NAME, localityBy('name_zh'), localityBy('name_en')];

export const insertLocality = preparedInsert('localities', [
  'id',
  'name',
  'name_zh',
  'name_en',
  'level',
  'parent_id',
  'code',
  'pinyin',
  'initials',
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

/** Live or not, the localities and partners written before pinyin keys were kept. */
export async function namesWithoutKeys(
  db: Executor,
  table: 'localities' | 'partners',
): Promise<{ id: string; name: string }[]> {
  return db.selectFrom(table).select(['id', 'name']).where('pinyin', 'is', null).execute();
}

/** Sets derived sort keys only: no version, no audit, as an index would be rebuilt. */
export async function setPlaceKeys(
  db: Executor,
  table: 'localities' | 'partners',
  id: string,
  keys: { pinyin: string; initials: string },
): Promise<void> {
  await db.updateTable(table).set(keys).where('id', '=', id).execute();
}

/** The localities directly under one, deleted ones too. */
export async function childLocalities(db: Executor, id: string): Promise<Row<'localities'>[]> {
  return db
    .selectFrom('localities')
    .selectAll()
    .where('parent_id', '=', id)
    .orderBy('id')
    .execute();
}
