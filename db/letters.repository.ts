import type { CountryCode } from '../shared/countries';
import type { PartialDate } from '../shared/dates';
import type { LetterStatus, LetterType } from '../shared/enums';
import type { LetterRow } from '../shared/model';
import type { Executor, NewRow, Row } from './schema';

function joined(db: Executor) {
  return db
    .selectFrom('letters as x')
    .innerJoin('ties as t', 't.id', 'x.tie_id')
    .innerJoin('localities as l', 'l.id', 't.locality_id')
    .innerJoin('partners as p', 'p.id', 't.partner_id')
    .selectAll('x')
    .select(['l.name as local', 'p.name as partner', 'p.country']);
}

type Joined = Row<'letters'> & { local: string; partner: string; country: string };

export function letterRowFrom(row: Joined): LetterRow {
  return {
    id: row.id,
    version: row.version,
    tie_id: row.tie_id,
    local: row.local,
    partner: row.partner,
    country: row.country as CountryCode,
    title: row.title,
    doc_type: row.doc_type as LetterType,
    signed_on: row.signed_on as PartialDate | null,
    signed_place: row.signed_place,
    our_signatory: row.our_signatory,
    partner_signatory: row.partner_signatory,
    follow_up_on: row.follow_up_on as PartialDate | null,
    status: row.status as LetterStatus,
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
