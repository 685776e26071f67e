import { describe, expect, it } from 'vitest';
import {
  allCountries,
  continentOf,
  countryName,
  isPartnerCountry,
  lookupCountry,
  MFA_EN_NAMES,
  MFA_ZH_NAMES,
  NOT_PARTNER_COUNTRIES,
  resolveCountry,
} from '../../shared/countries';

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

describe('countries as the PRC recognises them', () => {
  it('removes exactly Taiwan, Hong Kong, Macao, China, Kosovo and Western Sahara', () => {
    expect(NOT_PARTNER_COUNTRIES).toEqual({
      TW: 'chinaRegion',
      HK: 'chinaRegion',
      MO: 'chinaRegion',
      CN: 'china',
      XK: 'notRecognised',
      EH: 'notRecognised',
    });
    const offered = new Set(allCountries().map((c) => c.code as string));
    for (const code of Object.keys(NOT_PARTNER_COUNTRIES)) expect(offered.has(code)).toBe(false);
    // Everything else the dataset lists stays offered: 250 codes less the six.
    expect(offered.size).toBe(244);
  });

  it('renames exactly these, in Chinese as the MFA does and in English by short name', () => {
    expect(MFA_ZH_NAMES).toEqual({
      BA: '波斯尼亚和黑塞哥维那',
      AE: '阿拉伯联合酋长国',
      MN: '蒙古国',
    });
    expect(MFA_EN_NAMES).toEqual({
      KR: 'Republic of Korea',
      KP: "Democratic People's Republic of Korea",
      GB: 'United Kingdom',
      US: 'United States',
      AE: 'United Arab Emirates',
      LA: 'Laos',
      BN: 'Brunei',
      SY: 'Syria',
      MD: 'Moldova',
      FM: 'Micronesia',
      VA: 'Vatican',
      NL: 'Netherlands',
      CZ: 'Czech Republic',
      VG: 'British Virgin Islands',
      VI: 'United States Virgin Islands',
    });
    expect(countryName('KR', 'en')).toBe('Republic of Korea');
    expect(countryName('GB', 'en')).toBe('United Kingdom');
    expect(countryName('US', 'en')).toBe('United States');
    expect(countryName('AE', 'zh')).toBe('阿拉伯联合酋长国');
    for (const c of allCountries()) expect(c.en, c.code).not.toMatch(/, (Republic|Province) of/);
  });

  it.each([
    ['Taiwan', 'TW', 'chinaRegion'],
    ['中国台湾省', 'TW', 'chinaRegion'],
    ['台湾', 'TW', 'chinaRegion'],
    ['TWN', 'TW', 'chinaRegion'],
    ['Republic of China', 'TW', 'chinaRegion'],
    ['Hong Kong', 'HK', 'chinaRegion'],
    ['香港', 'HK', 'chinaRegion'],
    ['Macau', 'MO', 'chinaRegion'],
    ['澳门', 'MO', 'chinaRegion'],
    ['China', 'CN', 'china'],
    ['中华人民共和国', 'CN', 'china'],
    ['Kosovo', 'XK', 'notRecognised'],
    ['Sahrawi Arab Democratic Republic', 'EH', 'notRecognised'],
    ['阿拉伯撒哈拉民主共和国', 'EH', 'notRecognised'],
  ])('recognises %s as %s and refuses it (%s)', (input, code, refusal) => {
    expect(lookupCountry(input)).toEqual({ code, refusal });
    expect(resolveCountry(input)).toBeNull();
    expect(isPartnerCountry(code)).toBe(false);
  });

  it('never prints Taiwan, Hong Kong or Macao as a foreign country', () => {
    expect(countryName('TW', 'zh')).toBe('中国台湾');
    expect(countryName('TW', 'en')).toBe('Taiwan, China');
    expect(countryName('HK', 'en')).toBe('Hong Kong, China');
    expect(countryName('MO', 'zh')).toBe('中国澳门');
    expect(countryName('CN', 'zh')).toBe('中国');
  });

  it('still reads the short and official names of states', () => {
    expect(resolveCountry('Korea, Republic of')).toBe('KR');
    expect(resolveCountry('Republic of Korea')).toBe('KR');
    expect(resolveCountry('UK')).toBe('GB');
    expect(resolveCountry('印尼')).toBe('ID');
    expect(resolveCountry('蒙古')).toBe('MN');
    expect(isPartnerCountry('JP')).toBe(true);
  });
});
