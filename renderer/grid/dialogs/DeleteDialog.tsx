import { useTranslation } from 'react-i18next';
import type { GridName } from '../../../shared/ipc/grid';
import { ConfirmDialog } from '../../components/Dialog';

/** Asks before deleting: the row named in its grid's words, or how many rows. */
export function DeleteDialog({
  grid,
  count,
  one,
  onConfirm,
  onCancel,
}: {
  grid: GridName;
  count: number;
  /** The question for a single row (the spec's `confirmDelete`). */
  one: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      title={t('grid.delete')}
      message={count === 1 ? one : t(`${grid}Grid.deleteMany`, { count })}
      confirmLabel={t('grid.delete')}
      cancelLabel={t('actions.cancel')}
      onConfirm={onConfirm}
      onCancel={onCancel}
    />
  );
}
