import { firstDay, yearOf } from './dates';
import type { Kind, Level } from './enums';

/** The kinds of follow-up, worst first: the order the screen shows its groups in. */
export const FOLLOW_UP_KINDS = [
  'steps',
  'approved',
  'letters',
  'notForeign',
  'outOfOrder',
  'quiet',
] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

/**
 * Rule checks that warn rather than forbid: staff may go ahead, but must say why, and the
 * reason is kept with the event. They are checked when a tie is signed (and, for the
 * one-to-one rule, when it is upgraded to a friendship tie).
 */
export const WARNING_CODES = [
  'oneToOne',
  'levels',
  'signingBeforeLetter',
  'signingBeforeApproval',
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

export interface Warning {
  readonly code: WarningCode;
  readonly params: Readonly<Record<string, unknown>>;
}

export interface WarningFacts {
  /** The kind the tie will have once signed (or upgraded). */
  readonly kind: Kind;
  readonly ourLevel: Level;
  /** The partner's kind of place: `city`, `state` (province/state/region), `county`. */
  readonly partnerPlaceKind: string;
  /** Our other localities that already have an established friendship tie with this partner. */
  readonly otherFriendshipLocalities: readonly string[];
  readonly signedOn: string | null;
  /** The earliest signed letter of intent of this tie. */
  readonly earliestLetterOn: string | null;
  /** The date of the chain's last approval (the latest decision of the current round). */
  readonly lastApprovalOn?: string | null;
}

/** A province pairs with a state or province, a city with a city: anything else is worth a word. */
function levelsDiffer(ourLevel: Level, partnerPlaceKind: string): boolean {
  if (ourLevel === 'province') return partnerPlaceKind !== 'state';
  return partnerPlaceKind === 'state';
}

export function signingWarnings(f: WarningFacts): Warning[] {
  const out: Warning[] = [];
  if (f.kind === 'friendship' && f.otherFriendshipLocalities.length > 0) {
    out.push({ code: 'oneToOne', params: { others: f.otherFriendshipLocalities } });
  }
  if (levelsDiffer(f.ourLevel, f.partnerPlaceKind)) {
    out.push({ code: 'levels', params: { ours: f.ourLevel, theirs: f.partnerPlaceKind } });
  }
  if (f.signedOn && f.earliestLetterOn && firstDay(f.signedOn) < firstDay(f.earliestLetterOn)) {
    out.push({
      code: 'signingBeforeLetter',
      params: { signed: f.signedOn, letter: f.earliestLetterOn },
    });
  }
  if (f.signedOn && f.lastApprovalOn && firstDay(f.signedOn) < firstDay(f.lastApprovalOn)) {
    out.push({
      code: 'signingBeforeApproval',
      params: { signed: f.signedOn, approved: f.lastApprovalOn },
    });
  }
  return out;
}

/** Warnings not answered by an override reason. */
export function unanswered(
  warnings: readonly Warning[],
  overrides: Readonly<Partial<Record<WarningCode, string>>>,
): Warning[] {
  return warnings.filter((w) => !(overrides[w.code] ?? '').trim());
}

/**
 * An established tie reaching a round number of years in a year: its names, its establishment
 * date as stored (`on`), and whether it is suspended (it still counts among the established).
 * The report's `anniversaries` are exactly these (their JSON keys are the domain contract's);
 * the `ties:anniversaries` channel adds what the follow-ups screen needs to open the tie.
 */
export interface Anniversary {
  readonly local: string;
  readonly partner: string;
  readonly country: string;
  readonly on: string;
  readonly years: number;
  readonly suspended: boolean;
}

/** The anniversaries offices mark: every 5 years up to 30, then every 10. */
export function isRoundAnniversary(years: number): boolean {
  return years > 0 && (years <= 30 ? years % 5 === 0 : years % 10 === 0);
}

/** How many years a tie established on `on` turns in `year`, if that is a round number. */
export function anniversaryIn(on: string, year: number): number | null {
  const years = year - yearOf(on);
  return isRoundAnniversary(years) ? years : null;
}
