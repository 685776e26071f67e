import { resolveDivision } from '../../shared/divisions';
import type { Level } from '../../shared/enums';

/**
 * The level of a locality a ledger names without one (no 我方级别 column): where the place
 * directory of China's administrative divisions knows the name (合肥, Hefei → city), its
 * level; a name several places share gives a level where they all have the same one (鼓楼区,
 * Suzhou). Otherwise null, and the import asks for the column instead.
 */
export function levelFromDirectory(name: string): Level | null {
  const match = resolveDivision(name);
  if (match.kind === 'one') return match.division.level;
  if (match.kind === 'ambiguous') {
    const levels = new Set(match.candidates.map((d) => d.level));
    if (levels.size === 1) return [...levels][0] ?? null;
  }
  return null;
}
