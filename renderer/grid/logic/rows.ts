import type { GridName } from '../../../shared/ipc/grid';

/** The audit entity behind each grid's rows. */
export const ENTITY_OF: Record<GridName, string> = {
  ties: 'tie',
  letters: 'letter',
  steps: 'step',
  visits: 'visit',
};

/** The ids of this grid's rows an undo or redo touched, each once. */
export function touchedRows(
  grid: GridName,
  touched: readonly { readonly entity: string; readonly id: string }[],
): string[] {
  const entity = ENTITY_OF[grid];
  return [...new Set(touched.filter((x) => x.entity === entity).map((x) => x.id))];
}

/** Above this many rows, reading each again costs more than reloading the grid. */
export const REFRESH_ONE_BY_ONE = 200;

/**
 * How to show rows main just changed: read each again, or reload. A paged grid reloads when one
 * of them is not loaded (a new row, say), since it may belong anywhere in the order.
 */
export function refreshPlan(
  ids: readonly string[],
  server: boolean,
  loaded: (id: string) => boolean,
): 'reload' | 'each' {
  if (ids.length > REFRESH_ONE_BY_ONE) return 'reload';
  if (server && ids.some((id) => !loaded(id))) return 'reload';
  return 'each';
}

/**
 * Fill down: the first chosen row's value of `column`, for the others. Nothing to do with fewer
 * than two rows.
 */
export function fillDownPlan<R extends object>(
  chosen: readonly R[],
  column: string,
): { value: unknown; targets: R[] } | null {
  const [first, ...rest] = chosen;
  if (!first || rest.length === 0) return null;
  return { value: (first as Record<string, unknown>)[column], targets: rest };
}
