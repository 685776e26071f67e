import { useId, useState } from 'react';
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
  const formId = useId();
  return (
    <Dialog
      title={title}
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            {t('actions.cancel')}
          </button>
          {/* A submit button: Enter in the name saves, as in every dialog. */}
          <button type="submit" form={formId} className="primary" disabled={name.trim() === ''}>
            {t('actions.ok')}
          </button>
        </>
      }
    >
      <form
        id={formId}
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim() !== '') onSave(name.trim());
        }}
      >
        <div className="form-row">
          <label htmlFor="name-input">{label}</label>
          <input id="name-input" value={name} onChange={(e) => setName(e.target.value)} autoFocus />
        </div>
      </form>
    </Dialog>
  );
}
