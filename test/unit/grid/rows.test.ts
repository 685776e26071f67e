import { describe, expect, it } from 'vitest';
import {
  fillDownPlan,
  REFRESH_ONE_BY_ONE,
  refreshPlan,
  touchedRows,
} from '../../../renderer/grid/logic/rows';

describe('an undo in a grid', () => {
  it('reads again only the rows of its own grid, each once', () => {
    const touched = [
      { entity: 'tie', id: 't1' },
      { entity: 'letter', id: 'l1' },
      { entity: 'tie', id: 't1' },
      { entity: 'tie_event', id: 'e1' },
      { entity: 'tie', id: 't2' },
    ];
    expect(touchedRows('ties', touched)).toEqual(['t1', 't2']);
    expect(touchedRows('letters', touched)).toEqual(['l1']);
    expect(touchedRows('visits', touched)).toEqual([]);
  });
});

describe('showing rows main changed', () => {
  const loaded = (id: string) => id !== 'new';

  it('reads each again while they are few and loaded', () => {
    expect(refreshPlan(['a', 'b'], true, loaded)).toBe('each');
    expect(refreshPlan(['a', 'new'], false, loaded)).toBe('each');
  });

  it('reloads a paged grid for a row it has not loaded, which may belong anywhere', () => {
    expect(refreshPlan(['a', 'new'], true, loaded)).toBe('reload');
  });

  it('reloads past so many rows', () => {
    const many = Array.from({ length: REFRESH_ONE_BY_ONE + 1 }, (_, i) => `r${i}`);
    expect(refreshPlan(many, false, loaded)).toBe('reload');
    expect(refreshPlan(many.slice(1), false, loaded)).toBe('each');
  });
});

describe('fill down', () => {
  const rows = [
    { id: 'a', stage: 'established' },
    { id: 'b', stage: 'contact' },
    { id: 'c', stage: null },
  ];

  it('puts the first chosen row’s value into the others', () => {
    expect(fillDownPlan(rows, 'stage')).toEqual({
      value: 'established',
      targets: [rows[1], rows[2]],
    });
  });

  it('does nothing with fewer than two rows', () => {
    expect(fillDownPlan(rows.slice(0, 1), 'stage')).toBeNull();
    expect(fillDownPlan([], 'stage')).toBeNull();
  });
});
