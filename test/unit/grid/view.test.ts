import { describe, expect, it } from 'vitest';
import {
  pageQuery,
  PAGE_ROWS,
  rowHidden,
  sortOf,
  viewOf,
  viewToApply,
} from '../../../renderer/grid/logic/view';

describe('a grid view', () => {
  it('sorts by the columns in the order the user added them, unsorted columns left out', () => {
    expect(
      sortOf([
        { colId: 'partner', sort: 'asc', sortIndex: 1 },
        { colId: 'local', sort: null, sortIndex: null },
        { colId: 'established_on', sort: 'desc', sortIndex: 0 },
        { colId: 'notes' },
      ]),
    ).toEqual([
      { colId: 'established_on', sort: 'desc' },
      { colId: 'partner', sort: 'asc' },
    ]);
  });

  it('is what main reads for a paged grid: sort, filters, quick search and the deleted flag', () => {
    const filter = { stage: { filterType: 'text', type: 'equals', filter: '已结好' } };
    expect(
      viewOf({
        columns: [{ colId: 'local', sort: 'asc', sortIndex: 0 }],
        filter,
        quick: '名古屋',
        deleted: true,
      }),
    ).toEqual({ sort: [{ colId: 'local', sort: 'asc' }], filter, quick: '名古屋', deleted: true });
    // A grid not ready yet has no filter model: the view has no filters, not a null one.
    expect(viewOf({ columns: [], filter: null, quick: '', deleted: false }).filter).toEqual({});
  });
});

describe('a saved view', () => {
  const views = [
    {
      name: 'Signed',
      state: { columnState: [{ colId: 'local' }], filterModel: { a: 1 }, quick: 'Japan' },
    },
    // Saved before the view kept its quick search, or with no filters.
    { name: 'Old', state: { columnState: [{ colId: 'partner' }] } },
  ];

  it('applies what it kept', () => {
    expect(viewToApply(views, 'Signed')).toEqual({
      columnState: [{ colId: 'local' }],
      filterModel: { a: 1 },
      quick: 'Japan',
    });
  });

  it('clears what it did not keep', () => {
    expect(viewToApply(views, 'Old')).toEqual({
      columnState: [{ colId: 'partner' }],
      filterModel: null,
      quick: '',
    });
    expect(viewToApply([{ name: 'Empty', state: {} }], 'Empty')).toEqual({
      columnState: null,
      filterModel: null,
      quick: '',
    });
  });

  it('is the default layout when none has the name (the “All columns” choice is empty)', () => {
    expect(viewToApply(views, '')).toBeNull();
    expect(viewToApply(views, 'Gone')).toBeNull();
  });
});

describe('a row out of sight', () => {
  it('is a deleted row among the live ones, or a live row among the deleted', () => {
    expect(rowHidden({ deleted_at: null }, false)).toBe(false);
    expect(rowHidden({ deleted_at: '2026-01-01T00:00:00Z' }, false)).toBe(true);
    expect(rowHidden({ deleted_at: null }, true)).toBe(true);
    expect(rowHidden({ deleted_at: '2026-01-01T00:00:00Z' }, true)).toBe(false);
  });
});

describe('a page of a paged grid', () => {
  it('asks for the rows from start to end under the view, in the same words every time', () => {
    const filter = { kind: { filterType: 'set' as const, values: ['friendship'] } };
    expect(
      pageQuery(
        { sort: [{ colId: 'partner', sort: 'desc' }], filter, quick: 'Nagoya', deleted: true },
        200,
        400,
      ),
    ).toEqual({
      sort: [{ colId: 'partner', sort: 'desc' }],
      filter,
      quick: 'Nagoya',
      deleted: true,
      offset: 200,
      limit: 200,
    });
    // The first page of a plain grid, as the page asks for it before the grid exists: its
    // text is what the first call is matched by.
    expect(
      JSON.stringify(pageQuery({ sort: [], filter: {}, quick: '', deleted: false }, 0, PAGE_ROWS)),
    ).toBe('{"sort":[],"filter":{},"quick":"","deleted":false,"offset":0,"limit":200}');
  });
});
