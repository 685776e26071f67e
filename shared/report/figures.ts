import { CONTINENTS, continentOf, type Continent } from '../countries';
import { comparePartialDates, firstDay, yearOf } from '../dates';
import { LEVELS, KINDS, type Kind, type Level, type Stage } from '../enums';
import {
  effectiveEvents,
  establishedOnAsOf,
  kindAsOf,
  stageAsOf,
  type HistoryEvent,
} from '../history';
import { countsAsEstablished, isPipeline, PIPELINE_STAGES, type PipelineStage } from '../stages';

/**
 * The counting rules of the domain contract (../shared/domain.md, "Counting rules for
 * reports"), as pure functions: plain arrays in, figures out. Main loads the arrays with lean
 * SQL; everything that decides what counts lives here, so the app, the browser host, the CLI
 * and the tests count the same way.
 */

/** A report's period: `since` and `asOf` are full days (`YYYY-MM-DD`), since ≤ asOf. */
export interface Period {
  readonly since: string;
  readonly asOf: string;
}

/** A stage event as reports see it: a suspension's reason only when it is not confidential. */
export interface ReportEvent extends HistoryEvent {
  readonly note?: string | null;
}

/** One tie with what the counting needs: its locality's level, its partner, its history. */
export interface ReportTie {
  readonly id: string;
  readonly local: string;
  readonly level: Level;
  readonly partner: string;
  readonly country: string;
  /** The tie's kind now; its history says what it was before an upgrade. */
  readonly kind: Kind;
  readonly events: readonly ReportEvent[];
  /** Names in each language where the registry has them, for printing. */
  readonly localNames?: Names;
  readonly partnerNames?: Names;
}

export interface Names {
  readonly zh: string | null;
  readonly en: string | null;
}

/** A tie as it stood on the report's date. */
export interface TieAsOf {
  readonly tie: ReportTie;
  readonly stage: Stage | null;
  readonly kind: Kind;
  /** The establishment date as stored (partial), if the tie was established by then. */
  readonly establishedOn: string | null;
}

export interface NamedTie {
  readonly partner: string | null;
  readonly country: string | null;
  readonly on: string | null;
}

/**
 * An established tie reaching a round number of years in the year after the report's date.
 * `suspended` marks a tie counted among the established that is suspended on that date.
 */
export interface Anniversary {
  readonly local: string;
  readonly partner: string;
  readonly country: string;
  readonly on: string;
  readonly years: number;
  readonly suspended: boolean;
}

/** The report for machines: exactly the keys of the domain contract. */
export interface AnnualFigures {
  readonly asOf: string;
  readonly established: {
    readonly total: number;
    readonly countries: number;
    readonly suspended: number;
    readonly since: number;
    readonly byKind: Readonly<Record<Kind, number>>;
    readonly byLevel: Readonly<Record<Level, number>>;
    readonly byContinent: Readonly<Record<Continent, number>>;
    readonly byCountry: Readonly<Record<string, number>>;
    readonly first: NamedTie;
    readonly latest: NamedTie;
  };
  readonly pipeline: Readonly<Record<PipelineStage, number>>;
  readonly lettersOfIntent: { readonly signedInPeriod: number };
  readonly approvals: { readonly waiting: number };
  readonly visits: { readonly outgoing: number; readonly incoming: number };
  readonly anniversaries: readonly Anniversary[];
}

export function tieAsOf(tie: ReportTie, asOf: string): TieAsOf {
  const stage = stageAsOf(tie.events, asOf);
  return {
    tie,
    stage,
    kind: kindAsOf(tie.events, asOf, tie.kind),
    establishedOn: countsAsEstablished(stage) ? establishedOnAsOf(tie.events, asOf) : null,
  };
}

/** Whether a (partial) date falls in the period, by its first day. */
export function inPeriod(on: string | null | undefined, period: Period): boolean {
  if (on === null || on === undefined || on === '') return false;
  const day = firstDay(on);
  return day >= period.since && day <= period.asOf;
}

