import type { SetFilter, ValueCounts } from '../../../shared/grid-query';

/** Whether a stored value passes a checklist filter (a blank cell is `''` in its list). */
export function setFilterPasses(filter: SetFilter, value: unknown): boolean {
  const code = value === null || value === undefined ? '' : String(value);
  return filter.values.includes(code);
}

/** One line of a checklist filter: a stored value (`''` for blank), its label, its rows. */
export interface ChecklistOption {
  readonly value: string;
  readonly label: string;
  readonly count: number;
}

/**
 * The lines a checklist offers: the vocabulary's values in its own order (all of them, a
 * small list), or for an open list such as countries only the values some row holds, by
 * label; a blank line where blank rows exist; and any value still ticked in the model.
 */
export function checklistOptions(parts: {
  /** A vocabulary's values in order, or null for an open list (countries). */
  readonly known: readonly string[] | null;
  readonly counts: ReadonlyMap<string, number>;
  readonly ticked: readonly string[] | null;
  readonly label: (value: string) => string;
  readonly blank: string;
  readonly collator: Intl.Collator;
}): ChecklistOption[] {
  const { counts, label } = parts;
  const values = new Set<string>(parts.known ?? []);
  if (parts.known === null) {
    for (const [v, n] of counts) if (n > 0 && v !== '') values.add(v);
    for (const v of parts.ticked ?? []) if (v !== '') values.add(v);
  }
  const lines = [...values].map((value) => ({
    value,
    label: label(value),
    count: counts.get(value) ?? 0,
  }));
  if (parts.known === null) lines.sort((a, b) => parts.collator.compare(a.label, b.label));
  if ((counts.get('') ?? 0) > 0 || parts.ticked?.includes(''))
    lines.push({ value: '', label: parts.blank, count: counts.get('') ?? 0 });
  return lines;
}

/** The lines whose label or code hold the search, without case. */
export function matchingOptions(
  options: readonly ChecklistOption[],
  search: string,
): ChecklistOption[] {
  const q = search.normalize('NFKC').trim().toLowerCase();
  if (q === '') return [...options];
  return options.filter((o) =>
    [o.label, o.value].some((s) => s.normalize('NFKC').toLowerCase().includes(q)),
  );
}

/** Whether a line is ticked: every line is while there is no filter. */
export function isTicked(model: SetFilter | null, value: string): boolean {
  return model === null || model.values.includes(value);
}

/**
 * The model after ticking or unticking `values` (one line, or “select all” over the lines in
 * sight): null again once every line of the list is ticked, so a full list filters nothing.
 */
export function toggled(
  model: SetFilter | null,
  all: readonly string[],
  values: readonly string[],
  on: boolean,
): SetFilter | null {
  const ticked = new Set(model === null ? all : model.values);
  for (const v of values) {
    if (on) ticked.add(v);
    else ticked.delete(v);
  }
  if (all.every((v) => ticked.has(v))) return null;
  return { filterType: 'set', values: all.filter((v) => ticked.has(v)) };
}

/** “Select all” over the lines in sight: ticked, unticked, or some of each. */
export function allState(
  model: SetFilter | null,
  shown: readonly ChecklistOption[],
): 'all' | 'none' | 'some' {
  const on = shown.filter((o) => isTicked(model, o.value)).length;
  return on === shown.length ? 'all' : on === 0 ? 'none' : 'some';
}

/** Rows per value, counted in the grid itself (a client-side grid holds all its rows). */
export function countLocally(values: Iterable<unknown>): Map<string, number> {
  const out = new Map<string, number>();
  for (const v of values) {
    const key = v === null || v === undefined ? '' : String(v);
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** Main's counts as the checklist reads them. */
export function countMap(counts: ValueCounts): Map<string, number> {
  return new Map(counts.values.map((v) => [v.value, v.count]));
}
