import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTINENTS } from '../../shared/countries';
import type { Kind, Level, Stage } from '../../shared/enums';
import {
  effectiveEvents,
  establishedOnAsOf,
  kindAsOf,
  stageAsOf,
  type TieEventDates,
} from '../../shared/timeline';
import {
  annualFigures,
  countTies,
  inPeriod,
  startOfYear,
  tieAsOf,
  waitingAsOf,
  type ReportTie,
} from '../../shared/report/figures';
import { countsAsEstablished, STAGE_ORDER } from '../../shared/stages';
import { isRoundAnniversary } from '../../shared/workflow';

const stage = (
  seq: number,
  s: Stage,
  on: string | null,
  from_stage: Stage | null = null,
): TieEventDates => ({ seq, type: 'stage', stage: s, kind: null, from_stage, on });

const kind = (seq: number, k: Kind, from: Kind, on: string | null): TieEventDates => ({
  seq,
  type: 'kind',
  stage: null,
  kind: k,
  from_kind: from,
  on,
});

let next = 0;
function tie(
  country: string,
  events: TieEventDates[],
  options: { level?: Level; kind?: Kind } = {},
): ReportTie {
  return {
    id: `t${String(++next).padStart(4, '0')}`,
    level: options.level ?? 'city',
    country,
    kind: options.kind ?? 'friendship',
    events,
  };
}

const PERIOD = { since: '2025-01-01', asOf: '2025-12-31' };

/** The suspension in force, by the history rules, for comparing with the one-pass version. */
function suspensionByHistory(events: readonly TieEventDates[], asOf: string) {
  if (stageAsOf(events, asOf) !== 'suspended') return null;
  // The last suspension in the tie's sequence that is in force by then.
  let found: { seq: number; on: string | null } | null = null;
  for (const { event, key } of effectiveEvents(events)) {
    if (event.type === 'stage' && event.stage === 'suspended' && key <= asOf)
      found = { seq: event.seq, on: event.on };
  }
  return found;
}

