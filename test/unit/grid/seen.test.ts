import { describe, expect, it } from 'vitest';
import { listed, rowsToDelete, slices, splitSeen } from '../../../renderer/grid/logic/seen';

const row = (id: string) => ({ id });

describe('deleting what is seen', () => {
  it('splits the ticked rows by what the grid shows, in the order they were ticked', () => {
    const seen = splitSeen([row('a'), row('b'), row('c'), row('d')], new Set(['d', 'b']));
    expect(seen.visible.map((r) => r.id)).toEqual(['b', 'd']);
    expect(seen.hidden.map((r) => r.id)).toEqual(['a', 'c']);
  });

  it('deletes the hidden rows only when the user includes them', () => {
    const seen = { visible: [row('b')], hidden: [row('a')] };
    expect(rowsToDelete(seen, false).map((r) => r.id)).toEqual(['b']);
    expect(rowsToDelete(seen, true).map((r) => r.id)).toEqual(['b', 'a']);
    expect(rowsToDelete({ visible: [], hidden: [row('a')] }, false)).toEqual([]);
  });

  it('names a few rows and counts the rest, never “and 1 more”', () => {
    const rows = Array.from({ length: 12 }, (_, i) => row(String(i)));
    expect(listed(rows.slice(0, 8))).toEqual({ named: rows.slice(0, 8), more: 0 });
    const many = listed(rows);
    expect(many.named).toHaveLength(7);
    expect(many.more).toBe(5);
    expect(slices([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });
});
