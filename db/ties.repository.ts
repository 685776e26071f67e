import { sql, type SqlBool } from 'kysely';
import type { CountryCode } from '../shared/countries';
import type { PartialDate } from '../shared/dates';
import type { Field, Kind, Stage } from '../shared/enums';
import type { TieColumn } from '../shared/ipc/ties';
import type { TieRow } from '../shared/model';
import type { ColumnFilter } from '../shared/grid-query';
import {
  aliasOf,
  filterSql,
  orderSql,
  quickSql,
  valueCounts,
  type QuickLookups,
  type SqlColumn,
} from './grid-query';
import { engineOfDb } from './engine';
import { fromJsonText } from './json';
import type { Executor, Row, RowPatch } from './schema';
import { updateVersioned } from './versioned';
import { prepared, preparedInsert } from './prepared';

/**
 * Ties with their locality (`l`) and partner (`p`): the one spelling of this join. `tiesFirst`
 * writes it as cross joins, which SQLite never reorders: the ties are read first, so a page in
 * the grid's own order comes from `ties_grid_order` and stops at its last row. With planner
 * statistics SQLite would otherwise start from the 30 localities and sort all 50,000 ties (40
 * to 80 ms for the grid's first page instead of under one). PostgreSQL plans both alike.
 */
function named(db: Executor, tiesFirst = false) {
  const ties = db.selectFrom('ties as t');
  return tiesFirst
    ? ties
        .crossJoin('localities as l')
        .crossJoin('partners as p')
        .whereRef('l.id', '=', 't.locality_id')
        .whereRef('p.id', '=', 't.partner_id')
    : ties
        .innerJoin('localities as l', 'l.id', 't.locality_id')
        .innerJoin('partners as p', 'p.id', 't.partner_id');
}

/** The tie with its locality and partner, as one query returns it. */
function joined(db: Executor, tiesFirst = false) {
  return named(db, tiesFirst).select([
    't.id',
    't.version',
    't.locality_id',
    'l.name as local',
    'l.level as local_level',
    't.partner_id',
    'p.name as partner',
    'p.name_zh as partner_zh',
    'p.country',
    'p.region',
    't.kind',
    't.stage',
    't.established_on',
    't.intent_signed_on',
    't.first_contact_on',
    't.signed_place',
    't.our_signatory',
    't.partner_signatory',
    't.fields',
    't.notes',
    't.created_at',
    't.updated_at',
    't.deleted_at',
  ]);
}

type Joined = Awaited<ReturnType<ReturnType<typeof joined>['executeTakeFirstOrThrow']>>;

export function tieRowFrom(row: Joined): TieRow {
  return {
    ...row,
    local_level: row.local_level,
    country: row.country as CountryCode,
    kind: row.kind,
    stage: row.stage,
    established_on: row.established_on as PartialDate | null,
    intent_signed_on: row.intent_signed_on as PartialDate | null,
    first_contact_on: row.first_contact_on as PartialDate | null,
    fields: fromJsonText<Field[]>(row.fields, []),
  };
}

