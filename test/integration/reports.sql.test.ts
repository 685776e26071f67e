import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  firstDaySql,
  lettersSignedIn,
  loadReportTies,
  stepsWaitingOn,
  visitTallies,
} from '../../db/reports.repository';
import type { Registry } from '../../main/registry';
import { firstDay } from '../../shared/dates';
import { inPeriod, waitingAsOf } from '../../shared/report/figures';
import { call, testRegistry } from '../support/registry';

/**
 * The SQL that narrows reports (first days, periods, waiting steps, visits) against the pure
 * rules it stands for, on rows written straight into a real registry.
 */

let registry: Registry;
let tieId: string;

beforeAll(async () => {
  registry = await testRegistry();
  const tie = await call<{ id: string }>(registry, 'ties:create', {
    local: '南京',
    local_level: 'city',
    partner: 'Nagoya',
    country: 'JP',
    stage: 'intent',
    intent_signed_on: '2020',
  });
  tieId = tie.id;
});

afterAll(() => registry.close());

const partial = fc.oneof(
  fc.integer({ min: 2018, max: 2027 }).map(String),
  fc
    .record({ y: fc.integer({ min: 2018, max: 2027 }), m: fc.integer({ min: 1, max: 12 }) })
    .map(({ y, m }) => `${y}-${String(m).padStart(2, '0')}`),
  fc
    .record({
      y: fc.integer({ min: 2018, max: 2027 }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 28 }),
    })
    .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
);
const period = fc.tuple(partial, partial).map(([a, b]) => {
  const [x, y] = [firstDay(a), firstDay(b)].sort();
  return { since: x as string, asOf: y as string };
});

const stamp = {
  version: 1,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
};

describe('report SQL against the pure rules', () => {
  it('finds the first day of a partial date as shared/dates.ts does', async () => {
    await fc.assert(
      fc.asyncProperty(partial, async (date) => {
        const row = await sql<{
          d: string;
        }>`select ${firstDaySql('x')} as d from (select ${date} as x) as v`.execute(registry.db);
        expect(row.rows[0]?.d).toBe(firstDay(date));
      }),
      { numRuns: 100 },
    );
  });

  it('counts letters, waiting steps and visits of a period as the rules do', async () => {
    const rows = fc.record({
      letters: fc.array(fc.option(partial, { nil: null }), { maxLength: 8 }),
      steps: fc.array(
        fc.record({
          submitted_on: fc.option(partial, { nil: null }),
          decided_on: fc.option(partial, { nil: null }),
          outcome: fc.option(fc.constantFrom('approved', 'returned'), { nil: null }),
        }),
        { maxLength: 8 },
      ),
      visits: fc.array(
        fc.record({
          start_on: fc.option(partial, { nil: null }),
          direction: fc.constantFrom('outgoing', 'incoming'),
          size: fc.option(fc.integer({ min: 1, max: 30 }), { nil: null }),
        }),
        { maxLength: 8 },
      ),
    });
    let n = 0;
    await fc.assert(
      fc.asyncProperty(rows, period, async (data, p) => {
        const db = registry.db;
        await db.deleteFrom('letters').execute();
        await db.deleteFrom('approval_steps').execute();
        await db.deleteFrom('visits').execute();
        for (const signed_on of data.letters) {
          await db
            .insertInto('letters')
            .values({
              id: `l${++n}`,
              tie_id: tieId,
              title: 'LOI',
              doc_type: 'letter',
              signed_on,
              status: 'active',
              ...stamp,
            })
            .execute();
        }
        for (const s of data.steps) {
          await db
            .insertInto('approval_steps')
            .values({
              id: `s${++n}`,
              tie_id: tieId,
              round: 1,
              position: n,
              authority_zh: '省外办',
              authority_en: 'FAO',
              ...s,
              ...stamp,
            })
            .execute();
        }
        for (const v of data.visits) {
          await db
            .insertInto('visits')
            .values({
              id: `v${++n}`,
              direction: v.direction,
              start_on: v.start_on,
              size: v.size,
              fields: '[]',
              agreements_signed: 0,
              ...stamp,
            })
            .execute();
        }
        expect((await lettersSignedIn(db, null, p.since, p.asOf)).length).toBe(
          data.letters.filter((d) => inPeriod(d, p)).length,
        );
        expect((await stepsWaitingOn(db, null, p.asOf)).length).toBe(
          data.steps.filter((s) => waitingAsOf(s, p.asOf)).length,
        );
        const tallies = await visitTallies(db, null, p.since, p.asOf);
        for (const direction of ['outgoing', 'incoming'] as const) {
          const counted = data.visits.filter(
            (v) => v.direction === direction && inPeriod(v.start_on, p),
          );
          const row = tallies.total.find((t) => t.direction === direction);
          expect(row?.groups ?? 0).toBe(counted.length);
          expect(row?.people ?? 0).toBe(counted.reduce((s, v) => s + (v.size ?? 0), 0));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('loads each live tie with its whole history', async () => {
    const [loaded] = await loadReportTies(registry.db, null);
    expect(loaded).toMatchObject({ id: tieId, level: 'city', country: 'JP', kind: 'friendship' });
    expect(loaded?.events).toEqual([
      {
        seq: 1,
        type: 'stage',
        stage: 'intent',
        from_stage: null,
        kind: null,
        from_kind: null,
        on: '2020',
      },
    ]);
  });
});
