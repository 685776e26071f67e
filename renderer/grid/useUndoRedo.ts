import type { GridApi } from 'ag-grid-community';
import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../shared/i18n';
import { attempt } from '../api/client';
import { errorText } from '../i18n';
import { touchedRows } from './logic/rows';
import type { GridRow, GridSpec, Report } from './spec';
import type { GridData } from './useGridData';

/**
 * Undo and redo from the registry's command log, scoped to this grid (or one entry of the undo
 * log): the rows they touched are read again, and kept refusals are dropped.
 */
export function useUndoRedo<R extends GridRow>({
  spec,
  api,
  data,
  lang,
  report,
  changed,
  dropKept,
}: {
  spec: GridSpec<R>;
  api: RefObject<GridApi<R> | null>;
  data: GridData<R>;
  lang: Lang;
  report: Report;
  changed: () => void;
  dropKept: () => void;
}) {
  const { t } = useTranslation();
  const [undoLogOpen, setUndoLogOpen] = useState(false);

  const undoRedo = async (direction: 'undo' | 'redo', id?: string) => {
    const result = await attempt(
      direction === 'undo' ? 'undo:undo' : 'undo:redo',
      id ? { id } : { scope: spec.name },
    );
    if (!result.ok) {
      report(
        'error',
        result.error.code === 'not_found'
          ? t(direction === 'undo' ? 'grid.nothingToUndo' : 'grid.nothingToRedo')
          : errorText(result.error, lang),
      );
      return;
    }
    const label = t(result.value.command.label, {
      ...result.value.command.params,
      count: Number(result.value.command.params.count ?? 1),
    });
    report('saved', t(direction === 'undo' ? 'grid.undoDone' : 'grid.redoDone', { label }));
    dropKept();
    await data.refresh(touchedRows(spec.name, result.value.touched));
    api.current?.refreshCells({ force: true });
    changed();
  };

  return { undoRedo, undoLogOpen, setUndoLogOpen };
}
