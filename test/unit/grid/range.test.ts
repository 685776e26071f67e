import { describe, expect, it } from 'vitest';
import {
  clearCells,
  extend,
  fillDownCells,
  inRange,
  isMultiCell,
  oneCell,
  rangeBounds,
  rangeText,
  type CellRange,
} from '../../../renderer/grid/logic/range';

const columns = ['local', 'partner', 'country', 'kind', 'notes'];

describe('a cell range', () => {
  it('spans the displayed columns between its anchor and end, whichever way it was drawn', () => {
    const up: CellRange = { anchor: { row: 5, col: 'kind' }, end: { row: 2, col: 'partner' } };
    expect(rangeBounds(up, columns)).toEqual({
      top: 2,
      bottom: 5,
      columns: ['partner', 'country', 'kind'],
    });
    const b = rangeBounds(up, columns);
    expect(inRange(b, 2, 'partner')).toBe(true);
    expect(inRange(b, 5, 'kind')).toBe(true);
    expect(inRange(b, 6, 'kind')).toBe(false);
    expect(inRange(b, 3, 'notes')).toBe(false);
  });

  it('keeps the columns still shown when one end was hidden since', () => {
    const r: CellRange = { anchor: { row: 0, col: 'gone' }, end: { row: 1, col: 'country' } };
    expect(rangeBounds(r, columns).columns).toEqual(['country']);
  });

  it('is a range only when it is more than one cell', () => {
    expect(isMultiCell(null)).toBe(false);
    expect(isMultiCell(oneCell({ row: 1, col: 'kind' }))).toBe(false);
    expect(isMultiCell({ anchor: { row: 1, col: 'kind' }, end: { row: 1, col: 'notes' } })).toBe(
      true,
    );
  });

  it('grows with shift+arrows from its end, never past the grid', () => {
    let r = oneCell({ row: 0, col: 'local' });
    r = extend(r, 'down', columns, 3);
    r = extend(r, 'down', columns, 3);
    r = extend(r, 'down', columns, 3);
    r = extend(r, 'right', columns, 3);
    expect(r).toEqual({ anchor: { row: 0, col: 'local' }, end: { row: 2, col: 'partner' } });
    r = extend(extend(r, 'left', columns, 3), 'left', columns, 3);
    expect(r.end).toEqual({ row: 2, col: 'local' });
    expect(extend(oneCell({ row: 0, col: 'notes' }), 'up', columns, 3).end).toEqual({
      row: 0,
      col: 'notes',
    });
    expect(extend(oneCell({ row: 0, col: 'notes' }), 'right', columns, 3).end.col).toBe('notes');
  });
});

describe('fill down (Ctrl+D)', () => {
  const stored: Record<number, Record<string, unknown>> = {
    3: { partner: 'Nagoya', country: 'JP', kind: 'exchange' },
    4: { partner: 'Florence', country: 'IT', kind: 'friendship' },
    5: { partner: 'Leipzig', country: 'DE', kind: null },
  };
  const value = (row: number, col: string) => stored[row]?.[col] ?? null;

  it('gives every row below the top the top row’s values of the editable columns', () => {
    const b = rangeBounds({ anchor: { row: 3, col: 'partner' }, end: { row: 5, col: 'kind' } }, [
      'partner',
      'country',
      'kind',
    ]);
    expect(fillDownCells(b, (c) => c !== 'partner', value)).toEqual([
      { row: 4, values: { country: 'JP', kind: 'exchange' } },
      { row: 5, values: { country: 'JP', kind: 'exchange' } },
    ]);
  });

  it('does nothing on one row, or with no editable column', () => {
    const row = rangeBounds({ anchor: { row: 3, col: 'partner' }, end: { row: 3, col: 'kind' } }, [
      'partner',
      'country',
      'kind',
    ]);
    expect(fillDownCells(row, () => true, value)).toBeNull();
    const col = rangeBounds(
      { anchor: { row: 3, col: 'partner' }, end: { row: 5, col: 'partner' } },
      columns,
    );
    expect(fillDownCells(col, () => false, value)).toBeNull();
  });
});

describe('Delete on a range', () => {
  it('clears each editable cell, and only drops the refusal a cell holds', () => {
    const b = rangeBounds(
      { anchor: { row: 0, col: 'partner' }, end: { row: 2, col: 'country' } },
      columns,
    );
    const plan = clearCells(
      b,
      (c) => c !== 'partner',
      (row, col) => row === 1 && col === 'country',
    );
    expect(plan.clear).toEqual([
      { row: 0, values: { country: null } },
      { row: 2, values: { country: null } },
    ]);
    expect(plan.dropRefusals).toEqual([{ row: 1, col: 'country' }]);
  });
});

describe('Ctrl+C on a range', () => {
  it('reads the cells row by row, in display order', () => {
    const b = rangeBounds({ anchor: { row: 1, col: 'kind' }, end: { row: 0, col: 'country' } }, [
      'country',
      'kind',
    ]);
    expect(rangeText(b, (r, c) => `${c}${r}`)).toEqual([
      ['country0', 'kind0'],
      ['country1', 'kind1'],
    ]);
  });
});
