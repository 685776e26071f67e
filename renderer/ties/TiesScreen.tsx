import { AG_GRID_LOCALE_CN, AG_GRID_LOCALE_EN } from '@ag-grid-community/locale';
import {
  AllCommunityModule,
  ModuleRegistry,
  themeQuartz,
  type CellEditRequestEvent,
  type GetRowIdParams,
  type GridApi,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../shared/i18n';
import type { TieColumn } from '../../shared/ipc/ties';
import type { TieRow } from '../../shared/model';
import { ApiError, attempt, call } from '../api/client';
import { ConfirmDialog } from '../components/Dialog';
import { errorText } from '../i18n';
import { ExportMenu } from '../interchange/ExportMenu';
import { ImportWizard } from '../interchange/ImportWizard';
import { cspNonce } from '../nonce';
import { useReference } from '../reference';
import { cellKey, tieColumnDefs, type CellError, type GridContext } from './columns';
import { NewTieDialog } from './NewTieDialog';

ModuleRegistry.registerModules([AllCommunityModule]);

const theme = themeQuartz.withParams({
  fontFamily: ['Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', 'system-ui', 'sans-serif'],
  fontSize: 13,
  headerFontWeight: 600,
  rowHeight: 32,
  headerHeight: 36,
  accentColor: '#b3261e',
});

type Status = { kind: 'idle' | 'saving' | 'saved' | 'error'; text: string };

export function TiesScreen({ lang }: { lang: Lang }) {
  const { t } = useTranslation();
  const reference = useReference();
  const [rows, setRows] = useState<TieRow[] | null>(null);
  const [showDeleted, setShowDeleted] = useState(false);
  const [displayed, setDisplayed] = useState(0);
  const [selected, setSelected] = useState<TieRow[]>([]);
  const [status, setStatus] = useState<Status>({ kind: 'idle', text: '' });
  const [creating, setCreating] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [quick, setQuick] = useState('');
  const [importing, setImporting] = useState(false);
  const [reloads, setReloads] = useState(0);
  const api = useRef<GridApi<TieRow> | null>(null);
  const context = useMemo<GridContext>(() => ({ errors: new Map<string, CellError>() }), []);

  useEffect(() => {
    let live = true;
    void call('ties:list', { deleted: showDeleted }).then((page) => {
      if (live) setRows([...page.rows]);
    });
    return () => {
      live = false;
    };
  }, [showDeleted, reloads]);

  const columnDefs = useMemo(
    () => (reference ? tieColumnDefs(t, lang, reference.countryByCode) : []),
    [reference, t, lang],
  );

  const putRow = (row: TieRow) => {
    api.current?.applyTransaction({ update: [row] });
  };

  const onCellEditRequest = async (event: CellEditRequestEvent<TieRow>) => {
    const row = event.data;
    const column = event.colDef.field as TieColumn | undefined;
    if (!row || !column) return;
    const key = cellKey(row.id, column);
    const raw = event.newValue;
    setStatus({ kind: 'saving', text: t('ties.saving') });
    const result = await attempt('ties:update', {
      id: row.id,
      version: row.version,
      patch: { [column]: raw === undefined ? null : raw } as never,
    });
    if (result.ok) {
      context.errors.delete(key);
      putRow(result.value);
      api.current?.refreshCells({ rowNodes: [event.node], force: true });
      setStatus({ kind: 'saved', text: t('ties.saved') });
      if (column === 'local' || column === 'local_level') reference?.reloadLocalities();
      return;
    }
    const message = errorText(result.error);
    if (result.error.code === 'conflict' && result.error.current) {
      // Someone saved first: show what won, keep the user's value at the cell to re-apply.
      putRow(result.error.current as TieRow);
    }
    context.errors.set(key, {
      value: Array.isArray(raw) ? raw.join(', ') : String(raw ?? ''),
      message,
    });
    api.current?.refreshCells({ rowNodes: [event.node], columns: [column], force: true });
    setStatus({ kind: 'error', text: t('ties.refused', { message }) });
  };

  const deleteSelected = async () => {
    setConfirmDelete(false);
    const targets = [...selected];
    for (const row of targets) {
      try {
        const next = await call(showDeleted ? 'ties:restore' : 'ties:delete', {
          id: row.id,
          version: row.version,
        });
        api.current?.applyTransaction({ remove: [next] });
      } catch (error) {
        if (error instanceof ApiError)
          setStatus({
            kind: 'error',
            text: t('ties.refused', { message: errorText(error.error) }),
          });
      }
    }
    setSelected([]);
  };

  if (!reference || rows === null) return <p className="loading">{t('app.loading')}</p>;

  const first = selected[0];
  return (
    <section className="grid-screen" aria-label={t('nav.ties')}>
      <div className="toolbar">
        <h1>{t('nav.ties')}</h1>
        <input
          type="search"
          className="quick-search"
          aria-label={t('ties.searchLabel')}
          placeholder={t('ties.search')}
          value={quick}
          onChange={(e) => {
            setQuick(e.target.value);
            api.current?.setGridOption('quickFilterText', e.target.value);
          }}
        />
        <label className="toggle">
          <input
            type="checkbox"
            checked={showDeleted}
            onChange={(e) => setShowDeleted(e.target.checked)}
          />
          {t('ties.showDeleted')}
        </label>
        <span className="spacer" />
        <button type="button" onClick={() => setImporting(true)}>
          {t('import.wizard.open')}
        </button>
        <ExportMenu
          api={() => api.current}
          grid="ties"
          lang={lang}
          onDone={(text, ok) => setStatus({ kind: ok ? 'saved' : 'error', text })}
        />
        {!showDeleted ? (
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            {t('ties.add')}
          </button>
        ) : null}
        <button
          type="button"
          className={showDeleted ? 'primary' : 'danger'}
          disabled={selected.length === 0}
          onClick={() => (showDeleted ? void deleteSelected() : setConfirmDelete(true))}
        >
          {showDeleted ? t('ties.restore') : t('ties.delete')}
        </button>
      </div>
      <div className="grid-host">
        <AgGridReact<TieRow>
          theme={theme}
          styleNonce={cspNonce()}
          localeText={lang === 'zh' ? AG_GRID_LOCALE_CN : AG_GRID_LOCALE_EN}
          rowData={rows}
          columnDefs={columnDefs}
          context={context}
          getRowId={(p: GetRowIdParams<TieRow>) => p.data.id}
          defaultColDef={{
            editable: !showDeleted,
            sortable: true,
            resizable: true,
            suppressHeaderMenuButton: false,
          }}
          readOnlyEdit
          onCellEditRequest={(e) => void onCellEditRequest(e)}
          enterNavigatesVertically
          enterNavigatesVerticallyAfterEdit
          stopEditingWhenCellsLoseFocus
          suppressColumnVirtualisation
          rowSelection={{
            mode: 'multiRow',
            checkboxes: true,
            headerCheckbox: true,
            enableClickSelection: false,
          }}
          selectionColumnDef={{ pinned: 'left', width: 44 }}
          onSelectionChanged={(e) => setSelected(e.api.getSelectedRows())}
          onGridReady={(e) => {
            api.current = e.api;
          }}
          onModelUpdated={(e) => setDisplayed(e.api.getDisplayedRowCount())}
        />
      </div>
      <footer className="statusbar" role="status" aria-live="polite">
        <span data-testid="row-count">{t('ties.count', { count: displayed })}</span>
        {selected.length > 0 ? <span>{t('ties.selected', { count: selected.length })}</span> : null}
        <span className={`save-status ${status.kind}`} data-testid="save-status">
          {status.text}
        </span>
      </footer>
      {creating ? (
        <NewTieDialog
          lang={lang}
          reference={reference}
          onClose={() => setCreating(false)}
          onCreated={(row) => {
            setCreating(false);
            api.current?.applyTransaction({ add: [row], addIndex: 0 });
            const node = api.current?.getRowNode(row.id);
            if (node) {
              api.current?.ensureNodeVisible(node);
              api.current?.flashCells({ rowNodes: [node] });
            }
            reference.reloadLocalities();
            setStatus({ kind: 'saved', text: t('ties.saved') });
          }}
        />
      ) : null}
      {importing ? (
        <ImportWizard
          onClose={() => setImporting(false)}
          onImported={() => {
            setReloads((n) => n + 1);
            reference.reloadLocalities();
          }}
        />
      ) : null}
      {confirmDelete && first ? (
        <ConfirmDialog
          title={t('ties.delete')}
          message={
            selected.length === 1
              ? t('ties.deleteConfirmOne', { local: first.local, partner: first.partner })
              : t('ties.deleteConfirmMany', { count: selected.length })
          }
          confirmLabel={t('ties.delete')}
          cancelLabel={t('actions.cancel')}
          onConfirm={() => void deleteSelected()}
          onCancel={() => setConfirmDelete(false)}
        />
      ) : null}
    </section>
  );
}