/** Each grid column as SQL: what it sorts by and how its filter and quick search read. */
export const TIE_SQL: Readonly<Record<TieColumn, SqlColumn>> = {
  local: {
    expr: 'l.name',
    kind: 'text',
    // Pinyin order (安庆市, 合肥市, 芜湖市), the name itself where no key was kept yet.
    sortBy: ['l.pinyin', 'l.name'],
    // Any name, its pinyin or its initials: Hefei, hefei, hf all find 合肥市.
    like: (p, caseless) =>
      sql<SqlBool>`(${caseless('l.name', p)} or l.name_zh like ${p} escape '\\' or ${caseless('l.name_en', p)} or l.pinyin like lower(${p}) escape '\\' or l.initials like lower(${p}) escape '\\')`,
  },
  local_level: { expr: 'l.level', kind: 'enum', vocabulary: 'level' },
  partner: {
    expr: 'p.name',
    kind: 'text',
    sortBy: ['p.pinyin', 'p.name'],
    like: (p, caseless) =>
      sql<SqlBool>`(${caseless('p.name', p)} or p.name_zh like ${p} escape '\\' or ${caseless('p.name_en', p)} or ${caseless('p.name_local', p)} or p.pinyin like lower(${p}) escape '\\' or p.initials like lower(${p}) escape '\\')`,
  },
  partner_zh: { expr: 'p.name_zh', kind: 'text' },
  country: { expr: 'p.country', kind: 'country' },
  region: { expr: 'p.region', kind: 'text' },
  kind: { expr: 't.kind', kind: 'enum', vocabulary: 'kind' },
  stage: { expr: 't.stage', kind: 'enum', vocabulary: 'stage' },
  established_on: { expr: 't.established_on', kind: 'date' },
  intent_signed_on: { expr: 't.intent_signed_on', kind: 'date' },
  first_contact_on: { expr: 't.first_contact_on', kind: 'date' },
  signed_place: { expr: 't.signed_place', kind: 'text' },
  our_signatory: { expr: 't.our_signatory', kind: 'text' },
  partner_signatory: { expr: 't.partner_signatory', kind: 'text' },
  fields: { expr: 't.fields', kind: 'fields' },
  notes: { expr: 't.notes', kind: 'text' },
};

/** The quick search reads each locality and partner once, not once per tie (see `quickSql`). */
const TIE_LOOKUPS: QuickLookups = {
  l: { table: 'localities', key: 't.locality_id' },
  p: { table: 'partners', key: 't.partner_id' },
};

/** A view's quick search over ties, which joins nothing. */
const tieQuickSql = (db: Executor, quick: string) =>
  quickSql(TIE_SQL, quick, engineOfDb(db), TIE_LOOKUPS);

export interface TieQuery {
  readonly sort: readonly { colId: TieColumn; sort: 'asc' | 'desc' }[];
  readonly filter: Readonly<Partial<Record<TieColumn, ColumnFilter>>>;
  /** Free text, matched against every column in either language. */
  readonly quick: string;
  readonly deleted: boolean;
  /** Only these ties, of those the view shows. */
  readonly ids?: readonly string[] | undefined;
  readonly offset: number;
  readonly limit: number;
}

function filtered(
  db: Executor,
  q: Pick<TieQuery, 'quick' | 'filter' | 'deleted' | 'ids'>,
  tiesFirst = false,
) {
  const query = joined(db, tiesFirst)
    .where('t.deleted_at', q.deleted ? 'is not' : 'is', null)
    .where(() => filterSql(TIE_SQL, q.filter, engineOfDb(db)))
    .where(() => tieQuickSql(db, q.quick));
  if (!q.ids) return query;
  return q.ids.length === 0 ? query.where(sql<SqlBool>`1 = 0`) : query.where('t.id', 'in', q.ids);
}

/** The tables (`t`, `l`, `p`) a column's SQL reads, by the alias its expression starts with. */
const tableOf = (column: TieColumn) => aliasOf(TIE_SQL[column]);

/** The tables a view's filters read (its quick search joins none, see `tieQuickSql`). */
function tablesRead(q: Pick<TieQuery, 'filter'>): Set<string> {
  const used = new Set<string>(['t']);
  for (const [id, model] of Object.entries(q.filter)) if (model) used.add(tableOf(id as TieColumn));
  return used;
}

/**
 * How many ties hold each value of one column under a view (its other filters and search),
 * for a checklist filter. Joined only to the tables the column and the filters read (the
 * search joins none; every tie has its locality and partner, so a join left out counts the
 * same), and grouped by the bare column so its index serves: a checklist opens at once at
 * 50,000 ties.
 */
