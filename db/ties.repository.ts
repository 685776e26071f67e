import { sql, type Expression, type SqlBool } from 'kysely';
import type { CountryCode } from '../shared/countries';
import type { PartialDate } from '../shared/dates';
import type { Field, Kind, Level, Stage } from '../shared/enums';
import type { TieColumn } from '../shared/ipc/ties';
import type { TieRow } from '../shared/model';
import { fromJsonText } from './json';
import type { Executor, NewRow, Row, RowPatch } from './schema';
import { updateVersioned } from './versioned';

/** The tie with its locality and partner, as one query returns it. */
function joined(db: Executor) {
  return db
    .selectFrom('ties as t')
    .innerJoin('localities as l', 'l.id', 't.locality_id')
    .innerJoin('partners as p', 'p.id', 't.partner_id')
    .select([
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
    local_level: row.local_level as Level,
    country: row.country as CountryCode,
    kind: row.kind as Kind,
    stage: row.stage as Stage,
    established_on: row.established_on as PartialDate | null,
    intent_signed_on: row.intent_signed_on as PartialDate | null,
    first_contact_on: row.first_contact_on as PartialDate | null,
    fields: fromJsonText<Field[]>(row.fields, []),
  };
}

/** How each grid column sorts in SQL. */
const SORT_EXPRESSIONS: Record<TieColumn, string> = {
  local: 'l.name',
  local_level: 'l.level',
  partner: 'p.name',
  partner_zh: 'p.name_zh',
  country: 'p.country',
  region: 'p.region',
  kind: 't.kind',
  stage: 't.stage',
  established_on: 't.established_on',
  intent_signed_on: 't.intent_signed_on',
  first_contact_on: 't.first_contact_on',
  signed_place: 't.signed_place',
  our_signatory: 't.our_signatory',
  partner_signatory: 't.partner_signatory',
  fields: 't.fields',
  notes: 't.notes',
};

export interface TieQuery {
  readonly sort: readonly { colId: TieColumn; sort: 'asc' | 'desc' }[];
  /** Free text, matched against every text column. */
  readonly quick: string;
  /** Values the quick text names in other words: countries and enum values it matches. */
  readonly quickCountries: readonly string[];
  readonly quickEnums: readonly string[];
  readonly deleted: boolean;
  readonly offset: number;
  readonly limit: number;
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function filtered(
  db: Executor,
  q: Pick<TieQuery, 'quick' | 'quickCountries' | 'quickEnums' | 'deleted'>,
) {
  let query = joined(db).where('t.deleted_at', q.deleted ? 'is not' : 'is', null);
  const words = q.quick.trim();
  if (words !== '') {
    const pattern = likePattern(words);
    query = query.where((eb) => {
      const like = (col: string): Expression<SqlBool> =>
        sql<SqlBool>`${sql.ref(col)} like ${pattern} escape '\\'`;
      const ors: Expression<SqlBool>[] = [
        'l.name',
        'l.name_zh',
        'l.name_en',
        'p.name',
        'p.name_zh',
        'p.name_en',
        'p.name_local',
        'p.region',
        'p.country',
        't.established_on',
        't.intent_signed_on',
        't.first_contact_on',
        't.signed_place',
        't.our_signatory',
        't.partner_signatory',
        't.notes',
      ].map(like);
      if (q.quickCountries.length > 0) ors.push(eb('p.country', 'in', [...q.quickCountries]));
      if (q.quickEnums.length > 0) {
        ors.push(
          eb('t.kind', 'in', [...q.quickEnums]),
          eb('t.stage', 'in', [...q.quickEnums]),
          eb('l.level', 'in', [...q.quickEnums]),
        );
        for (const value of q.quickEnums) ors.push(sql<SqlBool>`t.fields like ${`%"${value}"%`}`);
      }
      return eb.or(ors);
    });
  }
  return query;
}

export async function listTies(
  db: Executor,
  q: TieQuery,
): Promise<{ rows: TieRow[]; total: number }> {
  const base = filtered(db, q);
  let query = base;
  for (const s of q.sort) {
    query = query.orderBy(sql.ref(SORT_EXPRESSIONS[s.colId]), s.sort);
  }
  const rows = await query
    .orderBy('t.created_at')
    .orderBy('t.id')
    .offset(q.offset)
    .limit(q.limit)
    .execute();
  const total =
    q.offset === 0 && rows.length < q.limit
      ? rows.length
      : Number(
          (
            await filtered(db, q)
              .clearSelect()
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
  return { rows: rows.map(tieRowFrom), total };
}

export async function getTieRow(db: Executor, id: string): Promise<TieRow | undefined> {
  const row = await joined(db).where('t.id', '=', id).executeTakeFirst();
  return row ? tieRowFrom(row) : undefined;
}

export async function getTie(db: Executor, id: string): Promise<Row<'ties'> | undefined> {
  return db.selectFrom('ties').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findLiveTie(
  db: Executor,
  localityId: string,
  partnerId: string,
): Promise<Row<'ties'> | undefined> {
  return db
    .selectFrom('ties')
    .selectAll()
    .where('locality_id', '=', localityId)
    .where('partner_id', '=', partnerId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function insertTie(db: Executor, row: NewRow<'ties'>): Promise<void> {
  await db.insertInto('ties').values(row).execute();
}

/** Optimistic update: changes the row only if nobody saved since `version` was read. */
export function updateTie(
  db: Executor,
  id: string,
  version: number,
  patch: RowPatch<'ties'>,
): Promise<boolean> {
  return updateVersioned(db, 'ties', id, version, patch);
}
