import { AG_GRID_LOCALE_CN, AG_GRID_LOCALE_EN } from '@ag-grid-community/locale';
import type { ColDef, GetRowIdParams, GridApi } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../shared/i18n';
import { useSession } from '../auth/session';
import { cspNonce } from '../nonce';
import type { Reference } from '../reference';
import { gridTheme } from './agGrid';
import { ColumnsMenu } from './ColumnsMenu';
import { withRefusals } from './columns';
import { BulkDialog } from './dialogs/BulkDialog';
import { DeleteDialog } from './dialogs/DeleteDialog';
import { NameDialog } from './dialogs/NameDialog';
import { PasteErrors } from './dialogs/PasteErrors';
import { UndoLog } from './dialogs/UndoLog';
import './editing.css';
import { GridToolbar } from './GridToolbar';
import type { GridHandle, GridRow, GridSpec, Report, Status } from './spec';
import { StatusBar } from './StatusBar';
import { useBlankRow } from './useBlankRow';
import { useCellRange } from './useCellRange';
import { useCellSave } from './useCellSave';
import { useClipboard } from './useClipboard';
import { useDeleteRestore } from './useDeleteRestore';
import { useFillAndBulk } from './useFillAndBulk';
import { useGridCommands } from './useGridCommands';
import { useGridData } from './useGridData';
import { useGridOptions } from './useGridOptions';
import { useLiveRefresh } from './useLiveRefresh';
import { useSavedViews } from './useSavedViews';
import { useSelectAll } from './useSelectAll';
import { useTypeToEdit } from './useTypeToEdit';
import { useUndoRedo } from './useUndoRedo';

