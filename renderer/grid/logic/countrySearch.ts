import { lookupCountry } from '../../../shared/countries';
import type { CountryRow } from '../../../shared/model';

/** Countries whose code, English or Chinese name contains the text, best matches first. */
export function searchCountries(
  countries: readonly CountryRow[],
  text: string,
  limit = 8,
): CountryRow[] {
  const q = text.trim().toLowerCase();
  if (q === '') return countries.slice(0, limit);
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
    .sort((a, b) => a.score - b.score || a.c.en.localeCompare(b.c.en))
    .slice(0, limit)
    .map((s) => s.c);
}
