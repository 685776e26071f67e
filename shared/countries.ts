import { withoutMarks } from './text';
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

/** The order Chinese statistics list continents in, offered in Settings beside "by count". */
export const FIXED_CONTINENT_ORDER = [
  'AS',
  'EU',
  'AF',
  'NA',
  'SA',
  'OC',
  'AN',
] as const satisfies readonly Continent[];

/** Spellings seen in office ledgers that neither dataset carries. */
const EXTRA_ALIASES: Record<string, string> = {
  britain: 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  holland: 'NL',
  'south korea': 'KR',
  türkiye: 'TR',
  turkiye: 'TR',
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
 * What the dataset lists that is not a partner country, and why. A friendship-city tie is
 * between a Chinese locality and a city of a foreign state, as the PRC recognises states:
 * Taiwan, Hong Kong and Macao are parts of China (exchanges with their cities are not
 * international friendship-city ties), China itself is not foreign, and Kosovo and the
 * "Sahrawi Arab Democratic Republic" are not states China recognises. Each is still
 * recognised when typed, so the refusal can say why; none is offered or printed as a country.
 */
export const NOT_PARTNER_COUNTRIES = {
  TW: 'chinaRegion',
  HK: 'chinaRegion',
  MO: 'chinaRegion',
  CN: 'china',
  XK: 'notRecognised',
  EH: 'notRecognised',
} as const satisfies Record<string, CountryRefusal>;
export type CountryRefusal = 'chinaRegion' | 'china' | 'notRecognised';

/** How such a code reads where a stored row still holds it: never as a foreign country. */
const NOT_PARTNER_NAMES: Readonly<Record<keyof typeof NOT_PARTNER_COUNTRIES, NamePair>> = {
  TW: { zh: '中国台湾', en: 'Taiwan, China' },
  HK: { zh: '中国香港', en: 'Hong Kong, China' },
  MO: { zh: '中国澳门', en: 'Macao, China' },
  CN: { zh: '中国', en: 'China' },
  XK: { zh: '科索沃地区', en: 'Kosovo' },
  EH: { zh: '西撒哈拉', en: 'Western Sahara' },
};

interface NamePair {
  readonly zh: string;
  readonly en: string;
}

/**
 * Chinese names as the Ministry of Foreign Affairs' country pages give them, where the
 * dataset uses a shortening (波黑, 阿联酋) or another form (蒙古). 印尼 stays: the MFA's own
 * press uses it, and 印度尼西亚 would make a search for 印度 find Indonesia.
 */
export const MFA_ZH_NAMES: Readonly<Record<string, string>> = {
  BA: '波斯尼亚和黑塞哥维那',
  AE: '阿拉伯联合酋长国',
  MN: '蒙古国',
};

/**
 * English short names in the MFA's usage, where the dataset's short form is an ISO inversion
 * ("Korea, Republic of"), an abbreviation ("UK") or a long official name.
 */
export const MFA_EN_NAMES: Readonly<Record<string, string>> = {
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
};

/** Spellings of the places above, so a ledger's 台湾 or Taipei's "ROC" is refused with reason. */
const NOT_PARTNER_ALIASES: Record<string, keyof typeof NOT_PARTNER_COUNTRIES> = {
  台湾: 'TW',
  台湾省: 'TW',
  台湾地区: 'TW',
  中国台湾: 'TW',
  中華民國: 'TW',
  中华民国: 'TW',
  'republic of china': 'TW',
  roc: 'TW',
  'taiwan china': 'TW',
  'chinese taipei': 'TW',
  中国香港: 'HK',
  香港特别行政区: 'HK',
  香港特區: 'HK',
  'hong kong sar': 'HK',
  'hong kong china': 'HK',
  中国澳门: 'MO',
  澳门特别行政区: 'MO',
  macau: 'MO',
  'macao sar': 'MO',
  'macao china': 'MO',
  中华人民共和国: 'CN',
  prc: 'CN',
  'mainland china': 'CN',
  中国大陆: 'CN',
  西撒哈拉: 'EH',
  'sahrawi arab democratic republic': 'EH',
  sadr: 'EH',
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
  return withoutMarks(text)
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
  for (const [alias, code] of Object.entries({ ...EXTRA_ALIASES, ...NOT_PARTNER_ALIASES }))
    byName.set(fold(alias), code as CountryCode);
  // The MFA's names are the printed ones, so they always resolve.
  for (const [code, name] of [...Object.entries(MFA_EN_NAMES), ...Object.entries(MFA_ZH_NAMES)])
    byName.set(fold(name), code as CountryCode);

  const list: CountryInfo[] = codes.filter(isPartnerCountry).map((code) => {
    const enNames = enAll[code] ?? [];
    // The short name where it is unambiguous ("United States"), else the official one.
    const short = countries.getName(code, 'en', { select: 'alias' });
    const en =
      MFA_EN_NAMES[code] ??
      (short && byName.get(fold(short)) === code ? short : (enNames[0] ?? code));
    return {
      code: code as CountryCode,
      alpha3: countries.alpha2ToAlpha3(code) ?? code,
      en,
      zh: MFA_ZH_NAMES[code] ?? zhAll[code]?.[0] ?? code,
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

/** Whether a code is a foreign state a friendship-city tie may be made with. */
export function isPartnerCountry(code: string): boolean {
  return !Object.hasOwn(NOT_PARTNER_COUNTRIES, code) && countries.isValid(code);
}

/** Why a code is not a partner country, or null when it is one (or is no code at all). */
export function countryRefusal(code: string): CountryRefusal | null {
  return Object.hasOwn(NOT_PARTNER_COUNTRIES, code)
    ? NOT_PARTNER_COUNTRIES[code as keyof typeof NOT_PARTNER_COUNTRIES]
    : null;
}

/**
 * Any spelling read: a partner country's code, or the code of a place that is not one with
 * the reason, or null for a spelling we do not know.
 */
export function lookupCountry(
  input: string,
): { code: CountryCode; refusal: CountryRefusal | null } | null {
  const key = fold(input);
  if (key === '') return null;
  const code = tables().byName.get(key);
  return code ? { code, refusal: countryRefusal(code) } : null;
}

/** ISO alpha-2 of a partner country for any accepted spelling, or null. */
export function resolveCountry(input: string): CountryCode | null {
  const found = lookupCountry(input);
  return found && found.refusal === null ? found.code : null;
}

export function allCountries(): readonly CountryInfo[] {
  return tables().list;
}

export function countryInfo(code: string): CountryInfo | undefined {
  return tables().byCode.get(code);
}

/**
 * The printed name of a stored country code, in either language: the MFA's name for a partner
 * country; for Taiwan, Hong Kong and Macao (a row kept from before they were refused)
 * "中国台湾" / "Taiwan, China", never a foreign country's name. The one function reports,
 * grids and exports name countries with.
 */
export function countryName(code: string, lang: 'zh' | 'en'): string {
  const notPartner = NOT_PARTNER_NAMES[code as keyof typeof NOT_PARTNER_NAMES];
  if (notPartner) return notPartner[lang];
  return countryInfo(code)?.[lang] ?? code;
}

/** The continent under the office convention, with settings' overrides winning. */
export function continentOf(
  code: string,
  overrides: Readonly<Record<string, Continent>> = {},
): Continent {
  return overrides[code] ?? countryInfo(code)?.continent ?? 'AS';
}
