import { describe, expect, it } from 'vitest';
import { dropsRefusalOnly } from '../../../renderer/grid/logic/cells';

describe('Delete on a refused cell', () => {
  it('drops the refusal only when the cell held one and is cleared', () => {
    expect(dropsRefusalOnly(null, true)).toBe(true);
    expect(dropsRefusalOnly('', true)).toBe(true);
    expect(dropsRefusalOnly(undefined, true)).toBe(true);
    // A new value is saved as usual; a cleared cell without a refusal clears its value.
    expect(dropsRefusalOnly('1990', true)).toBe(false);
    expect(dropsRefusalOnly(null, false)).toBe(false);
  });
});
