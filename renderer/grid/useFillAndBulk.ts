import type { GridApi } from 'ag-grid-community';
import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../shared/i18n';
import { attempt } from '../api/client';
import { errorText } from '../i18n';
import { fillDownPlan } from './logic/rows';
import type { GridRow, GridSpec, Report } from './spec';
import type { GridData } from './useGridData';

/**
 * One value into one column of many rows, in one command main can undo: the Bulk edit dialog
 * (the selected rows), and fill down (the first selected row's value into the others).
 */
export function useFillAndBulk<R extends GridRow>({
  spec,
  api,
  data,
  lang,
  report,
  changed,
  settled,
}: {
  spec: GridSpec<R>;
  api: RefObject<GridApi<R> | null>;
  data: GridData<R>;
  lang: Lang;
  report: Report;
  changed: () => void;
  /** Resolves when the cell saves under way have their answers. */
  settled: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [bulkOpen, setBulkOpen] = useState(false);

  const bulkSet = async (column: string, value: unknown, targets: readonly R[]) => {
    setBulkOpen(false);
    if (targets.length === 0) return;
    report('saving', t('grid.saving'));
    const result = await attempt('grid:bulk', {
      grid: spec.name,
      column,
      value,
      rows: targets.map((r) => ({ id: r.id, version: r.version })),
    });
    if (!result.ok) {
      report('error', t('grid.refused', { message: errorText(result.error, lang) }));
      return;
    }
    report('saved', t('grid.saved'));
    await data.refresh(targets.map((r) => r.id));
    changed();
  };

  const fillDown = async () => {
    const focused = api.current?.getFocusedCell();
    if (!focused) return;
    const chosen = data.displayedNodes().filter((n) => n.isSelected());
    if (chosen.length < 2) return;
    report('saving', t('grid.saving'));
    // A value just typed into the first row may still be on its way to main: fill with it.
    await settled();
    const column = focused.column.getColId();
    const plan = fillDownPlan(
      chosen.map((n) => n.data as R),
      column,
    );
    if (plan) await bulkSet(column, plan.value, plan.targets);
  };

  return {
    bulkOpen,
    openBulk: () => setBulkOpen(true),
    closeBulk: () => setBulkOpen(false),
    /** Applies the Bulk edit dialog's value to the rows selected now. */
    bulkSelected: (column: string, value: string) =>
      void bulkSet(column, value, api.current?.getSelectedRows() ?? []),
    fillDown,
  };
}
