import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstDay } from '../../shared/dates';
import type { Stage } from '../../shared/enums';
import {
  ALWAYS,
  effectiveEvents,
  establishedOnAsOf,
  kindAsOf,
  stageAsOf,
  type HistoryEvent,
} from '../../shared/timeline';

const stage = (
  seq: number,
  s: Stage,
  on: string | null,
  fromStage: Stage | null = null,
): HistoryEvent => ({
  seq,
  type: 'stage',
  stage: s,
  kind: null,
  fromStage,
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
    const events: HistoryEvent[] = [
      stage(1, 'established', '2010'),
      {
        seq: 2,
        type: 'kind',
        stage: null,
        kind: 'friendship',
        fromKind: 'exchange',
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

  it('agrees with a brute-force reading of the rule', () => {
    fc.assert(
      fc.property(historyArb, dayArb, (events, asOf) => {
        // Reference: walk in recorded order carrying the last date; keep the best (date, seq).
        let carried: string | null = null;
        let best: { key: string; seq: number; stage: Stage } | null = null;
        for (const e of events) {
          if (e.on) carried = firstDay(e.on);
          const key = e.on ? firstDay(e.on) : (carried ?? '');
          if (key <= asOf && (!best || key > best.key || (key === best.key && e.seq > best.seq))) {
            best = { key, seq: e.seq, stage: e.stage as Stage };
          }
        }
        expect(stageAsOf(events, asOf)).toBe(best?.stage ?? null);
      }),
    );
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
