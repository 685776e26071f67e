import type { CellClassParams, CellFocusedEvent, GridApi } from 'ag-grid-community';
import {
  useMemo,
  useRef,
  type ClipboardEvent,
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
  type RefObject,
} from 'react';
import { useTranslation } from 'react-i18next';
import { formatMessage, type Lang } from '../../shared/i18n';
import { attempt } from '../api/client';
import { cellKey } from './logic/cells';
import { SELECTION_COLUMN, toTsv, type PasteIssue } from './logic/clipboard';
import {
  ARROWS,
  clearCells,
  extend,
  fillDownCells,
  inRange,
  isMultiCell,
  oneCell,
  rangeBounds,
  rangeText,
  type CellPos,
  type CellRange,
  type RangeBounds,
} from './logic/range';
import { pasteIssues } from './logic/clipboard';
import type { GridContext } from './columns';
import type { GridRow, GridSpec, Report } from './spec';
import type { GridData } from './useGridData';

/** The class a cell of the range is drawn with (styles.css). */
export const RANGE_CLASS = 'cell-in-range';

/**
 * A cell range on AG Grid Community, as Excel users select one: click, then shift-click, a drag
 * or shift+arrows; Ctrl+D fills the range's top row down into the rest, Delete clears it (each
 * one command main undoes in one step), Ctrl+C copies it as Excel pastes it back, and
 * Ctrl+Home/End go to the first and last cell. The rules are in `logic/range.ts`.
 */
