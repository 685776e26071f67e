import type { GridApi } from 'ag-grid-community';
import type { ExportedFile } from '../../shared/ipc/interchange';
import type { GridView } from '../../shared/grid-query';
import type { Lang } from '../../shared/i18n';
import { call } from '../api/client';

/**
 * Exports what a grid shows: its displayed rows (filters and sort applied) and its visible
 * columns in their current order. Main writes the file; the renderer only saves it.
 */
export async function exportGrid<T extends { id: string }>(
  api: GridApi<T>,
  grid: 'ties' | 'letters' | 'steps' | 'visits',
  format: 'csv' | 'xlsx',
  lang: Lang,
  view?: GridView,
): Promise<string> {
  const columns = api
    .getAllDisplayedColumns()
    .map((c) => c.getColDef().field ?? c.getColId())
    .filter((id) => !id.startsWith('ag-Grid-'));
  if (view) {
    // A paged grid holds only some rows: main selects them all under the same view.
    const file = await call('export:grid', { grid, format, columns, lang, view });
    saveFile(file);
    return file.fileName;
  }
  const ids: string[] = [];
  api.forEachNodeAfterFilterAndSort((node) => {
    if (node.data) ids.push(node.data.id);
  });
  const file = await call('export:grid', { grid, format, columns, ids, lang });
  saveFile(file);
  return file.fileName;
}

/** The whole registry: in the interchange format, or headed as an office heads it in `lang`. */
export async function exportRegistry(headings: 'canonical' | Lang = 'canonical'): Promise<string> {
  const file = await call('export:registry', { headings });
  saveFile(file);
  return file.fileName;
}

/** A Blob download: the same in the browser host and in Electron's window. */
export function saveFile(file: ExportedFile): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
