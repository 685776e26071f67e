import { countryName } from '../countries';
import { resolveDivision } from '../divisions';
import { hasCjk } from '../text';
import type { Lang } from '../i18n';

/**
 * How reports word dates, lists and names in each language. Tables print dates as stored
 * (`1978`, `2016-09`, `1979-11-02`); sentences say them as people write them.
 */

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A partial date in words: `31 December 2025` / `2025年12月31日`, `September 2016`, `1978`. */
export function formatDate(date: string, lang: Lang): string {
  const [y, m, d] = date.split('-').map(Number);
  if (lang === 'zh') return `${y}年${m ? `${m}月` : ''}${d ? `${d}日` : ''}`;
  if (!m) return String(y);
  const month = MONTHS_EN[m - 1] ?? String(m);
  return d ? `${d} ${month} ${y}` : `${month} ${y}`;
}

/** A period in words, the year said once when both ends share it. */
export function formatPeriod(since: string, asOf: string, lang: Lang): string {
  const sameYear = since.slice(0, 4) === asOf.slice(0, 4);
  if (lang === 'zh') {
    const end = sameYear ? formatDate(asOf, 'zh').replace(/^\d+年/, '') : formatDate(asOf, 'zh');
    return `${formatDate(since, 'zh')}至${end}`;
  }
  const start = sameYear ? formatDate(since, 'en').replace(/ \d+$/, '') : formatDate(since, 'en');
  return `${start} to ${formatDate(asOf, 'en')}`;
}

/** `a, b and c` / `a、b、c`. */
export function joinList(items: readonly string[], lang: Lang, separator?: string): string {
  if (lang === 'zh') return items.join(separator ?? '、');
  const sep = separator ?? ', ';
  if (items.length <= 1) return items.join('');
  // Commas without the serial comma, as the published reports write; another separator
  // (semicolons between items that hold lists of their own) keeps it before the last.
  if (sep === ', ') return `${items.slice(0, -1).join(sep)} and ${items.at(-1)}`;
  return `${items.slice(0, -1).join(sep)}${sep}and ${items.at(-1)}`;
}

/** Country names that English says with an article: "in the United States". */
const WITH_ARTICLE =
  /^(United |Republic |Dominican |Central African |Czech Republic|Netherlands|Philippines|Bahamas|Gambia|Maldives|Comoros|Marshall |Solomon |Cayman |Falkland |Faroe |Vatican)/;

/**
 * Every country name a report prints comes through here, so the Ministry's names (the places
 * directory) plug in at one point.
 */
export function countryLabel(code: string, lang: Lang, { article = false } = {}): string {
  const name = countryName(code, lang);
  return article && lang === 'en' && WITH_ARTICLE.test(name) ? `the ${name}` : name;
}

/**
 * Every locality and partner name a report prints comes through here: its name in the
 * report's language where the registry has one, else the name as stored (the places
 * directory's English and pinyin names plug in at this point).
 */
export function placeName(
  name: string,
  names: { readonly zh?: string | null; readonly en?: string | null },
  lang: Lang,
): string {
  return displayName(name, names, lang);
}

/**
 * Our locality's name in the report's language: its own name in that language where the
 * registry has one, else the place directory's (芜湖市 → Wuhu for a locality recorded before
 * the directory filled its English name; Hefei → 合肥市), else the name as stored.
 */
export function localityName(
  name: string,
  names: { readonly zh?: string | null; readonly en?: string | null },
  lang: Lang,
): string {
  const own = lang === 'zh' ? names.zh : names.en;
  if (own) return own;
  if (hasCjk(name) === (lang === 'zh')) return name;
  const match = resolveDivision(name);
  if (match.kind !== 'one') return name;
  return lang === 'zh' ? match.division.name : match.division.en;
}

/** A locality's or partner's name in the report's language, where the registry has one. */
export function displayName(
  name: string,
  names: { readonly zh?: string | null; readonly en?: string | null },
  lang: Lang,
): string {
  return (lang === 'zh' ? names.zh : names.en) || name;
}