const partialDate = fc.oneof(
  fc.integer({ min: 1975, max: 2030 }).map(String),
  fc
    .record({ y: fc.integer({ min: 1975, max: 2030 }), m: fc.integer({ min: 1, max: 12 }) })
    .map(({ y, m }) => `${y}-${String(m).padStart(2, '0')}`),
  fc
    .record({
      y: fc.integer({ min: 1975, max: 2030 }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 28 }),
    })
    .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
);
const day = fc
  .record({
    y: fc.integer({ min: 1974, max: 2031 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const stageValue = fc.constantFrom<Stage>(...STAGE_ORDER);
const kindValue = fc.constantFrom<Kind>('friendship', 'exchange');

/** Histories as any writer might leave them: undated events, any order of seqs, upgrades. */
const history = fc
  .array(
    fc.record({
      type: fc.constantFrom<'stage' | 'kind'>('stage', 'stage', 'stage', 'kind'),
      stage: stageValue,
      from_stage: fc.option(stageValue, { nil: null }),
      kind: fc.option(kindValue, { freq: 8, nil: null }),
      from_kind: fc.option(kindValue, { nil: null }),
      on: fc.option(partialDate, { freq: 3, nil: null }),
    }),
    { maxLength: 7 },
  )
  .chain((events) =>
    fc
      .shuffledSubarray(
        events.map((_, i) => i + 1),
        { minLength: events.length, maxLength: events.length },
      )
      .map((seqs) =>
        events.map((e, i): TieEventDates =>
          e.type === 'stage'
            ? {
                seq: seqs[i] as number,
                type: 'stage',
                stage: e.stage,
                from_stage: e.from_stage,
                kind: null,
                on: e.on,
              }
            : {
                seq: seqs[i] as number,
                type: 'kind',
                stage: null,
                kind: e.kind,
                from_kind: e.from_kind,
                on: e.on,
              },
        ),
      ),
  );

describe('a tie as of a date', () => {
  it('follows the history rules exactly (stage, kind, establishment, suspension)', () => {
    fc.assert(
      fc.property(history, day, kindValue, (events, asOf, current) => {
        const t = tieAsOf({ id: 'x', level: 'city', country: 'JP', kind: current, events }, asOf);
        const s = stageAsOf(events, asOf);
        expect(t.stage).toBe(s);
        expect(t.kind).toBe(kindAsOf(events, asOf, current));
        expect(t.establishedOn).toBe(
          countsAsEstablished(s) ? establishedOnAsOf(events, asOf) : null,
        );
        expect(t.suspension).toEqual(suspensionByHistory(events, asOf));
      }),
    );
  });

  it('reads an upgrade by its date', () => {
    const events = [
      stage(1, 'established', '2016-05-12'),
      kind(2, 'friendship', 'exchange', '2020-06'),
    ];
    const t = (asOf: string) => tieAsOf(tie('ZA', events), asOf).kind;
    expect(t('2020-05-31')).toBe('exchange');
    expect(t('2020-06-01')).toBe('friendship');
  });
});

describe('the counting rules', () => {
  const ties = [
    tie('US', [stage(1, 'established', '1980')], { level: 'province' }),
    tie('JP', [stage(1, 'established', '1978-12-21')]),
    tie('JP', [
      stage(1, 'established', '1981'),
      stage(2, 'suspended', '2022-03-01', 'established'),
    ]),
    tie('MX', [stage(1, 'established', '2025-03')]),
    tie('AU', [stage(1, 'established', '2025')], { kind: 'exchange' }),
    tie('RU', [stage(1, 'established', '2001-09')], { level: 'county' }),
    tie('TR', [
      stage(1, 'contact', '2019'),
      stage(2, 'intent', '2020-06'),
      stage(3, 'established', '2026-02'),
    ]),
    tie('CY', [stage(1, 'intent', '2024-05'), stage(2, 'pending', null)]),
    tie('FR', [stage(1, 'established', '1998'), stage(2, 'terminated', null)]),
    tie('DE', [stage(1, 'established', null)]),
    tie('EG', [stage(1, 'established', '2016'), kind(2, 'friendship', 'exchange', '2020')]),
  ];

  it('counts established and suspended ties, countries, continents, levels and kinds', () => {
    const c = countTies(ties, PERIOD);
    expect(c.established).toEqual({
      total: 8,
      countries: 7,
      suspended: 1,
      since: 2,
      byKind: { friendship: 7, exchange: 1 },
      byLevel: { province: 1, city: 6, county: 1 },
      // Russia is Europe and Turkey Asia by the office convention; Mexico is North America.
      byContinent: { AF: 1, AS: 2, EU: 2, NA: 2, OC: 1, SA: 0, AN: 0 },
      byCountry: { JP: 2, AU: 1, DE: 1, EG: 1, MX: 1, RU: 1, US: 1 },
    });
    expect(c.pipeline).toEqual({ contact: 0, intent: 1, pending: 1, approved: 0 });
    expect(c.undated).toBe(1);
    expect(c.first?.establishedOn).toBe('1978-12-21');
    expect(c.latest?.establishedOn).toBe('2025-03');
    expect(c.establishedInPeriod.map((t) => t.establishedOn)).toEqual(['2025', '2025-03']);
    expect(c.perYear).toEqual({ 1978: 1, 1980: 1, 1981: 1, 2001: 1, 2016: 1, 2025: 2 });
    expect(c.anniversaries.map((a) => [a.tie.establishedOn, a.years])).toEqual([
      ['2001-09', 25],
      ['2016', 10],
    ]);
  });

  it('lets the settings move a country to another continent', () => {
    const c = countTies(ties, PERIOD, { EG: 'AS', RU: 'AS' });
    expect(c.established.byContinent).toMatchObject({ AF: 0, AS: 4, EU: 1 });
  });

  it('names the ties of the contract from the names loaded for them', () => {
    const c = countTies(ties, PERIOD);
    const names = (id: string) => ({
      local: `local ${id}`,
      partner: `partner ${id}`,
      localNames: { zh: null, en: null },
      partnerNames: { zh: null, en: null },
    });
    const f = annualFigures(c, names, PERIOD, {
      lettersSignedInPeriod: 0,
      approvalsWaiting: 0,
      visits: { outgoing: 0, incoming: 0 },
    });
    expect(f.established.first).toEqual({
      partner: `partner ${ties[1]?.id}`,
      country: 'JP',
      on: '1978-12-21',
    });
    expect(f.anniversaries[0]).toEqual({
      local: `local ${ties[5]?.id}`,
      partner: `partner ${ties[5]?.id}`,
      country: 'RU',
      on: '2001-09',
      years: 25,
      suspended: false,
    });
    const none = annualFigures(countTies([], PERIOD), names, PERIOD, {
      lettersSignedInPeriod: 0,
      approvalsWaiting: 0,
      visits: { outgoing: 0, incoming: 0 },
    });
    expect(none.established.first).toEqual({ partner: null, country: null, on: null });
    expect(none.established.byContinent).toEqual({
      AF: 0,
      AS: 0,
      EU: 0,
      NA: 0,
      OC: 0,
      SA: 0,
      AN: 0,
    });
  });

  it('keeps every breakdown summing to the total, for any registry and date', () => {
    const registry = fc.array(
      fc.record({
        events: history,
        country: fc.constantFrom('JP', 'US', 'DE', 'RU', 'TR', 'BR', 'ZA', 'AU', 'AQ'),
        level: fc.constantFrom<Level>('province', 'city', 'county'),
        kind: kindValue,
      }),
      { maxLength: 25 },
    );
    fc.assert(
      fc.property(registry, day, day, (rows, a, b) => {
        const period = a <= b ? { since: a, asOf: b } : { since: b, asOf: a };
        const list = rows.map((r, i) => ({ id: `t${i}`, ...r }));
        const c = countTies(list, period);
        const e = c.established;
        const sum = (o: Record<string, number>) => Object.values(o).reduce((s, n) => s + n, 0);
        expect(sum(e.byKind)).toBe(e.total);
        expect(sum(e.byLevel)).toBe(e.total);
        expect(sum(e.byContinent)).toBe(e.total);
        expect(sum(e.byCountry)).toBe(e.total);
        expect(Object.keys(e.byContinent)).toEqual([...CONTINENTS]);
        expect(e.countries).toBe(Object.keys(e.byCountry).length);
        expect(e.since).toBeLessThanOrEqual(e.total - c.undated);
        expect(e.suspended).toBe(c.suspendedTies.length);
        const byStage = list.map((t) => stageAsOf(t.events, period.asOf));
        expect(e.total).toBe(byStage.filter(countsAsEstablished).length);
        expect(sum(c.pipeline)).toBe(
          byStage.filter(
            (s) => s !== null && ['contact', 'intent', 'pending', 'approved'].includes(s),
          ).length,
        );
        expect(sum(c.perYear) + c.undated).toBe(e.total);
      }),
    );
  });
});

describe('the small rules', () => {
  it('places a partial date in a period by its first day', () => {
    expect(inPeriod('2025', PERIOD)).toBe(true);
    expect(inPeriod('2024-12', PERIOD)).toBe(false);
    expect(inPeriod('2025-12-31', PERIOD)).toBe(true);
    expect(inPeriod('2026', PERIOD)).toBe(false);
    expect(inPeriod(null, PERIOD)).toBe(false);
    expect(inPeriod('2025', { since: '2025-01-02', asOf: '2025-12-31' })).toBe(false);
  });

  it('says whether a step waits for a decision on a date', () => {
    const step = (
      submitted_on: string | null,
      decided_on: string | null,
      outcome: string | null,
    ) => ({
      submitted_on,
      decided_on,
      outcome,
    });
    const asOf = '2025-12-31';
    expect(waitingAsOf(step('2025-06-01', null, null), asOf)).toBe(true);
    expect(waitingAsOf(step('2025-11', '2026-01-10', 'approved'), asOf)).toBe(true);
    expect(waitingAsOf(step('2025-02', '2025-03', 'approved'), asOf)).toBe(false);
    expect(waitingAsOf(step('2026-01-05', null, null), asOf)).toBe(false);
    expect(waitingAsOf(step(null, null, null), asOf)).toBe(false);
    // An outcome without its date counts as decided at every date.
    expect(waitingAsOf(step('2025-06', null, 'returned'), asOf)).toBe(false);
  });

  it('knows the round anniversaries offices celebrate', () => {
    const round = Array.from({ length: 80 }, (_, i) => i).filter(isRoundAnniversary);
    expect(round).toEqual([5, 10, 15, 20, 25, 30, 40, 50, 60, 70]);
  });

  it('starts a period on the first day of the report’s year', () => {
    expect(startOfYear('2025-06-30')).toBe('2025-01-01');
  });
});
