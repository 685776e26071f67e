import { AG_GRID_LOCALE_CN, AG_GRID_LOCALE_EN } from '@ag-grid-community/locale';
import {
  AllCommunityModule,
  ModuleRegistry,
  themeQuartz,
  type CellEditRequestEvent,
  type ColDef,
  type RowSelectionOptions,
  type SelectionColumnDef,
  type ColumnState,
  type GetRowIdParams,
  type GridApi,
  type IDatasource,
  type IRowNode,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import type { TFunction } from 'i18next';
import {
  useCallback,
  useEffect,
  useMemo,
  useEffectEvent,
  useRef,
  useState,
  type ClipboardEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../shared/i18n';
import { formatMessage } from '../../shared/i18n';
import type { GridName, SavedView } from '../../shared/ipc/grid';
import type { Page } from '../../shared/model';
import type { WireError, WireResult } from '../../shared/result';
import { attempt, call } from '../api/client';
import { ConfirmDialog } from '../components/Dialog';
import { errorText } from '../i18n';
import { cspNonce } from '../nonce';
import type { Reference } from '../reference';
import { toTsv } from './clipboard';
import { cellKey, withRefusals, type CellError, type GridContext } from './columns';
import { BulkDialog, HistoryPanel, NameDialog, PasteErrors, type PasteIssue } from './GridParts';
import { ExportMenu } from '../interchange/ExportMenu';
import { useLiveRefresh } from './liveRefresh';
import { useSession } from '../auth/session';
import { ImportWizard } from '../interchange/ImportWizard';
import { gridKeyCommand, shortcutHint, type PageCommand } from '../../shared/commands';
import { takeDeferred, typingInField, useCommands } from '../desktop/commands';

ModuleRegistry.registerModules([AllCommunityModule]);

export const gridTheme = themeQuartz.withParams({
  // The app's own stack (styles.css): in English its curly quotes come from a Latin font.
  fontFamily: 'var(--app-font)',
  fontSize: 13,
  headerFontWeight: 600,
  rowHeight: 32,
  headerHeight: 36,
  accentColor: '#b3261e',
});

export interface GridRow {
  readonly id: string;
  readonly version: number;
  readonly deleted_at: string | null;
}

/** What a registry grid needs to know about its records; the grid does the rest. */
export interface GridSpec<R extends GridRow> {
  readonly name: GridName;
  /** i18n key of the screen title. */
  readonly title: string;
  columns(lang: Lang, reference: Reference): ColDef<R>[];
  /** A small registry: every row at once, sorted and filtered in the grid. */
  list?(deleted: boolean): Promise<R[]>;
  /**
   * A large registry (50,000 ties, 200,000 visits): pages from main, which sorts, filters and
   * searches in SQL (AG Grid's infinite row model).
   */
  query?(view: ServerView & { offset: number; limit: number }): Promise<Page<R>>;
  get(id: string): Promise<WireResult<R>>;
  update(row: R, column: string, value: unknown): Promise<WireResult<R>>;
  setDeleted(row: R, deleted: boolean): Promise<WireResult<R>>;
  /** The question asked before deleting one row. */
  confirmDelete(row: R, t: TFunction): string;
  /** A dialog to add a record, if the grid has one. */
  renderCreate?(props: {
    lang: Lang;
    reference: Reference;
    onClose: () => void;
    onCreated: (row: R) => void;
  }): ReactNode;
  /** Extra filter the screen offers (the approvals' “waiting only”). */
  readonly filter?: { readonly label: string; readonly test: (row: R) => boolean };
}

type Status = { kind: 'idle' | 'saving' | 'saved' | 'error'; text: string };

/** What a server-paged grid shows: its sort, column filters, quick search and deleted flag. */
export interface ServerView {
  readonly sort: { colId: string; sort: 'asc' | 'desc' }[];
  readonly filter: Record<string, unknown>;
  readonly quick: string;
  readonly deleted: boolean;
}

interface ViewState {
  columnState: ColumnState[];
  filterModel: Record<string, unknown>;
  quick: string;
}

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
  /** Extra toolbar controls (import, export…), given the grid's api once it is ready. */
  toolbar?: (api: GridApi<R> | null) => ReactNode;
  /** Opens a row's detail panel. */
  onRowAction?: (row: R) => void;
}) {
  const { t } = useTranslation();
  // A viewer's cells do not open an editor (main would refuse the write anyway).
  const viewer = useSession()?.who.staff?.role === 'viewer';
  // A server-paged grid has no rows of its own to wait for.
  const [rows, setRows] = useState<R[] | null>(() => (spec.query ? [] : null));
  const [showDeleted, setShowDeleted] = useState(false);
  const [onlyFiltered, setOnlyFiltered] = useState(false);
  const [displayed, setDisplayed] = useState(0);
  const [selected, setSelected] = useState<R[]>([]);
  const [status, setStatus] = useState<Status>({ kind: 'idle', text: '' });
  const [creating, setCreating] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [bulk, setBulk] = useState(false);
  const [naming, setNaming] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [columnsOpen, setColumnsOpen] = useState(false);
  const [historyGeneration, setHistoryGeneration] = useState(0);
  const [pasteIssues, setPasteIssues] = useState<PasteIssue[] | null>(null);
  const [views, setViews] = useState<readonly SavedView[]>([]);
  const [view, setView] = useState('');
  const [quick, setQuick] = useState('');
  const [reloads, setReloads] = useState(0);
  // How many refused values the cells are holding; the status bar offers to apply them again.
  const [kept, setKept] = useState(0);
  const [importing, setImporting] = useState(false);
  const api = useRef<GridApi<R> | null>(null);
  // The same api as state, for what renders from it (the toolbar, the columns menu).
  const [gridApi, setGridApi] = useState<GridApi<R> | null>(null);
  const context = useMemo<GridContext>(
    () => ({
      errors: new Map<string, CellError>(),
      rowChanged: (row) => {
        api.current?.applyTransaction({ update: [row as R] });
        setHistoryGeneration((n) => n + 1);
      },
    }),
    [],
  );

  const server = spec.query !== undefined;
  // Read by the datasource, which AG Grid keeps for the grid's life.
  const quickRef = useRef('');
  const deletedRef = useRef(false);
  const quickTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const exportBox = useRef<HTMLSelectElement>(null);

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
  }, [spec, server, showDeleted, reloads]);

  // Other clients' changes, once a second, never over a row being edited here.
  useLiveRefresh<R>({
    api,
    name: spec.name,
    server,
    showingDeleted: () => deletedRef.current,
    kept: () => new Set([...context.errors.keys()].map((key) => key.slice(0, key.indexOf(':')))),
    get: (id) => spec.get(id),
  });

  /** The grid's view as main reads it (sort from the column state). */
  const currentView = useCallback((): ServerView => {
    const grid = api.current;
    const sort = (grid?.getColumnState() ?? [])
      .filter((c) => c.sort)
      .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
      .map((c) => ({ colId: c.colId, sort: c.sort as 'asc' | 'desc' }));
    return {
      sort,
      filter: (grid?.getFilterModel() ?? {}) as Record<string, unknown>,
      quick: quickRef.current,
      deleted: deletedRef.current,
    };
  }, []);

  const datasource = useMemo<IDatasource | undefined>(
    () =>
      spec.query
        ? {
            getRows: (params) => {
              const view: ServerView = {
                sort: params.sortModel.map((s) => ({ colId: s.colId, sort: s.sort })),
                filter: params.filterModel as Record<string, unknown>,
                quick: quickRef.current,
                deleted: deletedRef.current,
              };
              void spec
                .query?.({
                  ...view,
                  offset: params.startRow,
                  limit: params.endRow - params.startRow,
                })
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

  useEffect(() => {
    let live = true;
    void call('views:list', { grid: spec.name }).then((list) => {
      if (live) setViews(list);
    });
    return () => {
      live = false;
    };
  }, [spec.name, historyGeneration]);

  const columnDefs = useMemo(
    () => spec.columns(lang, reference).map(withRefusals),
    [spec, lang, reference],
  );
  // Options AG Grid compares by identity: a new object each render would rebuild the columns
  // and make a paged grid fetch its first rows again.
  const defaultColDef = useMemo<ColDef<R>>(
    () => ({ editable: !showDeleted && !viewer, sortable: true, resizable: true, filter: true }),
    [showDeleted, viewer],
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
  const headerOf = useCallback(
    (id: string) => columnDefs.find((c) => c.colId === id)?.headerName ?? id,
    [columnDefs],
  );
  const reload = () => {
    if (server) api.current?.purgeInfiniteCache();
    else setReloads((n) => n + 1);
  };
  const changed = () => setHistoryGeneration((n) => n + 1);

  const putRow = (row: R) => {
    const hidden = (row.deleted_at !== null) !== showDeleted;
    if (!server) {
      api.current?.applyTransaction(hidden ? { remove: [row] } : { update: [row] });
      return;
    }
    if (hidden) api.current?.purgeInfiniteCache();
    else api.current?.getRowNode(row.id)?.setData(row);
  };

  const wireText = (error: WireError) => errorText(error, lang);

  const onCellEditRequest = async (event: CellEditRequestEvent<R>) => {
    const row = event.data;
    const column = event.colDef.colId ?? event.colDef.field;
    if (!row || !column) return;
    const key = cellKey(row.id, column);
    const raw = event.newValue;
    // Leaving a cell unchanged saves nothing, unless it holds a refused value being applied again.
    if (raw === event.oldValue && !context.errors.has(key)) return;
    setStatus({ kind: 'saving', text: t('ties.saving') });
    const result = await spec.update(row, column, raw === undefined ? null : raw);
    if (result.ok) {
      context.errors.delete(key);
      setKept(context.errors.size);
      putRow(result.value);
      api.current?.refreshCells({ rowNodes: [event.node], force: true });
      setStatus({ kind: 'saved', text: t('ties.saved') });
      changed();
      return;
    }
    const conflict = result.error.code === 'conflict' && result.error.current;
    if (conflict) putRow(result.error.current as R);
    const message = conflict ? t('grid.conflict') : wireText(result.error);
    context.errors.set(key, {
      value: Array.isArray(raw) ? raw.join(', ') : String(raw ?? ''),
      message,
    });
    setKept(context.errors.size);
    api.current?.refreshCells({ rowNodes: [event.node], columns: [column], force: true });
    setStatus({ kind: 'error', text: t('ties.refused', { message }) });
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

  const refresh = async (ids: readonly string[]) => {
    if (ids.length > 200) return reload();
    if (server && ids.some((id) => !api.current?.getRowNode(id))) {
      // A row that is not loaded (a new one, say) may belong anywhere in the order.
      api.current?.purgeInfiniteCache();
      return;
    }
    for (const id of ids) {
      const r = await spec.get(id);
      if (r.ok) {
        if (api.current?.getRowNode(id)) putRow(r.value);
        else if ((r.value.deleted_at !== null) === showDeleted)
          api.current?.applyTransaction({ add: [r.value] });
      }
    }
  };

  const undoRedo = async (direction: 'undo' | 'redo', id?: string) => {
    const result = await attempt(
      direction === 'undo' ? 'undo:undo' : 'undo:redo',
      id ? { id } : { scope: spec.name },
    );
    if (!result.ok) {
      setStatus({
        kind: 'error',
        text:
          result.error.code === 'not_found'
            ? t(direction === 'undo' ? 'grid.nothingToUndo' : 'grid.nothingToRedo')
            : wireText(result.error),
      });
      return;
    }
    const label = t(result.value.command.label, {
      ...result.value.command.params,
      count: Number(result.value.command.params.count ?? 1),
    });
    setStatus({
      kind: 'saved',
      text: t(direction === 'undo' ? 'grid.undoDone' : 'grid.redoDone', { label }),
    });
    context.errors.clear();
    setKept(0);
    const entity = { ties: 'tie', letters: 'letter', steps: 'step', visits: 'visit' }[spec.name];
    await refresh([
      ...new Set(result.value.touched.filter((x) => x.entity === entity).map((x) => x.id)),
    ]);
    api.current?.refreshCells({ force: true });
    changed();
  };

  /**
   * Sends every kept value again against the rows as they are now: after a conflict, the user
   * has seen the colleague's values and chooses to put theirs back.
   */
  const applyAgain = async () => {
    for (const [key, error] of [...context.errors]) {
      const [id, column] = key.split(':') as [string, string];
      const node = api.current?.getRowNode(id);
      if (!node?.data) continue;
      const result = await spec.update(node.data, column, error.value);
      if (result.ok) {
        context.errors.delete(key);
        putRow(result.value);
        setStatus({ kind: 'saved', text: t('ties.saved') });
        changed();
      } else {
        context.errors.set(key, { value: error.value, message: wireText(result.error) });
        setStatus({ kind: 'error', text: t('ties.refused', { message: wireText(result.error) }) });
      }
      api.current?.refreshCells({ rowNodes: [node], force: true });
    }
    setKept(context.errors.size);
  };

  const onPaste = async (event: ClipboardEvent<HTMLDivElement>) => {
    const grid = api.current;
    if (!grid || showDeleted || grid.getEditingCells().length > 0) return;
    const focused = grid.getFocusedCell();
    if (!focused) return;
    const text = event.clipboardData.getData('text/plain');
    if (!text) return;
    event.preventDefault();
    const all = grid.getAllDisplayedColumns();
    const start = all.findIndex((c) => c.getColId() === focused.column.getColId());
    const columns = all
      .slice(start)
      .map((c) => c.getColId())
      .filter((c) => c !== 'ag-Grid-SelectionColumn');
    setStatus({ kind: 'saving', text: t('ties.saving') });
    // Every line break is at most one row (quoted ones are fewer): enough rows to fill.
    const lines = text.replace(/\r?\n$/, '').split('\n').length;
    const rows = await rowsFrom(focused.rowIndex, lines);
    const result = await attempt('grid:paste', { grid: spec.name, columns, rows, text });
    if (!result.ok) {
      setPasteIssues(
        (result.error.details ?? []).map((d) => ({
          row: focused.rowIndex + Number(d.path[0] ?? 0) + 1,
          column: headerOf(String(d.path[1] ?? '')),
          value: String(d.params.value ?? ''),
          reason: formatMessage(d.key, d.params, lang),
        })),
      );
      setStatus({
        kind: 'error',
        text: t('grid.pasteRefused', { count: result.error.details?.length ?? 1 }),
      });
      return;
    }
    setPasteIssues(null);
    setStatus({ kind: 'saved', text: t('grid.pasted', { count: result.value.cells }) });
    await refresh([
      ...rows.slice(0, result.value.updated).map((r) => r.id),
      ...result.value.createdIds,
    ]);
    changed();
  };

  const onCopy = (event: ClipboardEvent<HTMLDivElement>) => {
    const grid = api.current;
    if (!grid || grid.getEditingCells().length > 0) return;
    const columns = grid
      .getAllDisplayedColumns()
      .filter((c) => c.getColId() !== 'ag-Grid-SelectionColumn');
    const text = (node: IRowNode<R>, colId: string) => {
      const col = grid.getColumn(colId);
      if (!col) return '';
      const value = grid.getCellValue({ rowNode: node, colKey: col, useFormatter: true });
      return value === null || value === undefined ? '' : String(value);
    };
    const chosen = displayedNodes().filter((n) => n.isSelected());
    let tsv: string;
    if (chosen.length > 0) {
      tsv = toTsv(chosen.map((n) => columns.map((c) => text(n, c.getColId()))));
      setStatus({ kind: 'saved', text: t('grid.copied', { count: chosen.length }) });
    } else {
      const focused = grid.getFocusedCell();
      const node = focused ? grid.getDisplayedRowAtIndex(focused.rowIndex) : undefined;
      if (!focused || !node) return;
      tsv = toTsv([[text(node, focused.column.getColId())]]);
    }
    event.clipboardData.setData('text/plain', tsv);
    event.preventDefault();
  };

  const bulkSet = async (column: string, value: unknown, targets: readonly R[]) => {
    setBulk(false);
    if (targets.length === 0) return;
    const result = await attempt('grid:bulk', {
      grid: spec.name,
      column,
      value,
      rows: targets.map((r) => ({ id: r.id, version: r.version })),
    });
    if (!result.ok) {
      setStatus({ kind: 'error', text: t('ties.refused', { message: wireText(result.error) }) });
      return;
    }
    setStatus({ kind: 'saved', text: t('ties.saved') });
    await refresh(targets.map((r) => r.id));
    changed();
  };

  const fillDown = async () => {
    const grid = api.current;
    const focused = grid?.getFocusedCell();
    if (!grid || !focused) return;
    const chosen = displayedNodes()
      .filter((n) => n.isSelected())
      .map((n) => n.data as R);
    if (chosen.length < 2) return;
    const column = focused.column.getColId();
    const first = chosen[0] as R;
    const value = (first as Record<string, unknown>)[column];
    await bulkSet(column, value, chosen.slice(1));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if ((api.current?.getEditingCells().length ?? 0) > 0) return;
    // The same keys as the menu's accelerators (shared/commands.ts); handled here first, so
    // the desktop menu does not act on them again.
    const command = gridKeyCommand(event);
    if (!command) return;
    event.preventDefault();
    if (command === 'fillDown') void fillDown();
    else void undoRedo(command);
  };

  const applyView = (name: string) => {
    setView(name);
    const grid = api.current;
    if (!grid) return;
    const chosen = views.find((v) => v.name === name);
    if (!chosen) {
      grid.resetColumnState();
      grid.setFilterModel(null);
      setQuick('');
      quickRef.current = '';
      if (server) grid.purgeInfiniteCache();
      else grid.setGridOption('quickFilterText', '');
      return;
    }
    const state = chosen.state as Partial<ViewState>;
    if (state.columnState) grid.applyColumnState({ state: state.columnState, applyOrder: true });
    grid.setFilterModel(state.filterModel ?? null);
    setQuick(state.quick ?? '');
    quickRef.current = state.quick ?? '';
    if (server) grid.purgeInfiniteCache();
    else grid.setGridOption('quickFilterText', state.quick ?? '');
  };

  const saveView = async (name: string) => {
    setNaming(false);
    const grid = api.current;
    if (!grid) return;
    const state: ViewState = {
      columnState: grid.getColumnState(),
      filterModel: grid.getFilterModel() as Record<string, unknown>,
      quick,
    };
    const result = await attempt('views:save', {
      grid: spec.name,
      name,
      state: state as unknown as Record<string, unknown>,
    });
    if (result.ok) {
      setView(name);
      setStatus({ kind: 'saved', text: t('views.saved', { name }) });
      changed();
    } else setStatus({ kind: 'error', text: wireText(result.error) });
  };

  const deleteSelected = async () => {
    setConfirmDelete(false);
    // The rows as they are now (an edit since selecting them moved their versions on).
    for (const row of api.current?.getSelectedRows() ?? []) {
      const result = await spec.setDeleted(row, !showDeleted);
      if (!result.ok)
        setStatus({ kind: 'error', text: t('ties.refused', { message: wireText(result.error) }) });
      else if (!server) api.current?.applyTransaction({ remove: [result.value] });
    }
    // A paged grid keeps selections by id across reloads: the rows just moved are not chosen.
    api.current?.deselectAll();
    if (server) api.current?.purgeInfiniteCache();
    setSelected([]);
    changed();
  };

  // The menu's commands (native or in-app) act on this grid while it is in front.
  const command = (c: PageCommand): boolean => {
    switch (c) {
      case 'undo':
      case 'redo':
        if (typingInField()) return false;
        void undoRedo(c);
        return true;
      case 'fillDown':
        void fillDown();
        return true;
      case 'find':
        searchBox.current?.focus();
        searchBox.current?.select();
        return true;
      case 'import':
        setImporting(true);
        return true;
      case 'export':
        exportBox.current?.focus();
        try {
          exportBox.current?.showPicker();
        } catch {
          // Without a user gesture (the native menu) the list stays closed but has focus.
        }
        return true;
      case 'layout:reset':
        applyView('');
        return true;
      default:
        return false;
    }
  };
  useCommands(command);
  const onReady = useEffectEvent(() => {
    const deferred = takeDeferred(['undo', 'redo', 'fillDown', 'find', 'import', 'export']);
    if (deferred) command(deferred);
  });
  useEffect(() => {
    if (!gridApi) return undefined;
    const soon = setTimeout(() => onReady(), 0);
    return () => clearTimeout(soon);
  }, [gridApi]);

  if (rows === null) return <p className="loading">{t('app.loading')}</p>;
  const first = selected[0];
  const editableColumns = columnDefs
    .filter((c) => c.editable !== false)
    .map((c) => ({ id: c.colId ?? '', name: c.headerName ?? '' }));
  const filter = spec.filter;

  return (
    <section className="grid-screen" aria-label={t(spec.title)}>
      <div className="toolbar">
        <h1>{t(spec.title)}</h1>
        <input
          ref={searchBox}
          type="search"
          className="quick-search"
          aria-label={t('ties.searchLabel')}
          placeholder={t('ties.search')}
          value={quick}
          onChange={(e) => {
            setQuick(e.target.value);
            quickRef.current = e.target.value;
            if (!server) api.current?.setGridOption('quickFilterText', e.target.value);
            else {
              if (quickTimer.current) clearTimeout(quickTimer.current);
              quickTimer.current = setTimeout(() => api.current?.purgeInfiniteCache(), 250);
            }
          }}
        />
        <label className="toggle">
          <input
            type="checkbox"
            checked={showDeleted}
            onChange={(e) => setShowDeleted(e.target.checked)}
          />
          {t('ties.showDeleted')}
        </label>
        {filter ? (
          <label className="toggle">
            <input
              type="checkbox"
              checked={onlyFiltered}
              onChange={(e) => {
                setOnlyFiltered(e.target.checked);
                setTimeout(() => api.current?.onFilterChanged(), 0);
              }}
            />
            {t(filter.label)}
          </label>
        ) : null}
        <label className="toggle">
          <span>{t('views.label')}</span>
          <select
            aria-label={t('views.label')}
            value={view}
            onChange={(e) => applyView(e.target.value)}
          >
            <option value="">{t('views.default')}</option>
            {views.map((v) => (
              <option key={v.id} value={v.name}>
                {v.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => setNaming(true)}>
          {t('views.save')}
        </button>
        <button type="button" aria-expanded={columnsOpen} onClick={() => setColumnsOpen((o) => !o)}>
          {t('views.columns')}
        </button>
        <span className="spacer" />
        {toolbar?.(gridApi)}
        <button type="button" onClick={() => setImporting(true)}>
          {t('import.wizard.open')}
        </button>
        <ExportMenu
          selectRef={exportBox}
          view={server ? currentView : undefined}
          api={() => api.current}
          grid={spec.name}
          lang={lang}
          onDone={(text, ok) => setStatus({ kind: ok ? 'saved' : 'error', text })}
        />
        <button type="button" onClick={() => void undoRedo('undo')} title={shortcutHint('undo')}>
          {t('undo.undo')}
        </button>
        <button type="button" onClick={() => void undoRedo('redo')} title={shortcutHint('redo')}>
          {t('undo.redo')}
        </button>
        <button type="button" aria-pressed={historyOpen} onClick={() => setHistoryOpen((o) => !o)}>
          {t('undo.title')}
        </button>
        {selected.length > 1 && !showDeleted ? (
          <button type="button" onClick={() => setBulk(true)}>
            {t('grid.bulkTitle')}
          </button>
        ) : null}
        {onRowAction && selected.length === 1 && first ? (
          <button type="button" onClick={() => onRowAction(first)}>
            {t('grid.details')}
          </button>
        ) : null}
        {!showDeleted && spec.renderCreate ? (
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            {t(`${spec.name}Grid.add`)}
          </button>
        ) : null}
        <button
          type="button"
          className={showDeleted ? 'primary' : 'danger'}
          disabled={selected.length === 0}
          onClick={() => (showDeleted ? void deleteSelected() : setConfirmDelete(true))}
        >
          {showDeleted ? t('ties.restore') : t('ties.delete')}
        </button>
      </div>
      {columnsOpen ? (
        <div className="columns-menu" role="group" aria-label={t('views.columns')}>
          {columnDefs.map((c) => {
            const column = gridApi?.getColumn(c.colId ?? '');
            return (
              <label key={c.colId}>
                <input
                  type="checkbox"
                  defaultChecked={column?.isVisible() ?? true}
                  onChange={(e) =>
                    api.current?.setColumnsVisible([c.colId ?? ''], e.target.checked)
                  }
                />
                {c.headerName}
                <select
                  aria-label={`${c.headerName} ⇤`}
                  defaultValue={String(column?.getPinned() || '')}
                  onChange={(e) =>
                    api.current?.setColumnsPinned(
                      [c.colId ?? ''],
                      (e.target.value || null) as 'left' | 'right' | null,
                    )
                  }
                >
                  <option value="">—</option>
                  <option value="left">⇤</option>
                  <option value="right">⇥</option>
                </select>
              </label>
            );
          })}
          <button type="button" onClick={() => applyView('')}>
            {t('views.reset')}
          </button>
        </div>
      ) : null}
      <div className="grid-body">
        <div
          className="grid-host"
          onPaste={(e) => void onPaste(e)}
          onCopy={onCopy}
          onKeyDownCapture={onKeyDown}
        >
          <AgGridReact<R>
            theme={gridTheme}
            styleNonce={cspNonce()}
            localeText={lang === 'zh' ? AG_GRID_LOCALE_CN : AG_GRID_LOCALE_EN}
            rowModelType={server ? 'infinite' : 'clientSide'}
            {...(server
              ? {
                  datasource,
                  cacheBlockSize: 200,
                  maxBlocksInCache: 50,
                  infiniteInitialRowCount: 40,
                }
              : { rowData: rows })}
            columnDefs={columnDefs}
            context={context}
            getRowId={(p: GetRowIdParams<R>) => p.data.id}
            defaultColDef={defaultColDef}
            readOnlyEdit
            onCellEditRequest={(e) => void onCellEditRequest(e)}
            enterNavigatesVertically
            enterNavigatesVerticallyAfterEdit
            stopEditingWhenCellsLoseFocus
            suppressColumnVirtualisation
            isExternalFilterPresent={isExternalFilterPresent}
            doesExternalFilterPass={doesExternalFilterPass}
            rowSelection={rowSelection}
            selectionColumnDef={selectionColumnDef}
            onSelectionChanged={(e) => setSelected(e.api.getSelectedRows())}
            onGridReady={(e) => {
              api.current = e.api;
              setGridApi(e.api);
            }}
            onModelUpdated={(e) =>
              server ? undefined : setDisplayed(e.api.getDisplayedRowCount())
            }
          />
        </div>
        {historyOpen ? (
          <HistoryPanel
            grid={spec.name}
            generation={historyGeneration}
            onUndo={(id) => void undoRedo('undo', id)}
            onRedo={(id) => void undoRedo('redo', id)}
            onClose={() => setHistoryOpen(false)}
          />
        ) : null}
      </div>
      {pasteIssues ? (
        <PasteErrors issues={pasteIssues} onClose={() => setPasteIssues(null)} />
      ) : null}
      <footer className="statusbar" role="status" aria-live="polite">
        <span data-testid="row-count">{t(`${spec.name}Grid.count`, { count: displayed })}</span>
        {selected.length > 0 ? <span>{t('ties.selected', { count: selected.length })}</span> : null}
        <span className={`save-status ${status.kind}`} data-testid="save-status">
          {status.text}
        </span>
        {kept > 0 ? (
          <button type="button" className="small" onClick={() => void applyAgain()}>
            {t('grid.applyAgain', { count: kept })}
          </button>
        ) : null}
      </footer>
      {creating && spec.renderCreate
        ? spec.renderCreate({
            lang,
            reference,
            onClose: () => setCreating(false),
            onCreated: (row) => {
              setCreating(false);
              if (server) gridApi?.purgeInfiniteCache();
              else gridApi?.applyTransaction({ add: [row], addIndex: 0 });
              const node = gridApi?.getRowNode(row.id);
              if (node) {
                gridApi?.ensureNodeVisible(node);
                gridApi?.flashCells({ rowNodes: [node] });
              }
              setStatus({ kind: 'saved', text: t('ties.saved') });
              changed();
            },
          })
        : null}
      {importing ? (
        <ImportWizard
          onClose={() => setImporting(false)}
          onImported={() => {
            reload();
            reference.reloadLocalities();
            changed();
          }}
        />
      ) : null}
      {bulk ? (
        <BulkDialog
          columns={editableColumns}
          count={selected.length}
          onApply={(column, value) =>
            void bulkSet(column, value, api.current?.getSelectedRows() ?? [])
          }
          onClose={() => setBulk(false)}
        />
      ) : null}
      {naming ? (
        <NameDialog
          title={t('views.save')}
          label={t('views.name')}
          onSave={(name) => void saveView(name)}
          onClose={() => setNaming(false)}
        />
      ) : null}
      {confirmDelete && first ? (
        <ConfirmDialog
          title={t('ties.delete')}
          message={
            selected.length === 1
              ? spec.confirmDelete(first, t)
              : t('ties.deleteConfirmMany', { count: selected.length })
          }
          confirmLabel={t('ties.delete')}
          cancelLabel={t('actions.cancel')}
          onConfirm={() => void deleteSelected()}
          onCancel={() => setConfirmDelete(false)}
        />
      ) : null}
    </section>
  );
}
