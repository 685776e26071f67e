import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Registry } from '../../main/registry';
import type { ChangesPage } from '../../shared/ipc/staff';
import type { TieRow } from '../../shared/model';
import { populate, type Populated } from '../support/populate';
import { call, testRegistry } from '../support/registry';

/**
 * `changes:since`, what open grids poll for live refresh: every change after a cursor, from any
 * client, in order, on either engine.
 */

let registry: Registry;
let made: Populated;
beforeEach(async () => {
  registry = await testRegistry();
  made = await populate(registry);
});
afterEach(() => registry.close());

const since = (cursor: number | null) =>
  call<ChangesPage>(registry, 'changes:since', { since: cursor });

describe('changes since a cursor', () => {
  it('starts at the newest change and then names each record changed after it', async () => {
    const start = await since(null);
    expect(start.changes).toEqual([]);
    expect(start.cursor).toBeGreaterThan(0);
    expect(await since(start.cursor)).toEqual({
      cursor: start.cursor,
      changes: [],
      truncated: false,
    });

    const tie = made.ties[0]!;
    const updated = await call<TieRow>(registry, 'ties:update', {
      id: tie.id,
      version: tie.version,
      patch: { notes: 'changed elsewhere' },
    });
    const visit = made.visits[0]!;
    await call(registry, 'visits:update', {
      id: visit.id,
      version: visit.version,
      patch: { size: 3 },
    });
    const next = await since(start.cursor);
    expect(next.truncated).toBe(false);
    expect(next.changes.map((c) => [c.entity, c.id])).toEqual([
      ['tie', updated.id],
      ['visit', visit.id],
    ]);
    const seqs = next.changes.map((c) => c.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(next.cursor).toBe(seqs.at(-1));
    expect((await since(next.cursor)).changes).toEqual([]);
  });

  it('says when more changed than one answer carries, and pages on from its cursor', async () => {
    const start = await since(null);
    const lines = Array.from({ length: 200 }, (_, i) => `南京市\tPartner ${i}\tcity\t\tJapan`).join(
      '\n',
    );
    await call(registry, 'grid:paste', {
      grid: 'ties',
      columns: ['local', 'partner', 'local_level', 'partner_zh', 'country'],
      rows: [],
      text: lines,
    });
    const first = await since(start.cursor);
    expect(first.truncated).toBe(true);
    expect(first.changes).toHaveLength(500);
    let cursor = first.cursor;
    let ties = first.changes.filter((c) => c.entity === 'tie').length;
    for (;;) {
      const page = await since(cursor);
      ties += page.changes.filter((c) => c.entity === 'tie').length;
      cursor = page.cursor;
      if (!page.truncated) break;
    }
    expect(ties).toBe(200);
  });

  it('refuses a cursor that is not a whole number', async () => {
    const result = await registry.door('changes:since', { since: -1 }, { trusted: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});
