import type { IRowNode } from 'ag-grid-community';
import { useGridFilter, type CustomFilterProps } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SetFilter } from '../../../shared/grid-query';
import {
  allState,
  checklistOptions,
  countLocally,
  isTicked,
  matchingOptions,
  setFilterPasses,
  toggled,
} from '../logic/checklist';

/** What a column gives its checklist (its `filterParams`). */
export interface ChecklistParams {
  /** A vocabulary's values in order; null for an open list (countries: those the rows hold). */
  readonly known: readonly string[] | null;
  /** A value as the UI language names it. */
  readonly label: (value: string) => string;
  /**
   * For a grid paged from main, rows per value under the grid's other filters and search
   * (`ties:counts`); a client-side grid counts its own rows.
   */
  readonly counts?: (column: string) => Promise<ReadonlyMap<string, number>>;
}

type Props = CustomFilterProps<{ id: string }, unknown, SetFilter> & ChecklistParams;

/**
 * An Excel-style checklist for an enum or country column, on AG Grid Community: each value in
 * the UI language with how many rows hold it, “select all” over the values in sight, and a
 * search box. A tick applies at once; every value ticked is no filter at all.
 */
export function ChecklistFilter(props: Props) {
  const { t, i18n } = useTranslation();
  const [counts, setCounts] = useState<ReadonlyMap<string, number> | null>(null);
  const [search, setSearch] = useState('');
  const searchBox = useRef<HTMLInputElement>(null);
  const allBox = useRef<HTMLInputElement>(null);
  const { model, onModelChange, api, getValue, doesRowPassOtherFilter, column } = props;
  const colId = column.getColId();
  const serverCounts = props.counts;

  const load = useCallback(() => {
    if (serverCounts) {
      void serverCounts(colId).then(setCounts, () => setCounts(new Map()));
      return;
    }
    const values: unknown[] = [];
    api.forEachNode((node: IRowNode<{ id: string }>) => {
      if (node.data && doesRowPassOtherFilter(node)) values.push(getValue(node));
    });
    setCounts(countLocally(values));
  }, [serverCounts, colId, api, doesRowPassOtherFilter, getValue]);

  useGridFilter({
    doesFilterPass: ({ node }) => model === null || setFilterPasses(model, getValue(node)),
    afterGuiAttached: () => {
      setSearch('');
      load();
      setTimeout(() => searchBox.current?.focus(), 0);
    },
  });

  const collator = useMemo(
    () => new Intl.Collator(i18n.language === 'zh' ? 'zh-CN-u-co-pinyin' : 'en'),
    [i18n.language],
  );
  const options = useMemo(
    () =>
      checklistOptions({
        known: props.known,
        counts: counts ?? new Map(),
        ticked: model?.values ?? null,
        label: props.label,
        blank: t('checklist.blank'),
        collator,
      }),
    [props.known, props.label, counts, model, t, collator],
  );
  const shown = matchingOptions(options, search);
  const all = options.map((o) => o.value);
  const state = allState(model, shown);
  useEffect(() => {
    if (allBox.current) allBox.current.indeterminate = state === 'some';
  }, [state]);

  const set = (values: readonly string[], on: boolean) =>
    onModelChange(toggled(model, all, values, on));

  return (
    <div
      className="checklist-filter"
      role="group"
      aria-label={t('checklist.label', { column: props.colDef.headerName ?? colId })}
    >
      <input
        ref={searchBox}
        type="search"
        className="checklist-search"
        aria-label={t('checklist.search')}
        placeholder={t('checklist.search')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      {shown.length === 0 ? (
        <p className="checklist-empty">{counts ? t('checklist.none') : t('checklist.loading')}</p>
      ) : (
        <>
          <label className="checklist-all">
            <input
              ref={allBox}
              type="checkbox"
              checked={state === 'all'}
              onChange={(e) =>
                set(
                  shown.map((o) => o.value),
                  e.target.checked,
                )
              }
            />
            <span>{t('checklist.all')}</span>
          </label>
          <ul className="checklist-values">
            {shown.map((o) => (
              <li key={o.value}>
                <label className={o.count === 0 ? 'empty' : undefined}>
                  <input
                    type="checkbox"
                    checked={isTicked(model, o.value)}
                    onChange={(e) => set([o.value], e.target.checked)}
                  />
                  <span className="checklist-label">{o.label}</span>
                  <span className="checklist-count" data-testid="checklist-count">
                    {counts ? o.count.toLocaleString(i18n.language === 'zh' ? 'zh-CN' : 'en') : ''}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
