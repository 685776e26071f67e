import { firstDay, type PartialDate } from './dates';
import type { Kind, Stage } from './enums';

/**
 * A tie's dated event: its one shape in every layer (the wire's `ties:events`, the workflow
 * options, the dossier, the export), mapped from its stored row by `tieEventFrom` beside its
 * repository (db/events.repository.ts).
 */
export interface TieEvent {
  readonly id: string;
  readonly tie_id: string;
  readonly seq: number;
  readonly type: 'stage' | 'kind';
  readonly stage: Stage | null;
  readonly from_stage: Stage | null;
  readonly kind: Kind | null;
  readonly from_kind: Kind | null;
  /** As typed, maybe partial (`1978`, `2016-09`). */
  readonly on: PartialDate | null;
  readonly note: string | null;
  readonly confidential: boolean;
  /** Why a warning was overridden to record it (a second tie in one city), if one was. */
  readonly override_reason: string | null;
  readonly recorded_by: string;
  readonly recorded_at: string;
}

/**
 * What the date rules below read of an event: part of `TieEvent`, so any event passes. The
 * report's packed read (db/reports.repository.ts) builds only this part, for speed.
 *
 * Events are kept in the order they were recorded (`seq`); an event without a date of its own
 * takes the date of the latest dated event recorded before it, and where there is none it
 * holds at every date. A partial date stands for its first day.
 */
export type TieEventDates = Pick<TieEvent, 'seq' | 'type' | 'stage' | 'kind'> &
  Partial<Pick<TieEvent, 'from_stage' | 'from_kind'>> & { readonly on: string | null };

/** Sorts below every real date: an undated event with nothing before it holds at every date. */
export const ALWAYS = '0000-00-00';

export interface EffectiveEvent<E extends TieEventDates = TieEventDates> {
  readonly event: E;
  /** The first day the event is in force, `ALWAYS` if it holds at every date. */
  readonly key: string;
}

export function effectiveEvents<E extends TieEventDates>(
  events: readonly E[],
): EffectiveEvent<E>[] {
  const ordered = [...events].sort((a, b) => a.seq - b.seq);
  let last = ALWAYS;
  return ordered.map((event) => {
    if (event.on !== null && event.on !== '') last = firstDay(event.on);
    return { event, key: event.on !== null && event.on !== '' ? firstDay(event.on) : last };
  });
}

/**
 * The event of `type` in force on `day`: the last one in the tie's sequence whose own or
 * inherited date is on or before it. The sequence is the truth; a ledger may carry dates out
 * of order (a first contact typed later than the letter), and those are never re-sorted.
 */
function lastInForce<E extends TieEventDates>(
  effective: readonly EffectiveEvent<E>[],
  day: string,
  type: 'stage' | 'kind',
): EffectiveEvent<E> | null {
  let found: EffectiveEvent<E> | null = null;
  for (const e of effective) if (e.event.type === type && e.key <= day) found = e;
  return found;
}

/** The stage as of `asOf` (`YYYY-MM-DD`): the stage of the last event in force by then. */
export function stageAsOf(events: readonly TieEventDates[], asOf: string): Stage | null {
  return lastInForce(effectiveEvents(events), asOf, 'stage')?.event.stage ?? null;
}

/**
 * The kind as of `asOf`: the last kind change in force by then; before the first change,
 * the kind it changed from; with no change at all, the tie's current kind.
 */
export function kindAsOf(events: readonly TieEventDates[], asOf: string, current: Kind): Kind {
  const effective = effectiveEvents(events);
  const latest = lastInForce(effective, asOf, 'kind');
  if (latest?.event.kind) return latest.event.kind;
  const first = effective.find((e) => e.event.type === 'kind');
  return first?.event.from_kind ?? current;
}

/**
 * The date a tie was established as of `asOf`: the first `established` event not a resumption
 * from `suspended`, if it is in force by then. Returned as stored (partial), or null.
 */
export function establishedOnAsOf(events: readonly TieEventDates[], asOf: string): string | null {
  for (const e of effectiveEvents(events)) {
    if (
      e.event.type === 'stage' &&
      e.event.stage === 'established' &&
      e.event.from_stage !== 'suspended'
    ) {
      return e.key <= asOf ? (e.event.on ?? null) : null;
    }
  }
  return null;
}

/** Two stage events whose dates run against their order: `later` is dated before `earlier`. */
export interface DatesOutOfOrder<E extends TieEventDates = TieEventDates> {
  /** The event earlier in the sequence, carrying the later date. */
  readonly earlier: E;
  /** The event later in the sequence, dated before `earlier`. */
  readonly later: E;
}

/**
 * A tie's stage events dated before an event earlier in its sequence, each named with the
 * latest-dated event before it: what a ledger typed out of order (a first contact written
 * later than the letter of intent). They are accepted and said, never re-sorted; undated
 * events inherit a date and so never disagree.
 */
export function datesOutOfOrder<E extends TieEventDates>(
  events: readonly E[],
): DatesOutOfOrder<E>[] {
  const out: DatesOutOfOrder<E>[] = [];
  let latest: { event: E; key: string } | null = null;
  for (const event of [...events].sort((a, b) => a.seq - b.seq)) {
    if (event.type !== 'stage' || event.on === null || event.on === '') continue;
    const key = firstDay(event.on);
    if (latest && key < latest.key) out.push({ earlier: latest.event, later: event });
    else latest = { event, key };
  }
  return out;
}
