import type { CountryCode } from '../shared/countries';
import type { PartialDate } from '../shared/dates';
import type { Field } from '../shared/enums';
import type { VisitRow } from '../shared/model';
import { sql, type SqlBool } from 'kysely';
import type { ColumnFilter } from '../shared/grid-query';
import type { VisitColumn } from '../shared/ipc/visits';
import { filterSql, orderSql, quickSql, valueCounts, type SqlColumn } from './grid-query';
import { engineOfDb } from './engine';
import { fromJsonText } from './json';
import type { Executor, NewRow, Row } from './schema';

type Joined = Row<'visits'> & { local: string | null };

function joined(db: Executor) {
  return db
    .selectFrom('visits as v')
    .leftJoin('localities as l', 'l.id', 'v.locality_id')
    .selectAll('v')
    .select(['l.name as local']);
}

/** Labels of the ties visits served, keyed by visit: "Nanjing – Nagoya". */
async function linkedTies(
  db: Executor,
  visitIds: readonly string[],
): Promise<Map<string, { id: string; label: string }[]>> {
  const out = new Map<string, { id: string; label: string }[]>();
  // SQLite limits bound parameters; look links up in slices.
  for (let i = 0; i < visitIds.length; i += 500) {
    const slice = visitIds.slice(i, i + 500);
    const rows = await db
      .selectFrom('visit_ties as vt')
      .innerJoin('ties as t', 't.id', 'vt.tie_id')
      .innerJoin('localities as l', 'l.id', 't.locality_id')
      .innerJoin('partners as p', 'p.id', 't.partner_id')
      .select(['vt.visit_id', 't.id', 'l.name as local', 'p.name as partner'])
      .where('vt.visit_id', 'in', slice)
      .orderBy('p.name')
      .execute();
    for (const r of rows) {
      const list = out.get(r.visit_id) ?? [];
      list.push({ id: r.id, label: `${r.local} – ${r.partner}` });
      out.set(r.visit_id, list);
    }
  }
  return out;
}

function visitRowFrom(row: Joined, ties: { id: string; label: string }[]): VisitRow {
  return {
    id: row.id,
    version: row.version,
    direction: row.direction,
    locality_id: row.locality_id,
    local: row.local,
    country: row.country as CountryCode | null,
    leader: row.leader,
    leader_title: row.leader_title,
    start_on: row.start_on as PartialDate | null,
    end_on: row.end_on as PartialDate | null,
    size: row.size,
    organisation: row.organisation,
    purpose: row.purpose,
    fields: fromJsonText<Field[]>(row.fields, []),
    outcomes: row.outcomes,
    agreements_signed: row.agreements_signed,
    amount: row.amount,
    currency: row.currency,
    notes: row.notes,
    ties,
    created_at: row.created_at,
    updated_at: row.updated_at,
    deleted_at: row.deleted_at,
  };
}

/** Each grid column as SQL, for sorting, column filters and quick search. */
export const VISIT_SQL: Readonly<Record<VisitColumn, SqlColumn>> = {
  direction: { expr: 'v.direction', kind: 'enum', vocabulary: 'direction' },
  local: { expr: 'l.name', kind: 'text', sortBy: ['l.pinyin', 'l.name'] },
  country: { expr: 'v.country', kind: 'country' },
  leader: { expr: 'v.leader', kind: 'text' },
  leader_title: { expr: 'v.leader_title', kind: 'text' },
  start_on: { expr: 'v.start_on', kind: 'date' },
  end_on: { expr: 'v.end_on', kind: 'date' },
  size: { expr: 'v.size', kind: 'number' },
  organisation: { expr: 'v.organisation', kind: 'text' },
  purpose: { expr: 'v.purpose', kind: 'text' },
  fields: { expr: 'v.fields', kind: 'fields' },
  // The ties a visit served, matched by their partners' names in any spelling.
  ties: {
    expr: 'v.id',
    kind: 'text',
    like: (p, caseless) =>
      sql<SqlBool>`exists (select 1 from visit_ties vt join ties t on t.id = vt.tie_id join partners p on p.id = t.partner_id where vt.visit_id = v.id and (${caseless('p.name', p)} or p.name_zh like ${p} escape '\\'))`,
  },
  outcomes: { expr: 'v.outcomes', kind: 'text' },
  agreements_signed: { expr: 'v.agreements_signed', kind: 'number' },
  amount: { expr: 'v.amount', kind: 'text' },
  currency: { expr: 'v.currency', kind: 'text' },
  notes: { expr: 'v.notes', kind: 'text' },
};

/** What a visits grid shows: its filters, search, bin, and the ties or rows it is limited to. */
interface VisitView {
  tie_id?: string | undefined;
  ids?: readonly string[] | undefined;
  filter: Readonly<Partial<Record<VisitColumn, ColumnFilter>>>;
  quick: string;
  deleted: boolean;
}

function filtered(db: Executor, q: VisitView) {
  let query = joined(db)
    .where('v.deleted_at', q.deleted ? 'is not' : 'is', null)
    .where(() => filterSql(VISIT_SQL, q.filter, engineOfDb(db)))
    .where(() => quickSql(VISIT_SQL, q.quick, engineOfDb(db)));
  if (q.tie_id) {
    const tieId = q.tie_id;
    query = query.where(
      'v.id',
      'in',
      db.selectFrom('visit_ties').select('visit_id').where('tie_id', '=', tieId),
    );
  }
  if (q.ids)
    query =
      q.ids.length === 0 ? query.where(sql<SqlBool>`1 = 0`) : query.where('v.id', 'in', q.ids);
  return query;
}