export function useCellRange<R extends GridRow>({
  spec,
  api,
  data,
  lang,
  context,
  editable,
  headerOf,
  report,
  changed,
  settled,
  showIssues,
  recount,
}: {
  spec: GridSpec<R>;
  api: RefObject<GridApi<R> | null>;
  data: GridData<R>;
  lang: Lang;
  context: GridContext;
  /** The grid's cells open an editor (not the deleted rows, nor a viewer's). */
  editable: boolean;
  headerOf: (column: string) => string;
  report: Report;
  changed: () => void;
  /** Resolves when the cell saves under way have their answers. */
  settled: () => Promise<void>;
  showIssues: (issues: PasteIssue[], title: string) => void;
  /** The cells' refusals changed here: the status bar counts them again. */
  recount: () => void;
}) {
  const { t } = useTranslation();
  const range = useRef<CellRange | null>(null);
  const bounds = useRef<RangeBounds | null>(null);
  const dragging = useRef(false);
  const swallowClick = useRef(false);

  const columns = () =>
    (api.current?.getAllDisplayedColumns() ?? [])
      .map((c) => c.getColId())
      .filter((c) => c !== SELECTION_COLUMN);
  const rowCount = () => api.current?.getDisplayedRowCount() ?? 0;

  /** Draws the range again: only cells whose class changes are touched. */
  const set = (next: CellRange | null) => {
    range.current = next;
    bounds.current = next && isMultiCell(next) ? rangeBounds(next, columns()) : null;
    api.current?.refreshCells({ suppressFlash: true });
  };

  // Read by AG Grid on every refresh: the range lives in a ref, so the object never changes.
  const cellClassRules = useMemo(
    () => ({
      [RANGE_CLASS]: (p: CellClassParams<R>) =>
        bounds.current !== null &&
        !p.node.rowPinned &&
        p.node.rowIndex !== null &&
        inRange(bounds.current, p.node.rowIndex, p.colDef.colId ?? ''),
    }),
    [],
  );

  /** Where a mouse event is: a cell of a body row (not the blank row, not the checkboxes). */
  const cellAt = (target: EventTarget | null): CellPos | null => {
    if (!(target instanceof Element)) return null;
    const cell = target.closest('.ag-cell');
    const row = cell?.closest('.ag-row');
    const col = cell?.getAttribute('col-id');
    const index = Number(row?.getAttribute('row-index'));
    if (!col || col === SELECTION_COLUMN || !Number.isInteger(index)) return null;
    if (row?.closest('.ag-grid-pinned-bottom-rows, .ag-grid-pinned-top-rows')) return null;
    return { row: index, col };
  };

  const editing = () => (api.current?.getEditingCells().length ?? 0) > 0;

  // AG Grid acts on pointerdown (mousedown where there is none): the range hears it first.
  const onPointerDownCapture = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0 || editing()) return;
    const at = cellAt(event.target);
    if (!at) return;
    if (event.shiftKey && range.current) {
      // The anchor keeps the focus, as in Excel; AG Grid does not see the click.
      event.preventDefault();
      event.stopPropagation();
      swallowClick.current = true;
      set({ anchor: range.current.anchor, end: at });
      return;
    }
    dragging.current = true;
    set(oneCell(at));
    window.addEventListener('mouseup', () => (dragging.current = false), { once: true });
  };

  /** The click that ends a shift-click is the range's too: AG Grid would move the focus. */
  const onClickCapture = (event: MouseEvent<HTMLDivElement>) => {
    if (!swallowClick.current) return;
    swallowClick.current = false;
    event.stopPropagation();
  };

  const onMouseOverCapture = (event: MouseEvent<HTMLDivElement>) => {
    if (!dragging.current || !range.current || (event.buttons & 1) === 0) return;
    const at = cellAt(event.target);
    const end = range.current.end;
    if (at && (at.row !== end.row || at.col !== end.col))
      set({ anchor: range.current.anchor, end: at });
  };

  /** Plain navigation (arrows, Tab, Enter) moves a one-cell range with the focus. */
  const onCellFocused = (event: CellFocusedEvent<R>) => {
    const col = typeof event.column === 'string' ? event.column : event.column?.getColId();
    if (event.rowPinned || event.rowIndex === null || !col || col === SELECTION_COLUMN) {
      if (range.current) set(null);
      return;
    }
    const now = range.current;
    // The focus coming back to the anchor (after a shift-click) keeps the range.
    if (now && now.anchor.row === event.rowIndex && now.anchor.col === col) return;
    set(oneCell({ row: event.rowIndex, col }));
  };

  const nodeAt = (row: number) => api.current?.getDisplayedRowAtIndex(row);
  const isEditable = (col: string) =>
    editable && api.current?.getColumn(col)?.getColDef().editable !== false;
  const holdsRefusal = (row: number, col: string) => {
    const id = nodeAt(row)?.data?.id;
    return id !== undefined && context.errors.has(cellKey(id, col));
  };

  /** One command for the range's rows, then the rows read again; refusals listed by cell. */
  const send = async (
    action: 'fill' | 'clear',
    top: number,
    cells: { row: number; values: Record<string, unknown> }[],
  ) => {
    const first = cells[0]?.row ?? top;
    const last = cells.at(-1)?.row ?? top;
    const refs = await data.rowsFrom(first, last - first + 1);
    const rows = cells.flatMap((c) => {
      const ref = refs[c.row - first];
      return ref ? [{ ...ref, values: c.values }] : [];
    });
    if (rows.length === 0) return;
    report('saving', t('grid.saving'));
    const result = await attempt('grid:bulk', { grid: spec.name, action, rows });
    if (!result.ok) {
      const refused = t('editing.rangeRefused', { count: result.error.details?.length ?? 1 });
      showIssues(
        pasteIssues(result.error.details ?? [], first, headerOf, (key, params) =>
          formatMessage(key, params, lang),
        ),
        refused,
      );
      report('error', refused);
      return;
    }
    const count = rows.reduce((n, r) => n + Object.keys(r.values).length, 0);
    report(
      'saved',
      action === 'fill'
        ? t('editing.filled', { count: rows.length })
        : t('editing.cleared', { count }),
    );
    await data.refresh(rows.map((r) => r.id));
    changed();
  };

  /** Ctrl+D on a range of two rows or more; false when there is none (rows ticked instead). */
  const fillDown = async (): Promise<boolean> => {
    const b = bounds.current;
    if (!b || b.bottom <= b.top || !editable) return false;
    // A value just typed into the top row may still be on its way to main: fill with it.
    await settled();
    const top = nodeAt(b.top)?.data as Record<string, unknown> | undefined;
    const cells = fillDownCells(b, isEditable, (_r, col) => top?.[col] ?? null);
    if (cells) await send('fill', b.top, cells);
    return true;
  };

  /** Delete on the range, or on one cell holding a refused value; false to leave it to AG Grid. */
  const clear = (): boolean => {
    const now = range.current;
    if (!now || !editable) return false;
    const b = bounds.current ?? rangeBounds(now, columns());
    if (!isMultiCell(now) && !holdsRefusal(now.anchor.row, now.anchor.col)) return false;
    const plan = clearCells(b, isEditable, holdsRefusal);
    for (const cell of plan.dropRefusals) {
      const node = nodeAt(cell.row);
      if (node?.data) context.errors.delete(cellKey(node.data.id, cell.col));
      if (node) api.current?.refreshCells({ rowNodes: [node], columns: [cell.col], force: true });
    }
    if (plan.dropRefusals.length > 0) recount();
    if (plan.clear.length > 0) void send('clear', b.top, plan.clear);
    return true;
  };

  const go = (row: number, col: string | undefined) => {
    const grid = api.current;
    if (!grid || !col || row < 0) return;
    grid.ensureIndexVisible(row);
    grid.ensureColumnVisible(col);
    // A pinned column is always in view: going to it (Home) scrolls the others to their start.
    const displayed = grid.getAllDisplayedColumns();
    if (displayed.find((c) => c.getColId() === col)?.getPinned()) {
      const firstCentre = displayed.find((c) => !c.getPinned());
      if (firstCentre) grid.ensureColumnVisible(firstCentre);
    }
    grid.setFocusedCell(row, col);
  };

  /** The range's keys, before AG Grid's own; true when the key was the range's. */
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): boolean => {
    if (editing()) return false;
    const ctrl = event.ctrlKey || event.metaKey;
    const direction = ARROWS[event.key];
    if (direction && event.shiftKey && !ctrl && !event.altKey) {
      const focused = api.current?.getFocusedCell();
      const col = focused?.column.getColId();
      if (!focused || focused.rowPinned || !col || col === SELECTION_COLUMN) return false;
      const from = range.current ?? oneCell({ row: focused.rowIndex, col });
      const next = extend(from, direction, columns(), rowCount());
      set(next);
      api.current?.ensureIndexVisible(next.end.row);
      api.current?.ensureColumnVisible(next.end.col);
      return true;
    }
    if (ctrl && (event.key === 'Home' || event.key === 'End')) {
      const all = columns();
      if (event.key === 'Home') go(0, all[0]);
      else go(rowCount() - 1, all.at(-1));
      return true;
    }
    // Home and End keep the row, as in Excel: its first or last column, scrolled into view
    // (AG Grid's own Home stops at the pinned check boxes and leaves the columns scrolled away).
    if (
      !ctrl &&
      !event.shiftKey &&
      !event.altKey &&
      (event.key === 'Home' || event.key === 'End')
    ) {
      const focused = api.current?.getFocusedCell();
      if (!focused || focused.rowPinned) return false;
      const all = columns();
      go(focused.rowIndex, event.key === 'Home' ? all[0] : all.at(-1));
      return true;
    }
    if (event.key === 'Delete' && !ctrl && !event.shiftKey) return clear();
    return false;
  };

  /** Ctrl+C on a range: its cells as tab-separated text; false when there is no range. */
  const onCopy = (event: ClipboardEvent<HTMLDivElement>): boolean => {
    const b = bounds.current;
    const grid = api.current;
    if (!b || !grid || editing()) return false;
    const matrix = rangeText(b, (row, col) => {
      const node = nodeAt(row);
      const column = grid.getColumn(col);
      if (!node || !column) return '';
      const value = grid.getCellValue({ rowNode: node, colKey: column, useFormatter: true });
      return value === null || value === undefined ? '' : String(value);
    });
    event.clipboardData.setData('text/plain', toTsv(matrix));
    event.preventDefault();
    report('saved', t('editing.copiedRange', { rows: matrix.length, columns: b.columns.length }));
    return true;
  };

  return {
    cellClassRules,
    onPointerDownCapture,
    onClickCapture,
    onMouseOverCapture,
    onCellFocused,
    onKeyDown,
    onCopy,
    fillDown,
    /** Rows came or went (a sort, a filter, a reload): the range no longer means its cells. */
    reset: () => set(null),
  };
}
