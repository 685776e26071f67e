/** The key of a cell in the refusals a grid keeps: its row id and column id. */
export const cellKey = (rowId: string, column: string) => `${rowId}:${column}`;

/** The row and column of a cell key (a column id never holds a colon; a row id may not either). */
export function parseCellKey(key: string): { rowId: string; column: string } {
  const at = key.lastIndexOf(':');
  return { rowId: key.slice(0, at), column: key.slice(at + 1) };
}

/** The rows holding a refused value: live refresh leaves them alone until the edit ends. */
export function keptRowIds(keys: Iterable<string>): Set<string> {
  return new Set([...keys].map((key) => parseCellKey(key).rowId));
}

/** The text a refused cell keeps and shows: a list (fields of cooperation) joined as typed. */
export function keptText(raw: unknown): string {
  return Array.isArray(raw) ? raw.join(', ') : String(raw ?? '');
}

/**
 * Whether leaving an editor should save: a changed value, or an unchanged one the cell holds
 * as a refusal (the user applies it again by confirming it).
 */
export function shouldSave(newValue: unknown, oldValue: unknown, holdsRefusal: boolean): boolean {
  return newValue !== oldValue || holdsRefusal;
}

/**
 * Whether an edit only clears a refused value (Delete on the cell): the refusal is dropped and
 * the stored value stays as it was, never cleared in its place.
 */
export function dropsRefusalOnly(newValue: unknown, holdsRefusal: boolean): boolean {
  return holdsRefusal && (newValue === null || newValue === undefined || newValue === '');
}
