import type { ColDef, GridApi } from 'ag-grid-community';
import { useCallback, useEffect, useState, type RefObject } from 'react';
import type { GridView } from '../../shared/grid-query';
import { ChecklistFilter, type ChecklistParams } from './filters/ChecklistFilter';
import type { GridRow, GridSpec } from './spec';
import type { GridData } from './useGridData';

const unfiltered = (view: GridView) =>
  Object.keys(view.filter).length === 0 && view.quick.trim() === '';

/**
 * Checklist filters and the rows-shown count. A paged grid's checklists count their values in
 * main under the grid's view (`spec.counts`); a client-side grid's count its own rows. The
 * total is every row of the list (live or deleted), so the status bar says “3 of 106”.
 */
export function useChecklists<R extends GridRow>({
  spec,
  api,
  data,
  ready,
}: {
  spec: GridSpec<R>;
  api: RefObject<GridApi<R> | null>;
  data: GridData<R>;
  /** The grid api is there (the effect below waits for it). */
  ready: boolean;
}) {
  const { counts } = spec;
  const { currentView } = data;
  const withCounts = useCallback(
    (col: ColDef<R>): ColDef<R> =>
      col.filter === ChecklistFilter && counts
        ? {
            ...col,
            filterParams: {
              ...(col.filterParams as ChecklistParams),
              counts: (column: string) => counts(column, currentView()),
            } satisfies ChecklistParams,
          }
        : col,
    [counts, currentView],
  );

  const [total, setTotal] = useState<number | null>(null);
  const [filters, setFilters] = useState(0);
  const { server, displayed, quick } = data;
  const { query } = spec;
  useEffect(() => {
    const grid = api.current;
    if (!grid) return undefined;
    const bump = () => setFilters((n) => n + 1);
    grid.addEventListener('filterChanged', bump);
    // Leaving the screen destroys the grid first, and with it its listeners.
    return () => {
      if (!grid.isDestroyed()) grid.removeEventListener('filterChanged', bump);
    };
  }, [api, ready]);
  useEffect(() => {
    const grid = api.current;
    if (!grid) return undefined;
    if (!server) {
      // Every row the client-side model holds, whatever its filters hide.
      const count = () => {
        let n = 0;
        grid.forEachNode(() => n++);
        setTotal(n);
      };
      count();
      grid.addEventListener('modelUpdated', count);
      return () => {
        if (!grid.isDestroyed()) grid.removeEventListener('modelUpdated', count);
      };
    }
    const view = currentView();
    if (unfiltered(view)) return undefined;
    let live = true;
    void query?.({ ...view, filter: {}, quick: '', sort: [], offset: 0, limit: 1 }).then((page) => {
      if (live) setTotal(page.total);
    });
    return () => {
      live = false;
    };
  }, [api, ready, server, displayed, quick, filters, query, currentView]);

  // Nothing hides rows: the total is what is shown (read as the grid renders, not fetched).
  return { withCounts, total: server && unfiltered(currentView()) ? displayed : total };
}
