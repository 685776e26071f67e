import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../shared/countries';
import { enumLabel, valuesOf, type Level } from '../../shared/enums';
import type { Lang } from '../../shared/i18n';
import type {
  PlaceKindOf,
  PlaceLocality,
  PlacePartner,
  PlacesOverview,
} from '../../shared/ipc/places';
import { undoText } from '../../shared/undo-text';
import { attempt } from '../api/client';
import { errorText } from '../i18n';
import { MergePanel, type MergeChoice } from './MergePanel';
import { matchesPlace } from '../../shared/place-duplicates';
import { useCan } from '../auth/session';

type Notice = { kind: 'ok' | 'error'; text: string };

/** Our localities and partner cities, each once: rename, level and parent, and merges. */
export function PlacesScreen({ lang }: { lang: Lang }) {
  const { t } = useTranslation();
  // A viewer reads the places: no Edit, Merge, selection or Undo.
  const canEdit = useCan('edit');
  const [data, setData] = useState<PlacesOverview | null>(null);
  const [tab, setTab] = useState<PlaceKindOf>('locality');
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [merging, setMerging] = useState<MergeChoice | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  const load = useCallback(
    () =>
      attempt('places:overview', {}).then((result) => {
        if (result.ok) setData(result.value);
        else setNotice({ kind: 'error', text: errorText(result.error) });
      }),
    [],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const nameOf = useMemo(() => {
    const names = new Map<string, string>();
    for (const l of data?.localities ?? []) names.set(l.id, l.name);
    for (const p of data?.partners ?? []) names.set(p.id, p.name);
    return (id: string) => names.get(id) ?? id;
  }, [data]);

  const undo = async () => {
    const result = await attempt('undo:undo', { scope: 'places' });
    if (!result.ok) setNotice({ kind: 'error', text: errorText(result.error) });
    else if (!result.value.command) setNotice({ kind: 'ok', text: t('places.nothingToUndo') });
    else
      setNotice({
        kind: 'ok',
        text: t('places.undone', { label: undoText(result.value.command, lang) }),
      });
    await load();
  };

  const tiesOf = (id: string) =>
    data?.localities.find((l) => l.id === id)?.ties ??
    data?.partners.find((p) => p.id === id)?.ties ??
    0;
  // The one with more ties is offered as the one to keep: fewer ties move.
  const startMerge = (of: PlaceKindOf, x: string, y: string) => {
    const [a, b] = tiesOf(y) > tiesOf(x) ? [y, x] : [x, y];
    setMerging({ of, a: { id: a, name: nameOf(a) }, b: { id: b, name: nameOf(b) } });
  };

  const switchTab = (next: PlaceKindOf) => {
    setTab(next);
    setSelected([]);
    setEditing(null);
  };

  const toggle = (id: string) =>
    setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s.slice(-1), id]));

  const saved = async (ok: boolean, text?: string) => {
    setNotice(ok ? { kind: 'ok', text: t('places.saved') } : { kind: 'error', text: text ?? '' });
    if (ok) setEditing(null);
    await load();
  };

  return (
    <section className="places-screen" aria-labelledby="places-title">
      <div className="toolbar">
        <h1 id="places-title">{t('places.title')}</h1>
        <span className="spacer" />
        {canEdit ? (
          <button type="button" onClick={() => void undo()}>
            {t('places.undo')}
          </button>
        ) : null}
      </div>
      <div className="places-body">
        <p className="section-intro">{t('places.intro')}</p>
        {notice ? (
          <div
            className={`notice ${notice.kind}`}
            role={notice.kind === 'error' ? 'alert' : 'status'}
          >
            <span>{notice.text}</span>
          </div>
        ) : null}
        {merging ? (
          <MergePanel
            key={`${merging.a.id}:${merging.b.id}`}
            choice={merging}
            onCancel={() => setMerging(null)}
            onDone={(text) => {
              setMerging(null);
              setSelected([]);
              setNotice({ kind: 'ok', text });
              void load();
            }}
          />
        ) : null}
        <section aria-labelledby="places-suggestions" data-testid="suggestions">
          <h2 id="places-suggestions">{t('places.suggestions')}</h2>
          {data && data.suggestions.length === 0 ? (
            <p className="section-empty">{t('places.noSuggestions')}</p>
          ) : (
            <ul className="suggestions">
              {data?.suggestions.map((s) => {
                const code = data.localities.find((l) => l.id === s.a)?.code ?? '';
                return (
                  <li key={`${s.a}:${s.b}`}>
                    <span>
                      {nameOf(s.a)} · {nameOf(s.b)}
                    </span>
                    <span className="muted">{t(`places.reason.${s.reason}`, { code })}</span>
                    {canEdit ? (
                      <button type="button" onClick={() => startMerge(s.of, s.a, s.b)}>
                        {t('places.merge')}
                      </button>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
        <div className="places-tabs">
          <div role="tablist" className="tab-list">
            {(['locality', 'partner'] as const).map((of) => (
              <button
                key={of}
                type="button"
                role="tab"
                id={`places-tab-${of}`}
                aria-controls="places-panel"
                aria-selected={tab === of}
                onClick={() => switchTab(of)}
              >
                {t(of === 'locality' ? 'places.localities' : 'places.partners')}
              </button>
            ))}
          </div>
          <input
            type="search"
            aria-label={t('places.search')}
            placeholder={t('places.search')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          {canEdit ? (
            <button
              type="button"
              disabled={selected.length !== 2}
              onClick={() => startMerge(tab, selected[0]!, selected[1]!)}
            >
              {t('places.mergeSelected')}
            </button>
          ) : null}
        </div>
        <div role="tabpanel" id="places-panel" aria-labelledby={`places-tab-${tab}`}>
          {data ? (
            tab === 'locality' ? (
              <LocalitiesTable
                rows={data.localities.filter((l) =>
                  matchesPlace(query, [l.name, l.name_zh, l.name_en, l.code, l.pinyin, l.initials]),
                )}
                all={data.localities}
                lang={lang}
                selected={selected}
                toggle={toggle}
                editing={editing}
                setEditing={setEditing}
                saved={saved}
              />
            ) : (
              <PartnersTable
                rows={data.partners.filter((p) =>
                  matchesPlace(query, [
                    p.name,
                    p.name_zh,
                    p.name_en,
                    p.pinyin,
                    p.initials,
                    countryName(p.country, lang),
                  ]),
                )}
                lang={lang}
                selected={selected}
                toggle={toggle}
                editing={editing}
                setEditing={setEditing}
                saved={saved}
              />
            )
          ) : null}
        </div>
      </div>
    </section>
  );
}

interface TableProps<T> {
  rows: readonly T[];
  lang: Lang;
  selected: readonly string[];
  toggle: (id: string) => void;
  editing: string | null;
  setEditing: (id: string | null) => void;
  saved: (ok: boolean, text?: string) => Promise<void>;
}

const blank = (v: string) => (v.trim() === '' ? null : v);

function LocalitiesTable({
  rows,
  all,
  lang,
  selected,
  toggle,
  editing,
  setEditing,
  saved,
}: TableProps<PlaceLocality> & { all: readonly PlaceLocality[] }) {
  const { t } = useTranslation();
  const canEdit = useCan('edit');
  return (
    <table className="plain-table places-table" data-testid="localities">
      <thead>
        <tr>
          <th scope="col" />
          <th scope="col">{t('places.nameZh')}</th>
          <th scope="col">{t('places.nameEn')}</th>
          <th scope="col">{t('places.level')}</th>
          <th scope="col">{t('places.parent')}</th>
          <th scope="col" className="num">
            {t('places.ties')}
          </th>
          <th scope="col" />
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={7}>{t('places.empty')}</td>
          </tr>
        ) : null}
        {rows.map((l) =>
          editing === l.id ? (
            <LocalityEditor
              key={l.id}
              row={l}
              all={all}
              lang={lang}
              setEditing={setEditing}
              saved={saved}
            />
          ) : (
            <tr key={l.id}>
              <td>
                {canEdit ? (
                  <input
                    type="checkbox"
                    aria-label={t('places.select', { name: l.name })}
                    checked={selected.includes(l.id)}
                    onChange={() => toggle(l.id)}
                  />
                ) : null}
              </td>
              <td>{l.name_zh ?? l.name}</td>
              <td>{l.name_en ?? ''}</td>
              <td>{enumLabel('level', l.level, lang)}</td>
              <td>{l.parent ?? ''}</td>
              <td className="num">{l.ties}</td>
              <td className="actions">
                {canEdit ? (
                  <button type="button" onClick={() => setEditing(l.id)}>
                    {t('places.edit')}
                  </button>
                ) : null}
              </td>
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}

function LocalityEditor({
  row,
  all,
  lang,
  setEditing,
  saved,
}: {
  row: PlaceLocality;
  all: readonly PlaceLocality[];
  lang: Lang;
  setEditing: (id: string | null) => void;
  saved: (ok: boolean, text?: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [zh, setZh] = useState(row.name_zh ?? row.name);
  const [en, setEn] = useState(row.name_en ?? '');
  const [level, setLevel] = useState<Level>(row.level);
  const [parent, setParent] = useState(row.parent_id ?? '');
  const save = async () => {
    const name = blank(zh) ?? blank(en) ?? row.name;
    const result = await attempt('localities:update', {
      id: row.id,
      version: row.version,
      patch: {
        name,
        name_zh: blank(zh),
        name_en: blank(en),
        level,
        parent_id: parent === '' ? null : parent,
      },
    });
    await saved(result.ok, result.ok ? undefined : errorText(result.error));
  };
  return (
    <tr className="editing">
      <td />
      <td>
        <input aria-label={t('places.nameZh')} value={zh} onChange={(e) => setZh(e.target.value)} />
      </td>
      <td>
        <input aria-label={t('places.nameEn')} value={en} onChange={(e) => setEn(e.target.value)} />
      </td>
      <td>
        <select
          aria-label={t('places.level')}
          value={level}
          onChange={(e) => setLevel(e.target.value as Level)}
        >
          {valuesOf('level').map((v) => (
            <option key={v} value={v}>
              {enumLabel('level', v, lang)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <select
          aria-label={t('places.parent')}
          value={parent}
          onChange={(e) => setParent(e.target.value)}
        >
          <option value="">{t('places.noParent')}</option>
          {all
            .filter((l) => l.id !== row.id)
            .map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
        </select>
      </td>
      <td className="num">{row.ties}</td>
      <td className="actions">
        <button type="button" className="primary" onClick={() => void save()}>
          {t('places.save')}
        </button>
        <button type="button" onClick={() => setEditing(null)}>
          {t('places.cancel')}
        </button>
      </td>
    </tr>
  );
}

function PartnersTable({
  rows,
  lang,
  selected,
  toggle,
  editing,
  setEditing,
  saved,
}: TableProps<PlacePartner>) {
  const { t } = useTranslation();
  const canEdit = useCan('edit');
  return (
    <table className="plain-table places-table" data-testid="partners">
      <thead>
        <tr>
          <th scope="col" />
          <th scope="col">{t('places.name')}</th>
          <th scope="col">{t('places.nameZh')}</th>
          <th scope="col">{t('places.nameEn')}</th>
          <th scope="col">{t('places.country')}</th>
          <th scope="col" className="num">
            {t('places.ties')}
          </th>
          <th scope="col" />
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={7}>{t('places.empty')}</td>
          </tr>
        ) : null}
        {rows.map((p) =>
          editing === p.id ? (
            <PartnerEditor key={p.id} row={p} lang={lang} setEditing={setEditing} saved={saved} />
          ) : (
            <tr key={p.id}>
              <td>
                {canEdit ? (
                  <input
                    type="checkbox"
                    aria-label={t('places.select', { name: p.name })}
                    checked={selected.includes(p.id)}
                    onChange={() => toggle(p.id)}
                  />
                ) : null}
              </td>
              <td>{p.name}</td>
              <td>{p.name_zh ?? ''}</td>
              <td>{p.name_en ?? ''}</td>
              <td>{countryName(p.country, lang)}</td>
              <td className="num">{p.ties}</td>
              <td className="actions">
                {canEdit ? (
                  <button type="button" onClick={() => setEditing(p.id)}>
                    {t('places.edit')}
                  </button>
                ) : null}
              </td>
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}

function PartnerEditor({
  row,
  lang,
  setEditing,
  saved,
}: {
  row: PlacePartner;
  lang: Lang;
  setEditing: (id: string | null) => void;
  saved: (ok: boolean, text?: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(row.name);
  const [zh, setZh] = useState(row.name_zh ?? '');
  const [en, setEn] = useState(row.name_en ?? '');
  const save = async () => {
    const result = await attempt('partners:update', {
      id: row.id,
      version: row.version,
      patch: { name: blank(name) ?? row.name, name_zh: blank(zh), name_en: blank(en) },
    });
    await saved(result.ok, result.ok ? undefined : errorText(result.error));
  };
  return (
    <tr className="editing">
      <td />
      <td>
        <input
          aria-label={t('places.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </td>
      <td>
        <input aria-label={t('places.nameZh')} value={zh} onChange={(e) => setZh(e.target.value)} />
      </td>
      <td>
        <input aria-label={t('places.nameEn')} value={en} onChange={(e) => setEn(e.target.value)} />
      </td>
      <td>{countryName(row.country, lang)}</td>
      <td className="num">{row.ties}</td>
      <td className="actions">
        <button type="button" className="primary" onClick={() => void save()}>
          {t('places.save')}
        </button>
        <button type="button" onClick={() => setEditing(null)}>
          {t('places.cancel')}
        </button>
      </td>
    </tr>
  );
}
