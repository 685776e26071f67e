import {
  tieEventFrom,
  insertEvent,
  listEvents,
  setEventDate,
  shiftEventsFrom,
} from '../../db/events.repository';
import type { Row } from '../../db/schema';
import { firstDay } from '../../shared/dates';
import type { Kind, Stage } from '../../shared/enums';
import type { TieWarning } from '../../shared/ipc/ties';
import { STAGE_ORDER } from '../../shared/stages';
import { datesOutOfOrder, type TieEventDates } from '../../shared/timeline';
import { audit, type WriteEnv } from '../core/write-env';

/**
 * Writes to a tie's dated history: events appended in the order they are recorded, and the
 * events of dated stages kept in step with the tie's date columns.
 */

/** The date column that records when a tie reached a stage, where there is one. */
export const STAGE_DATE_COLUMN = {
  contact: 'first_contact_on',
  intent: 'intent_signed_on',
  established: 'established_on',
} as const satisfies Partial<Record<Stage, keyof Row<'ties'>>>;

export type DatedStage = keyof typeof STAGE_DATE_COLUMN;
export const DATED_STAGES = Object.keys(STAGE_DATE_COLUMN) as DatedStage[];

export function stageIndex(stage: Stage): number {
  return STAGE_ORDER.indexOf(stage);
}

export interface EventDetails {
  readonly note?: string | null;
  readonly confidential?: boolean;
  /** Why a rule check was overridden, as JSON: `{ "oneToOne": "…" }`. */
  readonly override_reason?: string | null;
}

/** Appends a dated event to a tie's history (at `seq`, or after the last one). */
export async function appendEvent(
  env: WriteEnv,
  tieId: string,
  change:
    { type: 'stage'; stage: Stage; from: Stage | null } | { type: 'kind'; kind: Kind; from: Kind },
  on: string | null,
  extra: EventDetails = {},
  seq?: number,
): Promise<void> {
  const at = seq ?? ((await listEvents(env.trx, tieId)).at(-1)?.seq ?? 0) + 1;
  const row = {
    id: env.ids.next(),
    tie_id: tieId,
    seq: at,
    type: change.type,
    stage: change.type === 'stage' ? change.stage : null,
    from_stage: change.type === 'stage' ? change.from : null,
    kind: change.type === 'kind' ? change.kind : null,
    from_kind: change.type === 'kind' ? change.from : null,
    occurred_on: on,
    occurred_key: on === null ? null : firstDay(on),
    note: extra.note ?? null,
    confidential: extra.confidential ? 1 : 0,
    override_reason: extra.override_reason ?? null,
    recorded_by: env.actor,
    recorded_at: env.at,
  };
  await insertEvent(env.trx, row);
  await audit(env, 'tie_event', row.id, 'create', null, row);
}

export function appendStageEvent(
  env: WriteEnv,
  tieId: string,
  seq: number,
  stage: Stage,
  fromStage: Stage | null,
  on: string | null,
): Promise<void> {
  return appendEvent(env, tieId, { type: 'stage', stage, from: fromStage }, on, {}, seq);
}

/**
 * Keeps a dated stage's event in step with its date column: the event's date follows the
 * column; a date for a stage with no event yet records that stage before any later one.
 */
export async function syncStageDate(
  env: WriteEnv,
  tieId: string,
  stage: DatedStage,
  on: string | null,
): Promise<void> {
  const events = await listEvents(env.trx, tieId);
  const own = events.find(
    (e) =>
      e.type === 'stage' &&
      e.stage === stage &&
      !(stage === 'established' && e.from_stage === 'suspended'),
  );
  if (own) {
    if (own.occurred_on !== on) {
      await setEventDate(env.trx, own.id, on, on === null ? null : firstDay(on));
      await audit(env, 'tie_event', own.id, 'update', own, {
        ...own,
        occurred_on: on,
        occurred_key: on === null ? null : firstDay(on),
      });
    }
    return;
  }
  if (on === null) return;
  const later = events.find(
    (e) => e.type === 'stage' && e.stage !== null && stageIndex(e.stage) > stageIndex(stage),
  );
  const seq = later ? later.seq : (events.at(-1)?.seq ?? 0) + 1;
  if (later) await shiftEventsFrom(env.trx, tieId, seq);
  const previous = [...events].reverse().find((e) => e.seq < seq && e.type === 'stage');
  await appendStageEvent(env, tieId, seq, stage, previous?.stage ?? null, on);
}

/** A tie's stages dated against their order, worded as warnings naming both dates. */
export function dateOrderWarnings(events: readonly TieEventDates[]): TieWarning[] {
  return datesOutOfOrder(events).map(({ earlier, later }) => ({
    code: 'datesOutOfOrder',
    params: {
      earlier: earlier.stage as Stage,
      earlierOn: earlier.on as string,
      later: later.stage as Stage,
      laterOn: later.on as string,
    },
  }));
}

/** Tells the write's listener (if any) what the tie's dates now say against their order. */
export async function sayDateOrder(
  env: WriteEnv,
  tieId: string,
  events?: readonly TieEventDates[],
): Promise<void> {
  if (!env.onTieWarning) return;
  sayDateOrderOf(env, tieId, events ?? (await listEvents(env.trx, tieId)).map(tieEventFrom));
}

/** `sayDateOrder` for a history the caller has (a new tie's): nothing to wait for. */
export function sayDateOrderOf(
  env: WriteEnv,
  tieId: string,
  events: readonly TieEventDates[],
): void {
  if (!env.onTieWarning) return;
  for (const warning of dateOrderWarnings(events)) env.onTieWarning(tieId, warning);
}