/**
 * Whether an approval step waits for a decision on `asOf`: submitted on or before it, and not
 * decided by then. An outcome recorded without a date counts as decided at every date, as an
 * undated event holds at every date.
 */
export function waitingAsOf(
  step: { submitted_on: string | null; decided_on: string | null; outcome: string | null },
  asOf: string,
): boolean {
  if (step.submitted_on === null || firstDay(step.submitted_on) > asOf) return false;
  if (step.decided_on !== null) return firstDay(step.decided_on) > asOf;
  return step.outcome === null;
}

/** Round anniversaries as offices celebrate them: every 5 years up to 30, then every 10. */
export function isRoundAnniversary(years: number): boolean {
  if (years < 5) return false;
  return years <= 30 ? years % 5 === 0 : years % 10 === 0;
}

/** The first day of the calendar year of a date, the default start of a report's period. */
export function startOfYear(asOf: string): string {
  return `${asOf.slice(0, 4)}-01-01`;
}

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

const LEVEL_KEYS = Object.keys(LEVELS) as Level[];
const KIND_KEYS = Object.keys(KINDS) as Kind[];

function byDateThenName(a: TieAsOf, b: TieAsOf): number {
  return (
    comparePartialDates(a.establishedOn ?? '', b.establishedOn ?? '') ||
    a.tie.partner.localeCompare(b.tie.partner) ||
    a.tie.id.localeCompare(b.tie.id)
  );
}

function named(t: TieAsOf | undefined): NamedTie {
  return t
    ? { partner: t.tie.partner, country: t.tie.country, on: t.establishedOn }
    : { partner: null, country: null, on: null };
}

/** The counts of ties, and the lists a printed report shows beside them. */
export interface TieCounts {
  readonly established: AnnualFigures['established'];
  readonly pipeline: AnnualFigures['pipeline'];
  readonly anniversaries: readonly Anniversary[];
  /** Established (or suspended) ties on the report's date, earliest first. */
  readonly establishedTies: readonly TieAsOf[];
  /** Of those, the ones established within the period, earliest first. */
  readonly establishedInPeriod: readonly TieAsOf[];
  /** Suspended on the report's date, with the latest suspension's date and public reason. */
  readonly suspendedTies: readonly {
    readonly tie: TieAsOf;
    readonly on: string | null;
    readonly reason: string | null;
  }[];
  readonly pipelineTies: Readonly<Record<PipelineStage, readonly TieAsOf[]>>;
  /** Established ties per year of establishment (dated ones), for the chart. */
  readonly perYear: Readonly<Record<string, number>>;
  /** Established ties with no establishment date recorded. */
  readonly undated: number;
}

/**
 * Counts ties as of `period.asOf` under the office's continent overrides. Ties must already be
 * the live ties of the report's scope.
 */
