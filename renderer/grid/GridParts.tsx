import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridName } from '../../shared/ipc/grid';
import type { UndoEntry } from '../../shared/ipc/undo';
import { call } from '../api/client';
import { Dialog } from '../components/Dialog';

/** A refused cell of a paste, placed in the grid's own terms. */
export interface PasteIssue {
  readonly row: number;
  readonly column: string;
  readonly value: string;
  readonly reason: string;
}

export function PasteErrors({
  issues,
  onClose,
}: {
  issues: readonly PasteIssue[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="paste-errors" role="alert" aria-labelledby="paste-errors-title">
      <header>
        <h2 id="paste-errors-title">{t('grid.pasteRefused', { count: issues.length })}</h2>
        <button type="button" onClick={onClose}>
          {t('actions.close')}
        </button>
      </header>
      <table>
        <thead>
          <tr>
            <th>{t('grid.row')}</th>
            <th>{t('grid.column')}</th>
            <th>{t('grid.value')}</th>
            <th>{t('grid.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((issue, i) => (
            <tr key={i}>
              <td>{issue.row}</td>
              <td>{issue.column}</td>
              <td className="value">{issue.value}</td>
              <td>{issue.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function HistoryPanel({
  grid,
  generation,
  onUndo,
  onRedo,
  onClose,
}: {
  grid: GridName;
  generation: number;
  onUndo: (id: string) => void;
  onRedo: (id: string) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [entries, setEntries] = useState<readonly UndoEntry[] | null>(null);
  useEffect(() => {
    let live = true;
    void call('undo:list', { scope: grid, limit: 200 }).then((list) => {
      if (live) setEntries(list);
    });
    return () => {
      live = false;
    };
  }, [grid, generation]);
  const when = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language === 'zh' ? 'zh-CN' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(new Date(iso));
  return (
    <aside className="history-panel" aria-labelledby="history-title">
      <header>
        <h2 id="history-title">{t('undo.title')}</h2>
        <button type="button" onClick={onClose} aria-label={t('actions.close')}>
          ×
        </button>
      </header>
      {entries === null ? null : entries.length === 0 ? (
        <p className="muted">{t('undo.empty')}</p>
      ) : (
        <ol>
          {entries.map((e) => (
            <li key={e.id} className={e.undone_at ? 'undone' : undefined}>
              <div className="what">
                {t(e.label, {
                  ...e.params,
                  count: Number(e.params.count ?? 1),
                  column: e.params.column ? t(`columns.${String(e.params.column)}`) : '',
                })}
                {e.undone_at ? <span className="tag">{t('undo.undone')}</span> : null}
              </div>
              <div className="who">{t('undo.by', { actor: e.actor, at: when(e.at) })}</div>
              <button type="button" onClick={() => (e.undone_at ? onRedo(e.id) : onUndo(e.id))}>
                {e.undone_at ? t('undo.redoThis') : t('undo.undoThis')}
              </button>
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}

export function BulkDialog({
  columns,
  count,
  onApply,
  onClose,
}: {
  columns: readonly { id: string; name: string }[];
  count: number;
  onApply: (column: string, value: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [column, setColumn] = useState(columns[0]?.id ?? '');
  const [value, setValue] = useState('');
  return (
    <Dialog
      title={t('grid.bulkTitle')}
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            {t('actions.cancel')}
          </button>
          <button type="button" className="primary" onClick={() => onApply(column, value)}>
            {t('grid.bulkApply', { count })}
          </button>
        </>
      }
    >
      <div className="form">
        <div className="form-row">
          <label htmlFor="bulk-column">{t('grid.bulkColumn')}</label>
          <select id="bulk-column" value={column} onChange={(e) => setColumn(e.target.value)}>
            {columns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="form-row">
          <label htmlFor="bulk-value">{t('grid.bulkValue')}</label>
          <input
            id="bulk-value"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            autoFocus
          />
        </div>
      </div>
    </Dialog>
  );
}

export function NameDialog({
  title,
  label,
  onSave,
  onClose,
}: {
  title: string;
  label: string;
  onSave: (name: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  return (
    <Dialog
      title={title}
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            {t('actions.cancel')}
          </button>
          <button
            type="button"
            className="primary"
            disabled={name.trim() === ''}
            onClick={() => onSave(name.trim())}
          >
            {t('actions.ok')}
          </button>
        </>
      }
    >
      <div className="form">
        <div className="form-row">
          <label htmlFor="name-input">{label}</label>
          <input id="name-input" value={name} onChange={(e) => setName(e.target.value)} autoFocus />
        </div>
      </div>
    </Dialog>
  );
}