/** A registry as a spreadsheet: the spec says what its records are, the hooks do the rest. */
export function RegistryGrid<R extends GridRow>({
  spec,
  lang,
  reference,
  toolbar,
  onRowAction,
}: {
  spec: GridSpec<R>;
  lang: Lang;
  reference: Reference;
  /** The screen's own toolbar controls (Import, Export), given the grid they act on. */
  toolbar?: (grid: GridHandle<R>) => ReactNode;
  /** Opens a row's detail panel. */
  onRowAction?: (row: R) => void;
}) {
  const { t } = useTranslation();
  // A viewer's cells do not open an editor (main would refuse the write anyway).
  const viewer = useSession()?.who.staff?.role === 'viewer';
  const api = useRef<GridApi<R> | null>(null);
  // The same api as state, for what renders from it (the toolbar, the columns menu).
  const [gridApi, setGridApi] = useState<GridApi<R> | null>(null);
  const [selected, setSelected] = useState<R[]>([]);
  const [status, setStatus] = useState<Status>({ kind: 'idle', text: '' });
  const [creating, setCreating] = useState(false);
  const [columnsOpen, setColumnsOpen] = useState(false);
  const [onlyFiltered, setOnlyFiltered] = useState(false);
  // Bumped by every change made here: the undo log and the views list read again.
  const [generation, setGeneration] = useState(0);
  const changed = useCallback(() => setGeneration((n) => n + 1), []);
  const report = useCallback<Report>((kind, text) => setStatus({ kind, text }), []);
  const searchBox = useRef<HTMLInputElement>(null);
  const host = useRef<HTMLDivElement>(null);

  const data = useGridData(spec, api);
  const showDeleted = data.showDeleted;
  const columnDefs = useMemo(() => {
    const columns = spec.columns(lang, reference).map(withRefusals);
    if (!showDeleted) return columns;
    // The deleted rows say when and by whom (main reads who from the audit log).
    const when = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    const trash: ColDef<R>[] = [
      {
        colId: 'deleted_at',
        headerName: t('grid.deletedAt'),
        valueGetter: (p) => p.data?.deleted_at ?? null,
        valueFormatter: (p) => (typeof p.value === 'string' ? when.format(new Date(p.value)) : ''),
        width: 170,
        sortable: false,
        filter: false,
      },
      {
        colId: 'deleted_by',
        headerName: t('grid.deletedBy'),
        valueGetter: (p) => p.data?.deleted_by ?? null,
        width: 120,
        sortable: false,
        filter: false,
      },
    ];
    return [...columns, ...trash];
  }, [spec, lang, reference, showDeleted, t]);
  const headerOf = useCallback(
    (id: string) => columnDefs.find((c) => c.colId === id)?.headerName ?? id,
    [columnDefs],
  );
  const shared = { spec, api, data, lang, report, changed };
  const cells = useCellSave(shared);
  // Other clients' changes, once a second, never over a row being edited here.
  useLiveRefresh<R>({
    api,
    name: spec.name,
    server: data.server,
    showingDeleted: data.showingDeleted,
    kept: cells.keptRows,
    get: (id) => spec.get(id),
  });
  const views = useSavedViews({ ...shared, generation });
  const undo = useUndoRedo({ ...shared, dropKept: cells.dropKept });
  const clipboard = useClipboard({ ...shared, headerOf });
  const fill = useFillAndBulk({ ...shared, settled: cells.settled });
  const removal = useDeleteRestore({ ...shared, clearSelection: () => setSelected([]) });
  // Spreadsheet editing: type (an input method too) into a cell, the blank row, cell ranges.
  const editable = !data.showDeleted && !viewer;
  useTypeToEdit({ api, host, ready: gridApi !== null, editable });
  const blank = useBlankRow({
    ...shared,
    enabled: editable,
    headerOf,
  });
  const range = useCellRange({
    ...shared,
    context: cells.context,
    editable,
    headerOf,
    settled: cells.settled,
    showIssues: clipboard.showIssues,
    recount: cells.recount,
  });
  const selection = useSelectAll({ ...shared, onSelected: setSelected });
  const { onKeyDown } = useGridCommands({
    api,
    ready: gridApi !== null,
    undoRedo: undo.undoRedo,
    // A cell range fills down its top row; without one, the ticked rows take the first's value.
    fillDown: async () => {
      if (!(await range.fillDown())) await fill.fillDown();
    },
    searchBox,
    resetLayout: () => views.applyView(''),
  });

  const options = useGridOptions({
    spec,
    editable,
    server: data.server,
    onlyFiltered,
    cellClassRules: range.cellClassRules,
    selectAll: selection,
  });
  /** The range's keys and Ctrl+A first, then the menu's accelerators. */
  const onGridKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (range.onKeyDown(event)) {
      event.preventDefault();
      event.stopPropagation();
      return;
    }
    const ctrl = event.ctrlKey || event.metaKey;
    if (ctrl && !event.shiftKey && event.key.toLowerCase() === 'a') {
      if ((api.current?.getEditingCells().length ?? 0) > 0) return;
      event.preventDefault();
      event.stopPropagation();
      void selection.selectAll();
      return;
    }
    onKeyDown(event);
  };

  if (data.rows === null) return <p className="loading">{t('app.loading')}</p>;
  // An empty registry says how to begin; a filter or search that hides every row does not.
  const empty =
    editable &&
    data.displayed === 0 &&
    data.quick === '' &&
    !onlyFiltered &&
    !(gridApi?.isAnyFilterPresent() ?? false);
  const first = selected[0];
  const live = !data.showDeleted;
  const handle: GridHandle<R> = {
    api: gridApi,
    name: spec.name,
    lang,
    view: data.server ? data.currentView : undefined,
    report,
    reload: () => {
      data.reload();
      changed();
    },
  };

  return (
    <section className="grid-screen" aria-label={t(spec.title)}>
      <GridToolbar
        grid={spec.name}
        title={t(spec.title)}
        searchBox={searchBox}
        quick={data.quick}
        onQuick={(text) => {
          // A paged grid's whole selection was of the rows the old search showed.
          selection.reset();
          data.setQuickText(text);
        }}
        showDeleted={data.showDeleted}
        onShowDeleted={data.setShowDeleted}
        filter={
          spec.filter
            ? {
                label: spec.filter.label,
                on: onlyFiltered,
                onChange: (on) => {
                  setOnlyFiltered(on);
                  setTimeout(() => api.current?.onFilterChanged(), 0);
                },
              }
            : null
        }
        views={views.views}
        view={views.view}
        onView={views.applyView}
        onSaveView={views.startNaming}
        columnsOpen={columnsOpen}
        onColumns={() => setColumnsOpen((o) => !o)}
        extra={toolbar?.(handle)}
        onUndo={() => void undo.undoRedo('undo')}
        onRedo={() => void undo.undoRedo('redo')}
        undoLogOpen={undo.undoLogOpen}
        onUndoLog={() => undo.setUndoLogOpen((o) => !o)}
        onBulk={selected.length > 1 && live ? fill.openBulk : null}
        onDetails={onRowAction && selected.length === 1 && first ? () => onRowAction(first) : null}
        onCreate={live && spec.renderCreate ? () => setCreating(true) : null}
        onDeleteOrRestore={selected.length > 0 ? removal.start : null}
      />
      {columnsOpen ? (
        <ColumnsMenu columns={columnDefs} api={gridApi} onReset={() => views.applyView('')} />
      ) : null}
      <div className="grid-body">
        <div
          ref={host}
          className="grid-host"
          onPaste={(e) => void clipboard.onPaste(e)}
          onCopy={(e) => range.onCopy(e) || clipboard.onCopy(e)}
          onKeyDownCapture={onGridKeyDown}
          onPointerDownCapture={range.onPointerDownCapture}
          onClickCapture={range.onClickCapture}
          onMouseOverCapture={range.onMouseOverCapture}
        >
          <AgGridReact<R>
            theme={gridTheme}
            styleNonce={cspNonce()}
            localeText={lang === 'zh' ? AG_GRID_LOCALE_CN : AG_GRID_LOCALE_EN}
            rowModelType={data.server ? 'infinite' : 'clientSide'}
            {...(data.server
              ? {
                  datasource: data.datasource,
                  cacheBlockSize: 200,
                  maxBlocksInCache: 50,
                  infiniteInitialRowCount: 40,
                }
              : { rowData: data.rows })}
            columnDefs={columnDefs}
            context={cells.context}
            getRowId={(p: GetRowIdParams<R>) => p.data.id}
            defaultColDef={options.defaultColDef}
            pinnedBottomRowData={blank.rows}
            getRowClass={(p) => (p.node.rowPinned === 'bottom' ? 'blank-row' : undefined)}
            suppressNoRowsOverlay={empty}
            readOnlyEdit
            onCellEditRequest={(e) =>
              void (e.node.rowPinned ? blank.onCellEditRequest(e) : cells.onCellEditRequest(e))
            }
            onCellFocused={range.onCellFocused}
            onFilterChanged={() => {
              range.reset();
              selection.reset();
            }}
            onSortChanged={range.reset}
            enterNavigatesVertically
            enterNavigatesVerticallyAfterEdit
            stopEditingWhenCellsLoseFocus
            suppressColumnVirtualisation
            isExternalFilterPresent={options.isExternalFilterPresent}
            doesExternalFilterPass={options.doesExternalFilterPass}
            rowSelection={options.rowSelection}
            selectionColumnDef={options.selectionColumnDef}
            onSelectionChanged={selection.onSelectionChanged}
            onGridReady={(e) => {
              api.current = e.api;
              setGridApi(e.api);
            }}
            onModelUpdated={(e) => {
              data.onModelUpdated(e.api);
              selection.onRowsLoaded();
            }}
          />
          {empty ? (
            <div className="grid-empty" role="note">
              <strong>{t('editing.emptyTitle')}</strong>
              <span>{t('editing.emptyHint')}</span>
            </div>
          ) : null}
        </div>
        {undo.undoLogOpen ? (
          <UndoLog
            grid={spec.name}
            generation={generation}
            onUndo={(id) => void undo.undoRedo('undo', id)}
            onRedo={(id) => void undo.undoRedo('redo', id)}
            onClose={() => undo.setUndoLogOpen(false)}
          />
        ) : null}
      </div>
      {clipboard.pasteIssues ? (
        <PasteErrors
          issues={clipboard.pasteIssues}
          title={clipboard.issueTitle}
          onClose={clipboard.dismissPasteIssues}
        />
      ) : null}
      <StatusBar
        grid={spec.name}
        displayed={data.displayed}
        selected={selected.length}
        status={status}
        kept={cells.kept}
        onApplyAgain={() => void cells.applyAgain()}
      />
      {creating && spec.renderCreate
        ? spec.renderCreate({
            lang,
            reference,
            onClose: () => setCreating(false),
            onCreated: (row) => {
              setCreating(false);
              data.showCreated(row);
              report('saved', t('grid.saved'));
              changed();
            },
          })
        : null}
      {fill.bulkOpen ? (
        <BulkDialog
          columns={columnDefs
            .filter((c) => c.editable !== false)
            .map((c) => ({ id: c.colId ?? '', name: c.headerName ?? '' }))}
          count={selected.length}
          onApply={fill.bulkSelected}
          onClose={fill.closeBulk}
        />
      ) : null}
      {views.naming ? (
        <NameDialog
          title={t('views.save')}
          label={t('views.name')}
          onSave={views.saveView}
          onClose={views.stopNaming}
        />
      ) : null}
      {removal.confirming && first ? (
        <DeleteDialog
          grid={spec.name}
          count={selected.length}
          one={spec.confirmDelete(first, t)}
          onConfirm={removal.confirm}
          onCancel={removal.cancel}
        />
      ) : null}
    </section>
  );
}
