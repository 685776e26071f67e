import type { LocalityTally, Names } from './figures';

/**
 * The table by locality a provincial report opens with (按地市分布): the scope's own ties, then
 * each locality directly under it with the ties of everything under that one (a county's ties
 * count with its city), so the rows add up to the report's totals.
 */

export interface LocalityNode {
  readonly id: string;
  readonly parentId: string | null;
  readonly name: string;
  readonly names: Names;
}

export interface LocalityFigures {
  readonly locality: LocalityNode;
  /** The root's row: its own ties only, not those of the localities under it. */
  readonly own: boolean;
  readonly total: number;
  readonly countries: number;
  readonly since: number;
}

/**
 * The rows under `rootId` (the report's scope, or the office's own jurisdiction); without one,
 * the single top-level locality that has ties, else every top-level locality. Rows without an
 * established tie are left out; the root's own row comes first.
 */
export function localityFigures(
  tallies: ReadonlyMap<string, LocalityTally>,
  localities: readonly LocalityNode[],
  rootId: string | null,
): LocalityFigures[] {
  const byId = new Map(localities.map((l) => [l.id, l]));
  const children = new Map<string | null, LocalityNode[]>();
  for (const l of localities) {
    const parent = l.parentId !== null && byId.has(l.parentId) ? l.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(l);
    children.set(parent, list);
  }
  const subtree = (id: string): string[] => {
    const out: string[] = [];
    const seen = new Set<string>();
    const stack = [id];
    while (stack.length > 0) {
      const next = stack.pop() as string;
      if (seen.has(next)) continue;
      seen.add(next);
      out.push(next);
      for (const c of children.get(next) ?? []) stack.push(c.id);
    }
    return out;
  };
  const row = (locality: LocalityNode, ids: readonly string[], own: boolean): LocalityFigures => {
    let total = 0;
    let since = 0;
    const countries = new Set<string>();
    for (const id of ids) {
      const t = tallies.get(id);
      if (!t) continue;
      total += t.total;
      since += t.since;
      for (const c of t.countries.keys()) countries.add(c);
    }
    return { locality, own, total, countries: countries.size, since };
  };
  const withTies = (rows: LocalityFigures[]) => rows.filter((r) => r.total > 0);

  let root = rootId !== null ? byId.get(rootId) : undefined;
  if (root === undefined) {
    const tops = withTies((children.get(null) ?? []).map((l) => row(l, subtree(l.id), false)));
    if (tops.length !== 1) return tops;
    root = tops[0]?.locality;
    if (root === undefined) return [];
  }
  return withTies([
    row(root, [root.id], true),
    ...(children.get(root.id) ?? []).map((l) => row(l, subtree(l.id), false)),
  ]);
}
