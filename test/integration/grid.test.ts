import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseBlock } from '../../main/grid/grid.service';
import type { Registry } from '../../main/registry';
import type { UndoEntry } from '../../shared/ipc/undo';
import type { PasteResult, SavedView } from '../../shared/ipc/grid';
import type { AuditRow, LetterRow, Page, TieRow, VisitRow } from '../../shared/model';
import { call, testRegistry } from '../support/registry';

let registry: Registry;
let rows: TieRow[];
beforeEach(async () => {
  registry = await testRegistry();
  const base = { local: 'Nanjing', local_level: 'city', stage: 'established' };
  await call(registry, 'ties:create', {
    ...base,
    partner: 'Nagoya',
    country: 'JP',
    established_on: '1978',
  });
  await call(registry, 'ties:create', {
    ...base,
    partner: 'Florence',
    country: 'IT',
    established_on: '1980',
  });
  rows = [
    ...(
      await call<Page<TieRow>>(registry, 'ties:list', {
        sort: [{ colId: 'established_on', sort: 'asc' }],
      })
    ).rows,
  ];
});
afterEach(async () => {
  await registry.close();
});

const refs = () => rows.map((r) => ({ id: r.id, version: r.version }));
const refusal = async (channel: string, input: unknown) => {
  const r = await registry.door(channel, input, { trusted: true });
  if (r.ok) throw new Error(`${channel} was accepted`);
  return r.error;
};
const auditCount = async () =>
  (await call<AuditRow[]>(registry, 'audit:list', { limit: 10_000 })).length;

describe('parsing a block copied from Excel or WPS', () => {
  it('reads tabs, quoted cells with tabs, quotes and line breaks, and drops the last line break', () => {
    expect(parseBlock('a\tb\r\n"c\td"\t"e ""quoted""\nf"\r\n')).toEqual([
      ['a', 'b'],
      ['c\td', 'e "quoted"\nf'],
    ]);
    expect(parseBlock('单元格')).toEqual([['单元格']]);
  });
});

