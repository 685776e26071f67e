import type { CountryCode } from '../shared/countries';
import { daysBetween, type PartialDate } from '../shared/dates';
import type { StepRow } from '../shared/model';
import type { Executor, NewRow, Row } from './schema';

function joined(db: Executor) {
  return db
    .selectFrom('approval_steps as x')
    .innerJoin('ties as t', 't.id', 'x.tie_id')
    .innerJoin('localities as l', 'l.id', 't.locality_id')
    .innerJoin('partners as p', 'p.id', 't.partner_id')
    .leftJoin('approval_steps as c', 'c.id', 'x.carried_from')
    .selectAll('x')
    .select(['l.name as local', 'p.name as partner', 'p.country', 'c.round as carried_round'])
    .select(['l.pinyin as local_key', 'p.pinyin as partner_key']);
}

type Joined = Row<'approval_steps'> & {
  local: string;
  partner: string;
  country: string;
  local_key: string | null;
  partner_key: string | null;
  carried_round: number | null;
};

/** `today` is `YYYY-MM-DD`; a step waits from its submission until a decision is recorded. */
export function stepRowFrom(row: Joined, today: string): StepRow {
  const waiting = row.submitted_on !== null && row.decided_on === null && row.outcome === null;
  return {
    id: row.id,
    version: row.version,
    tie_id: row.tie_id,
    local: row.local,
    partner: row.partner,
    country: row.country as CountryCode,
    local_key: row.local_key ?? '',
    partner_key: row.partner_key ?? '',
    round: row.round,
    position: row.position,
    authority_zh: row.authority_zh,
    authority_en: row.authority_en,
    submitted_on: row.submitted_on as PartialDate | null,
    decided_on: row.decided_on as PartialDate | null,
    outcome: row.outcome,
    reference_no: row.reference_no,
    decision_ref: row.decision_ref,
    decided_by: row.decided_by,
    carried_from_round: row.carried_round ?? null,
    note: row.note,
    waiting_days:
      waiting && row.submitted_on ? Math.max(0, daysBetween(row.submitted_on, today)) : null,
    created_at: row.created_at,
    updated_at: row.updated_at,
    deleted_at: row.deleted_at,
  };
}

export async function listSteps(
  db: Executor,
  filter: { tie_id?: string | undefined; waiting: boolean; deleted: boolean },
  today: string,
): Promise<StepRow[]> {
  let q = joined(db).where('x.deleted_at', filter.deleted ? 'is not' : 'is', null);
  if (filter.tie_id) q = q.where('x.tie_id', '=', filter.tie_id);
  if (filter.waiting) {
    q = q
      .where('x.submitted_on', 'is not', null)
      .where('x.decided_on', 'is', null)
      .where('x.outcome', 'is', null);
  }
  const rows = await q.orderBy('x.tie_id').orderBy('x.round').orderBy('x.position').execute();
  return rows.map((r) => stepRowFrom(r, today));
}

export async function getStepRow(
  db: Executor,
  id: string,
  today: string,
): Promise<StepRow | undefined> {
  const row = await joined(db).where('x.id', '=', id).executeTakeFirst();
  return row ? stepRowFrom(row, today) : undefined;
}

export async function getStep(
  db: Executor,
  id: string,
): Promise<Row<'approval_steps'> | undefined> {
  return db.selectFrom('approval_steps').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The live steps of a tie's latest round, in order. */
export async function currentRound(db: Executor, tieId: string): Promise<Row<'approval_steps'>[]> {
  const latest = await db
    .selectFrom('approval_steps')
    .select((eb) => eb.fn.max('round').as('round'))
    .where('tie_id', '=', tieId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (latest?.round === null || latest?.round === undefined) return [];
  return db
    .selectFrom('approval_steps')
    .selectAll()
    .where('tie_id', '=', tieId)
    .where('round', '=', Number(latest.round))
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .execute();
}

export async function insertStep(db: Executor, row: NewRow<'approval_steps'>): Promise<void> {
  await db.insertInto('approval_steps').values(row).execute();
}

/** The highest round a tie's chain has been submitted in, deleted steps included; 0 for none. */
export async function lastRound(db: Executor, tieId: string): Promise<number> {
  const last = await db
    .selectFrom('approval_steps')
    .select((eb) => eb.fn.max('round').as('round'))
    .where('tie_id', '=', tieId)
    .executeTakeFirst();
  return Number(last?.round ?? 0);
}

/** The live step at a place in a tie's chain, for an import. */
export function findStepAt(
  db: Executor,
  tieId: string,
  round: number,
  position: number,
): Promise<Row<'approval_steps'> | undefined> {
  return db
    .selectFrom('approval_steps')
    .selectAll()
    .where('tie_id', '=', tieId)
    .where('round', '=', round)
    .where('position', '=', position)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}
