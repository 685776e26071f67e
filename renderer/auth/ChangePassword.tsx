import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMessage } from '../../shared/i18n';
import type { WireError } from '../../shared/result';
import { attempt } from '../api/client';
import { Dialog } from '../components/Dialog';
import { currentLang, errorText } from '../i18n';

/** A refusal's messages by the field they name (`old`, `password`, `confirm`); the rest apart. */
export function byField(error: WireError): { fields: Record<string, string>; general: string } {
  const fields: Record<string, string> = {};
  const lang = currentLang();
  for (const d of error.details ?? [])
    fields[String(d.path.at(-1) ?? '')] = formatMessage(d.key, d.params, lang);
  const placed = (error.details ?? []).every((d) =>
    ['old', 'password', 'confirm'].includes(String(d.path.at(-1))),
  );
  return { fields, general: error.details?.length && placed ? '' : errorText(error) };
}

/** A new password and the same again: main refuses a second typing that differs, by field. */
export function PasswordTwice({
  id,
  password,
  confirm,
  errors,
  onPassword,
  onConfirm,
  label,
  againLabel,
}: {
  id: string;
  password: string;
  confirm: string;
  errors: Record<string, string>;
  onPassword: (value: string) => void;
  onConfirm: (value: string) => void;
  label: string;
  againLabel: string;
}) {
  return (
    <>
      <label htmlFor={`${id}-password`}>{label}</label>
      <input
        id={`${id}-password`}
        type="password"
        autoComplete="new-password"
        value={password}
        aria-invalid={errors.password ? true : undefined}
        onChange={(e) => onPassword(e.target.value)}
      />
      {errors.password ? (
        <span className="field-error" role="alert">
          {errors.password}
        </span>
      ) : null}
      <label htmlFor={`${id}-confirm`}>{againLabel}</label>
      <input
        id={`${id}-confirm`}
        type="password"
        autoComplete="new-password"
        value={confirm}
        aria-invalid={errors.confirm ? true : undefined}
        onChange={(e) => onConfirm(e.target.value)}
      />
      {errors.confirm ? (
        <span className="field-error" role="alert">
          {errors.confirm}
        </span>
      ) : null}
    </>
  );
}

/** The signed-in member's own password: the current one, then the new one twice. */
export function ChangePasswordDialog({
  onClose,
  onChanged,
}: {
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [old, setOld] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const result = await attempt('auth:changePassword', { old, password, confirm });
    setBusy(false);
    if (result.ok) {
      onChanged();
      return;
    }
    const refusal = byField(result.error);
    setErrors(refusal.fields);
    setGeneral(refusal.general);
    if (refusal.fields.old) setOld('');
  };

  return (
    <Dialog
      title={t('auth.changeTitle')}
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            {t('actions.cancel')}
          </button>
          <button
            type="submit"
            form={`${id}-form`}
            className="primary"
            disabled={busy || !old || !password}
          >
            {t('auth.changePassword')}
          </button>
        </>
      }
    >
      <form id={`${id}-form`} className="form password-form" onSubmit={(e) => void submit(e)}>
        <label htmlFor={`${id}-old`}>{t('auth.oldPassword')}</label>
        <input
          id={`${id}-old`}
          type="password"
          autoComplete="current-password"
          autoFocus
          value={old}
          aria-invalid={errors.old ? true : undefined}
          onChange={(e) => setOld(e.target.value)}
        />
        {errors.old ? (
          <span className="field-error" role="alert">
            {errors.old}
          </span>
        ) : null}
        <PasswordTwice
          id={id}
          password={password}
          confirm={confirm}
          errors={errors}
          onPassword={setPassword}
          onConfirm={setConfirm}
          label={t('auth.newPassword')}
          againLabel={t('auth.confirmPassword')}
        />
        {general ? (
          <p className="field-error" role="alert">
            {general}
          </p>
        ) : null}
      </form>
    </Dialog>
  );
}