describe('pasting into the Ties grid', () => {
  it('fills right and down from the anchor, converting each cell by its column', async () => {
    const result = await call<PasteResult>(registry, 'grid:paste', {
      grid: 'ties',
      columns: ['kind', 'stage', 'established_on', 'notes'],
      rows: refs(),
      text: '友好交流城市\t已结好\t1978年12月21日\t"第一行\n两行"\nfriendship\testablished\t1980/6/1\tok\n',
    });
    expect(result).toMatchObject({ updated: 2, created: 0, cells: 8 });
    const [a, b] = await Promise.all(
      rows.map((r) => call<TieRow>(registry, 'ties:get', { id: r.id })),
    );
    expect(a).toMatchObject({
      kind: 'exchange',
      established_on: '1978-12-21',
      notes: '第一行\n两行',
    });
    expect(b).toMatchObject({ kind: 'friendship', established_on: '1980-06-01', notes: 'ok' });
    const history = await call<UndoEntry[]>(registry, 'undo:list', { scope: 'ties' });
    expect(history[0]).toMatchObject({ label: 'undo.paste', params: { count: 8 } });
    // The paste is one step: one undo puts both rows back.
    await call(registry, 'undo:undo', { scope: 'ties' });
    expect((await call<TieRow>(registry, 'ties:get', { id: rows[0]?.id })).notes).toBeNull();
    expect((await call<TieRow>(registry, 'ties:get', { id: rows[1]?.id })).established_on).toBe(
      '1980',
    );
  });

  it('adds new rows past the end', async () => {
    const result = await call<PasteResult>(registry, 'grid:paste', {
      grid: 'ties',
      columns: [
        'local',
        'local_level',
        'partner',
        'partner_zh',
        'country',
        'region',
        'kind',
        'stage',
        'established_on',
      ],
      rows: refs().slice(1),
      text: 'Nanjing\tcity\tFlorence\t佛罗伦萨\tItaly\tTuscany\tfriendship\testablished\t1980\n南京\t市级\tLeipzig\t莱比锡\t德国\t\t友好城市\t已结好\t1988\n',
    });
    expect(result).toMatchObject({ updated: 1, created: 1 });
    const all = await call<Page<TieRow>>(registry, 'ties:list', {});
    expect(all.rows.map((r) => r.partner).sort()).toEqual(['Florence', 'Leipzig', 'Nagoya']);
    expect(all.rows.find((r) => r.partner === 'Leipzig')).toMatchObject({
      country: 'DE',
      partner_zh: '莱比锡',
      established_on: '1988',
    });
  });

  it('writes nothing when any cell is refused, and names every refused cell', async () => {
    const audits = await auditCount();
    const error = await refusal('grid:paste', {
      grid: 'ties',
      columns: ['country', 'kind', 'established_on'],
      rows: refs(),
      text: 'Japan\tsister\t2018-02-30\nAtlantis\tfriendship\t1980\nItaly\t\t\n',
    });
    expect(error.code).toBe('validation');
    // Row 3 falls past the end, so it would be a new tie, which needs its locality and partner.
    expect(error.details?.map((d) => [d.path.join(':'), d.message])).toEqual([
      ['0:established_on', '“2018-02-30”: that month has 28 days.'],
      [
        '1:country',
        '“Atlantis” is not a country we know: use an ISO code, or the English or Chinese name.',
      ],
      ['2:local', 'Our locality is required.'],
      ['2:partner', 'Partner is required.'],
    ]);
    expect(await auditCount()).toBe(audits);
    expect((await call<TieRow>(registry, 'ties:get', { id: rows[0]?.id })).country).toBe('JP');
  });

  it('writes nothing when a row written after others is refused, and names it by its row', async () => {
    const audits = await auditCount();
    const columns = ['local', 'local_level', 'partner', 'country', 'kind', 'stage'];
    const line = (partner: string, country: string) =>
      ['Nanjing', 'city', partner, country, 'friendship', 'contact'].join('\t');
    // Rows 0 and 1 are written first; row 2 repeats a live tie, so all three are undone.
    const error = await refusal('grid:paste', {
      grid: 'ties',
      columns,
      rows: [],
      text: [line('Leipzig', 'DE'), line('Lyon', 'FR'), line('Nagoya', 'JP')].join('\n'),
    });
    expect(error.details?.map((d) => [d.path.join(':'), d.key])).toEqual([
      ['2:partner', 'errors.tie.duplicate'],
    ]);
    expect(await auditCount()).toBe(audits);
    const all = await call<Page<TieRow>>(registry, 'ties:list', {});
    expect(all.rows.map((r) => r.partner).sort()).toEqual(['Florence', 'Nagoya']);
    // A refused cell and a refused row, in the order of their rows: row 3 repeats row 0 of the
    // same paste, which is written before it.
    const both = await refusal('grid:paste', {
      grid: 'ties',
      columns,
      rows: [],
      text: [
        line('Leipzig', 'DE'),
        line('Lyon', 'Atlantis'),
        line('Dresden', 'DE'),
        line('Leipzig', 'DE'),
      ].join('\n'),
    });
    expect(both.details?.map((d) => [d.path.join(':'), d.key])).toEqual([
      ['1:country', 'errors.country.unknown'],
      ['3:partner', 'errors.tie.duplicate'],
    ]);
    expect(await auditCount()).toBe(audits);
    expect((await call<Page<TieRow>>(registry, 'ties:list', {})).total).toBe(2);
  });

  it('refuses a stale row instead of overwriting a colleague’s save', async () => {
    await call(registry, 'ties:update', {
      id: rows[0]?.id,
      version: rows[0]?.version,
      patch: { notes: 'theirs' },
    });
    const error = await refusal('grid:paste', {
      grid: 'ties',
      columns: ['notes'],
      rows: refs(),
      text: 'mine\nmine too',
    });
    expect(error.details?.[0]).toMatchObject({ path: [0, ''], key: 'errors.conflict' });
    expect((await call<TieRow>(registry, 'ties:get', { id: rows[1]?.id })).notes).toBeNull();
  });

  it('refuses a block wider than the columns to its right', async () => {
    const error = await refusal('grid:paste', {
      grid: 'ties',
      columns: ['notes'],
      rows: refs(),
      text: 'a\tb',
    });
    expect(error.details?.[0]?.message).toBe(
      'The block is 2 columns wide, but only 1 columns follow the cell it was pasted at.',
    );
  });
});

