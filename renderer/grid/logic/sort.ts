/**
 * The order of a place's name in a grid that holds its rows: by the name's sort key from main
 * (toneless pinyin for Chinese, folded Latin otherwise, ASCII only), as the paged grids sort in
 * SQL, then by the name itself. Plain `<` on ASCII keys, so the order is the same in every
 * browser and locale, and the same as SQLite's and PostgreSQL's (collation C).
 */
export function comparePlaces(
  a: { readonly key: string; readonly name: string },
  b: { readonly key: string; readonly name: string },
): number {
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  return a.name === b.name ? 0 : a.name < b.name ? -1 : 1;
}