export async function countTieValues(
  db: Executor,
  column: TieColumn,
  q: Pick<TieQuery, 'quick' | 'filter' | 'deleted'>,
): Promise<{ value: string; count: number }[]> {
  const used = tablesRead(q);
  used.add(tableOf(column));
  const value = sql.ref<string | null>(TIE_SQL[column].expr);
  const rows = await db
    .selectFrom('ties as t')
    .$if(used.has('l'), (qb) => qb.innerJoin('localities as l', 'l.id', 't.locality_id'))
    .$if(used.has('p'), (qb) => qb.innerJoin('partners as p', 'p.id', 't.partner_id'))
    .select([value.as('value'), sql<number>`count(*)`.as('n')])
    .where('t.deleted_at', q.deleted ? 'is not' : 'is', null)
    .where(() => filterSql(TIE_SQL, q.filter, engineOfDb(db)))
    .where(() => tieQuickSql(db, q.quick))
    .groupBy(value)
    .execute();
  return valueCounts(rows);
}

export async function listTies(
  db: Executor,
  q: TieQuery,
): Promise<{ rows: TieRow[]; total: number }> {
  const order = orderSql(TIE_SQL, q.sort);
  // In the grid's own order, filtered and searched by the ties' own columns only: ties first.
  const own = order === null && [...tablesRead(q)].every((table) => table === 't');
  let query = filtered(db, q, own);
  if (order) query = query.orderBy(order as never);
  const rows = await query
    .orderBy('t.created_at')
    .orderBy('t.id')
    .offset(q.offset)
    .limit(q.limit)
    .execute();
  const total = q.offset === 0 && rows.length < q.limit ? rows.length : await countTies(db, q);
  return { rows: rows.map(tieRowFrom), total };
}

/**
 * How many ties a view holds, joined only to the tables its filters read (its search joins
 * none; every tie has its locality and partner, so a join left out counts the same): the
 * count under a page of 50,000 ties reads one index, not three tables.
 */