describe('bulk edits and fill down', () => {
  it('sets one column on many rows as one step, or refuses the value', async () => {
    const result = await call<{ updated: number }>(registry, 'grid:bulk', {
      grid: 'ties',
      column: 'fields',
      value: '经贸、教育',
      rows: refs(),
    });
    expect(result.updated).toBe(2);
    const all = await call<Page<TieRow>>(registry, 'ties:list', {});
    expect(all.rows.every((r) => r.fields.join() === 'economy,education')).toBe(true);
    expect(
      (
        await refusal('grid:bulk', {
          grid: 'ties',
          column: 'country',
          value: 'Atlantis',
          rows: refs(),
        })
      ).details?.[0]?.path,
    ).toEqual([0, 'country']);
  });
});

describe('a cell range filled down or cleared', () => {
  it('fills each row with its own cells in one undo step, worded by the column', async () => {
    const [nagoya, florence] = rows as [TieRow, TieRow];
    const result = await call<{ updated: number }>(registry, 'grid:bulk', {
      grid: 'ties',
      action: 'fill',
      rows: [{ id: florence.id, version: florence.version, values: { notes: '名古屋备注' } }],
    });
    expect(result.updated).toBe(1);
    expect((await call<TieRow>(registry, 'ties:get', { id: florence.id })).notes).toBe(
      '名古屋备注',
    );
    const [entry] = await call<UndoEntry[]>(registry, 'undo:list', { scope: 'ties' });
    expect(entry).toMatchObject({ label: 'undo.fill', text: 'Filled down Notes into 1 row' });
    await call(registry, 'undo:undo', { scope: 'ties' });
    expect((await call<TieRow>(registry, 'ties:get', { id: florence.id })).notes).toBeNull();
    expect((await call<TieRow>(registry, 'ties:get', { id: nagoya.id })).notes).toBeNull();
  });

  it('clears a range as one step, and refuses it whole when one cell may not be empty', async () => {
    const [nagoya, florence] = rows as [TieRow, TieRow];
    await call(registry, 'grid:bulk', {
      grid: 'ties',
      action: 'fill',
      rows: refs().map((r) => ({ ...r, values: { notes: 'n', kind: 'exchange' } })),
    });
    const now = await call<Page<TieRow>>(registry, 'ties:list', {});
    const version = (id: string) => now.rows.find((r) => r.id === id)?.version ?? 0;
    const before = await auditCount();
    const error = await refusal('grid:bulk', {
      grid: 'ties',
      action: 'clear',
      rows: [
        { id: nagoya.id, version: version(nagoya.id), values: { notes: null } },
        { id: florence.id, version: version(florence.id), values: { notes: null, partner: null } },
      ],
    });
    expect(error.details?.map((d) => d.path)).toEqual([[1, 'partner']]);
    expect(await auditCount()).toBe(before);
    expect((await call<TieRow>(registry, 'ties:get', { id: nagoya.id })).notes).toBe('n');

    await call(registry, 'grid:bulk', {
      grid: 'ties',
      action: 'clear',
      rows: refs().map((r) => ({ id: r.id, version: version(r.id), values: { notes: null } })),
    });
    const [entry] = await call<UndoEntry[]>(registry, 'undo:list', { scope: 'ties' });
    expect(entry).toMatchObject({ label: 'undo.clear', text: 'Cleared 2 cells' });
    const cleared = await call<Page<TieRow>>(registry, 'ties:list', {});
    expect(cleared.rows.map((r) => [r.notes, r.kind])).toEqual([
      [null, 'exchange'],
      [null, 'exchange'],
    ]);
    await call(registry, 'undo:undo', { scope: 'ties' });
    const back = await call<Page<TieRow>>(registry, 'ties:list', {});
    expect(back.rows.every((r) => r.notes === 'n')).toBe(true);
  });

  it('names a refused value by its row in the range and its column', async () => {
    const error = await refusal('grid:bulk', {
      grid: 'ties',
      action: 'fill',
      rows: refs().map((r) => ({ ...r, values: { country: 'Atlantis' } })),
    });
    expect(error.details?.map((d) => d.path)).toEqual([
      [0, 'country'],
      [1, 'country'],
    ]);
  });
});

