import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { enumLabel, valuesOf } from '../../shared/enums';
import { formatMessage, type Lang } from '../../shared/i18n';
import type { VisitRow } from '../../shared/model';
import { attempt } from '../api/client';
import { Dialog } from '../components/Dialog';
import { CountryInput, countryValue, LocalityInput } from '../components/PlacePickers';
import { TiePicker, type PickedTie } from '../components/TiePicker';
import { dateHint } from '../grid/editors/dateHint';
import { errorText } from '../i18n';
import type { Reference } from '../reference';

type Text = 'local' | 'country' | 'leader' | 'start_on' | 'end_on' | 'size';

/**
 * Recording a delegation: its direction, our locality and the country from pickers, leader,
 * dates and size, and the ties it served, picked by partner or locality (several, as chips).
 * Main checks it as any other write; a refusal comes back to the field it concerns.
 */
export function NewVisitDialog({
  lang,
  reference,
  onClose,
  onCreated,
}: {
  lang: Lang;
  reference: Reference;
  onClose: () => void;
  onCreated: (row: VisitRow) => void;
}) {
  const { t } = useTranslation();
  const ids = useId();
  const [direction, setDirection] = useState<string>(valuesOf('direction')[0] ?? 'outgoing');
  const [text, setText] = useState<Record<Text, string>>({
    local: '',
    country: '',
    leader: '',
    start_on: '',
    end_on: '',
    size: '',
  });
  const [ties, setTies] = useState<PickedTie[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState('');
  const [busy, setBusy] = useState(false);
  const set = (field: Text, value: string) => setText((v) => ({ ...v, [field]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const result = await attempt('visits:create', {
      direction: direction as VisitRow['direction'],
      local: text.local.trim() || null,
      country: text.country.trim() ? countryValue(reference, text.country.trim()) : null,
      leader: text.leader,
      start_on: text.start_on,
      end_on: text.end_on,
      size: text.size,
      ties: ties.map((x) => x.id),
    } as never);
    setBusy(false);
    if (result.ok) {
      onCreated(result.value);
      return;
    }
    const byField: Record<string, string> = {};
    for (const d of result.error.details ?? [])
      byField[String(d.path[0] ?? '')] = formatMessage(d.key, d.params, lang);
    setErrors(byField);
    const placed = Object.keys(byField).every(
      (f) => f === 'direction' || f === 'ties' || f in text,
    );
    setGeneral(Object.keys(byField).length > 0 && placed ? '' : errorText(result.error, lang));
  };

  const row = (field: string, control: ReactNode, hint?: { ok: boolean; text: string } | null) => (
    <div className="form-row">
      <label htmlFor={`${ids}-${field}`}>{t(`visitColumns.${field}`)}</label>
      {control}
      {errors[field] ? (
        <span className="field-error" role="alert">
          {errors[field]}
        </span>
      ) : hint ? (
        <span className={hint.ok ? 'field-hint' : 'field-error'}>{hint.text}</span>
      ) : null}
    </div>
  );
  const input = (field: Text, placeholder?: string) => (
    <input
      id={`${ids}-${field}`}
      value={text[field]}
      placeholder={placeholder}
      aria-invalid={errors[field] ? true : undefined}
      onChange={(e) => set(field, e.target.value)}
    />
  );

  return (
    <Dialog
      title={t('visitsGrid.add')}
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            {t('actions.cancel')}
          </button>
          <button type="submit" form={`${ids}-form`} className="primary" disabled={busy}>
            {t('grid.create')}
          </button>
        </>
      }
    >
      <form id={`${ids}-form`} className="form" onSubmit={(e) => void submit(e)}>
        {row(
          'direction',
          <select
            id={`${ids}-direction`}
            value={direction}
            onChange={(e) => setDirection(e.target.value)}
          >
            {valuesOf('direction').map((v) => (
              <option key={v} value={v}>
                {enumLabel('direction', v, lang)}
              </option>
            ))}
          </select>,
        )}
        {row(
          'local',
          <LocalityInput
            id={`${ids}-local`}
            reference={reference}
            value={text.local}
            invalid={Boolean(errors.local)}
            onChange={(v) => set('local', v)}
          />,
        )}
        {row(
          'country',
          <CountryInput
            id={`${ids}-country`}
            reference={reference}
            lang={lang}
            value={text.country}
            invalid={Boolean(errors.country)}
            onChange={(v) => set('country', v)}
          />,
        )}
        {row('leader', input('leader'))}
        {row('start_on', input('start_on', t('dateInput.hint')), dateHint(text.start_on, lang))}
        {row('end_on', input('end_on', t('dateInput.hint')), dateHint(text.end_on, lang))}
        {row('size', input('size'))}
        {row(
          'ties',
          <TiePicker
            id={`${ids}-ties`}
            label={t('visitColumns.ties')}
            value={ties}
            onChange={setTies}
            lang={lang}
          />,
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
