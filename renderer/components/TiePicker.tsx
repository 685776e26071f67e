import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../shared/countries';
import type { Lang } from '../../shared/i18n';
import type { TieRow } from '../../shared/model';
import { call } from '../api/client';

/** A tie as a visit names it: its id, and “locality – partner” for the chip. */
export interface PickedTie {
  readonly id: string;
  readonly label: string;
}

/** The chip's text, as main labels a visit's ties. */
export function tieLabel(tie: Pick<TieRow, 'local' | 'partner'>): string {
  return `${tie.local} – ${tie.partner}`;
}

/** Ties not picked yet, in the order main found them. */
export function unpicked(found: readonly TieRow[], picked: readonly PickedTie[]): TieRow[] {
  return found.filter((t) => !picked.some((p) => p.id === t.id));
}

const SHOWN = 8;

/**
 * Several ties, picked by searching their partner or locality (main's quick search, any
 * spelling of either, both languages), shown as chips. The value is the ties themselves, never
 * a name to be matched later.
 */
export function TiePicker({
  id,
  label,
  value,
  onChange,
  lang,
  autoFocus = false,
}: {
  id: string;
  label: string;
  value: readonly PickedTie[];
  onChange: (next: PickedTie[]) => void;
  lang: Lang;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  // What main found, and for which text: a list found for other text is not shown.
  const [found, setFound] = useState<{ q: string; rows: readonly TieRow[] }>({ q: '', rows: [] });
  const [active, setActive] = useState(0);

  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);

  useEffect(() => {
    const q = text.trim();
    if (q === '') return undefined;
    let live = true;
    // A moment after the last key: a registry may hold 50,000 ties, searched in main.
    const soon = setTimeout(() => {
      void call('ties:list', {
        quick: q,
        sort: [{ colId: 'partner', sort: 'asc' }],
        limit: SHOWN + value.length,
      }).then((page) => {
        if (live) {
          setFound({ q, rows: page.rows });
          setActive(0);
        }
      });
    }, 150);
    return () => {
      live = false;
      clearTimeout(soon);
    };
    // The picked ties only widen the page; a new pick does not search again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);

  const searched = found.q === text.trim();
  const matches = searched ? unpicked(found.rows, value).slice(0, SHOWN) : [];
  const add = (tie: TieRow | undefined) => {
    if (!tie) return;
    onChange([...value, { id: tie.id, label: tieLabel(tie) }]);
    setText('');
    input.current?.focus();
  };
  const remove = (tie: PickedTie) => onChange(value.filter((p) => p.id !== tie.id));

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      e.stopPropagation();
      setActive((a) =>
        Math.max(0, Math.min(matches.length - 1, a + (e.key === 'ArrowDown' ? 1 : -1))),
      );
    } else if (e.key === 'Enter' && matches.length > 0) {
      // Enter picks; it neither submits the form nor ends a cell's edit.
      e.preventDefault();
      e.stopPropagation();
      add(matches[active]);
    } else if (e.key === 'Backspace' && text === '' && value.length > 0) {
      const last = value.at(-1);
      if (last) remove(last);
    }
  };

  return (
    <div className="tie-picker">
      {value.length > 0 ? (
        <ul className="chips" aria-label={label}>
          {value.map((tie) => (
            <li key={tie.id} className="chip" data-tie={tie.id}>
              <span>{tie.label}</span>
              <button
                type="button"
                className="chip-remove"
                aria-label={t('tiePicker.remove', { label: tie.label })}
                onClick={() => remove(tie)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        ref={input}
        id={id}
        type="search"
        role="combobox"
        aria-label={label}
        aria-expanded={text.trim() !== ''}
        aria-controls={listId}
        aria-autocomplete="list"
        autoComplete="off"
        placeholder={t('tiePicker.placeholder')}
        title={t('tiePicker.hint')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
      />
      {text.trim() !== '' ? (
        <ul id={listId} role="listbox" className="tie-list" aria-label={label}>
          {searched && matches.length === 0 ? (
            <li className="empty">{t('tiePicker.none', { text: text.trim() })}</li>
          ) : null}
          {matches.map((tie, i) => (
            <li
              key={tie.id}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                add(tie);
              }}
            >
              {tieLabel(tie)} <span className="muted">{countryName(tie.country, lang)}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
