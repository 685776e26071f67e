import type { ColDef, GridApi } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';

/** The columns menu: show or hide each column, pin it left or right, or reset the layout. */
export function ColumnsMenu<R>({
  columns,
  api,
  onReset,
}: {
  columns: readonly ColDef<R>[];
  api: GridApi<R> | null;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="columns-menu" role="group" aria-label={t('views.columns')}>
      {columns.map((c) => {
        const id = c.colId ?? '';
        const column = api?.getColumn(id);
        return (
          <label key={c.colId}>
            <input
              type="checkbox"
              defaultChecked={column?.isVisible() ?? true}
              onChange={(e) => api?.setColumnsVisible([id], e.target.checked)}
            />
            {c.headerName}
            <select
              aria-label={`${c.headerName} ⇤`}
              defaultValue={String(column?.getPinned() || '')}
              onChange={(e) =>
                api?.setColumnsPinned([id], (e.target.value || null) as 'left' | 'right' | null)
              }
            >
              <option value="">—</option>
              <option value="left">⇤</option>
              <option value="right">⇥</option>
            </select>
          </label>
        );
      })}
      <button type="button" onClick={onReset}>
        {t('views.reset')}
      </button>
    </div>
  );
}
