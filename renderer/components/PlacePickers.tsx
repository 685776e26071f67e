import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../shared/i18n';
import { searchCountries, type Reference } from '../reference';

/**
 * The pickers of a form's places: our locality from the registry's localities, a country from
 * the country list (any spelling; main converts and refuses what is no foreign state). Both
 * are inputs with suggestions, so a name not offered is still typed and main answers it.
 */

/** What to send for a country typed or picked: its code when the text names one exactly. */
export function countryValue(reference: Reference, text: string): string {
  const exact = searchCountries(reference.countries, text, 1)[0];
  return exact && (exact.en === text || exact.zh === text || exact.code === text)
    ? exact.code
    : text;
}

export function LocalityInput({
  id,
  reference,
  value,
  onChange,
  invalid,
  required = false,
}: {
  id: string;
  reference: Reference;
  value: string;
  onChange: (value: string) => void;
  invalid?: boolean;
  required?: boolean;
}) {
  return (
    <>
      <input
        id={id}
        list={`${id}-localities`}
        value={value}
        aria-invalid={invalid ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
        required={required}
      />
      <datalist id={`${id}-localities`}>
        {reference.localities.map((l) => (
          <option key={l.id} value={l.name} />
        ))}
      </datalist>
    </>
  );
}

export function CountryInput({
  id,
  reference,
  lang,
  value,
  onChange,
  invalid,
  required = false,
}: {
  id: string;
  reference: Reference;
  lang: Lang;
  value: string;
  onChange: (value: string) => void;
  invalid?: boolean;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const suggestions = useMemo(
    () => searchCountries(reference.countries, value, 6),
    [reference.countries, value],
  );
  return (
    <>
      <input
        id={id}
        list={`${id}-countries`}
        value={value}
        placeholder={t('countryPicker.placeholder')}
        aria-invalid={invalid ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
        required={required}
      />
      <datalist id={`${id}-countries`}>
        {suggestions.map((c) => (
          <option key={c.code} value={c[lang]}>
            {c.code} {c.zh} · {c.en}
          </option>
        ))}
      </datalist>
    </>
  );
}
