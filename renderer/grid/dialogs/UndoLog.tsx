import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridName } from '../../../shared/ipc/grid';
import type { UndoEntry } from '../../../shared/ipc/undo';
import { call } from '../../api/client';

/** The grid's commands from the command log, newest first, each undoable or redoable. */
export function UndoLog({
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
    // The class is the stylesheet's and the end-to-end tests' name for this panel.
    <aside className="history-panel" aria-labelledby="undo-log-title">
      <header>
        <h2 id="undo-log-title">{t('undo.title')}</h2>
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