export function countTies(
  ties: readonly ReportTie[],
  period: Period,
  overrides: Readonly<Record<string, Continent>> = {},
): TieCounts {
  const byKind = zeros(KIND_KEYS);
  const byLevel = zeros(LEVEL_KEYS);
  const byContinent = zeros(CONTINENTS);
  const byCountry = new Map<string, number>();
  const pipeline = zeros(PIPELINE_STAGES);
  const pipelineTies: Record<PipelineStage, TieAsOf[]> = {
    contact: [],
    intent: [],
    pending: [],
    approved: [],
  };
  const established: TieAsOf[] = [];
  const suspendedTies: TieCounts['suspendedTies'][number][] = [];
  const perYear: Record<string, number> = {};
  let since = 0;
  let undated = 0;
  const nextYear = yearOf(period.asOf) + 1;
  const anniversaries: Anniversary[] = [];

  for (const tie of ties) {
    const t = tieAsOf(tie, period.asOf);
    if (isPipeline(t.stage)) {
      pipeline[t.stage] += 1;
      pipelineTies[t.stage].push(t);
      continue;
    }
    if (!countsAsEstablished(t.stage)) continue;
    established.push(t);
    byKind[t.kind] += 1;
    byLevel[tie.level] += 1;
    byContinent[continentOf(tie.country, overrides)] += 1;
    byCountry.set(tie.country, (byCountry.get(tie.country) ?? 0) + 1);
    if (t.stage === 'suspended') suspendedTies.push({ tie: t, ...suspension(tie, period.asOf) });
    if (t.establishedOn === null) {
      undated += 1;
      continue;
    }
    if (inPeriod(t.establishedOn, period)) since += 1;
    const year = t.establishedOn.slice(0, 4);
    perYear[year] = (perYear[year] ?? 0) + 1;
    const years = nextYear - yearOf(t.establishedOn);
    if (isRoundAnniversary(years)) {
      anniversaries.push({
        local: tie.local,
        partner: tie.partner,
        country: tie.country,
        on: t.establishedOn,
        years,
        suspended: t.stage === 'suspended',
      });
    }
  }

  const dated = established.filter((t) => t.establishedOn !== null).sort(byDateThenName);
  established.sort(
    (a, b) =>
      Number(a.establishedOn === null) - Number(b.establishedOn === null) || byDateThenName(a, b),
  );
  for (const list of Object.values(pipelineTies)) list.sort(byPartner);
  anniversaries.sort(
    (a, b) =>
      comparePartialDates(a.on, b.on) ||
      a.partner.localeCompare(b.partner) ||
      a.local.localeCompare(b.local),
  );
  const countries = [...byCountry.entries()].sort(
    (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
  );

  return {
    established: {
      total: established.length,
      countries: byCountry.size,
      suspended: suspendedTies.length,
      since,
      byKind,
      byLevel,
      byContinent,
      byCountry: Object.fromEntries(countries),
      first: named(dated[0]),
      latest: named(dated.at(-1)),
    },
    pipeline,
    anniversaries,
    establishedTies: established,
    establishedInPeriod: dated.filter((t) => inPeriod(t.establishedOn, period)),
    suspendedTies: suspendedTies.sort((a, b) => byPartner(a.tie, b.tie)),
    pipelineTies,
    perYear,
    undated,
  };
}

function byPartner(a: TieAsOf, b: TieAsOf): number {
  return (
    a.tie.local.localeCompare(b.tie.local) ||
    a.tie.partner.localeCompare(b.tie.partner) ||
    a.tie.id.localeCompare(b.tie.id)
  );
}

/** The suspension in force on `asOf`: its date as stored and its reason if not confidential. */
function suspension(tie: ReportTie, asOf: string): { on: string | null; reason: string | null } {
  let found: { on: string | null; reason: string | null; key: string; seq: number } | null = null;
  for (const { event, key } of effectiveEvents(tie.events)) {
    if (event.type !== 'stage' || event.stage !== 'suspended' || key > asOf) continue;
    if (found === null || key > found.key || (key === found.key && event.seq > found.seq)) {
      found = { on: event.on, reason: event.note ?? null, key, seq: event.seq };
    }
  }
  return { on: found?.on ?? null, reason: found?.reason ?? null };
}

/** The figures of the contract from the tie counts and the counts SQL made of the rest. */
export function annualFigures(
  counts: TieCounts,
  period: Period,
  rest: {
    readonly lettersSignedInPeriod: number;
    readonly approvalsWaiting: number;
    readonly visits: { readonly outgoing: number; readonly incoming: number };
  },
): AnnualFigures {
  return {
    asOf: period.asOf,
    established: counts.established,
    pipeline: counts.pipeline,
    lettersOfIntent: { signedInPeriod: rest.lettersSignedInPeriod },
    approvals: { waiting: rest.approvalsWaiting },
    visits: { outgoing: rest.visits.outgoing, incoming: rest.visits.incoming },
    anniversaries: counts.anniversaries,
  };
}
