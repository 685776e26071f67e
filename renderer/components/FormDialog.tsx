import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { enumLabel, valuesOf, type VocabularyName } from '../../shared/enums';
import { formatMessage, type Lang } from '../../shared/i18n';
import type { WireResult } from '../../shared/result';
import { errorText } from '../i18n';
import { dateHint } from '../grid/editors/dateHint';
import { Dialog } from './Dialog';

export type FieldSpec =
  | {
      readonly name: string;
      readonly label: string;
      readonly kind: 'text' | 'date' | 'textarea';
      readonly required?: boolean;
    }
  | {
      readonly name: string;
      readonly label: string;
      readonly kind: 'enum';
      readonly vocabulary: VocabularyName;
      readonly optional?: boolean;
    }
  | { readonly name: string; readonly label: string; readonly kind: 'checkbox' };

/**
 * A small form whose values go to main as they are typed (dates in any ledger form); main's
 * refusals come back to the fields they concern. Rule checks that need a reason (the
 * `overrides` of a signing) appear as further fields after the first refusal.
 */
export function FormDialog({
  title,
  intro,
  fields,
  initial = {},
  submitLabel,
  lang,
  onSubmit,
  onClose,
  onDone,
}: {
  title: string;
  intro?: string;
  fields: readonly FieldSpec[];
  initial?: Record<string, string | boolean>;
  submitLabel: string;
  lang: Lang;
  onSubmit: (
    values: Record<string, string | boolean>,
    overrides: Record<string, string>,
  ) => Promise<WireResult<unknown>>;
  onClose: () => void;
  onDone: (value: unknown) => void;
}) {
  const { t } = useTranslation();
  const ids = useId();
  const [values, setValues] = useState<Record<string, string | boolean>>(() => {
    const out: Record<string, string | boolean> = {};
    for (const f of fields)
      out[f.name] =
        initial[f.name] ??
        (f.kind === 'checkbox'
          ? false
          : f.kind === 'enum' && !('optional' in f && f.optional)
            ? valuesOf(f.vocabulary)[0]
            : '');
    return out;
  });
  const [warnings, setWarnings] = useState<{ code: string; message: string }[]>([]);
  const [overrides, setOverrides] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const result = await onSubmit(values, overrides);
    setBusy(false);
    if (result.ok) {
      onDone(result.value);
      return;
    }
    const details = result.error.details ?? [];
    if (result.error.key === 'errors.workflow.warnings') {
      setWarnings(
        details.map((d) => ({
          code: String(d.path[1]),
          message: formatMessage(d.key, d.params, lang),
        })),
      );
      setErrors({});
      setGeneral(errorText(result.error, lang));
      return;
    }
    const byField: Record<string, string> = {};
    for (const d of details)
      byField[String(d.path.at(-1) ?? '')] = formatMessage(d.key, d.params, lang);
    setErrors(byField);
    const unplaced = details.filter((d) => !fields.some((f) => f.name === String(d.path.at(-1))));
    setGeneral(details.length === 0 || unplaced.length > 0 ? errorText(result.error, lang) : '');
  };

  // A warning answers the values it was raised for: once they change it is gone, and the next
  // save checks again (a corrected date raises nothing; the reasons typed are kept for one
  // that still holds).
  const set = (name: string, value: string | boolean) => {
    setValues((v) => ({ ...v, [name]: value }));
    if (warnings.length > 0) {
      setWarnings([]);
      setGeneral('');
    }
  };
  return (
    <Dialog
      title={title}
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            {t('actions.cancel')}
          </button>
          <button type="submit" form={`${ids}-form`} className="primary" disabled={busy}>
            {submitLabel}
          </button>
        </>
      }
    >
      <form id={`${ids}-form`} className="form" onSubmit={(e) => void submit(e)}>
        {intro ? <p className="muted">{intro}</p> : null}
        {fields.map((f) => {
          const id = `${ids}-${f.name}`;
          const value = values[f.name];
          const hint = f.kind === 'date' ? dateHint(String(value ?? ''), lang) : null;
          return (
            <div className="form-row" key={f.name}>
              <label htmlFor={id}>{f.label}</label>
              {f.kind === 'checkbox' ? (
                <input
                  id={id}
                  type="checkbox"
                  checked={value === true}
                  onChange={(e) => set(f.name, e.target.checked)}
                />
              ) : f.kind === 'enum' ? (
                <select id={id} value={String(value)} onChange={(e) => set(f.name, e.target.value)}>
                  {'optional' in f && f.optional ? <option value="">—</option> : null}
                  {valuesOf(f.vocabulary).map((v) => (
                    <option key={v} value={v}>
                      {enumLabel(f.vocabulary, v, lang)}
                    </option>
                  ))}
                </select>
              ) : f.kind === 'textarea' ? (
                <textarea
                  id={id}
                  rows={3}
                  value={String(value)}
                  onChange={(e) => set(f.name, e.target.value)}
                />
              ) : (
                <input
                  id={id}
                  value={String(value)}
                  placeholder={f.kind === 'date' ? t('dateInput.hint') : undefined}
                  aria-invalid={errors[f.name] ? true : undefined}
                  onChange={(e) => set(f.name, e.target.value)}
                />
              )}
              {errors[f.name] ? (
                <span className="field-error" role="alert">
                  {errors[f.name]}
                </span>
              ) : hint ? (
                <span className={hint.ok ? 'field-hint' : 'field-error'}>{hint.text}</span>
              ) : null}
            </div>
          );
        })}
        {warnings.map((w) => (
          <div className="form-row warning" key={w.code}>
            <label htmlFor={`${ids}-override-${w.code}`}>{t('workflowUi.overrideReason')}</label>
            <textarea
              id={`${ids}-override-${w.code}`}
              rows={2}
              value={overrides[w.code] ?? ''}
              onChange={(e) => setOverrides((o) => ({ ...o, [w.code]: e.target.value }))}
            />
            <span className="field-warning" role="alert">
              ⚠ {w.message}
            </span>
          </div>
        ))}
        {general ? (
          <p className="field-error" role="alert">
            {general}
          </p>
        ) : null}
      </form>
    </Dialog>
  );
}
