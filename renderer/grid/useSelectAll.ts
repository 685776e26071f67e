import type { GridApi, IRowNode, SelectionChangedEvent } from 'ag-grid-community';
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridRow, GridSpec, Report } from './spec';
import type { GridData } from './useGridData';

/**
 * Ctrl+A and the header checkbox select every row the grid shows, filtered and searched. A
 * client-side grid has them all; a paged grid (AG Grid's infinite model cannot select rows it
 * has not loaded) asks main for every row of its view, keeps them as the selection, and ticks
 * each one as its page loads. A tick or untick by the user ends that selection.
 */
export function useSelectAll<R extends GridRow>({
  spec,
  api,
  data,
  report,
  onSelected,
}: {
  spec: GridSpec<R>;
  api: RefObject<GridApi<R> | null>;
  data: GridData<R>;
  report: Report;
  /** The rows selected now, for the toolbar, the status bar and the delete dialog. */
  onSelected: (rows: R[]) => void;
}) {
  const { t } = useTranslation();
  // A paged grid's every row, while they are all selected.
  const all = useRef<R[] | null>(null);
  const ticking = useRef(false);
  // What the header checkbox's handlers read: they are made once (the columns depend on them).
  const latest = useRef({ spec, data, report, onSelected, t });
  useEffect(() => {
    latest.current = { spec, data, report, onSelected, t };
  });

  return useMemo(() => {
    /** Ticks the loaded rows of a paged grid's whole selection (a page just loaded, say). */
    const tickLoaded = () => {
      const grid = api.current;
      const rows = all.current;
      if (!grid || !rows) return;
      const ids = new Set(rows.map((r) => r.id));
      const nodes: IRowNode<R>[] = [];
      grid.forEachNode((n) => {
        if (n.data && ids.has(n.data.id) && !n.isSelected()) nodes.push(n);
      });
      if (nodes.length === 0) return;
      ticking.current = true;
      grid.setNodesSelected({ nodes, newValue: true });
      ticking.current = false;
    };

    const selectAll = async () => {
      const grid = api.current;
      const { spec, data, report, onSelected, t } = latest.current;
      if (!grid) return;
      if (!data.server || !spec.query) {
        grid.selectAll('filtered');
        report('idle', t('editing.allSelected', { count: grid.getSelectedRows().length }));
        return;
      }
      const total = data.displayed;
      if (total === 0) return;
      const page = await spec.query({ ...data.currentView(), offset: 0, limit: total });
      all.current = [...page.rows];
      tickLoaded();
      onSelected(all.current);
      report('idle', t('editing.allSelected', { count: all.current.length }));
    };

    const clear = () => {
      all.current = null;
      api.current?.deselectAll();
    };

    const onSelectionChanged = (event: SelectionChangedEvent<R>) => {
      const { onSelected } = latest.current;
      if (ticking.current && all.current) return onSelected(all.current);
      all.current = null;
      onSelected(event.api.getSelectedRows());
    };

    return {
      selectAll,
      clear,
      onSelectionChanged,
      /** A page of a paged grid loaded: its rows of the whole selection are ticked. */
      onRowsLoaded: tickLoaded,
      /** The view changed (a filter, a search): a whole selection no longer means its rows. */
      reset: () => {
        if (all.current) clear();
      },
      isAll: () => all.current !== null,
    };
  }, [api]);
}
