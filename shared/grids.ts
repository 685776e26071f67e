/** The four registry grids, by the name the contract and the strings use. */
export const GRIDS = ['ties', 'letters', 'steps', 'visits'] as const;
export type GridName = (typeof GRIDS)[number];

/** Where each grid's column labels live in the strings (`columns.kind`, `letterColumns.title`). */
export const COLUMN_LABELS: Readonly<Record<GridName, string>> = {
  ties: 'columns',
  letters: 'letterColumns',
  steps: 'stepColumns',
  visits: 'visitColumns',
};

/** The i18n key of a grid's column label, or null for a scope that is not a grid. */
export function columnLabelKey(scope: string, column: string): string | null {
  const ns = (COLUMN_LABELS as Readonly<Record<string, string>>)[scope];
  return ns ? `${ns}.${column}` : null;
}
