import type { ColDef } from 'ag-grid-community';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../shared/i18n';
import type { Reference } from '../reference';
import { withRefusals } from './columns';
import type { GridRow, GridSpec } from './spec';

/**
 * The grid's columns as this user sees them: the spec's, with kept refusals and checklist
 * counts, decision cells read-only to whoever may not decide, and in the trash when and by
 * whom each row was deleted. `headerOf` names a column by its header, for messages.
 */
export function useGridColumns<R extends GridRow>({
  spec,
  lang,
  reference,
  showDeleted,
  canDecide,
  withCounts,
}: {
  spec: GridSpec<R>;
  lang: Lang;
  reference: Reference;
  showDeleted: boolean;
  canDecide: boolean;
  withCounts: (column: ColDef<R>) => ColDef<R>;
}) {
  const { t } = useTranslation();
  const columnDefs = useMemo(() => {
    const columns = spec
      .columns(lang, reference)
      .map(withRefusals)
      .map(withCounts)
      .map((c) =>
        !canDecide && spec.decisions?.includes(c.colId ?? '') ? { ...c, editable: false } : c,
      );
    if (!showDeleted) return columns;
    // The deleted rows say when and by whom (main reads who from the audit log).
    const when = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    const trash: ColDef<R>[] = [
      {
        colId: 'deleted_at',
        headerName: t('grid.deletedAt'),
        valueGetter: (p) => p.data?.deleted_at ?? null,
        valueFormatter: (p) => (typeof p.value === 'string' ? when.format(new Date(p.value)) : ''),
        width: 170,
        sortable: false,
        filter: false,
      },
      {
        colId: 'deleted_by',
        headerName: t('grid.deletedBy'),
        valueGetter: (p) => p.data?.deleted_by ?? null,
        width: 120,
        sortable: false,
        filter: false,
      },
    ];
    return [...columns, ...trash];
  }, [spec, lang, reference, showDeleted, t, withCounts, canDecide]);
  const headerOf = useCallback(
    (id: string) => columnDefs.find((c) => c.colId === id)?.headerName ?? id,
    [columnDefs],
  );
  return { columnDefs, headerOf };
}
