import type { GridPageQuery, GridView } from '../../../shared/grid-query';

/** A column's state as AG Grid reports it, in the few fields a view reads. */
export interface ColumnSort {
  readonly colId: string;
  readonly sort?: 'asc' | 'desc' | null | undefined;
  readonly sortIndex?: number | null | undefined;
}

/** The sort of a grid from its column state, in the order the user added the columns to it. */
export function sortOf(columns: readonly ColumnSort[]): GridView['sort'] {
  return columns
    .filter((c): c is ColumnSort & { sort: 'asc' | 'desc' } => Boolean(c.sort))
    .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
    .map((c) => ({ colId: c.colId, sort: c.sort }));
}

/** The grid's view as main reads it for a paged grid (an export, a paste past loaded rows). */
export function viewOf(parts: {
  columns: readonly ColumnSort[];
  filter: Record<string, unknown> | null | undefined;
  quick: string;
  deleted: boolean;
}): GridView {
  return {
    sort: sortOf(parts.columns),
    // AG Grid's filter model, as main parses it (`columnFilter`).
    filter: (parts.filter ?? {}) as GridView['filter'],
    quick: parts.quick,
    deleted: parts.deleted,
  };
}

/** Rows a paged grid asks main for at a time (AG Grid's block of its infinite row model). */
export const PAGE_ROWS = 200;

/**
 * A page of a paged grid as its datasource asks main for it: the rows from `start` to `end`
 * under the grid's sort, filters, search and bin. The first page of a plain grid is asked for
 * in these same words as the page starts (see renderer/early.ts), so they must not vary.
 */
export function pageQuery(view: GridView, start: number, end: number): GridPageQuery {
  return {
    sort: view.sort.map((s) => ({ colId: s.colId, sort: s.sort })),
    filter: view.filter,
    quick: view.quick,
    deleted: view.deleted,
    offset: start,
    limit: end - start,
  };
}

/** What a saved view keeps: the column state (AG Grid's own shape), filters and quick search. */
export interface ViewState<C = unknown> {
  readonly columnState: C[];
  readonly filterModel: Record<string, unknown>;
  readonly quick: string;
}

/**
 * The state to apply for the view named `name`: a saved one's (what it kept; a view saved by an
 * older version may lack a part), or `null` for the grid's default layout.
 */
export function viewToApply<C>(
  views: readonly { readonly name: string; readonly state: unknown }[],
  name: string,
): { columnState: C[] | null; filterModel: Record<string, unknown> | null; quick: string } | null {
  const chosen = views.find((v) => v.name === name);
  if (!chosen) return null;
  const state = chosen.state as Partial<ViewState<C>>;
  return {
    columnState: state.columnState ?? null,
    filterModel: state.filterModel ?? null,
    quick: state.quick ?? '',
  };
}

/** Whether a row belongs out of sight: a deleted row in the live list, or a live one in the bin. */
export function rowHidden(row: { readonly deleted_at: string | null }, showDeleted: boolean) {
  return (row.deleted_at !== null) !== showDeleted;
}
