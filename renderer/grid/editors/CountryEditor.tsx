import type { CustomCellEditorProps } from 'ag-grid-react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../shared/i18n';
import type { CountryRow } from '../../../shared/model';
import { lookupCountry } from '../../../shared/countries';
import { searchCountries } from '../../reference';

/**
 * A typed cell editor: it hands the grid the text or value the user chose; main converts and
 * validates it, so the rules live in one place and a refusal comes back with its reason.
 */
export function CountryEditor(
  props: CustomCellEditorProps & { countries: readonly CountryRow[]; lang: Lang },
) {
  const { t } = useTranslation();
  const listId = useId();
  const ref = useRef<HTMLInputElement>(null);
  const current = props.countries.find((c) => c.code === props.initialValue);
  const [text, setText] = useState(() =>
    props.eventKey && props.eventKey.length === 1
      ? props.eventKey
      : current
        ? current[props.lang]
        : '',
  );
  const [active, setActive] = useState(0);
  const matches = useMemo(
    () => searchCountries(props.countries, text, 8, props.lang),
    [props.countries, text, props.lang],
  );
  // Taiwan, Hong Kong, Macao, China: not offered, and the picker says why.
  const refusal = matches.length === 0 ? (lookupCountry(text)?.refusal ?? null) : null;
  useEffect(() => {
    ref.current?.focus();
    if (!(props.eventKey && props.eventKey.length === 1)) ref.current?.select();
  }, [props.eventKey]);

  const choose = (c: CountryRow | undefined, stop: boolean) => {
    props.onValueChange(c ? c.code : text);
    if (c) setText(c[props.lang]);
    if (stop) setTimeout(() => props.stopEditing(), 0);
  };

  return (
    <div
      className="country-editor"
      role="combobox"
      aria-expanded="true"
      aria-owns={listId}
      aria-haspopup="listbox"
    >
      <input
        ref={ref}
        className="cell-editor"
        aria-label={props.colDef.headerName}
        aria-autocomplete="list"
        aria-controls={listId}
        placeholder={t('countryPicker.placeholder')}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          const exact = searchCountries(props.countries, e.target.value, 1, props.lang)[0];
          props.onValueChange(exact ? exact.code : e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            e.stopPropagation();
            setActive((a) =>
              Math.max(0, Math.min(matches.length - 1, a + (e.key === 'ArrowDown' ? 1 : -1))),
            );
          } else if (e.key === 'Enter' || e.key === 'Tab') {
            props.onValueChange(matches[active]?.code ?? text);
          }
        }}
      />
      <ul id={listId} role="listbox" className="country-list">
        {matches.length === 0 ? (
          <li className="empty" role="alert">
            {refusal
              ? t(`errors.country.${refusal}`, { value: text.trim() })
              : t('countryPicker.none')}
          </li>
        ) : null}
        {matches.map((c, i) => (
          <li
            key={c.code}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            onMouseDown={(e) => {
              e.preventDefault();
              choose(c, true);
            }}
          >
            <span className="code">{c.code}</span> {c.zh} · {c.en}
          </li>
        ))}
      </ul>
    </div>
  );
}