/** How many visits hold each value of one column under a view, for a checklist filter. */
export async function countVisitValues(
  db: Executor,
  column: VisitColumn,
  q: VisitView,
): Promise<{ value: string; count: number }[]> {
  // Grouped by the bare column, so its index serves.
  const value = sql.ref<string | null>(VISIT_SQL[column].expr);
  const rows = await filtered(db, q)
    .clearSelect()
    .select([value.as('value'), sql<number>`count(*)`.as('n')])
    .groupBy(value)
    .execute();
  return valueCounts(rows);
}

export async function listVisits(
  db: Executor,
  q: VisitView & {
    sort: readonly { colId: VisitColumn; sort: 'asc' | 'desc' }[];
    offset: number;
    limit: number;
  },
): Promise<{ rows: VisitRow[]; total: number }> {
  const base = () => filtered(db, q);
  const order = orderSql(VISIT_SQL, q.sort);
  let query = base();
  query = order
    ? query.orderBy(order as never)
    : query.orderBy('v.start_on', (o) => o.desc().nullsLast());
  const rows = await query
    .orderBy('v.created_at')
    .orderBy('v.id')
    .offset(q.offset)
    .limit(q.limit)
    .execute();
  const links = await linkedTies(
    db,
    rows.map((r) => r.id),
  );
  const total =
    q.offset === 0 && rows.length < q.limit
      ? rows.length
      : Number(
          (
            await base()
              .clearSelect()
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
  return { rows: rows.map((r) => visitRowFrom(r, links.get(r.id) ?? [])), total };
}

export async function getVisitRow(db: Executor, id: string): Promise<VisitRow | undefined> {
  const row = await joined(db).where('v.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return visitRowFrom(row, (await linkedTies(db, [id])).get(id) ?? []);
}

export async function getVisit(db: Executor, id: string): Promise<Row<'visits'> | undefined> {
  return db.selectFrom('visits').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertVisit(db: Executor, row: NewRow<'visits'>): Promise<void> {
  await db.insertInto('visits').values(row).execute();
}

export async function visitTieIds(db: Executor, visitId: string): Promise<string[]> {
  return (
    await db
      .selectFrom('visit_ties')
      .select('tie_id')
      .where('visit_id', '=', visitId)
      .orderBy('tie_id')
      .execute()
  ).map((r) => r.tie_id);
}

export async function linkVisitTie(db: Executor, visitId: string, tieId: string): Promise<void> {
  await db.insertInto('visit_ties').values({ visit_id: visitId, tie_id: tieId }).execute();
}

export async function unlinkVisitTie(db: Executor, visitId: string, tieId: string): Promise<void> {
  await db
    .deleteFrom('visit_ties')
    .where('visit_id', '=', visitId)
    .where('tie_id', '=', tieId)
    .execute();
}

export function getVisitTie(
  db: Executor,
  visitId: string,
  tieId: string,
): Promise<Row<'visit_ties'> | undefined> {
  return db
    .selectFrom('visit_ties')
    .selectAll()
    .where('visit_id', '=', visitId)
    .where('tie_id', '=', tieId)
    .executeTakeFirst();
}

/** Each tie's latest visit start date, among live visits, for the follow-ups. */
export async function lastVisitOnByTie(db: Executor): Promise<Map<string, string | null>> {
  const rows = await db
    .selectFrom('visit_ties as vt')
    .innerJoin('visits as v', 'v.id', 'vt.visit_id')
    .select(['vt.tie_id', (eb) => eb.fn.max('v.start_on').as('on')])
    .where('v.deleted_at', 'is', null)
    .groupBy('vt.tie_id')
    .execute();
  return new Map(rows.map((v) => [v.tie_id, v.on as string | null]));
}

/**
 * The live visit an import row names: its direction, locality, country, start and leader
 * (a null matches only an empty column).
 */
export function findVisitByKey(
  db: Executor,
  key: {
    direction: string;
    locality_id: string | null;
    country: string | null;
    start_on: string | null;
    leader: string | null;
  },
): Promise<Row<'visits'> | undefined> {
  let q = db.selectFrom('visits').selectAll().where('deleted_at', 'is', null);
  for (const column of ['direction', 'locality_id', 'country', 'start_on', 'leader'] as const) {
    const value = key[column];
    q = q.where(column, value === null ? 'is' : '=', value);
  }
  return q.executeTakeFirst();
}

/** The day the registry's live visits begin (the earliest start), or null with none. */
export async function firstVisitOn(db: Executor): Promise<string | null> {
  const row = await db
    .selectFrom('visits')
    .select((eb) => eb.fn.min('start_on').as('on'))
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return (row?.on as string | null | undefined) ?? null;
}

/** Every visit of a locality, deleted ones too (a merge moves them all). */
export async function visitsOfLocality(db: Executor, localityId: string): Promise<Row<'visits'>[]> {
  return db
    .selectFrom('visits')
    .selectAll()
    .where('locality_id', '=', localityId)
    .orderBy('id')
    .execute();
}
