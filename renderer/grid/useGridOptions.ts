import type {
  CellClassRules,
  ColDef,
  IRowNode,
  RowSelectionOptions,
  SelectionColumnDef,
} from 'ag-grid-community';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectAllHeader } from './SelectAllHeader';
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
  cellClassRules,
  selectAll,
}: {
  spec: GridSpec<R>;
  /** Cells open an editor: not for deleted rows, nor for a viewer (main would refuse). */
  editable: boolean;
  server: boolean;
  /** The screen's extra filter is on. */
  onlyFiltered: boolean;
  /** Classes every cell may take (a cell range's); a stable object. */
  cellClassRules: CellClassRules<R>;
  /**
   * What a paged grid's header checkbox does (AG Grid's own cannot select unloaded rows); a
   * stable object, or the columns would be made again.
   */
  selectAll: { selectAll: () => Promise<void>; clear: () => void; isAll: () => boolean };
}) {
  const { t } = useTranslation();
  const defaultColDef = useMemo<ColDef<R>>(
    () => ({
      editable: editable,
      sortable: true,
      resizable: true,
      filter: true,
      cellClassRules,
    }),
    [editable, cellClassRules],
  );
  const rowSelection = useMemo<RowSelectionOptions<R>>(
    () => ({
      mode: 'multiRow',
      checkboxes: true,
      // A paged grid's header checkbox is SelectAllHeader: AG Grid's selects loaded rows only.
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
      ...(server ? { headerComponent: SelectAllHeader, headerComponentParams: selectAll } : {}),
    }),
    [t, server, selectAll],
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
