/**
 * A rectangular range of cells, as AG Grid Community lacks one: an anchor (where it started)
 * and an end (where shift-click or shift+arrows took it), each a display row index and a
 * column id. The range spans the displayed columns between the two, in display order.
 */
export interface CellPos {
  readonly row: number;
  readonly col: string;
}

export interface CellRange {
  readonly anchor: CellPos;
  readonly end: CellPos;
}

/** The rows and columns a range covers, in display order. */
export interface RangeBounds {
  readonly top: number;
  readonly bottom: number;
  readonly columns: readonly string[];
}

/** A range of one cell, where a click or plain navigation puts it. */
export const oneCell = (pos: CellPos): CellRange => ({ anchor: pos, end: pos });

export function rangeBounds(range: CellRange, displayed: readonly string[]): RangeBounds {
  const a = displayed.indexOf(range.anchor.col);
  const b = displayed.indexOf(range.end.col);
  // A column hidden since the range was drawn: the range keeps the one still shown.
  const from = Math.min(a, b) < 0 ? Math.max(a, b) : Math.min(a, b);
  const to = Math.max(a, b);
  return {
    top: Math.min(range.anchor.row, range.end.row),
    bottom: Math.max(range.anchor.row, range.end.row),
    columns: from < 0 ? [] : displayed.slice(from, to + 1),
  };
}

/** Whether a range is more than the one focused cell (only then do its commands apply). */
export function isMultiCell(range: CellRange | null): boolean {
  return (
    range !== null && (range.anchor.row !== range.end.row || range.anchor.col !== range.end.col)
  );
}

export function inRange(bounds: RangeBounds, row: number, col: string): boolean {
  return row >= bounds.top && row <= bounds.bottom && bounds.columns.includes(col);
}

export type Direction = 'up' | 'down' | 'left' | 'right';

export const ARROWS: Readonly<Record<string, Direction>> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
};

/** The range with its end one cell further (shift+arrow), never past the grid's edges. */
export function extend(
  range: CellRange,
  direction: Direction,
  displayed: readonly string[],
  rowCount: number,
): CellRange {
  const { row, col } = range.end;
  const at = displayed.indexOf(col);
  const clampRow = (r: number) => Math.max(0, Math.min(rowCount - 1, r));
  const clampCol = (c: number) => displayed[Math.max(0, Math.min(displayed.length - 1, c))] ?? col;
  const end: CellPos =
    direction === 'up'
      ? { row: clampRow(row - 1), col }
      : direction === 'down'
        ? { row: clampRow(row + 1), col }
        : { row, col: clampCol(at + (direction === 'left' ? -1 : 1)) };
  return { anchor: range.anchor, end };
}

/** A refused value a cell holds: what Delete drops without touching the stored value. */
export type HoldsRefusal = (rowIndex: number, col: string) => boolean;

/**
 * Fill down: every row of the range below its top gets the top row's values of the range's
 * editable columns. `value(row, col)` reads a cell as stored. Null with fewer than two rows.
 */
export function fillDownCells<V>(
  bounds: RangeBounds,
  editable: (col: string) => boolean,
  value: (row: number, col: string) => V,
): { row: number; values: Record<string, V> }[] | null {
  if (bounds.bottom <= bounds.top) return null;
  const columns = bounds.columns.filter(editable);
  if (columns.length === 0) return null;
  const top = Object.fromEntries(columns.map((c) => [c, value(bounds.top, c)]));
  const out: { row: number; values: Record<string, V> }[] = [];
  for (let r = bounds.top + 1; r <= bounds.bottom; r++) out.push({ row: r, values: { ...top } });
  return out;
}

/**
 * Delete on a range: each editable cell is cleared, except one holding a refused value, which
 * only drops its refusal (the stored value was never changed, so it stays). Rows with nothing
 * to clear are left out.
 */
export function clearCells(
  bounds: RangeBounds,
  editable: (col: string) => boolean,
  holdsRefusal: HoldsRefusal,
): { clear: { row: number; values: Record<string, null> }[]; dropRefusals: CellPos[] } {
  const clear: { row: number; values: Record<string, null> }[] = [];
  const dropRefusals: CellPos[] = [];
  for (let r = bounds.top; r <= bounds.bottom; r++) {
    const values: Record<string, null> = {};
    for (const col of bounds.columns) {
      if (holdsRefusal(r, col)) dropRefusals.push({ row: r, col });
      else if (editable(col)) values[col] = null;
    }
    if (Object.keys(values).length > 0) clear.push({ row: r, values });
  }
  return { clear, dropRefusals };
}

/** The range's cells as text, row by row, for Excel to paste back. */
export function rangeText(
  bounds: RangeBounds,
  text: (row: number, col: string) => string,
): string[][] {
  const out: string[][] = [];
  for (let r = bounds.top; r <= bounds.bottom; r++) out.push(bounds.columns.map((c) => text(r, c)));
  return out;
}
