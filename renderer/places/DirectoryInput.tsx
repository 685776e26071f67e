import { useEffect, useId, useState } from 'react';
import type { Lang } from '../../shared/i18n';
import type { DirectoryPlace } from '../../shared/ipc/reference';
import { call } from '../api/client';

/** How a directory place reads in a picker: 合肥市 · Hefei (安徽省). */
export function placeLabel(place: DirectoryPlace, lang: Lang): string {
  const [first, second] = lang === 'zh' ? [place.name, place.en] : [place.en, place.name];
  return `${first} · ${second}${place.within ? ` (${place.within})` : ''}`;
}

/**
 * A text field that offers places of China's administrative divisions as the user types
 * (by Chinese or English name, or pinyin initials: hf for 合肥市). Choosing one reports the
 * place; text that matches none stays a free name.
 */
export function DirectoryInput({
  id,
  value,
  lang,
  onChange,
  onPick,
}: {
  id: string;
  value: string;
  lang: Lang;
  onChange: (text: string) => void;
  onPick: (place: DirectoryPlace) => void;
}) {
  const listId = useId();
  const [places, setPlaces] = useState<readonly DirectoryPlace[]>([]);

  useEffect(() => {
    let live = true;
    const query = value.trim();
    const timer = setTimeout(() => {
      if (query === '') setPlaces([]);
      else
        void call('places:directory', { query, limit: 12 }).then((rows) => {
          if (live) setPlaces(rows);
        });
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [value]);

  const change = (text: string) => {
    const picked = places.find((p) => placeLabel(p, lang) === text);
    if (picked) {
      onChange(picked.name);
      onPick(picked);
    } else onChange(text);
  };

  return (
    <>
      <input
        id={id}
        list={listId}
        value={value}
        autoComplete="off"
        onChange={(e) => change(e.target.value)}
      />
      <datalist id={listId} data-testid="directory-places">
        {places.map((p) => (
          <option key={p.code} value={placeLabel(p, lang)} />
        ))}
      </datalist>
    </>
  );
}
