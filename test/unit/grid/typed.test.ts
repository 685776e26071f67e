import { describe, expect, it } from 'vitest';
import { typedEnum } from '../../../renderer/grid/logic/typed';

describe('a list cell takes a typed value', () => {
  it('by its code, label or alias in either language', () => {
    for (const typed of ['市级', 'city', 'City', 'city-level', '市'])
      expect(typedEnum('level', typed), typed).toBe('city');
    expect(typedEnum('kind', '友好交流城市')).toBe('exchange');
    expect(typedEnum('stage', '已结好')).toBe('established');
  });

  it('by the start of a name, else nothing', () => {
    expect(typedEnum('level', 'cou')).toBe('county');
    expect(typedEnum('stage', 'susp')).toBe('suspended');
    expect(typedEnum('level', 'atlantis')).toBeNull();
    expect(typedEnum('level', '  ')).toBeNull();
  });
});
