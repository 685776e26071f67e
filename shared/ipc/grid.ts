import { z } from 'zod';
import { columnName, id, text, version } from '../schemas';
import { firstUnstorable } from '../storable';
import { command, query } from './channel';
import { GRIDS, type GridName } from '../grids';

export { COLUMN_LABELS, columnLabelKey, GRIDS, type GridName } from '../grids';

const grid = z.enum(GRIDS);
const rowRefs = z.array(z.strictObject({ id, version })).max(500_000);

/** A saved view's state (columns, widths, sort, filters) is a few kilobytes; this is ample. */
export const MAX_VIEW_STATE_CHARS = 256 * 1024;
export const MAX_VIEW_STATE_DEPTH = 32;

/** Whether `value` nests deeper than `max`, found without recursion (a hostile depth is big). */
function nestsDeeper(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}

/** A grid's saved state as the grid gives it: JSON, bounded in depth and size, storable. */
const viewState = z.record(z.string(), z.unknown()).superRefine((state, ctx) => {
  if (nestsDeeper(state, MAX_VIEW_STATE_DEPTH)) {
    ctx.addIssue({
      code: 'custom',
      message: 'errors.validation.tooDeep',
      params: { max: MAX_VIEW_STATE_DEPTH },
    });
    return;
  }
  if (JSON.stringify(state).length > MAX_VIEW_STATE_CHARS) {
    ctx.addIssue({
      code: 'custom',
      message: 'errors.validation.tooLarge',
      params: { max: Math.round(MAX_VIEW_STATE_CHARS / 1024) },
    });
    return;
  }
  if (firstUnstorable(state) !== null)
    ctx.addIssue({ code: 'custom', message: 'errors.validation.unstorable', params: {} });
});

export interface PasteResult {
  readonly updated: number;
  readonly created: number;
  readonly cells: number;
  /** Ids of the rows created past the end, in order. */
  readonly createdIds: readonly string[];
  /** A row typed into the blank row: the record it added, as the undo list names it. */
  readonly added?: string;
}

export interface SavedView {
  readonly id: string;
  readonly grid: GridName;
  readonly name: string;
  /** AG Grid column state and filter model, and the quick search, as the grid gave them. */
  readonly state: unknown;
  readonly updated_at: string;
}

export const gridChannels = {
  /**
   * A block copied from Excel or WPS pasted at a cell: `columns` are the grid's visible
   * columns from the anchor rightwards, `rows` its rows from the anchor down (with the
   * versions the user saw); lines past them become new rows. All or nothing.
   */
  'grid:paste': command(
    z.strictObject({
      grid,
      columns: z.array(columnName).min(1).max(100),
      rows: rowRefs,
      text: z.string().max(20_000_000),
      /** Typed into the grid's blank row, not pasted: the undo list says what was added. */
      from: z.enum(['paste', 'blankRow']).optional(),
    }),
  ).returns<PasteResult>(),
  /**
   * One column set to one value on many rows (the Bulk edit dialog, fill down of selected
   * rows), or a cell range's own values row by row (a range filled down or cleared): one undo
   * step either way, all or nothing.
   */
  'grid:bulk': command(
    z.union([
      z.strictObject({ grid, column: columnName, value: z.unknown(), rows: rowRefs.min(1) }),
      z.strictObject({
        grid,
        action: z.enum(['fill', 'clear']),
        rows: z
          .array(
            z.strictObject({
              id,
              version,
              values: z.record(columnName, z.unknown()),
            }),
          )
          .min(1)
          .max(50_000),
      }),
    ]),
  ).returns<{ updated: number }>(),
  /** The selected rows deleted (or, from the deleted rows, restored) as one undo step. */
  'grid:delete': command(
    z.strictObject({ grid, rows: rowRefs.min(1).max(50_000), deleted: z.boolean() }),
  ).returns<{ changed: number }>(),
  'views:list': query(z.strictObject({ grid })).returns<SavedView[]>(),
  'views:save': command(
    z.strictObject({ grid, name: text(80), state: viewState }),
  ).returns<SavedView>(),
  'views:delete': command(z.strictObject({ id })).returns<{ deleted: boolean }>(),
};
