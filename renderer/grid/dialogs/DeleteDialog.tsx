import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridName } from '../../../shared/ipc/grid';
import { Dialog } from '../../components/Dialog';
import { listed, rowsToDelete, type Seen } from '../logic/seen';

/**
 * Asks before deleting what the user sees: one row in its grid's words, or the ticked rows in
 * sight listed (the first few named, the rest counted). Ticked rows a search or filter hides
 * are counted and left alone unless the user ticks “delete them too”.
 */
export function DeleteDialog<R extends { readonly id: string }>({
  grid,
  seen,
  one,
  describe,
  onConfirm,
  onCancel,
}: {
  grid: GridName;
  seen: Seen<R>;
  /** The question for a single row (the spec's `confirmDelete`). */
  one: (row: R) => string;
  /** A row in a few words (the spec's `describe`). */
  describe: ((row: R) => string) | undefined;
  onConfirm: (includeHidden: boolean) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [includeHidden, setIncludeHidden] = useState(false);
  const { visible, hidden } = seen;
  const count = rowsToDelete(seen, includeHidden).length;
  const only = visible.length === 1 && hidden.length === 0 ? visible[0] : undefined;
  const { named, more } = listed(visible);
  return (
    <Dialog
      title={t('grid.delete')}
      onClose={onCancel}
      footer={
        <>
          <button type="button" onClick={onCancel}>
            {t('actions.cancel')}
          </button>
          <button
            type="button"
            className="danger"
            disabled={count === 0}
            onClick={() => onConfirm(includeHidden)}
            autoFocus
          >
            {only ? t('grid.delete') : t('deleteSeen.confirm', { count })}
          </button>
        </>
      }
    >
      {only ? (
        <p>{one(only)}</p>
      ) : (
        <div className="delete-seen">
          {visible.length > 0 ? (
            <>
              <p>
                {hidden.length === 0
                  ? t(`${grid}Grid.deleteMany`, { count: visible.length })
                  : t('deleteSeen.visible', { count: visible.length })}
              </p>
              {describe ? (
                <ul className="delete-list" data-testid="delete-list">
                  {named.map((r) => (
                    <li key={r.id}>{describe(r)}</li>
                  ))}
                  {more > 0 ? (
                    <li className="more">{t('deleteSeen.more', { count: more })}</li>
                  ) : null}
                </ul>
              ) : null}
            </>
          ) : null}
          {hidden.length > 0 ? (
            <>
              <p className="hidden-note" data-testid="delete-hidden">
                {visible.length > 0
                  ? t('deleteSeen.hidden', { count: hidden.length })
                  : t('deleteSeen.onlyHidden', { count: hidden.length })}
              </p>
              <label className="toggle">
                <input
                  type="checkbox"
                  checked={includeHidden}
                  onChange={(e) => setIncludeHidden(e.target.checked)}
                />
                {t('deleteSeen.include', { count: hidden.length })}
              </label>
            </>
          ) : null}
        </div>
      )}
    </Dialog>
  );
}
