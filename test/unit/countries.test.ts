import { describe, expect, it } from 'vitest';
import { allCountries, continentOf, countryName, resolveCountry } from '../../shared/countries';

describe('country resolution', () => {
  it.each([
    ['US', 'US'],
    ['usa', 'US'],
    ['USA', 'US'],
    ['United States', 'US'],
    ['United States of America', 'US'],
    ['美国', 'US'],
    ['UK', 'GB'],
    ['Britain', 'GB'],
    ['Great Britain', 'GB'],
    ['英国', 'GB'],
    ['South Korea', 'KR'],
    ['韩国', 'KR'],
    ['KOR', 'KR'],
    ['Russia', 'RU'],
    ['俄罗斯', 'RU'],
    ['Japan', 'JP'],
    ['日本', 'JP'],
    ['JPN', 'JP'],
    ['Vietnam', 'VN'],
    ['Viet Nam', 'VN'],
    ['Brunei', 'BN'],
    ['Côte d’Ivoire', 'CI'],
    ['Ivory Coast', 'CI'],
    ['the Netherlands', 'NL'],
    ['Holland', 'NL'],
    ['Iran', 'IR'],
    ['Mexico', 'MX'],
    ['Belarus', 'BY'],
    ['白俄罗斯', 'BY'],
  ])('resolves %s to %s', (input, code) => {
    expect(resolveCountry(input)).toBe(code);
  });

  it.each(['', 'Atlantis', 'Korea', 'XX'])('refuses %j', (input) => {
    expect(resolveCountry(input)).toBeNull();
  });

  it('resolves every sample country of the Nanjing registry', () => {
    for (const name of [
      'Japan',
      'United States',
      'Italy',
      'Netherlands',
      'Germany',
      'Mexico',
      'Cyprus',
      'South Korea',
      'Canada',
      'Australia',
      'South Africa',
      'Colombia',
      'Malaysia',
      'Brunei',
      'Namibia',
      'Belarus',
      'Vietnam',
      'Iran',
      'Indonesia',
    ]) {
      expect(resolveCountry(name), name).not.toBeNull();
    }
  });

  it('follows the office convention for continents', () => {
    expect(continentOf('RU')).toBe('EU');
    expect(continentOf('CY')).toBe('AS');
    expect(continentOf('TR')).toBe('AS');
    expect(continentOf('MX')).toBe('NA');
    expect(continentOf('PA')).toBe('NA');
    expect(continentOf('CU')).toBe('NA');
    expect(continentOf('AU')).toBe('OC');
    expect(continentOf('BR')).toBe('SA');
    expect(continentOf('ZA')).toBe('AF');
    expect(continentOf('RU', { RU: 'AS' })).toBe('AS');
  });

  it('names countries in both languages', () => {
    expect(countryName('JP', 'zh')).toBe('日本');
    expect(countryName('US', 'en')).toBe('United States');
    expect(allCountries().length).toBeGreaterThan(240);
    for (const c of allCountries()) {
      expect(resolveCountry(c.en), c.en).toBe(c.code);
      expect(resolveCountry(c.zh), c.zh).toBe(c.code);
    }
  });
});