describe('other grids', () => {
  it('paste letters and visits by their own columns', async () => {
    const letters = await call<PasteResult>(registry, 'grid:paste', {
      grid: 'letters',
      columns: ['local', 'partner', 'country', 'title', 'doc_type', 'signed_on'],
      rows: [],
      text: 'Nanjing\tNagoya\tJapan\t友好交流意向书\t意向书\t2025年3月2日\n',
    });
    expect(letters.created).toBe(1);
    expect((await call<Page<LetterRow>>(registry, 'letters:list', {})).rows[0]).toMatchObject({
      title: '友好交流意向书',
      signed_on: '2025-03-02',
    });
    const visits = await call<PasteResult>(registry, 'grid:paste', {
      grid: 'visits',
      columns: ['direction', 'local', 'country', 'leader', 'start_on', 'size', 'ties'],
      rows: [],
      text: '出访\tNanjing\t日本\t张三\t2026-04-01\t12\tNagoya\n来访\t\tItaly\tMarco\t2026-05\t5\t\n',
    });
    expect(visits.created).toBe(2);
    const list = await call<Page<VisitRow>>(registry, 'visits:list', {});
    expect(list.rows.map((v) => [v.direction, v.size, v.ties.length]).sort()).toEqual([
      ['incoming', 5, 0],
      ['outgoing', 12, 1],
    ]);
  });
});

describe('saved views', () => {
  it('saves, lists, replaces by name and deletes', async () => {
    const state = {
      columnState: [{ colId: 'notes', hide: true }],
      filterModel: { country: { filterType: 'text', type: 'contains', filter: 'JP' } },
      quick: '',
    };
    const saved = await call<SavedView>(registry, 'views:save', {
      grid: 'ties',
      name: '日本',
      state,
    });
    await call(registry, 'views:save', {
      grid: 'ties',
      name: '日本',
      state: { ...state, quick: 'Nagoya' },
    });
    const list = await call<SavedView[]>(registry, 'views:list', { grid: 'ties' });
    expect(list).toHaveLength(1);
    expect(list[0]?.state).toMatchObject({ quick: 'Nagoya' });
    await call(registry, 'views:delete', { id: saved.id });
    expect(await call<SavedView[]>(registry, 'views:list', { grid: 'ties' })).toEqual([]);
  });
});

