/**
 * Tab-separated text as Excel and WPS write it: a cell with a tab, a line break or a quote is
 * quoted, quotes doubled, so pasting it back into a spreadsheet lands each value in its cell.
 */
export function toTsv(rows: readonly (readonly string[])[]): string {
  const cell = (v: string) => (/[\t\n\r"]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => r.map(cell).join('\t')).join('\r\n');
}

/** AG Grid's own checkbox column: never pasted into or copied. */
export const SELECTION_COLUMN = 'ag-Grid-SelectionColumn';

/** The columns a paste fills: the focused one and those displayed to its right. */
export function pasteColumns(displayed: readonly string[], focused: string): string[] {
  const start = displayed.indexOf(focused);
  return displayed.slice(Math.max(0, start)).filter((c) => c !== SELECTION_COLUMN);
}

/**
 * How many rows a pasted text can fill at most: every line break is at most one row (a quoted
 * cell's line breaks make fewer), and the final line break Excel adds makes none.
 */
export function pasteLineCount(text: string): number {
  return text.replace(/\r?\n$/, '').split('\n').length;
}

/** A refused cell of a paste, placed in the grid's own terms. */
export interface PasteIssue {
  readonly row: number;
  readonly column: string;
  readonly value: string;
  readonly reason: string;
}

/**
 * Main's refusal of a paste, cell by cell, for the user: `path` is [row of the block, column id];
 * the row is counted from 1 on screen, the column named by its header.
 */
export function pasteIssues(
  details: readonly {
    readonly path: readonly (string | number)[];
    readonly key: string;
    readonly params: Readonly<Record<string, unknown>>;
  }[],
  firstRowIndex: number,
  headerOf: (column: string) => string,
  reasonOf: (key: string, params: Readonly<Record<string, unknown>>) => string,
): PasteIssue[] {
  return details.map((d) => ({
    row: firstRowIndex + Number(d.path[0] ?? 0) + 1,
    column: headerOf(String(d.path[1] ?? '')),
    value: String(d.params.value ?? ''),
    reason: reasonOf(d.key, d.params),
  }));
}
