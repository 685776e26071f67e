import type { GridApi } from 'ag-grid-community';
import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../shared/i18n';
import { skippedText, undoText } from '../../shared/undo-text';
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
    // The commands it stepped past (said once), then the one it replayed.
    const { command: done, skipped } = result.value;
    const said = skipped.map((s) => skippedText(s, direction, lang));
    if (done)
      said.push(
        t(direction === 'undo' ? 'grid.undoDone' : 'grid.redoDone', {
          label: undoText(done, lang),
        }),
      );
    else said.push(t(direction === 'undo' ? 'grid.nothingToUndo' : 'grid.nothingToRedo'));
    report(done ? 'saved' : 'error', said.join(' '));
    dropKept();
    await data.refresh(touchedRows(spec.name, result.value.touched));
    api.current?.refreshCells({ force: true });
    changed();
  };

  return { undoRedo, undoLogOpen, setUndoLogOpen };
}
