import { AG_GRID_LOCALE_CN, AG_GRID_LOCALE_EN } from '@ag-grid-community/locale';
import type { GetRowIdParams, GridApi } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../shared/i18n';
import { useCan } from '../auth/session';
import { cspNonce } from '../nonce';
import type { Reference } from '../reference';
import { gridTheme } from './agGrid';
import { PAGE_ROWS } from './logic/view';
import { ColumnsMenu } from './ColumnsMenu';
import { UndoLog } from './dialogs/UndoLog';
import './editing.css';
import { GridDialogs } from './GridDialogs';
import { GridToolbar } from './GridToolbar';
import type { GridHandle, GridRow, GridSpec, Report, Status } from './spec';
import { StatusBar } from './StatusBar';
import { useBlankRow } from './useBlankRow';
import { useCellRange } from './useCellRange';
import { useCellSave } from './useCellSave';
import { useChecklists } from './useChecklists';
import { useClipboard } from './useClipboard';
import { useDeleteRestore } from './useDeleteRestore';
import { useFillAndBulk } from './useFillAndBulk';
import { useGridCommands } from './useGridCommands';
import { useGridColumns } from './useGridColumns';
import { useGridData } from './useGridData';
import { useGridOptions } from './useGridOptions';
import { useKeptState } from './useKeptState';
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
  // A viewer's grid is read-only: no editor opens, no write control shows (main refuses anyway).
  const canEdit = useCan('edit');
  const canDecide = useCan('decide');
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
  const checklists = useChecklists({ spec, api, data, ready: gridApi !== null });
  const showDeleted = data.showDeleted;
  const { columnDefs, headerOf } = useGridColumns({
    spec,
    lang,
    reference,
    showDeleted,
    canDecide,
    withCounts: checklists.withCounts,
  });
  const kept = useKeptState(spec.name, columnDefs);
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
  const editable = !data.showDeleted && canEdit;
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
    range,
    selectAll: selection.selectAll,
    ready: gridApi !== null,
    undoRedo: canEdit ? undo.undoRedo : () => Promise.resolve(),
    // A cell range fills down its top row; without one, the ticked rows take the first's value.
    fillDown: async () => {
      if (!canEdit) return;
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
        canEdit={canEdit}
        onUndo={() => void undo.undoRedo('undo')}
        onRedo={() => void undo.undoRedo('redo')}
        undoLogOpen={undo.undoLogOpen}
        onUndoLog={() => undo.setUndoLogOpen((o) => !o)}
        onBulk={canEdit && selected.length > 1 && live ? fill.openBulk : null}
        onDetails={onRowAction && selected.length === 1 && first ? () => onRowAction(first) : null}
        onCreate={canEdit && live && spec.renderCreate ? () => setCreating(true) : null}
        onDeleteOrRestore={selected.length > 0 ? removal.start : null}
      />
      {columnsOpen ? (
        <ColumnsMenu columns={columnDefs} api={gridApi} onReset={() => views.applyView('')} />
      ) : null}
      <div className="grid-body">
        <div
          ref={host}
          className="grid-host"
          onPaste={canEdit ? (e) => void clipboard.onPaste(e) : undefined}
          onCopy={(e) => range.onCopy(e) || clipboard.onCopy(e)}
          onKeyDownCapture={onKeyDown}
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
                  cacheBlockSize: PAGE_ROWS,
                  maxBlocksInCache: 50,
                  infiniteInitialRowCount: 1,
                }
              : { rowData: data.rows })}
            columnDefs={columnDefs}
            initialState={kept.initialState}
            onStateUpdated={kept.onStateUpdated}
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
        {canEdit && undo.undoLogOpen ? (
          <UndoLog
            grid={spec.name}
            generation={generation}
            onUndo={(id) => void undo.undoRedo('undo', id)}
            onRedo={(id) => void undo.undoRedo('redo', id)}
            onClose={() => undo.setUndoLogOpen(false)}
          />
        ) : null}
      </div>
      <StatusBar
        grid={spec.name}
        displayed={data.displayed}
        total={checklists.total}
        selected={selected.length}
        status={status}
        kept={cells.kept}
        onApplyAgain={() => void cells.applyAgain()}
      />
      <GridDialogs
        spec={spec}
        lang={lang}
        reference={reference}
        columnDefs={columnDefs}
        selectedCount={selected.length}
        creating={creating}
        onCreateClosed={() => setCreating(false)}
        onCreated={(row) => {
          setCreating(false);
          data.showCreated(row);
          report('saved', t('grid.saved'));
          changed();
        }}
        clipboard={clipboard}
        fill={fill}
        views={views}
        removal={removal}
      />
    </section>
  );
}
