import { lookupCountry } from '../../../shared/countries';
import type { Lang } from '../../../shared/i18n';
import type { CountryRow } from '../../../shared/model';

/**
 * Countries whose code, English or Chinese name contains the text, best matches first, and
 * matches alike in the order of the names shown: pinyin in Chinese (德国, 法国, 日本), the
 * alphabet in English.
 */
export function searchCountries(
  countries: readonly CountryRow[],
  text: string,
  limit = 8,
  lang: Lang = 'en',
): CountryRow[] {
  const byName = (a: CountryRow, b: CountryRow) =>
    lang === 'zh'
      ? a.zh_key === b.zh_key
        ? 0
        : a.zh_key < b.zh_key
          ? -1
          : 1
      : a.en.localeCompare(b.en, 'en');
  const q = text.trim().toLowerCase();
  if (q === '') return [...countries].sort(byName).slice(0, limit);
  // A name the registry knows another way (South Korea, Türkiye, Holland) comes first.
  const alias = lookupCountry(text)?.code;
  const scored: { c: CountryRow; score: number }[] = [];
  for (const c of countries) {
    const en = c.en.toLowerCase();
    const score =
      c.code === alias ||
      c.code.toLowerCase() === q ||
      c.alpha3.toLowerCase() === q ||
      en === q ||
      c.zh === text.trim()
        ? 0
        : en.startsWith(q) || c.zh.startsWith(text.trim())
          ? 1
          : en.includes(q) || c.zh.includes(text.trim())
            ? 2
            : -1;
    if (score >= 0) scored.push({ c, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || byName(a.c, b.c))
    .slice(0, limit)
    .map((s) => s.c);
}
