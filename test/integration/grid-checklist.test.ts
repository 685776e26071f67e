import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Registry } from '../../main/registry';
import type { ValueCounts } from '../../shared/grid-query';
import type { Page, TieRow, VisitRow } from '../../shared/model';
import { call, testRegistry } from '../support/registry';

/** Checklist filters on the paged grids: the `set` filter in SQL, value counts, rows in sight. */
let registry: Registry;
beforeEach(async () => {
  registry = await testRegistry();
  const tie = (partner: string, country: string, stage: string, kind = 'friendship') =>
    call(registry, 'ties:create', {
      local: 'Nanjing',
      local_level: 'city',
      partner,
      country,
      kind,
      stage,
      ...(stage === 'established' ? { established_on: '1990' } : {}),
    });
  await tie('Nagoya', 'JP', 'established');
  await tie('Florence', 'IT', 'established');
  await tie('Osaka', 'JP', 'contact', 'exchange');
  await tie('Milan', 'IT', 'contact');
  await tie('Leipzig', 'DE', 'contact', 'exchange');
});
afterEach(async () => {
  await registry.close();
});

const partners = async (input: Record<string, unknown>) =>
  (await call<Page<TieRow>>(registry, 'ties:list', input)).rows.map((r) => r.partner).sort();
const counts = async (input: Record<string, unknown>) =>
  Object.fromEntries(
    (await call<ValueCounts>(registry, 'ties:counts', input)).values.map((v) => [v.value, v.count]),
  );

describe('checklist filters on the ties grid', () => {
  it('keeps the rows whose code is ticked, and none when nothing is', async () => {
    expect(
      await partners({ filter: { stage: { filterType: 'set', values: ['contact'] } } }),
    ).toEqual(['Leipzig', 'Milan', 'Osaka']);
    expect(
      await partners({
        filter: {
          stage: { filterType: 'set', values: ['contact'] },
          country: { filterType: 'set', values: ['JP', 'DE'] },
        },
      }),
    ).toEqual(['Leipzig', 'Osaka']);
    expect(await partners({ filter: { kind: { filterType: 'set', values: [] } } })).toEqual([]);
  });

  it('counts each value under the other filters and the search, never its own', async () => {
    expect(await counts({ column: 'stage' })).toEqual({ established: 2, contact: 3 });
    // Its own filter is left out: unticking `contact` still shows how many it would bring back.
    expect(
      await counts({
        column: 'stage',
        filter: { stage: { filterType: 'set', values: ['established'] } },
      }),
    ).toEqual({ established: 2, contact: 3 });
    expect(
      await counts({
        column: 'country',
        filter: { stage: { filterType: 'set', values: ['contact'] } },
      }),
    ).toEqual({ JP: 1, IT: 1, DE: 1 });
    expect(await counts({ column: 'kind', quick: '意大利' })).toEqual({ friendship: 2 });
    expect(await counts({ column: 'local_level' })).toEqual({ city: 5 });
  });

  it('counts under a search the very rows the search lists, whichever table holds the words', async () => {
    await call(registry, 'ties:create', {
      local: 'Suzhou',
      local_level: 'county',
      partner: 'Kyoto',
      country: 'JP',
      kind: 'exchange',
      stage: 'contact',
      notes: 'met the Leipzig delegation',
    });
    const tally = async (quick: string) => {
      const rows = (await call<Page<TieRow>>(registry, 'ties:list', { quick })).rows;
      const out: Record<string, number> = {};
      for (const r of rows) out[r.stage] = (out[r.stage] ?? 0) + 1;
      return out;
    };
    // The locality's name and its level's label, the partner's name and country, the tie's own
    // kind and notes, and words nobody holds.
    const seen: Record<string, Record<string, number>> = {
      suzhou: { contact: 1 },
      县级: { contact: 1 },
      leipzig: { contact: 2 },
      日本: { established: 1, contact: 2 },
      交流: { contact: 3 },
      nowhere: {},
    };
    for (const [quick, expected] of Object.entries(seen)) {
      expect(await tally(quick), quick).toEqual(expected);
      expect(await counts({ column: 'stage', quick }), quick).toEqual(expected);
      expect(
        (await call<Page<TieRow>>(registry, 'ties:list', { quick, limit: 1 })).total,
        quick,
      ).toBe(Object.values(expected).reduce((a, b) => a + b, 0));
    }
  });

  it('says which of the given rows the view shows (the ticked rows still in sight)', async () => {
    const all = (await call<Page<TieRow>>(registry, 'ties:list', {})).rows;
    const ids = all.map((r) => r.id);
    const seen = await call<Page<TieRow>>(registry, 'ties:list', {
      filter: { country: { filterType: 'set', values: ['JP'] } },
      ids,
    });
    expect(seen.rows.map((r) => r.partner).sort()).toEqual(['Nagoya', 'Osaka']);
    expect((await call<Page<TieRow>>(registry, 'ties:list', { ids: [] })).rows).toEqual([]);
  });

  it('refuses at the door a column that has no checklist, or a malformed one', async () => {
    for (const input of [
      { column: 'notes' },
      { column: 'stage', filter: { stage: { filterType: 'set', values: 'contact' } } },
      { column: 'stage', filter: { colour: { filterType: 'set', values: [] } } },
      { column: 'stage', extra: 1 },
    ]) {
      const r = await registry.door('ties:counts', input, { trusted: true });
      expect(!r.ok && r.error.code).toBe('validation');
    }
    const long = await registry.door(
      'ties:list',
      { filter: { stage: { filterType: 'set', values: ['x'.repeat(201)] } } },
      { trusted: true },
    );
    expect(!long.ok && long.error.code).toBe('validation');
  });
});

describe('checklist filters on the visits grid', () => {
  it('filters and counts direction and country, blanks as the empty value', async () => {
    await call(registry, 'visits:create', {
      direction: 'outgoing',
      country: 'JP',
      leader: '张三',
      start_on: '2025-04-01',
    });
    await call(registry, 'visits:create', { direction: 'incoming', leader: 'Marco' });
    const v = await call<ValueCounts>(registry, 'visits:counts', { column: 'country' });
    expect(Object.fromEntries(v.values.map((x) => [x.value, x.count]))).toEqual({ JP: 1, '': 1 });
    const blanks = await call<Page<VisitRow>>(registry, 'visits:list', {
      filter: { country: { filterType: 'set', values: [''] } },
    });
    expect(blanks.rows.map((r) => r.leader)).toEqual(['Marco']);
    const out = await call<ValueCounts>(registry, 'visits:counts', {
      column: 'direction',
      filter: { country: { filterType: 'set', values: ['JP'] } },
    });
    expect(out.values).toEqual([{ value: 'outgoing', count: 1 }]);
  });
});
