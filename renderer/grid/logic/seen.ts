/** The ticked rows split by whether the grid shows them now (a search or filter hides some). */
export interface Seen<R> {
  readonly visible: readonly R[];
  readonly hidden: readonly R[];
}

/** Splits the ticked rows by the ids the grid shows, keeping the order they were ticked in. */
export function splitSeen<R extends { readonly id: string }>(
  ticked: readonly R[],
  shown: ReadonlySet<string>,
): Seen<R> {
  return {
    visible: ticked.filter((r) => shown.has(r.id)),
    hidden: ticked.filter((r) => !shown.has(r.id)),
  };
}

/** What a delete confirmed with `includeHidden` (or not) acts on: never a row not confirmed. */
export function rowsToDelete<R>(seen: Seen<R>, includeHidden: boolean): readonly R[] {
  return includeHidden ? [...seen.visible, ...seen.hidden] : seen.visible;
}

/** The first rows named in the confirmation, and how many more are only counted. */
export function listed<R>(rows: readonly R[], max = 8): { named: readonly R[]; more: number } {
  return rows.length <= max
    ? { named: rows, more: 0 }
    : { named: rows.slice(0, max - 1), more: rows.length - (max - 1) };
}

/** Ids in slices main takes at once (its `ids` bound). */
export function slices<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