async function countTies(
  db: Executor,
  q: Pick<TieQuery, 'quick' | 'filter' | 'deleted' | 'ids'>,
): Promise<number> {
  const used = tablesRead(q);
  let query = db
    .selectFrom('ties as t')
    .$if(used.has('l'), (qb) => qb.innerJoin('localities as l', 'l.id', 't.locality_id'))
    .$if(used.has('p'), (qb) => qb.innerJoin('partners as p', 'p.id', 't.partner_id'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('t.deleted_at', q.deleted ? 'is not' : 'is', null)
    .where(() => filterSql(TIE_SQL, q.filter, engineOfDb(db)))
    .where(() => tieQuickSql(db, q.quick));
  if (q.ids)
    query =
      q.ids.length === 0 ? query.where(sql<SqlBool>`1 = 0`) : query.where('t.id', 'in', q.ids);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

export async function getTieRow(db: Executor, id: string): Promise<TieRow | undefined> {
  const row = await joined(db).where('t.id', '=', id).executeTakeFirst();
  return row ? tieRowFrom(row) : undefined;
}

export async function getTie(db: Executor, id: string): Promise<Row<'ties'> | undefined> {
  return db.selectFrom('ties').selectAll().where('id', '=', id).executeTakeFirst();
}

const liveTieOf = prepared(2, (db, localityId: string, partnerId: string) =>
  db
    .selectFrom('ties')
    .selectAll()
    .where('locality_id', '=', localityId)
    .where('partner_id', '=', partnerId)
    .where('deleted_at', 'is', null),
);

export async function findLiveTie(
  db: Executor,
  localityId: string,
  partnerId: string,
): Promise<Row<'ties'> | undefined> {
  return (await liveTieOf(db, localityId, partnerId)).rows[0];
}

export const insertTie = preparedInsert('ties', [
  'id',
  'locality_id',
  'partner_id',
  'kind',
  'stage',
  'first_contact_on',
  'intent_signed_on',
  'established_on',
  'signed_place',
  'our_signatory',
  'partner_signatory',
  'fields',
  'notes',
  'version',
  'created_at',
  'updated_at',
  'deleted_at',
]);

/** Optimistic update: changes the row only if nobody saved since `version` was read. */
export function updateTie(
  db: Executor,
  id: string,
  version: number,
  patch: RowPatch<'ties'>,
): Promise<boolean> {
  return updateVersioned(db, 'ties', id, version, patch);
}

/** A live tie as the workflow lists it: what it is, and whose. */
export interface TieSummary {
  readonly id: string;
  readonly stage: Stage;
  readonly kind: Kind;
  readonly established_on: string | null;
  readonly local: string;
  readonly partner: string;
  readonly country: string;
}

/** Live ties with their names; `established` keeps those standing and dated. */
export async function listTieSummaries(
  db: Executor,
  filter: { established?: boolean } = {},
): Promise<TieSummary[]> {
  let q = named(db)
    .select([
      't.id',
      't.stage',
      't.kind',
      't.established_on',
      'l.name as local',
      'p.name as partner',
      'p.country',
    ])
    .where('t.deleted_at', 'is', null);
  if (filter.established)
    q = q
      .where('t.stage', 'in', ['established', 'suspended'])
      .where('t.established_on', 'is not', null);
  return q.execute();
}

/**
 * Live ties of a partner named in any of its spellings: of the locality named `local` (in any
 * spelling) or, without a name, of `localityId` when given; narrowed by country when given.
 * At most `limit`.
 */
export function findTiesByNames(
  db: Executor,
  ref: {
    local: string | null;
    partner: string;
    country?: string | null | undefined;
    localityId?: string | null | undefined;
  },
  limit: number,
): Promise<{ id: string; country: string }[]> {
  const { local, partner } = ref;
  let q = named(db)
    .select(['t.id', 'p.country'])
    .where('t.deleted_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('p.name', '=', partner),
        eb('p.name_zh', '=', partner),
        eb('p.name_en', '=', partner),
        eb('p.name_local', '=', partner),
      ]),
    );
  if (local !== null)
    q = q.where((eb) =>
      eb.or([eb('l.name', '=', local), eb('l.name_zh', '=', local), eb('l.name_en', '=', local)]),
    );
  else if (ref.localityId) q = q.where('t.locality_id', '=', ref.localityId);
  if (ref.country) q = q.where('p.country', '=', ref.country);
  return q.limit(limit).execute();
}

/**
 * Live ties named by id or by their partner in any spelling, of one locality when given; at
 * most `limit` ids.
 */
export async function findTieIdsByRef(
  db: Executor,
  ref: string,
  localityId: string | null,
  limit: number,
): Promise<string[]> {
  let q = named(db)
    .select('t.id')
    .where('t.deleted_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('t.id', '=', ref),
        eb('p.name', '=', ref),
        eb('p.name_zh', '=', ref),
        eb('p.name_en', '=', ref),
        eb('p.name_local', '=', ref),
      ]),
    );
  if (localityId) q = q.where('t.locality_id', '=', localityId);
  return (await q.limit(limit).execute()).map((r) => r.id);
}

/** Our localities with a standing friendship tie to this partner, other than `exceptTieId`. */
export async function friendshipLocalitiesOf(
  db: Executor,
  partnerId: string,
  exceptTieId: string,
): Promise<string[]> {
  const rows = await named(db)
    .select('l.name')
    .where('t.partner_id', '=', partnerId)
    .where('t.id', '!=', exceptTieId)
    .where('t.deleted_at', 'is', null)
    .where('t.kind', '=', 'friendship')
    .where('t.stage', 'in', ['established', 'suspended'])
    .execute();
  return rows.map((r) => r.name);
}

/** Every tie of a locality or partner, deleted ones too (a merge moves them all). */
export async function tiesReferencing(
  db: Executor,
  column: 'locality_id' | 'partner_id',
  id: string,
): Promise<Row<'ties'>[]> {
  return db.selectFrom('ties').selectAll().where(column, '=', id).orderBy('id').execute();
}

/** The number of live ties of each locality or partner that has one. */
export async function liveTieCounts(
  db: Executor,
  column: 'locality_id' | 'partner_id',
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('ties')
    .select([column, (eb) => eb.fn.countAll<number>().as('n')])
    .where('deleted_at', 'is', null)
    .groupBy(column)
    .execute();
  return new Map(rows.map((r) => [(r as Record<string, unknown>)[column] as string, Number(r.n)]));
}
