import { describe, expect, it } from 'vitest';
import { loadReportTies, loadTieNames, visitTallies } from '../../db/reports.repository';
import { createReportTieCache } from '../../main/report-cache';
import { countTies } from '../../shared/report/figures';
import type { TieRow, VisitRow } from '../../shared/model';
import { call, testRegistry } from '../support/registry';

const sorted = <T extends { id: string }>(list: readonly T[]) =>
  [...list].sort((a, b) => a.id.localeCompare(b.id));

describe('the report cache', () => {
  it('stays equal to a fresh read through edits, workflow moves, undo, imports of history and renames', async () => {
    const registry = await testRegistry();
    const cache = createReportTieCache(registry.db);
    const byDate = [
      [createReportTieCache(registry.db), '2010-06-30'],
      [createReportTieCache(registry.db), '2026-12-31'],
    ] as const;
    const same = async () => {
      const fresh = sorted(await loadReportTies(registry.db, null));
      expect(sorted(await cache.all())).toEqual(fresh);
      // Counts through the remembered standings, and the remembered counts, equal counts from
      // the file: each cache is always asked one date (a tie remembers only its last), before
      // and after the edits' dates.
      for (const [dated, asOf] of byDate) {
        const period = { since: `${asOf.slice(0, 4)}-01-01`, asOf };
        const expected = countTies(fresh, period);
        expect(countTies(sorted(await dated.all()), period, {}, dated.asOf)).toEqual(expected);
        const counts = await dated.counts(period, {});
        expect(counts).toEqual(expected);
        expect(await dated.counts(period, {})).toBe(counts);
      }
    };
    await same();
    const a = await call<TieRow>(registry, 'ties:create', {
      local: '南京',
      local_level: 'city',
      partner: 'Nagoya',
      country: 'JP',
      stage: 'established',
      established_on: '1978',
    });
    await same();
    await call(registry, 'ties:create', {
      local: '南京',
      partner: 'Perth',
      country: 'AU',
      stage: 'contact',
    });
    await same();
    await call(registry, 'workflow:advance', {
      id: a.id,
      version: 1,
      to: 'suspended',
      on: '2012-02-21',
      reason: 'x',
    });
    await same();
    await call(registry, 'ties:update', {
      id: a.id,
      version: 2,
      patch: { established_on: '1978-12-21' },
    });
    await same();
    await call(registry, 'history:undo', { scope: 'ties' });
    await same();
    await call(registry, 'ties:delete', {
      id: a.id,
      version: (await call<TieRow>(registry, 'ties:get', { id: a.id })).version,
    });
    await same();
    // A partner moved to another country touches its ties: read again in full.
    const perth = (await call<{ rows: TieRow[] }>(registry, 'ties:list', {})).rows[0] as TieRow;
    await call(registry, 'ties:update', {
      id: perth.id,
      version: perth.version,
      patch: { country: 'GB' },
    });
    await same();
    expect((await cache.all()).map((t) => t.country)).toEqual(['GB']);
    await registry.close();
  });

  it('keeps names and visit tallies equal to a fresh read through renames and visit edits', async () => {
    const registry = await testRegistry();
    const cache = createReportTieCache(registry.db);
    const tie = await call<TieRow>(registry, 'ties:create', {
      local: '南京',
      local_level: 'city',
      partner: 'Nagoya',
      country: 'JP',
      stage: 'established',
      established_on: '1978',
    });
    const same = async () => {
      await cache.all();
      expect(await cache.names([tie.id])).toEqual(await loadTieNames(registry.db, [tie.id]));
      expect(await cache.visits('2026-01-01', '2026-12-31')).toEqual(
        await visitTallies(registry.db, null, '2026-01-01', '2026-12-31'),
      );
    };
    await same();
    const visit = await call<VisitRow>(registry, 'visits:create', {
      direction: 'incoming',
      country: 'JP',
      start_on: '2026-04-01',
      size: 5,
      fields: ['culture'],
    });
    await same();
    expect((await cache.visits('2026-01-01', '2026-12-31')).total).toEqual([
      { direction: 'incoming', key: null, groups: 1, people: 5 },
    ]);
    await call(registry, 'visits:update', {
      id: visit.id,
      version: visit.version,
      patch: { size: 9 },
    });
    await same();
    await call(registry, 'visits:delete', { id: visit.id, version: visit.version + 1 });
    await same();
    // The partner renamed: the printed name follows.
    await call(registry, 'ties:update', {
      id: tie.id,
      version: tie.version,
      patch: { partner: '名古屋' },
    });
    await same();
    expect((await cache.names([tie.id])).get(tie.id)?.partner).toBe('名古屋');
    await registry.close();
  });
});
