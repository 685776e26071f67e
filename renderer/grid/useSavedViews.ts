import type { ColumnState, GridApi } from 'ag-grid-community';
import { useEffect, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../shared/i18n';
import type { SavedView } from '../../shared/ipc/grid';
import { attempt, call } from '../api/client';
import { errorText } from '../i18n';
import { ChecklistFilter } from './filters/ChecklistFilter';
import { usableFilterModel } from './logic/persisted';
import { viewToApply, type ViewState } from './logic/view';
import type { GridRow, GridSpec, Report } from './spec';
import type { GridData } from './useGridData';

/**
 * Named views of a grid (column state, filters, quick search), saved in the registry; choosing
 * none, or Reset layout, puts the grid's own layout back.
 */
export function useSavedViews<R extends GridRow>({
  spec,
  api,
  data,
  lang,
  report,
  changed,
  generation,
}: {
  spec: GridSpec<R>;
  api: RefObject<GridApi<R> | null>;
  data: GridData<R>;
  lang: Lang;
  report: Report;
  changed: () => void;
  /** Bumped by every change here: the list is read again (another window may have saved one). */
  generation: number;
}) {
  const { t } = useTranslation();
  const [views, setViews] = useState<readonly SavedView[]>([]);
  const [view, setView] = useState('');
  const [naming, setNaming] = useState(false);

  useEffect(() => {
    let live = true;
    void call('views:list', { grid: spec.name }).then((list) => {
      if (live) setViews(list);
    });
    return () => {
      live = false;
    };
  }, [spec.name, generation]);

  const applyView = (name: string) => {
    setView(name);
    const grid = api.current;
    if (!grid) return;
    const state = viewToApply<ColumnState>(views, name);
    if (!state) grid.resetColumnState();
    else if (state.columnState)
      grid.applyColumnState({ state: state.columnState, applyOrder: true });
    // A view saved before a column had its checklist loses that column's old filter only.
    const checklists = new Set(
      (grid.getColumns() ?? [])
        .filter((c) => c.getColDef().filter === ChecklistFilter)
        .map((c) => c.getColId()),
    );
    grid.setFilterModel(state ? usableFilterModel(state.filterModel, checklists) : null);
    data.setQuickText(state?.quick ?? '', false);
  };

  const saveView = async (name: string) => {
    setNaming(false);
    const grid = api.current;
    if (!grid) return;
    const state: ViewState<ColumnState> = {
      columnState: grid.getColumnState(),
      filterModel: grid.getFilterModel() as Record<string, unknown>,
      quick: data.quick,
    };
    const result = await attempt('views:save', {
      grid: spec.name,
      name,
      state: state as unknown as Record<string, unknown>,
    });
    if (result.ok) {
      setView(name);
      report('saved', t('views.saved', { name }));
      changed();
    } else report('error', errorText(result.error, lang));
  };

  return {
    views,
    view,
    applyView,
    naming,
    startNaming: () => setNaming(true),
    stopNaming: () => setNaming(false),
    saveView: (name: string) => void saveView(name),
  };
}