describe('server-side sort, filters and quick search (large grids)', () => {
  it('filters each kind of column in either language and pages the result', async () => {
    await call(registry, 'ties:create', {
      local: '南京',
      local_level: 'city',
      partner: 'Semarang',
      partner_zh: '三宝垄',
      country: 'ID',
      kind: 'exchange',
      stage: 'established',
      established_on: '2018-10',
      fields: '经贸、教育',
    });
    const list = async (input: Record<string, unknown>) =>
      (await call<Page<TieRow>>(registry, 'ties:list', input)).rows.map((r) => r.partner).sort();
    expect(
      await list({ filter: { country: { filterType: 'text', type: 'contains', filter: '日本' } } }),
    ).toEqual(['Nagoya']);
    expect(
      await list({ filter: { country: { filterType: 'text', type: 'equals', filter: 'italy' } } }),
    ).toEqual(['Florence']);
    expect(
      await list({ filter: { kind: { filterType: 'text', type: 'contains', filter: '交流' } } }),
    ).toEqual(['Semarang']);
    expect(
      await list({
        filter: { kind: { filterType: 'text', type: 'notContains', filter: 'exchange' } },
      }),
    ).toEqual(['Florence', 'Nagoya']);
    expect(
      await list({ filter: { stage: { filterType: 'text', type: 'equals', filter: '已结好' } } }),
    ).toHaveLength(3);
    expect(
      await list({ filter: { fields: { filterType: 'text', type: 'contains', filter: 'educ' } } }),
    ).toEqual(['Semarang']);
    expect(
      await list({
        filter: { established_on: { filterType: 'text', type: 'startsWith', filter: '19' } },
      }),
    ).toEqual(['Florence', 'Nagoya']);
    expect(
      await list({ filter: { partner: { filterType: 'text', type: 'contains', filter: '三宝' } } }),
    ).toEqual(['Semarang']);
    expect(
      await list({
        filter: {
          country: {
            filterType: 'text',
            operator: 'OR',
            conditions: [
              { filterType: 'text', type: 'equals', filter: 'JP' },
              { filterType: 'text', type: 'equals', filter: '印尼' },
            ],
          },
        },
      }),
    ).toEqual(['Nagoya', 'Semarang']);
    expect(await list({ quick: '印尼' })).toEqual(['Semarang']);
    expect(await list({ quick: '印度' })).toEqual([]);
    expect(await list({ quick: '友好交流' })).toEqual(['Semarang']);
    expect(await list({ quick: '50%_' })).toEqual([]);
    const page = await call<Page<TieRow>>(registry, 'ties:list', {
      sort: [{ colId: 'country', sort: 'desc' }],
      offset: 1,
      limit: 2,
    });
    expect(page.total).toBe(3);
    expect(page.rows.map((r) => r.country)).toEqual(['IT', 'ID']);
    // A page smaller than the view counts the view, whichever tables its filters read (the
    // count joins only those): the total is the length of the whole list.
    const ids = (await call<Page<TieRow>>(registry, 'ties:list', {})).rows.map((r) => r.id);
    for (const view of [
      {},
      { filter: { country: { filterType: 'text', type: 'notEqual', filter: 'JP' } } },
      { filter: { local: { filterType: 'text', type: 'contains', filter: 'nanjing' } } },
      { filter: { kind: { filterType: 'set', values: ['friendship'] } } },
      { quick: '印尼' },
      { ids: ids.slice(0, 2) },
      { ids: [] },
    ]) {
      const whole = await call<Page<TieRow>>(registry, 'ties:list', view);
      const first = await call<Page<TieRow>>(registry, 'ties:list', { ...view, limit: 1 });
      const second = await call<Page<TieRow>>(registry, 'ties:list', { ...view, offset: 1 });
      expect([first.total, second.total], JSON.stringify(view)).toEqual([
        whole.rows.length,
        whole.rows.length,
      ]);
    }
    const refused = await registry.door(
      'ties:list',
      { filter: { colour: { filterType: 'text', type: 'contains', filter: 'x' } } },
      { trusted: true },
    );
    expect(!refused.ok && refused.error.code).toBe('validation');
  });

  it('does the same for visits, including the ties a visit served', async () => {
    await call(registry, 'visits:create', {
      direction: 'outgoing',
      local: 'Nanjing',
      country: 'JP',
      leader: '张三',
      start_on: '2025-04-01',
      size: 12,
      ties: 'Nagoya',
    });
    await call(registry, 'visits:create', {
      direction: 'incoming',
      country: 'IT',
      leader: 'Marco',
      start_on: '2024-06',
      size: 5,
    });
    const leaders = async (input: Record<string, unknown>) =>
      (await call<Page<VisitRow>>(registry, 'visits:list', input)).rows.map((v) => v.leader);
    expect(
      await leaders({
        filter: { direction: { filterType: 'text', type: 'equals', filter: '来访' } },
      }),
    ).toEqual(['Marco']);
    expect(
      await leaders({
        filter: { size: { filterType: 'number', type: 'greaterThan', filter: 10 } },
      }),
    ).toEqual(['张三']);
    expect(
      await leaders({ filter: { ties: { filterType: 'text', type: 'contains', filter: 'nago' } } }),
    ).toEqual(['张三']);
    expect(await leaders({ quick: '意大利' })).toEqual(['Marco']);
    expect(await leaders({ sort: [{ colId: 'start_on', sort: 'asc' }] })).toEqual([
      'Marco',
      '张三',
    ]);
  });
});

