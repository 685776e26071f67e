import type { ColDef, IRowNode, RowSelectionOptions, SelectionColumnDef } from 'ag-grid-community';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridRow, GridSpec } from './spec';

/**
 * The grid options AG Grid compares by identity, made once per change of what they depend on:
 * a new object each render would rebuild the columns and make a paged grid fetch its first
 * rows again.
 */
export function useGridOptions<R extends GridRow>({
  spec,
  editable,
  server,
  onlyFiltered,
}: {
  spec: GridSpec<R>;
  /** Cells open an editor: not for deleted rows, nor for a viewer (main would refuse). */
  editable: boolean;
  server: boolean;
  /** The screen's extra filter is on. */
  onlyFiltered: boolean;
}) {
  const { t } = useTranslation();
  const defaultColDef = useMemo<ColDef<R>>(
    () => ({
      editable: editable,
      sortable: true,
      resizable: true,
      filter: true,
    }),
    [editable],
  );
  const rowSelection = useMemo<RowSelectionOptions<R>>(
    () => ({
      mode: 'multiRow',
      checkboxes: true,
      // Selecting every row of a paged grid would select rows never loaded.
      headerCheckbox: !server,
      enableClickSelection: false,
    }),
    [server],
  );
  const selectionColumnDef = useMemo<SelectionColumnDef>(
    () => ({
      pinned: 'left',
      width: 44,
      // Named for screen readers; the name is hidden beside the checkboxes.
      headerName: t('grid.selectColumn'),
      headerClass: 'selection-header',
    }),
    [t],
  );
  // AG Grid runs its filters again when these change: a paged grid would fetch again.
  const isExternalFilterPresent = useCallback(
    () => Boolean(spec.filter && onlyFiltered),
    [spec.filter, onlyFiltered],
  );
  const doesExternalFilterPass = useCallback(
    (node: IRowNode<R>) => (spec.filter && node.data ? spec.filter.test(node.data) : true),
    [spec.filter],
  );

  return {
    defaultColDef,
    rowSelection,
    selectionColumnDef,
    isExternalFilterPresent,
    doesExternalFilterPass,
  };
}
