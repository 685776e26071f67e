import type { ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { shortcutHint } from '../../shared/commands';
import type { GridName, SavedView } from '../../shared/ipc/grid';

/**
 * The grid's toolbar, left to right: title and the primary action (Add), quick search, the
 * deleted and screen filters, views and columns; then the screen's own controls (`extra`:
 * Import, Export), undo and redo as one icon group, the undo log, and what acts on the
 * selected rows. It fits one line at 1360 px in either language.
 */
export function GridToolbar({
  searchBox,
  ...props
}: {
  grid: GridName;
  title: string;
  searchBox: RefObject<HTMLInputElement | null>;
  quick: string;
  onQuick: (text: string) => void;
  showDeleted: boolean;
  onShowDeleted: (show: boolean) => void;
  /** The screen's extra filter (the approvals' “waiting only”). */
  filter: { label: string; on: boolean; onChange: (on: boolean) => void } | null;
  views: readonly SavedView[];
  view: string;
  onView: (name: string) => void;
  onSaveView: () => void;
  columnsOpen: boolean;
  onColumns: () => void;
  extra: ReactNode;
  /** False for a viewer: no control that writes shows (views, undo, delete, restore). */
  canEdit: boolean;
  onUndo: () => void;
  onRedo: () => void;
  undoLogOpen: boolean;
  onUndoLog: () => void;
  onBulk: (() => void) | null;
  onDetails: (() => void) | null;
  onCreate: (() => void) | null;
  /** Delete (or restore, while deleted rows show); disabled with nothing selected. */
  onDeleteOrRestore: (() => void) | null;
}) {
  const { t } = useTranslation();
  const { filter } = props;
  return (
    <div className="toolbar">
      <h1>{props.title}</h1>
      {props.onCreate ? (
        <button type="button" className="primary" onClick={props.onCreate}>
          {t(`${props.grid}Grid.add`)}
        </button>
      ) : null}
      <input
        ref={searchBox}
        type="search"
        className="quick-search"
        aria-label={t('grid.searchLabel')}
        placeholder={t('grid.search')}
        value={props.quick}
        onChange={(e) => props.onQuick(e.target.value)}
      />
      <label className="toggle">
        <input
          type="checkbox"
          checked={props.showDeleted}
          onChange={(e) => props.onShowDeleted(e.target.checked)}
        />
        {t('grid.showDeleted')}
      </label>
      {filter ? (
        <label className="toggle">
          <input
            type="checkbox"
            checked={filter.on}
            onChange={(e) => filter.onChange(e.target.checked)}
          />
          {t(filter.label)}
        </label>
      ) : null}
      <label className="toggle">
        <select
          aria-label={t('views.label')}
          value={props.view}
          onChange={(e) => props.onView(e.target.value)}
        >
          <option value="">{t('views.default')}</option>
          {props.views.map((v) => (
            <option key={v.id} value={v.name}>
              {v.name}
            </option>
          ))}
        </select>
      </label>
      {props.canEdit ? (
        <button type="button" onClick={props.onSaveView}>
          {t('views.save')}
        </button>
      ) : null}
      <button type="button" aria-expanded={props.columnsOpen} onClick={props.onColumns}>
        {t('views.columns')}
      </button>
      <span className="spacer" />
      {props.extra}
      {props.canEdit ? (
        <>
          <div className="button-group" role="group" aria-label={t('toolbar.undoRedo')}>
            <button
              type="button"
              className="icon"
              onClick={props.onUndo}
              aria-label={t('undo.undo')}
              title={`${t('undo.undo')} (${shortcutHint('undo')})`}
            >
              <UndoIcon />
            </button>
            <button
              type="button"
              className="icon"
              onClick={props.onRedo}
              aria-label={t('undo.redo')}
              title={`${t('undo.redo')} (${shortcutHint('redo')})`}
            >
              <UndoIcon redo />
            </button>
          </div>
          <button type="button" aria-pressed={props.undoLogOpen} onClick={props.onUndoLog}>
            {t('undo.title')}
          </button>
        </>
      ) : null}
      {props.onBulk ? (
        <button type="button" onClick={props.onBulk} title={t('grid.bulkTitle')}>
          {t('toolbar.bulk')}
        </button>
      ) : null}
      {props.onDetails ? (
        <button type="button" onClick={props.onDetails}>
          {t('grid.details')}
        </button>
      ) : null}
      {props.canEdit ? (
        <button
          type="button"
          className={props.showDeleted ? 'primary' : 'danger'}
          disabled={!props.onDeleteOrRestore}
          onClick={props.onDeleteOrRestore ?? undefined}
        >
          {props.showDeleted ? t('grid.restore') : t('grid.delete')}
        </button>
      ) : null}
    </div>
  );
}

/** A curved arrow, pointing back (undo) or forward (redo); the button carries its name. */
function UndoIcon({ redo = false }: { redo?: boolean }) {
  return (
    <svg
      viewBox="0 0 24 24"
      width="18"
      height="18"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {redo ? (
        <>
          <path d="M15 14l5-5-5-5" />
          <path d="M20 9H9.5a5.5 5.5 0 0 0 0 11H13" />
        </>
      ) : (
        <>
          <path d="M9 14L4 9l5-5" />
          <path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />
        </>
      )}
    </svg>
  );
}
