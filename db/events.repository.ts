import type { PartialDate } from '../shared/dates';
import type { TieEvent } from '../shared/timeline';
import type { Executor, Row } from './schema';
import { preparedInsert } from './prepared';

/**
 * A tie's event as the domain knows it (shared/timeline.ts), from its stored row: the one
 * mapping (the row has `occurred_on` and its sort key, `confidential` as 0/1).
 */
export function tieEventFrom(row: Row<'tie_events'>): TieEvent {
  return {
    id: row.id,
    tie_id: row.tie_id,
    seq: row.seq,
    type: row.type,
    stage: row.stage,
    from_stage: row.from_stage,
    kind: row.kind,
    from_kind: row.from_kind,
    on: row.occurred_on as PartialDate | null,
    note: row.note,
    confidential: row.confidential === 1,
    override_reason: row.override_reason,
    recorded_by: row.recorded_by,
    recorded_at: row.recorded_at,
  };
}

export async function listEvents(db: Executor, tieId: string): Promise<Row<'tie_events'>[]> {
  return db
    .selectFrom('tie_events')
    .selectAll()
    .where('tie_id', '=', tieId)
    .orderBy('seq')
    .execute();
}

/** A tie's events in its sequence, as the domain knows them. */
export async function tieEventsOf(db: Executor, tieId: string): Promise<TieEvent[]> {
  return (await listEvents(db, tieId)).map(tieEventFrom);
}

export const insertEvent = preparedInsert('tie_events', [
  'id',
  'tie_id',
  'seq',
  'type',
  'stage',
  'from_stage',
  'kind',
  'from_kind',
  'occurred_on',
  'occurred_key',
  'note',
  'confidential',
  'override_reason',
  'recorded_by',
  'recorded_at',
]);

export async function setEventDate(
  db: Executor,
  id: string,
  on: string | null,
  key: string | null,
): Promise<void> {
  await db
    .updateTable('tie_events')
    .set({ occurred_on: on, occurred_key: key })
    .where('id', '=', id)
    .execute();
}

/**
 * Opens a gap at `seq` in a tie's history so an earlier stage can be recorded before later
 * ones. Two steps, because the (tie_id, seq) unique index is checked row by row.
 */
export async function shiftEventsFrom(db: Executor, tieId: string, seq: number): Promise<void> {
  const far = 1_000_000_000;
  await db
    .updateTable('tie_events')
    .set((eb) => ({ seq: eb('seq', '+', far) }))
    .where('tie_id', '=', tieId)
    .where('seq', '>=', seq)
    .execute();
  await db
    .updateTable('tie_events')
    .set((eb) => ({ seq: eb('seq', '-', far - 1) }))
    .where('tie_id', '=', tieId)
    .where('seq', '>=', far)
    .execute();
}

/** Removes a tie's history, for an import that brings the whole history in its place. */
export async function deleteEventsOfTie(db: Executor, tieId: string): Promise<void> {
  await db.deleteFrom('tie_events').where('tie_id', '=', tieId).execute();
}

export function getEvent(db: Executor, id: string): Promise<Row<'tie_events'> | undefined> {
  return db.selectFrom('tie_events').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Puts an event back as it was stored (undo and redo). */
export async function insertEventRow(db: Executor, row: Row<'tie_events'>): Promise<void> {
  await db.insertInto('tie_events').values(row).execute();
}

export async function replaceEvent(
  db: Executor,
  id: string,
  row: Partial<Row<'tie_events'>>,
): Promise<void> {
  await db.updateTable('tie_events').set(row).where('id', '=', id).execute();
}

export async function deleteEvent(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('tie_events').where('id', '=', id).execute();
}

/** Each tie's latest date of reaching `approved`, for the follow-ups. */
export async function approvedOnByTie(db: Executor): Promise<Map<string, string | null>> {
  const rows = await db
    .selectFrom('tie_events')
    .select(['tie_id', (eb) => eb.fn.max('occurred_on').as('on')])
    .where('type', '=', 'stage')
    .where('stage', '=', 'approved')
    .groupBy('tie_id')
    .execute();
  return new Map(rows.map((e) => [e.tie_id, e.on as string | null]));
}

/** The dated stage events of every live tie, in each tie's sequence (for the follow-ups). */
export async function datedStageEventsOfLiveTies(db: Executor): Promise<Row<'tie_events'>[]> {
  return db
    .selectFrom('tie_events')
    .innerJoin('ties', 'ties.id', 'tie_events.tie_id')
    .selectAll('tie_events')
    .where('ties.deleted_at', 'is', null)
    .where('tie_events.type', '=', 'stage')
    .where('tie_events.occurred_on', 'is not', null)
    .orderBy('tie_events.tie_id')
    .orderBy('tie_events.seq')
    .execute();
}
