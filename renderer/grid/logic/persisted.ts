import type { SetFilter } from '../../../shared/grid-query';
import type { GridName } from '../../../shared/ipc/grid';

/** Where a grid's state is kept in this window's storage. */
export const keptKey = (grid: GridName) => `youcheng.grid.${grid}`;

/**
 * What a grid keeps of its state across a reload (AG Grid's `GridState`, in the parts a user
 * arranges): column order, widths, pins, hidden columns, sort, and the column filters. Not the
 * selection, scroll or focus, which belong to the moment.
 */
export const KEPT_PARTS = [
  'columnOrder',
  'columnPinning',
  'columnSizing',
  'columnVisibility',
  'sort',
  'filter',
] as const;

type Kept = Partial<Record<(typeof KEPT_PARTS)[number], unknown>>;

/** The kept parts of a grid state, as stored (`null` when nothing worth keeping). */
export function keptState(state: Readonly<Record<string, unknown>>): Kept | null {
  const out: Kept = {};
  for (const part of KEPT_PARTS) if (state[part] !== undefined) out[part] = state[part];
  return Object.keys(out).length === 0 ? null : out;
}

function isSetFilter(model: unknown): model is SetFilter {
  if (typeof model !== 'object' || model === null) return false;
  const m = model as { filterType?: unknown; values?: unknown };
  return (
    m.filterType === 'set' &&
    Array.isArray(m.values) &&
    m.values.every((v) => typeof v === 'string')
  );
}

/**
 * A filter model as the grid's columns can take it now: a checklist column takes only a
 * checklist's model (a view saved when it had a text filter loses that one filter, not all).
 */
export function usableFilterModel(
  model: Readonly<Record<string, unknown>> | null | undefined,
  checklists: ReadonlySet<string>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [column, m] of Object.entries(model ?? {}))
    if (!checklists.has(column) || isSetFilter(m)) out[column] = m;
  return out;
}

/**
 * The stored state read back for the grid's `initialState`, or undefined when there is none
 * or it is not what this version wrote (a hand-edited or older entry is ignored, not fatal).
 */
export function restoredState(
  text: string | null,
  checklists: ReadonlySet<string>,
): Kept | undefined {
  if (!text) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const kept = keptState(parsed as Record<string, unknown>);
  if (!kept) return undefined;
  const filter = kept.filter as { filterModel?: Record<string, unknown> } | undefined;
  if (filter && typeof filter === 'object')
    kept.filter = { ...filter, filterModel: usableFilterModel(filter.filterModel, checklists) };
  return kept;
}

/**
 * Whether a grid's stored state (as `useKeptState` keeps it) leaves its rows in their own
 * order, unfiltered: then its first page is the plain one, which may be asked for early.
 */
export function keptPlain(text: string | null): boolean {
  const kept = restoredState(text, new Set());
  if (!kept) return true;
  const sort = kept.sort as { sortModel?: unknown[] } | undefined;
  const filter = kept.filter as { filterModel?: Record<string, unknown> } | undefined;
  return (
    (sort?.sortModel ?? []).length === 0 && Object.keys(filter?.filterModel ?? {}).length === 0
  );
}
