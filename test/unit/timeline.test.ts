import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstDay } from '../../shared/dates';
import type { Stage } from '../../shared/enums';
import {
  ALWAYS,
  datesOutOfOrder,
  effectiveEvents,
  establishedOnAsOf,
  kindAsOf,
  stageAsOf,
  type TieEventDates,
} from '../../shared/timeline';

const stage = (
  seq: number,
  s: Stage,
  on: string | null,
  from_stage: Stage | null = null,
): TieEventDates => ({
  seq,
  type: 'stage',
  stage: s,
  kind: null,
  from_stage,
  on,
});

describe('stage as of a date', () => {
  const bloemfontein = [
    stage(1, 'contact', '1998'),
    stage(2, 'intent', '1999-01'),
    stage(3, 'established', '2000-03'),
  ];

  it('takes the latest event on or before the date, partial dates by their first day', () => {
    expect(stageAsOf(bloemfontein, '1997-12-31')).toBeNull();
    expect(stageAsOf(bloemfontein, '1998-01-01')).toBe('contact');
    expect(stageAsOf(bloemfontein, '1998-12-31')).toBe('contact');
    expect(stageAsOf(bloemfontein, '1999-01-01')).toBe('intent');
    expect(stageAsOf(bloemfontein, '2000-02-29')).toBe('intent');
    expect(stageAsOf(bloemfontein, '2000-03-01')).toBe('established');
  });

  it('lets an undated event take the date of the latest dated one before it', () => {
    const events = [stage(1, 'established', '1978'), stage(2, 'suspended', null)];
    expect(stageAsOf(events, '1977-12-31')).toBeNull();
    expect(stageAsOf(events, '1978-01-01')).toBe('suspended');
  });

  it('holds an undated event with nothing before it at every date', () => {
    const events = [stage(1, 'established', null)];
    expect(stageAsOf(events, '1800-01-01')).toBe('established');
    expect(effectiveEvents(events)[0]?.key).toBe(ALWAYS);
  });

  it('finds the establishment date, not a resumption', () => {
    const events = [
      stage(1, 'established', '1990-05'),
      stage(2, 'suspended', '2012-02-21'),
      stage(3, 'established', '2019', 'suspended'),
    ];
    expect(establishedOnAsOf(events, '2020-01-01')).toBe('1990-05');
    expect(establishedOnAsOf(events, '1989-12-31')).toBeNull();
    expect(stageAsOf(events, '2015-06-01')).toBe('suspended');
    expect(stageAsOf(events, '2019-06-01')).toBe('established');
  });

  it('reads the kind before and after an upgrade', () => {
    const events: TieEventDates[] = [
      stage(1, 'established', '2010'),
      {
        seq: 2,
        type: 'kind',
        stage: null,
        kind: 'friendship',
        from_kind: 'exchange',
        on: '2018-06',
      },
    ];
    expect(kindAsOf(events, '2017-12-31', 'friendship')).toBe('exchange');
    expect(kindAsOf(events, '2018-06-01', 'friendship')).toBe('friendship');
    expect(kindAsOf([stage(1, 'contact', null)], '2000-01-01', 'exchange')).toBe('exchange');
  });

  const stages: Stage[] = [
    'contact',
    'intent',
    'pending',
    'approved',
    'established',
    'suspended',
    'terminated',
  ];
  const dayArb = fc
    .integer({ min: 0, max: 20000 })
    .map((n) => new Date(Date.UTC(1970, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
  const onArb = fc.option(
    dayArb.chain((d) => fc.constantFrom(d, d.slice(0, 7), d.slice(0, 4))),
    { nil: null },
  );
  const historyArb = fc
    .array(fc.record({ s: fc.constantFrom(...stages), on: onArb }), { minLength: 1, maxLength: 8 })
    .map((list) => list.map((e, i) => stage(i + 1, e.s, e.on)));

  it('agrees with a straightforward reading of the rule, dates in any order', () => {
    fc.assert(
      fc.property(historyArb, dayArb, (events, asOf) => {
        // The rule read plainly: walk the sequence carrying the last date written; the stage
        // is that of the last event whose date (own or carried) is on or before the day.
        let carried: string | null = null;
        let found: Stage | null = null;
        for (const e of events) {
          if (e.on) carried = firstDay(e.on);
          const day = e.on ? firstDay(e.on) : carried;
          if (day === null || day <= asOf) found = e.stage as Stage;
        }
        expect(stageAsOf(events, asOf)).toBe(found);
      }),
    );
  });

  it('follows the order of the events, not the sorting of their dates', () => {
    // domain.md: contact 2015-03-10, intent 2014-11-02, approved (undated).
    const events = [
      stage(1, 'contact', '2015-03-10'),
      stage(2, 'intent', '2014-11-02'),
      stage(3, 'approved', null),
    ];
    expect(stageAsOf(events, '2016-01-01')).toBe('approved');
    expect(stageAsOf(events, '2014-12-01')).toBe('approved');
    expect(stageAsOf(events, '2014-11-01')).toBeNull();
    const later = [...events, stage(4, 'established', '2015-01')];
    expect(stageAsOf(later, '2015-02-01')).toBe('established');
    expect(stageAsOf(later, '2014-12-31')).toBe('approved');
  });

  it('is monotone in time for a tie whose events only move forward', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(dayArb, { minLength: 2, maxLength: 5 }),
        dayArb,
        dayArb,
        (days, a, b) => {
          const sorted = [...days].sort();
          const events = sorted.map((d, i) => stage(i + 1, stages[i] as Stage, d));
          const [early, late] = a <= b ? [a, b] : [b, a];
          const i1 = stages.indexOf(stageAsOf(events, early) ?? 'contact');
          const i2 = stages.indexOf(stageAsOf(events, late) ?? 'contact');
          expect(i1).toBeLessThanOrEqual(i2);
        },
      ),
    );
  });
});

