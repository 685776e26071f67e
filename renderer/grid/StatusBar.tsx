import { useTranslation } from 'react-i18next';
import type { GridName } from '../../shared/ipc/grid';
import type { Status } from './spec';

/** The grid's footer: rows shown, rows selected, the last save's word, kept refusals. */
export function StatusBar({
  grid,
  displayed,
  total = null,
  selected,
  status,
  kept,
  onApplyAgain,
}: {
  grid: GridName;
  displayed: number;
  /** Every row of the list, where a search or filter shows fewer: “3 of 106”. */
  total?: number | null;
  selected: number;
  status: Status;
  kept: number;
  onApplyAgain: () => void;
}) {
  const { t } = useTranslation();
  return (
    <footer className="statusbar" role="status" aria-live="polite">
      <span data-testid="row-count">
        {total !== null && total !== displayed
          ? t('shown.of', { shown: displayed, total })
          : t(`${grid}Grid.count`, { count: displayed })}
      </span>
      {selected > 0 ? <span>{t('grid.selected', { count: selected })}</span> : null}
      <span className={`save-status ${status.kind}`} data-testid="save-status">
        {status.text}
      </span>
      {kept > 0 ? (
        <button type="button" className="small" onClick={onApplyAgain}>
          {t('grid.applyAgain', { count: kept })}
        </button>
      ) : null}
    </footer>
  );
}
