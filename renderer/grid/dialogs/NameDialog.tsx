import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';

/** Asks for a name (a saved view's). */
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
