import type { GridApi } from 'ag-grid-community';
import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../shared/i18n';
import { errorText } from '../i18n';
import type { GridRow, GridSpec, Report } from './spec';
import type { GridData } from './useGridData';

/**
 * Deletes the selected rows (after the user confirms) or, while the grid shows deleted rows,
 * restores them; row by row, each against its version now.
 */
export function useDeleteRestore<R extends GridRow>({
  spec,
  api,
  data,
  lang,
  report,
  changed,
  clearSelection,
}: {
  spec: GridSpec<R>;
  api: RefObject<GridApi<R> | null>;
  data: GridData<R>;
  lang: Lang;
  report: Report;
  changed: () => void;
  clearSelection: () => void;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);

  const deleteOrRestore = async () => {
    setConfirming(false);
    // The rows as they are now (an edit since selecting them moved their versions on).
    for (const row of api.current?.getSelectedRows() ?? []) {
      const result = await spec.setDeleted(row, !data.showDeleted);
      if (!result.ok)
        report('error', t('grid.refused', { message: errorText(result.error, lang) }));
      else if (!data.server) api.current?.applyTransaction({ remove: [result.value] });
    }
    // A paged grid keeps selections by id across reloads: the rows just moved are not chosen.
    api.current?.deselectAll();
    if (data.server) api.current?.purgeInfiniteCache();
    clearSelection();
    changed();
  };

  return {
    confirming,
    /** The toolbar's button: restore at once, or ask before deleting. */
    start: () => (data.showDeleted ? void deleteOrRestore() : setConfirming(true)),
    confirm: () => void deleteOrRestore(),
    cancel: () => setConfirming(false),
  };
}