describe('dates out of order', () => {
  const stages: Stage[] = ['contact', 'intent', 'pending', 'approved', 'established'];
  const dayArb = fc
    .integer({ min: 0, max: 20000 })
    .map((n) => new Date(Date.UTC(1970, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
  const onArb = fc.option(
    dayArb.chain((d) => fc.constantFrom(d, d.slice(0, 7), d.slice(0, 4))),
    { nil: null },
  );
  const historyArb = fc
    .array(fc.record({ s: fc.constantFrom(...stages), on: onArb }), { minLength: 0, maxLength: 8 })
    .map((list) => list.map((e, i) => stage(i + 1, e.s, e.on)));

  it('names the event dated before one earlier in the sequence, with that one', () => {
    const events = [
      stage(1, 'contact', '2015-03-10'),
      stage(2, 'intent', '2014-11-02'),
      stage(3, 'approved', null),
      stage(4, 'established', '2016'),
    ];
    const found = datesOutOfOrder(events);
    expect(found).toHaveLength(1);
    expect(found[0]?.earlier.stage).toBe('contact');
    expect(found[0]?.earlier.on).toBe('2015-03-10');
    expect(found[0]?.later.stage).toBe('intent');
    expect(found[0]?.later.on).toBe('2014-11-02');
  });

  it('compares partial dates by their first day and finds nothing in a history in order', () => {
    expect(
      datesOutOfOrder([stage(1, 'contact', '2015'), stage(2, 'intent', '2015-01-01')]),
    ).toEqual([]);
    expect(
      datesOutOfOrder([stage(1, 'contact', '2015-02'), stage(2, 'intent', '2015')]).map((p) => [
        p.earlier.on,
        p.later.on,
      ]),
    ).toEqual([['2015-02', '2015']]);
    // Events given out of their sequence are read in it.
    expect(datesOutOfOrder([stage(2, 'intent', '2016'), stage(1, 'contact', '2015')])).toEqual([]);
  });

  it('reports each dated event earlier than the latest date before it, and nothing else', () => {
    fc.assert(
      fc.property(historyArb, (events) => {
        const found = datesOutOfOrder(events);
        const dated = events.filter((e) => e.on);
        const expected: [number, number][] = [];
        dated.forEach((e, i) => {
          const before = dated.slice(0, i);
          if (before.length === 0) return;
          const max = before.reduce((m, b) => (firstDay(b.on!) >= firstDay(m.on!) ? b : m));
          if (firstDay(e.on!) < firstDay(max.on!)) expected.push([max.seq, e.seq]);
        });
        expect(found.map((p) => [p.earlier.seq, p.later.seq])).toEqual(expected);
        const sorted = dated.map((e) => firstDay(e.on!));
        const inOrder = sorted.every((k, i) => i === 0 || k >= (sorted[i - 1] as string));
        expect(found.length === 0).toBe(inOrder);
      }),
    );
  });
});
