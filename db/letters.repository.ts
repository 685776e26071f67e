import type { CountryCode } from '../shared/countries';
import type { PartialDate } from '../shared/dates';
import type { LetterRow } from '../shared/model';
import type { Executor, NewRow, Row } from './schema';

function joined(db: Executor) {
  return db
    .selectFrom('letters as x')
    .innerJoin('ties as t', 't.id', 'x.tie_id')
    .innerJoin('localities as l', 'l.id', 't.locality_id')
    .innerJoin('partners as p', 'p.id', 't.partner_id')
    .selectAll('x')
    .select(['l.name as local', 'p.name as partner', 'p.country'])
    .select(['l.pinyin as local_key', 'p.pinyin as partner_key']);
}

type Joined = Row<'letters'> & {
  local: string;
  partner: string;
  country: string;
  local_key: string | null;
  partner_key: string | null;
};

export function letterRowFrom(row: Joined): LetterRow {
  return {
    id: row.id,
    version: row.version,
    tie_id: row.tie_id,
    local: row.local,
    partner: row.partner,
    country: row.country as CountryCode,
    local_key: row.local_key ?? '',
    partner_key: row.partner_key ?? '',
    title: row.title,
    doc_type: row.doc_type,
    signed_on: row.signed_on as PartialDate | null,
    signed_place: row.signed_place,
    our_signatory: row.our_signatory,
    partner_signatory: row.partner_signatory,
    follow_up_on: row.follow_up_on as PartialDate | null,
    status: row.status,
    scan_name: row.scan_name,
    notes: row.notes,
    created_at: row.created_at,
    updated_at: row.updated_at,
    deleted_at: row.deleted_at,
  };
}

export async function listLetters(
  db: Executor,
  filter: { tie_id?: string | undefined; deleted: boolean },
): Promise<LetterRow[]> {
  let q = joined(db).where('x.deleted_at', filter.deleted ? 'is not' : 'is', null);
  if (filter.tie_id) q = q.where('x.tie_id', '=', filter.tie_id);
  return (
    await q
      .orderBy('x.signed_on', (o) => o.desc().nullsLast())
      .orderBy('x.created_at')
      .execute()
  ).map(letterRowFrom);
}

export async function getLetterRow(db: Executor, id: string): Promise<LetterRow | undefined> {
  const row = await joined(db).where('x.id', '=', id).executeTakeFirst();
  return row ? letterRowFrom(row) : undefined;
}

export async function getLetter(db: Executor, id: string): Promise<Row<'letters'> | undefined> {
  return db.selectFrom('letters').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertLetter(db: Executor, row: NewRow<'letters'>): Promise<void> {
  await db.insertInto('letters').values(row).execute();
}

/** A tie's live letters that carry a signing date. */
export async function signedLettersOfTie(
  db: Executor,
  tieId: string,
): Promise<{ signed_on: string }[]> {
  const rows = await db
    .selectFrom('letters')
    .select('signed_on')
    .where('tie_id', '=', tieId)
    .where('deleted_at', 'is', null)
    .where('signed_on', 'is not', null)
    .execute();
  return rows as { signed_on: string }[];
}

/** A tie's live letters still in force (not superseded or withdrawn). */
export function activeLettersOfTie(db: Executor, tieId: string): Promise<Row<'letters'>[]> {
  return db
    .selectFrom('letters')
    .selectAll()
    .where('tie_id', '=', tieId)
    .where('status', '=', 'active')
    .where('deleted_at', 'is', null)
    .execute();
}

/** A tie's live letter with this title and signing date (none: undated), for an import. */
export function findLetterOfTie(
  db: Executor,
  tieId: string,
  title: string,
  signedOn: string | null,
): Promise<Row<'letters'> | undefined> {
  return db
    .selectFrom('letters')
    .selectAll()
    .where('tie_id', '=', tieId)
    .where('title', '=', title)
    .where('signed_on', signedOn === null ? 'is' : '=', signedOn)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}
