import { useEffect, useMemo, useState } from 'react';
import type { CountryRow, LocalityRow } from '../shared/model';
import { call } from './api/client';
export { searchCountries } from './grid/logic/countries';

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
