import type { GridApi, IDatasource, IRowNode } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { GridView } from '../../shared/grid-query';
import { refreshPlan } from './logic/rows';
import { pageQuery, rowHidden, viewOf } from './logic/view';
import type { GridRow, GridSpec } from './spec';

/** How long a paged grid waits after the last keystroke of a quick search before asking main. */
const QUICK_DEBOUNCE_MS = 250;

/**
 * Where a grid's rows come from: every row at once into AG Grid's client-side model (letters,
 * steps), or pages from main under the grid's view into its infinite row model (ties, visits).
 * Either way the rest of the grid asks this hook to show a changed row, read rows again or
 * name the rows from a display index, without knowing which.
 */
export function useGridData<R extends GridRow>(
  spec: GridSpec<R>,
  api: RefObject<GridApi<R> | null>,
) {
  const server = spec.query !== undefined;
  // A server-paged grid has no rows of its own to wait for.
  const [rows, setRows] = useState<R[] | null>(() => (server ? [] : null));
  const [showDeleted, setShowDeleted] = useState(false);
  const [displayed, setDisplayed] = useState(0);
  const [quick, setQuick] = useState('');
  const [reloads, setReloads] = useState(0);
  // Read by the datasource, which AG Grid keeps for the grid's life.
  const quickRef = useRef('');
  const deletedRef = useRef(false);
  const quickTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    deletedRef.current = showDeleted;
    if (server) {
      api.current?.deselectAll();
      api.current?.purgeInfiniteCache();
      return undefined;
    }
    let live = true;
    void spec.list?.(showDeleted).then((list) => {
      if (live) setRows(list);
    });
    return () => {
      live = false;
    };
  }, [spec, server, showDeleted, reloads, api]);

  const datasource = useMemo<IDatasource | undefined>(
    () =>
      spec.query
        ? {
            getRows: (params) => {
              void spec
                .query?.(
                  pageQuery(
                    {
                      sort: params.sortModel,
                      filter: params.filterModel as GridView['filter'],
                      quick: quickRef.current,
                      deleted: deletedRef.current,
                    },
                    params.startRow,
                    params.endRow,
                  ),
                )
                .then(
                  (page) => {
                    params.successCallback([...page.rows], page.total);
                    setDisplayed(page.total);
                  },
                  () => params.failCallback(),
                );
            },
          }
        : undefined,
    [spec],
  );

  /** The grid's view as main reads it (sort from the column state). */
  const currentView = useCallback(
    (): GridView =>
      viewOf({
        columns: api.current?.getColumnState() ?? [],
        filter: api.current?.getFilterModel(),
        quick: quickRef.current,
        deleted: deletedRef.current,
      }),
    [api],
  );

  /** Sets the quick search: at once in the grid, or after a pause when main does the search. */
  const setQuickText = (text: string, debounce = true) => {
    setQuick(text);
    quickRef.current = text;
    if (!server) api.current?.setGridOption('quickFilterText', text);
    else if (!debounce) api.current?.purgeInfiniteCache();
    else {
      if (quickTimer.current) clearTimeout(quickTimer.current);
      quickTimer.current = setTimeout(() => api.current?.purgeInfiniteCache(), QUICK_DEBOUNCE_MS);
    }
  };

  const reload = () => {
    if (server) api.current?.purgeInfiniteCache();
    else setReloads((n) => n + 1);
  };

  /** Shows a row as main returned it, or takes it out of sight (deleted, or restored). */
  const putRow = (row: R) => {
    const hidden = rowHidden(row, showDeleted);
    if (!server) {
      api.current?.applyTransaction(hidden ? { remove: [row] } : { update: [row] });
      return;
    }
    if (hidden) api.current?.purgeInfiniteCache();
    else api.current?.getRowNode(row.id)?.setData(row);
  };

  /** Reads rows main changed (a paste, a bulk edit, an undo) and shows them. */
  const refresh = async (ids: readonly string[]) => {
    if (refreshPlan(ids, server, (id) => Boolean(api.current?.getRowNode(id))) === 'reload')
      return reload();
    for (const id of ids) {
      const r = await spec.get(id);
      if (r.ok) {
        if (api.current?.getRowNode(id)) putRow(r.value);
        else if (!rowHidden(r.value, showDeleted))
          api.current?.applyTransaction({ add: [r.value] });
      }
    }
  };

  /** Rows in the order the grid shows them, after sorting and filtering (loaded ones). */
  const displayedNodes = (): IRowNode<R>[] => {
    const out: IRowNode<R>[] = [];
    if (server) api.current?.forEachNode((n) => (n.data ? out.push(n) : undefined));
    else api.current?.forEachNodeAfterFilterAndSort((n) => out.push(n));
    return out.sort((a, b) => (a.rowIndex ?? 0) - (b.rowIndex ?? 0));
  };

  /**
   * `count` rows from display index `start`, with the versions the user saw where the row is
   * on screen; a server-paged grid asks main for the rest under the same view.
   */
  const rowsFrom = async (
    start: number,
    count: number,
  ): Promise<{ id: string; version: number }[]> => {
    if (!server)
      return displayedNodes()
        .slice(start, start + count)
        .map((n) => ({ id: (n.data as R).id, version: (n.data as R).version }));
    const page = await spec.query?.({ ...currentView(), offset: start, limit: Math.max(1, count) });
    return (page?.rows ?? []).map((r) => {
      const seen = api.current?.getRowNode(r.id)?.data;
      return { id: r.id, version: seen ? seen.version : r.version };
    });
  };

  /** Shows a row just created: at the top of a client-side grid, or where main sorts it. */
  const showCreated = (row: R) => {
    const grid = api.current;
    if (server) grid?.purgeInfiniteCache();
    else grid?.applyTransaction({ add: [row], addIndex: 0 });
    const node = grid?.getRowNode(row.id);
    if (node) {
      grid?.ensureNodeVisible(node);
      grid?.flashCells({ rowNodes: [node] });
    }
  };

  /** The client-side model counts what it shows; a paged grid's count is main's total. */
  const onModelUpdated = (grid: GridApi<R>) => {
    if (!server) setDisplayed(grid.getDisplayedRowCount());
  };

  return {
    server,
    rows,
    datasource,
    showDeleted,
    setShowDeleted,
    showingDeleted: () => deletedRef.current,
    displayed,
    onModelUpdated,
    quick,
    setQuickText,
    currentView,
    reload,
    putRow,
    showCreated,
    refresh,
    displayedNodes,
    rowsFrom,
  };
}

export type GridData<R extends GridRow> = ReturnType<typeof useGridData<R>>;
