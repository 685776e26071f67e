import { describe, expect, it } from 'vitest';
import { comparePlaces } from '../../../renderer/grid/logic/sort';
import { placeKeys } from '../../../shared/place-keys';

const row = (name: string) => ({ key: placeKeys(name).pinyin, name });

describe('places in a grid that holds its rows', () => {
  it('sort 安庆市, 合肥市, 芜湖市 by pinyin, not by code point', () => {
    const names = ['芜湖市', '合肥市', '安庆市'];
    // Code point order, what a plain string sort gives: 合 U+5408, 安 U+5B89, 芜 U+829C.
    expect([...names].sort()).toEqual(['合肥市', '安庆市', '芜湖市']);
    expect(
      names
        .map(row)
        .sort(comparePlaces)
        .map((r) => r.name),
    ).toEqual(['安庆市', '合肥市', '芜湖市']);
  });

  it('put Chinese and Latin names in one order, and equal keys by the name', () => {
    const names = ['Osaka', '大阪', 'Ōsaka', 'Columbus', '长崎'];
    expect(
      names
        .map(row)
        .sort(comparePlaces)
        .map((r) => r.name),
    ).toEqual(['长崎', 'Columbus', '大阪', 'Osaka', 'Ōsaka']);
    expect(comparePlaces(row('合肥市'), row('合肥市'))).toBe(0);
  });
});
