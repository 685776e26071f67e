import { CONTINENTS, continentOf, type Continent } from '../countries';
import { firstDay, yearOf } from '../dates';
import { LEVELS, KINDS, type Kind, type Level, type Stage } from '../enums';
import { ALWAYS, type TieEventDates } from '../timeline';
import { countsAsEstablished, isPipeline, PIPELINE_STAGES, type PipelineStage } from '../stages';
import { isRoundAnniversary, type Anniversary } from '../workflow';

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

/** One tie with what the counting needs: its locality's level, its country, its history. */
export interface ReportTie {
  readonly id: string;
  readonly level: Level;
  /** Our locality, for the table by locality; absent where a caller has no need of it. */
  readonly localityId?: string;
  readonly country: string;
  /** The tie's kind now; its history says what it was before an upgrade. */
  readonly kind: Kind;
  /** Its dated history, in the order it was recorded (by `seq`). */
  readonly events: readonly TieEventDates[];
}

/** A tie as it stood on the report's date. */
export interface TieAsOf {
  readonly tie: ReportTie;
  readonly stage: Stage | null;
  readonly kind: Kind;
  /** The establishment date as stored (partial), if the tie was established by then. */
  readonly establishedOn: string | null;
  /** Its first day (`YYYY-MM-DD`), for ordering. */
  readonly establishedKey: string | null;
  /** The suspension in force on the date: its event and its date as stored. */
  readonly suspension: { readonly seq: number; readonly on: string | null } | null;
}

export interface Names {
  readonly zh: string | null;
  readonly en: string | null;
}

/** What a printed or machine report names a tie by; loaded only for the ties it lists. */
export interface TieNames {
  readonly local: string;
  readonly partner: string;
  readonly localNames: Names;
  readonly partnerNames: Names;
}

export interface NamedTie {
  readonly partner: string | null;
  readonly country: string | null;
  readonly on: string | null;
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
  /** Ties reaching a round number of years in the year after `asOf`, suspended as of it. */
  readonly anniversaries: readonly Anniversary[];
}

/**
 * The tie on `asOf` under the rules of shared/timeline.ts (stageAsOf, kindAsOf,
 * establishedOnAsOf), computed in one pass over the history because a report does it for
 * every tie of the registry. A property test holds it equal to those functions.
 */
export function tieAsOf(tie: ReportTie, asOf: string): TieAsOf {
  const events = inSeqOrder(tie.events);
  let last = ALWAYS;
  let stage: TieEventDates | null = null;
  let kind: TieEventDates | null = null;
  let firstKind: TieEventDates | null = null;
  let established: { key: string; on: string | null } | null = null;
  let suspension: { seq: number; on: string | null } | null = null;
  for (const e of events) {
    const dated = e.on !== null && e.on !== '';
    const key = dated ? firstDay(e.on as string) : last;
    if (dated) last = key;
    if (e.type === 'stage') {
      if (established === null && e.stage === 'established' && e.from_stage !== 'suspended')
        established = { key, on: e.on ?? null };
      // Events come in seq order: the last one in force by `asOf` is the stage, whatever
      // the order of the dates written down.
      if (key <= asOf) stage = e;
      if (e.stage === 'suspended' && key <= asOf) suspension = { seq: e.seq, on: e.on };
    } else {
      firstKind ??= e;
      if (key <= asOf) kind = e;
    }
  }
  const stageNow = stage?.stage ?? null;
  return {
    tie,
    stage: stageNow,
    kind: kind?.kind || (firstKind?.from_kind ?? tie.kind),
    ...(countsAsEstablished(stageNow) &&
    established !== null &&
    established.on !== null &&
    established.key <= asOf
      ? { establishedOn: established.on, establishedKey: established.key }
      : { establishedOn: null, establishedKey: null }),
    suspension:
      stageNow === 'suspended' && suspension !== null
        ? { seq: suspension.seq, on: suspension.on }
        : null,
  };
}

