import type { GridApi } from 'ag-grid-community';
import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridView } from '../../shared/grid-query';
import type { Lang } from '../../shared/i18n';
import { ApiError } from '../api/client';
import { errorText } from '../i18n';
import { exportGrid, exportRegistry } from './exportGrid';

/** The toolbar's Export choices for a grid: its visible rows as CSV or XLSX, or everything. */
export function ExportMenu<T extends { id: string }>({
  api,
  view,
  grid,
  lang,
  onDone,
  selectRef,
}: {
  api: () => GridApi<T> | null;
  /** The list itself, so the menu's Export… command can bring it up. */
  selectRef?: RefObject<HTMLSelectElement | null>;
  /** For a grid paged from main: its view, so main selects the rows itself. */
  view?: (() => GridView) | undefined;
  grid: 'ties' | 'letters' | 'steps' | 'visits';
  lang: Lang;
  onDone: (message: string, ok: boolean) => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      onDone(t('export.done', { name: await work() }), true);
    } catch (error) {
      const message = error instanceof ApiError ? errorText(error.error) : String(error);
      onDone(t('export.failed', { message }), false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <select
      ref={selectRef}
      aria-label={t('export.button')}
      className="export-menu"
      value=""
      disabled={busy}
      onChange={(e) => {
        const choice = e.target.value;
        const grid_ = api();
        if (choice === 'registry') void run(() => exportRegistry());
        else if (choice === 'registryOffice') void run(() => exportRegistry(lang));
        else if (grid_ && (choice === 'csv' || choice === 'xlsx'))
          void run(() => exportGrid(grid_, grid, choice, lang, view?.()));
      }}
    >
      <option value="" disabled>
        {t('export.button')}
      </option>
      <option value="csv">{t('export.csv')}</option>
      <option value="xlsx">{t('export.xlsx')}</option>
      <option value="registry">{t('export.registry')}</option>
      <option value="registryOffice">{t('export.registryOffice')}</option>
    </select>
  );
}
