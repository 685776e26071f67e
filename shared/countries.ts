import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import zh from 'i18n-iso-countries/langs/zh.json';
import { countries as countryData } from 'countries-list';

/**
 * Country resolution for ledgers: ISO alpha-2/alpha-3, English names and common aliases,
 * Chinese names. Names come from the maintained i18n-iso-countries and countries-list
 * datasets; only spellings neither carries are listed here.
 */
countries.registerLocale(en);
countries.registerLocale(zh);

export type CountryCode = string & { readonly __country: unique symbol };

export const CONTINENTS = ['AF', 'AS', 'EU', 'NA', 'OC', 'SA', 'AN'] as const;
export type Continent = (typeof CONTINENTS)[number];

/** Spellings seen in office ledgers that neither dataset carries. */
const EXTRA_ALIASES: Record<string, string> = {
  britain: 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  holland: 'NL',
  'the netherlands': 'NL',
  'viet nam': 'VN',
  'republic of korea': 'KR',
  rok: 'KR',
  dprk: 'KP',
  'north korea': 'KP',
  brunei: 'BN',
  laos: 'LA',
  'lao pdr': 'LA',
  'czech republic': 'CZ',
  'ivory coast': 'CI',
  macedonia: 'MK',
  swaziland: 'SZ',
  burma: 'MM',
  'cape verde': 'CV',
  'east timor': 'TL',
  uae: 'AE',
  'the gambia': 'GM',
  'the bahamas': 'BS',
  'vatican city': 'VA',
  'holy see': 'VA',
  // Chinese alternates beside the dataset's names.
  南韩: 'KR',
  大韩民国: 'KR',
  朝鲜民主主义人民共和国: 'KP',
  英格兰: 'GB',
  苏格兰: 'GB',
  大不列颠: 'GB',
  美利坚合众国: 'US',
  澳洲: 'AU',
  印度尼西亚: 'ID',
  马来西亚联邦: 'MY',
  纽西兰: 'NZ',
  俄国: 'RU',
  俄罗斯联邦: 'RU',
  捷克共和国: 'CZ',
  老挝人民民主共和国: 'LA',
  越南社会主义共和国: 'VN',
  伊朗伊斯兰共和国: 'IR',
  文莱达鲁萨兰国: 'BN',
  土耳其共和国: 'TR',
  白俄罗斯共和国: 'BY',
  科特迪瓦共和国: 'CI',
};

/**
 * The office convention for the seven-continent count where the dataset differs: Russia is
 * Europe, Cyprus, Turkey and the Caucasus are Asia; Mexico, Central America and the Caribbean
 * are North America (the dataset agrees on those). Settings may add more.
 */
export const CONTINENT_OVERRIDES: Readonly<Record<string, Continent>> = {
  RU: 'EU',
  CY: 'AS',
  TR: 'AS',
};

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[.'’]/g, '')
    .replace(/[\s,()-]+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

export interface CountryInfo {
  readonly code: CountryCode;
  readonly alpha3: string;
  readonly en: string;
  readonly zh: string;
  readonly continent: Continent;
}

let table: {
  byName: Map<string, CountryCode>;
  byCode: Map<string, CountryInfo>;
  list: CountryInfo[];
} | null = null;

function build(): NonNullable<typeof table> {
  const enAll = countries.getNames('en', { select: 'all' }) as Record<string, string[]>;
  const zhAll = countries.getNames('zh', { select: 'all' }) as Record<string, string[]>;
  const data = countryData as Record<string, { name: string; native: string; continent: string }>;
  const codes = Object.keys(countries.getAlpha2Codes());

  // A spelling may belong to several countries ("Congo"); the closer claim wins (a code, then
  // an official name, then an alias), and a tie between equal claims leaves it unresolved.
  const claims = new Map<string, { rank: number; codes: Set<string> }>();
  const claim = (name: string | undefined, code: string, rank: number) => {
    if (!name) return;
    const key = fold(name);
    const current = claims.get(key);
    if (!current || rank < current.rank) claims.set(key, { rank, codes: new Set([code]) });
    else if (rank === current.rank) current.codes.add(code);
  };
  for (const code of codes) {
    claim(code, code, 0);
    claim(countries.alpha2ToAlpha3(code), code, 0);
    claim(enAll[code]?.[0], code, 1);
    claim(zhAll[code]?.[0], code, 1);
    for (const name of [
      ...(enAll[code] ?? []).slice(1),
      ...(zhAll[code] ?? []).slice(1),
      data[code]?.name,
      data[code]?.native,
    ]) {
      claim(name, code, 2);
    }
  }
  const byName = new Map<string, CountryCode>();
  for (const [key, { codes: owners }] of claims) {
    if (owners.size === 1) byName.set(key, [...owners][0] as CountryCode);
  }
  for (const [alias, code] of Object.entries(EXTRA_ALIASES))
    byName.set(fold(alias), code as CountryCode);

  const list: CountryInfo[] = codes.map((code) => {
    const enNames = enAll[code] ?? [];
    // The short name where it is unambiguous ("United States"), else the official one.
    const short = countries.getName(code, 'en', { select: 'alias' });
    const en = short && byName.get(fold(short)) === code ? short : (enNames[0] ?? code);
    return {
      code: code as CountryCode,
      alpha3: countries.alpha2ToAlpha3(code) ?? code,
      en,
      zh: zhAll[code]?.[0] ?? code,
      continent: continentOfData(code, data[code]?.continent),
    };
  });
  list.sort((a, b) => a.en.localeCompare(b.en));
  return { byName, byCode: new Map(list.map((c) => [c.code, c])), list };
}

function continentOfData(code: string, fromData: string | undefined): Continent {
  const override = CONTINENT_OVERRIDES[code];
  if (override) return override;
  return (CONTINENTS as readonly string[]).includes(fromData ?? '')
    ? (fromData as Continent)
    : 'AS';
}

function tables() {
  table ??= build();
  return table;
}

/** ISO alpha-2 for any accepted spelling, or null. */
export function resolveCountry(input: string): CountryCode | null {
  const key = fold(input);
  if (key === '') return null;
  return tables().byName.get(key) ?? null;
}

export function allCountries(): readonly CountryInfo[] {
  return tables().list;
}

export function countryInfo(code: string): CountryInfo | undefined {
  return tables().byCode.get(code);
}

export function countryName(code: string, lang: 'zh' | 'en'): string {
  return countryInfo(code)?.[lang] ?? code;
}

/** The continent under the office convention, with settings' overrides winning. */
export function continentOf(
  code: string,
  overrides: Readonly<Record<string, Continent>> = {},
): Continent {
  return overrides[code] ?? countryInfo(code)?.continent ?? 'AS';
}