function inSeqOrder(events: readonly TieEventDates[]): readonly TieEventDates[] {
  for (let i = 1; i < events.length; i++) {
    if ((events[i] as TieEventDates).seq < (events[i - 1] as TieEventDates).seq)
      return [...events].sort((a, b) => a.seq - b.seq);
  }
  return events;
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

/**
 * The continents in the order a report lists them: by count, the most first (as the published
 * reports do), or in the order the office set, those it did not name after, by count. Ties
 * keep the dataset's order.
 */
export function continentsInOrder(
  byContinent: Readonly<Record<Continent, number>>,
  order: readonly Continent[] | null = null,
): Continent[] {
  const rank = (c: Continent) => {
    const i = order ? order.indexOf(c) : -1;
    return i < 0 ? CONTINENTS.length : i;
  };
  return [...CONTINENTS].sort((a, b) => rank(a) - rank(b) || byContinent[b] - byContinent[a]);
}

/** The same period a year before (29 February becomes the 28th). */
export function yearBefore(period: Period): Period {
  const back = (day: string) => {
    const y = Number(day.slice(0, 4)) - 1;
    const md = day.slice(5) === '02-29' ? '02-28' : day.slice(5);
    return `${String(y).padStart(4, '0')}-${md}`;
  };
  return { since: back(period.since), asOf: back(period.asOf) };
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

/** Partial dates by their first day, a year before its own months; then by id, for a stable order. */
function byEstablished(a: TieAsOf, b: TieAsOf): number {
  const dx = a.establishedKey ?? '';
  const dy = b.establishedKey ?? '';
  if (dx !== dy) return dx < dy ? -1 : 1;
  const lx = a.establishedOn?.length ?? 0;
  const ly = b.establishedOn?.length ?? 0;
  if (lx !== ly) return lx - ly;
  return a.tie.id < b.tie.id ? -1 : a.tie.id > b.tie.id ? 1 : 0;
}

/**
 * The counts of ties, and the ties a report lists beside them (named later, since names are
 * loaded only for the ties a report shows).
 */
export interface TieCounts {
  readonly established: Omit<AnnualFigures['established'], 'first' | 'latest'>;
  readonly pipeline: AnnualFigures['pipeline'];
  /** The earliest and the latest dated establishment among the established ties. */
  readonly first: TieAsOf | null;
  readonly latest: TieAsOf | null;
  /** Round anniversaries next year, by date of establishment. */
  readonly anniversaries: readonly { readonly tie: TieAsOf; readonly years: number }[];
  /** Established within the period, by date. */
  readonly establishedInPeriod: readonly TieAsOf[];
  /** Suspended on the report's date. */
  readonly suspendedTies: readonly TieAsOf[];
  readonly pipelineTies: Readonly<Record<PipelineStage, readonly TieAsOf[]>>;
  /** Established ties per year of establishment (dated ones), for the chart. */
  readonly perYear: Readonly<Record<string, number>>;
  /** Established ties with no establishment date recorded. */
  readonly undated: number;
  /** Established ties per locality of ours: how many, new in the period, and by country. */
  readonly byLocality: ReadonlyMap<string, LocalityTally>;
}

export interface LocalityTally {
  readonly total: number;
  readonly since: number;
  readonly countries: ReadonlyMap<string, number>;
}

/** How a count finds a tie as it stood: `tieAsOf` itself, or a memo of it (main/reports/cache.ts). */
export type AsOf = (tie: ReportTie, asOf: string) => TieAsOf;

/**
 * Counts ties as of `period.asOf` under the office's continent overrides. Ties must already be
 * the live ties of the report's scope.
 */
export function countTies(
  ties: readonly ReportTie[],
  period: Period,
  overrides: Readonly<Record<string, Continent>> = {},
  asOfDate: AsOf = tieAsOf,
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
  const suspendedTies: TieAsOf[] = [];
  const establishedInPeriod: TieAsOf[] = [];
  const anniversaries: { tie: TieAsOf; years: number }[] = [];
  const perYear: Record<string, number> = {};
  let total = 0;
  let undated = 0;
  let first: TieAsOf | null = null;
  let latest: TieAsOf | null = null;
  const nextYear = yearOf(period.asOf) + 1;
  const continents = new Map<string, Continent>();
  const byLocality = new Map<
    string,
    { total: number; since: number; countries: Map<string, number> }
  >();

  for (const tie of ties) {
    const t = asOfDate(tie, period.asOf);
    if (isPipeline(t.stage)) {
      pipeline[t.stage] += 1;
      pipelineTies[t.stage].push(t);
      continue;
    }
    if (!countsAsEstablished(t.stage)) continue;
    total += 1;
    byKind[t.kind] += 1;
    byLevel[tie.level] += 1;
    let continent = continents.get(tie.country);
    if (continent === undefined) {
      continent = continentOf(tie.country, overrides);
      continents.set(tie.country, continent);
    }
    byContinent[continent] += 1;
    byCountry.set(tie.country, (byCountry.get(tie.country) ?? 0) + 1);
    if (t.stage === 'suspended') suspendedTies.push(t);
    const local = tie.localityId ?? '';
    let tally = byLocality.get(local);
    if (tally === undefined) {
      tally = { total: 0, since: 0, countries: new Map() };
      byLocality.set(local, tally);
    }
    tally.total += 1;
    tally.countries.set(tie.country, (tally.countries.get(tie.country) ?? 0) + 1);
    const on = t.establishedOn;
    if (on === null) {
      undated += 1;
      continue;
    }
    if (first === null || byEstablished(t, first) < 0) first = t;
    if (latest === null || byEstablished(t, latest) > 0) latest = t;
    const key = t.establishedKey as string;
    if (key >= period.since && key <= period.asOf) {
      establishedInPeriod.push(t);
      tally.since += 1;
    }
    const year = on.slice(0, 4);
    perYear[year] = (perYear[year] ?? 0) + 1;
    const years = nextYear - yearOf(on);
    if (isRoundAnniversary(years)) anniversaries.push({ tie: t, years });
  }

  establishedInPeriod.sort(byEstablished);
  anniversaries.sort((a, b) => byEstablished(a.tie, b.tie));
  const countries = [...byCountry.entries()].sort(
    (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0),
  );
  return {
    established: {
      total,
      countries: byCountry.size,
      suspended: suspendedTies.length,
      since: establishedInPeriod.length,
      byKind,
      byLevel,
      byContinent,
      byCountry: Object.fromEntries(countries),
    },
    pipeline,
    first,
    latest,
    anniversaries,
    establishedInPeriod,
    suspendedTies,
    pipelineTies,
    perYear,
    undated,
    byLocality,
  };
}

/** The ties whose names a report needs: those it names in its JSON (or also prints). */
export function namedTieIds(counts: TieCounts, forPrint: boolean): string[] {
  const ids = new Set<string>();
  const add = (t: TieAsOf | null) => {
    if (t) ids.add(t.tie.id);
  };
  add(counts.first);
  add(counts.latest);
  for (const a of counts.anniversaries) add(a.tie);
  if (forPrint) {
    for (const t of counts.establishedInPeriod) add(t);
    for (const t of counts.suspendedTies) add(t);
    for (const list of Object.values(counts.pipelineTies)) for (const t of list) add(t);
  }
  return [...ids];
}

/** The figures of the contract from the tie counts, names, and the counts SQL made of the rest. */
export function annualFigures(
  counts: TieCounts,
  names: (tieId: string) => TieNames | undefined,
  period: Period,
  rest: {
    readonly lettersSignedInPeriod: number;
    readonly approvalsWaiting: number;
    readonly visits: { readonly outgoing: number; readonly incoming: number };
  },
): AnnualFigures {
  const named = (t: TieAsOf | null): NamedTie =>
    t
      ? { partner: names(t.tie.id)?.partner ?? null, country: t.tie.country, on: t.establishedOn }
      : { partner: null, country: null, on: null };
  return {
    asOf: period.asOf,
    established: {
      ...counts.established,
      first: named(counts.first),
      latest: named(counts.latest),
    },
    pipeline: counts.pipeline,
    lettersOfIntent: { signedInPeriod: rest.lettersSignedInPeriod },
    approvals: { waiting: rest.approvalsWaiting },
    visits: { outgoing: rest.visits.outgoing, incoming: rest.visits.incoming },
    anniversaries: counts.anniversaries.map(({ tie, years }) => ({
      local: names(tie.tie.id)?.local ?? '',
      partner: names(tie.tie.id)?.partner ?? '',
      country: tie.tie.country,
      on: tie.establishedOn as string,
      years,
      suspended: tie.stage === 'suspended',
    })),
  };
}
