/**
 * Tab-separated text as Excel and WPS write it: a cell with a tab, a line break or a quote is
 * quoted, quotes doubled, so pasting it back into a spreadsheet lands each value in its cell.
 */
export function toTsv(rows: readonly (readonly string[])[]): string {
  const cell = (v: string) => (/[\t\n\r"]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => r.map(cell).join('\t')).join('\r\n');
}
