import { describe, expect, it } from 'vitest';
import {
  lettersSignedIn,
  loadReportTies,
  loadTieNames,
  stepsWaitingOn,
  visitTallies,
} from '../../db/reports.repository';
import { createReportTieCache } from '../../main/reports/cache';
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
    await call(registry, 'undo:undo', { scope: 'ties' });
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

  it('keeps the letters of a period and the waiting steps equal to a fresh read', async () => {
    const registry = await testRegistry();
    const cache = createReportTieCache(registry.db);
    const nagoya = await call<TieRow>(registry, 'ties:create', {
      local: '南京',
      local_level: 'city',
      partner: 'Nagoya',
      country: 'JP',
      stage: 'intent',
    });
    const perth = await call<TieRow>(registry, 'ties:create', {
      local: '南京',
      partner: 'Perth',
      country: 'AU',
      stage: 'intent',
    });
    const same = async () => {
      await cache.counts({ since: '2026-01-01', asOf: '2026-12-31' }, {});
      const letters = await cache.letters('2026-01-01', '2026-12-31');
      expect(letters).toEqual(await lettersSignedIn(registry.db, null, '2026-01-01', '2026-12-31'));
      const waiting = await cache.waiting('2026-12-31');
      expect(waiting).toEqual(await stepsWaitingOn(registry.db, null, '2026-12-31'));
      return { letters: letters.length, waiting: waiting.length };
    };
    expect(await same()).toEqual({ letters: 0, waiting: 0 });
    const letter = await call<{ id: string; version: number }>(registry, 'letters:create', {
      tie_id: nagoya.id,
      title: 'MoU',
      signed_on: '2026-03-01',
    });
    expect(await same()).toEqual({ letters: 1, waiting: 0 });
    const step = await call<{ id: string; version: number }>(registry, 'steps:create', {
      tie_id: perth.id,
      authority: 'Jiangsu FAO',
      submitted_on: '2026-05-01',
    });
    expect(await same()).toEqual({ letters: 1, waiting: 1 });
    // A note changes neither list; a deleted tie's step waits no more, a restored one's again.
    await call(registry, 'ties:update', { id: perth.id, version: 1, patch: { notes: 'n' } });
    expect(await same()).toEqual({ letters: 1, waiting: 1 });
    await call(registry, 'ties:delete', { id: perth.id, version: 2 });
    expect(await same()).toEqual({ letters: 1, waiting: 0 });
    await call(registry, 'ties:restore', { id: perth.id, version: 3 });
    expect(await same()).toEqual({ letters: 1, waiting: 1 });
    await call(registry, 'steps:update', {
      id: step.id,
      version: step.version,
      patch: { decided_on: '2026-06-01', outcome: 'approved' },
    });
    expect(await same()).toEqual({ letters: 1, waiting: 0 });
    await call(registry, 'letters:delete', { id: letter.id, version: letter.version });
    expect(await same()).toEqual({ letters: 0, waiting: 0 });
    await registry.close();
  });
});
