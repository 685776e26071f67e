import { describe, expect, it } from 'vitest';
import {
  keptKey,
  keptPlain,
  keptState,
  restoredState,
  usableFilterModel,
} from '../../../renderer/grid/logic/persisted';

const checklists = new Set(['stage', 'country']);

describe('what a grid keeps across a reload', () => {
  it('keeps the arrangement and the filters, not the selection, scroll or focus', () => {
    expect(
      keptState({
        columnOrder: { orderedColIds: ['a'] },
        filter: { filterModel: { stage: { filterType: 'set', values: ['contact'] } } },
        rowSelection: ['x'],
        scroll: { top: 10, left: 0 },
        focusedCell: { rowIndex: 1 },
      }),
    ).toEqual({
      columnOrder: { orderedColIds: ['a'] },
      filter: { filterModel: { stage: { filterType: 'set', values: ['contact'] } } },
    });
    expect(keptState({ scroll: { top: 1 } })).toBeNull();
  });

  it('reads back what it wrote, and ignores what it did not', () => {
    const written = JSON.stringify({
      sort: { sortModel: [{ colId: 'local', sort: 'asc' }] },
      filter: {
        filterModel: {
          stage: { filterType: 'set', values: ['contact'] },
          country: { filterType: 'text', type: 'contains', filter: 'JP' },
          notes: { filterType: 'text', type: 'contains', filter: 'x' },
        },
      },
    });
    expect(restoredState(written, checklists)).toEqual({
      sort: { sortModel: [{ colId: 'local', sort: 'asc' }] },
      filter: {
        filterModel: {
          stage: { filterType: 'set', values: ['contact'] },
          notes: { filterType: 'text', type: 'contains', filter: 'x' },
        },
      },
    });
    for (const bad of [null, '', '{', '[1]', '"text"', '{"scroll":{}}'])
      expect(restoredState(bad, checklists)).toBeUndefined();
  });

  it('drops an old text filter on a checklist column, keeping the others', () => {
    expect(
      usableFilterModel(
        {
          stage: { filterType: 'text', type: 'contains', filter: '已结' },
          country: { filterType: 'set', values: ['JP', 3] },
          partner: { filterType: 'text', type: 'contains', filter: 'Nag' },
        },
        checklists,
      ),
    ).toEqual({ partner: { filterType: 'text', type: 'contains', filter: 'Nag' } });
    expect(usableFilterModel(null, checklists)).toEqual({});
  });
});

describe('a grid whose first page may be asked for early', () => {
  it('is one kept unsorted and unfiltered, or not kept at all', () => {
    expect(keptKey('ties')).toBe('youcheng.grid.ties');
    expect(keptPlain(null)).toBe(true);
    expect(keptPlain('not json')).toBe(true);
    expect(keptPlain(JSON.stringify({ columnSizing: { columnSizingModel: [] } }))).toBe(true);
    expect(
      keptPlain(JSON.stringify({ sort: { sortModel: [] }, filter: { filterModel: {} } })),
    ).toBe(true);
    expect(
      keptPlain(JSON.stringify({ sort: { sortModel: [{ colId: 'partner', sort: 'asc' }] } })),
    ).toBe(false);
    expect(
      keptPlain(
        JSON.stringify({
          filter: { filterModel: { stage: { filterType: 'set', values: ['contact'] } } },
        }),
      ),
    ).toBe(false);
  });
});
