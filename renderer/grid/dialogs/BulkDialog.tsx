import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';

/** Bulk edit: one value into one column of the selected rows. */
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
  const formId = useId();
  return (
    <Dialog
      title={t('grid.bulkTitle')}
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            {t('actions.cancel')}
          </button>
          {/* A submit button: Enter in the value applies it, as in every dialog. */}
          <button type="submit" form={formId} className="primary">
            {t('grid.bulkApply', { count })}
          </button>
        </>
      }
    >
      <form
        id={formId}
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          onApply(column, value);
        }}
      >
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
      </form>
    </Dialog>
  );
}
