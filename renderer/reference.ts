import { useEffect, useMemo, useState } from 'react';
import type { CountryRow, LocalityRow } from '../shared/model';
import { call } from './api/client';
import { lookupCountry } from '../shared/countries';

export interface Reference {
  readonly countries: readonly CountryRow[];
  readonly countryByCode: ReadonlyMap<string, CountryRow>;
  readonly localities: readonly LocalityRow[];
  reloadLocalities(): void;
}

/** Reference data for pickers and labels, loaded once per screen. */
export function useReference(): Reference | null {
  const [countries, setCountries] = useState<readonly CountryRow[] | null>(null);
  const [localities, setLocalities] = useState<readonly LocalityRow[] | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    void call('countries:list', {}).then((rows) => {
      if (live) setCountries(rows);
    });
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    let live = true;
    void call('localities:list', {}).then((rows) => {
      if (live) setLocalities(rows);
    });
    return () => {
      live = false;
    };
  }, [generation]);

  // One object while the data is unchanged, so grids do not rebuild their columns each render;
  // none until both lists are in (a grid whose columns change refetches its rows).
  return useMemo(
    () =>
      countries && localities
        ? {
            countries,
            countryByCode: new Map(countries.map((c) => [c.code, c])),
            localities,
            reloadLocalities: () => setGeneration((g) => g + 1),
          }
        : null,
    [countries, localities],
  );
}

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
