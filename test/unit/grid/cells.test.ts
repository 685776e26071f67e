import { describe, expect, it } from 'vitest';
import {
  cellKey,
  keptRowIds,
  keptText,
  parseCellKey,
  shouldSave,
} from '../../../renderer/grid/logic/cells';

describe('a kept refusal', () => {
  it('is keyed by its row and column, and the key gives them back', () => {
    const key = cellKey('0192f0c4-7d2a-7000-8000-00000000abcd', 'established_on');
    expect(parseCellKey(key)).toEqual({
      rowId: '0192f0c4-7d2a-7000-8000-00000000abcd',
      column: 'established_on',
    });
  });

  it('names each row holding one once, for live refresh to leave alone', () => {
    const keys = [cellKey('a', 'stage'), cellKey('a', 'country'), cellKey('b', 'notes')];
    expect([...keptRowIds(keys)].sort()).toEqual(['a', 'b']);
    expect(keptRowIds([]).size).toBe(0);
  });

  it('keeps the text as typed: a list of fields joined, nothing as empty', () => {
    expect(keptText(['education', 'culture'])).toBe('education, culture');
    expect(keptText('2018年5月29日')).toBe('2018年5月29日');
    expect(keptText(42)).toBe('42');
    expect(keptText(null)).toBe('');
    expect(keptText(undefined)).toBe('');
  });
});

describe('leaving a cell editor', () => {
  it('saves a changed value', () => {
    expect(shouldSave('1979', '1978', false)).toBe(true);
    expect(shouldSave(null, '1978', false)).toBe(true);
  });

  it('saves nothing when unchanged, unless the cell holds a refused value to apply again', () => {
    expect(shouldSave('1978', '1978', false)).toBe(false);
    expect(shouldSave('19788', '19788', true)).toBe(true);
  });
});