describe('deleting the selected rows', () => {
  type Listed = { id: string; version: number; deleted_at: string | null };
  const live = async (grid: string): Promise<Listed[]> => {
    const listed = await call<Page<Listed> | Listed[]>(registry, `${grid}:list`, {});
    return Array.isArray(listed) ? listed : [...listed.rows];
  };

  it('is one step on each of the four grids: one Ctrl+Z brings every row back', async () => {
    const [nagoya, florence] = rows as [TieRow, TieRow];
    for (const tie of [nagoya, florence]) {
      await call(registry, 'letters:create', {
        tie_id: tie.id,
        title: `意向书 ${tie.partner}`,
        doc_type: '意向书',
      });
      await call(registry, 'steps:create', { tie_id: tie.id, authority: '南京市人民政府' });
      await call(registry, 'visits:create', {
        direction: 'outgoing',
        country: tie.country,
        leader: `团长 ${tie.partner}`,
        start_on: '2025-04-01',
      });
    }
    for (const grid of ['ties', 'letters', 'steps', 'visits'] as const) {
      const before = await live(grid);
      expect(before.length, grid).toBe(2);
      const done = await call<{ changed: number }>(registry, 'grid:delete', {
        grid,
        rows: before.map((r) => ({ id: r.id, version: r.version })),
        deleted: true,
      });
      expect(done.changed).toBe(2);
      expect(await live(grid), grid).toEqual([]);
      // The deleted list says when and by whom.
      await call(registry, 'settings:update', { patch: { staffName: '王芳' } });
      const trash = await call<Page<Listed & { deleted_by?: string }>>(registry, `${grid}:list`, {
        deleted: true,
      });
      await call(registry, 'settings:update', { patch: { staffName: 'tester' } });
      expect(
        trash.rows.map((r) => [typeof r.deleted_at, r.deleted_by]),
        grid,
      ).toEqual([
        ['string', 'tester'],
        ['string', 'tester'],
      ]);
      const [entry] = await call<UndoEntry[]>(registry, 'undo:list', { scope: grid });
      expect(entry).toMatchObject({ label: 'undo.deleteMany', text: 'Deleted 2 rows' });
      await call(registry, 'undo:undo', { scope: grid });
      expect((await live(grid)).map((r) => r.id).sort(), grid).toEqual(
        before.map((r) => r.id).sort(),
      );
    }
  });

  it('names one row as a single delete does', async () => {
    const [nagoya] = rows as [TieRow];
    await call(registry, 'grid:delete', {
      grid: 'ties',
      rows: [{ id: nagoya.id, version: nagoya.version }],
      deleted: true,
    });
    const [entry] = await call<UndoEntry[]>(registry, 'undo:list', { scope: 'ties' });
    expect(entry).toMatchObject({ label: 'undo.delete', text: 'Deleted 南京市 – Nagoya' });
  });

  it('deletes nothing when one row was changed since it was selected', async () => {
    const [nagoya, florence] = rows as [TieRow, TieRow];
    await call(registry, 'ties:update', { id: florence.id, version: 1, patch: { notes: 'later' } });
    const error = await refusal('grid:delete', { grid: 'ties', rows: refs(), deleted: true });
    expect(error).toMatchObject({ code: 'validation' });
    expect(error.details?.map((d) => [d.path[0], d.key])).toEqual([[1, 'errors.conflict']]);
    expect((await live('ties')).map((r) => r.id).sort()).toEqual([nagoya.id, florence.id].sort());
  });
});
