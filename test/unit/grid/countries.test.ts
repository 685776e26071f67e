import { describe, expect, it } from 'vitest';
import { searchCountries } from '../../../renderer/grid/logic/countries';
import { allCountries } from '../../../shared/countries';
import type { CountryRow } from '../../../shared/model';
import { placeKeys } from '../../../shared/place-keys';

// As countries:list gives them: each with its Chinese name's pinyin key.
const countries: CountryRow[] = allCountries().map((c) => ({
  ...c,
  zh_key: placeKeys(c.zh).pinyin,
}));

describe('the country picker', () => {
  it('lists the countries in pinyin order in Chinese and alphabetically in English', () => {
    const zh = searchCountries(countries, '', countries.length, 'zh').map((c) => c.zh);
    expect(zh.indexOf('德国')).toBeLessThan(zh.indexOf('法国'));
    expect(zh.indexOf('法国')).toBeLessThan(zh.indexOf('日本'));
    expect(zh.indexOf('日本')).toBeLessThan(zh.indexOf('意大利'));
    const en = searchCountries(countries, '', countries.length, 'en').map((c) => c.en);
    expect(en.indexOf('France')).toBeLessThan(en.indexOf('Germany'));
    expect(en.indexOf('Italy')).toBeLessThan(en.indexOf('Japan'));
  });

  it('orders matches alike by the shown name, best matches first', () => {
    // Those starting with 亚 first, then those containing it, each group in pinyin order.
    const zh = searchCountries(countries, '亚', 50, 'zh').map((c) => c.zh);
    const keys = zh.map((n) => placeKeys(n).pinyin);
    const starts = zh.filter((n) => n.startsWith('亚'));
    expect(zh.slice(0, starts.length)).toEqual(starts);
    const first = keys.slice(0, starts.length);
    expect(first).toEqual([...first].sort());
    const rest = keys.slice(starts.length);
    expect(rest).toEqual([...rest].sort());
    expect(searchCountries(countries, 'JP', 1, 'zh')[0]?.zh).toBe('日本');
  });
});
