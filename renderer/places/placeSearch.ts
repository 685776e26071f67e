import { foldName } from '../../shared/place-duplicates';

/** Whether a place matches the search box: any of its names, folded as duplicates are. */
export function matchesPlace(
  query: string,
  names: readonly (string | null | undefined)[],
): boolean {
  const q = foldName(query.trim());
  if (q === '') return true;
  return names.some((n) => !!n && foldName(n).includes(q));
}
