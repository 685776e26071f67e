/** A refusal of one cell of a block write, as main words it: `path` is [row, column]. */
export interface CellRefusal {
  readonly path: readonly (string | number)[];
  readonly key: string;
  readonly params: Readonly<Record<string, unknown>>;
}

const REQUIRED = 'errors.validation.required';

/**
 * What main's refusal of the blank row's values means: only columns not typed yet are
 * missing (the row waits for them, naming them), or some typed value is refused (said at
 * its cell). A refusal without cells is a refusal too.
 */
export function draftOutcome(
  details: readonly CellRefusal[],
  typed: readonly string[],
): { kind: 'incomplete'; missing: string[] } | { kind: 'refused'; refused: CellRefusal[] } {
  const columnOf = (d: CellRefusal) => String(d.path[1] ?? '');
  const refused = details.filter((d) => d.key !== REQUIRED || typed.includes(columnOf(d)));
  if (refused.length > 0 || details.length === 0) return { kind: 'refused', refused };
  return { kind: 'incomplete', missing: [...new Set(details.map(columnOf))] };
}
