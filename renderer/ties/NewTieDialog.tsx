import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { enumLabel, valuesOf, type VocabularyName } from '../../shared/enums';
import type { Lang } from '../../shared/i18n';
import type { TieRow } from '../../shared/model';
import { attempt } from '../api/client';
import { Dialog } from '../components/Dialog';
import { errorText } from '../i18n';
import { formatMessage } from '../../shared/i18n';
import type { Reference } from '../reference';
import { CountryInput, countryValue, LocalityInput } from '../components/PlacePickers';
import { dateHint } from '../grid/editors/dateHint';

type Form = {
  local: string;
  local_level: string;
  partner: string;
  country: string;
  kind: string;
  stage: string;
  established_on: string;
};

/** Creating a tie: the few fields that identify it, checked by main like any other write. */
export function NewTieDialog({
  lang,
  reference,
  onClose,
  onCreated,
}: {
  lang: Lang;
  reference: Reference;
  onClose: () => void;
  onCreated: (row: TieRow) => void;
}) {
  const { t } = useTranslation();
  const ids = useId();
  const [form, setForm] = useState<Form>({
    local: reference.localities[0]?.name ?? '',
    local_level: reference.localities[0]?.level ?? 'city',
    partner: '',
    country: '',
    kind: 'friendship',
    stage: 'contact',
    established_on: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState('');
  const [busy, setBusy] = useState(false);
  const known = reference.localities.find((l) => l.name === form.local.trim());
  const set = (field: keyof Form, value: string) => setForm((f) => ({ ...f, [field]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const result = await attempt('ties:create', {
      local: form.local,
      ...(known ? {} : { local_level: form.local_level }),
      partner: form.partner,
      country: countryValue(reference, form.country),
      kind: form.kind,
      stage: form.stage,
      established_on: form.established_on,
    });
    setBusy(false);
    if (result.ok) {
      onCreated(result.value);
      return;
    }
    const byField: Record<string, string> = {};
    for (const d of result.error.details ?? []) {
      const field = String(d.path[0] ?? '');
      byField[field] = formatMessage(d.key, d.params, lang);
    }
    setErrors(byField);
    setGeneral(Object.keys(byField).length > 0 ? '' : errorText(result.error, lang));
  };

  const select = (field: keyof Form, vocabulary: VocabularyName) => (
    <select
      id={`${ids}-${field}`}
      value={form[field]}
      onChange={(e) => set(field, e.target.value)}
      aria-invalid={errors[field] ? true : undefined}
    >
      {valuesOf(vocabulary).map((v) => (
        <option key={v} value={v}>
          {enumLabel(vocabulary, v, lang)}
        </option>
      ))}
    </select>
  );

  const row = (field: keyof Form, control: React.ReactNode, hint?: string | null) => (
    <div className="form-row">
      <label htmlFor={`${ids}-${field}`}>{t(`columns.${field}`)}</label>
      {control}
      {errors[field] ? (
        <span className="field-error" role="alert">
          {errors[field]}
        </span>
      ) : hint ? (
        <span className="field-hint">{hint}</span>
      ) : null}
    </div>
  );

  const date = dateHint(form.established_on, lang);
  return (
    <Dialog
      title={t('ties.newTitle')}
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            {t('ties.cancel')}
          </button>
          <button type="submit" form={`${ids}-form`} className="primary" disabled={busy}>
            {t('ties.create')}
          </button>
        </>
      }
    >
      <form id={`${ids}-form`} onSubmit={(e) => void submit(e)} className="form">
        {row(
          'local',
          <LocalityInput
            id={`${ids}-local`}
            reference={reference}
            value={form.local}
            onChange={(v) => set('local', v)}
            required
          />,
          known ? null : t('ties.newLocalityHint'),
        )}
        {known ? null : row('local_level', select('local_level', 'level'))}
        {row(
          'partner',
          <input
            id={`${ids}-partner`}
            value={form.partner}
            onChange={(e) => set('partner', e.target.value)}
            required
          />,
        )}
        {row(
          'country',
          <CountryInput
            id={`${ids}-country`}
            reference={reference}
            lang={lang}
            value={form.country}
            onChange={(v) => set('country', v)}
            required
          />,
        )}
        {row('kind', select('kind', 'kind'))}
        {row('stage', select('stage', 'stage'))}
        {row(
          'established_on',
          <input
            id={`${ids}-established_on`}
            value={form.established_on}
            onChange={(e) => set('established_on', e.target.value)}
            placeholder={t('dateInput.hint')}
          />,
          date?.text ?? null,
        )}
        {general ? (
          <p className="field-error" role="alert">
            {general}
          </p>
        ) : null}
      </form>
    </Dialog>
  );
}
