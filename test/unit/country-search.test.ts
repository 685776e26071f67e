import { describe, expect, it } from 'vitest';
import { allCountries } from '../../shared/countries';
import type { CountryRow } from '../../shared/model';
import { searchCountries } from '../../renderer/grid/logic/countries';

const rows = allCountries() as unknown as CountryRow[];

describe('the country picker', () => {
  it('suggests a country by the other names staff type', () => {
    for (const [typed, code] of [
      ['South Korea', 'KR'],
      ['Türkiye', 'TR'],
      ['Turkey', 'TR'],
      ['Holland', 'NL'],
      ['韩国', 'KR'],
    ] as const)
      expect(searchCountries(rows, typed)[0]?.code, typed).toBe(code);
  });
});
