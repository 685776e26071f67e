import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../shared/countries';
import type { Lang } from '../../shared/i18n';
import type { TieAnniversary, FollowUpItem, FollowUps as Data } from '../../shared/ipc/workflow';
import type { Settings } from '../../shared/settings';
import { FOLLOW_UP_KINDS, type FollowUpKind } from '../../shared/workflow';
import { attempt, call } from '../api/client';
import { useCan } from '../auth/session';
import { warningTexts } from '../components/warnings';
import { errorText } from '../i18n';
import { useReference } from '../reference';
import { TieDetail, type Form } from '../ties/TieDetail';

/** The form each kind's next action opens in the tie's detail panel (none: the panel itself). */
function nextForm(kind: FollowUpKind): Form | null {
  switch (kind) {
    case 'letters':
      return { kind: 'submit' };
    case 'approved':
      return { kind: 'advance', to: 'established' };
    case 'steps':
    case 'notForeign':
    case 'outOfOrder':
    case 'quiet':
      return null;
  }
}

type Aside = { item: string; action: 'dismissed' | 'snoozed' } | { item: string; action: 'visit' };

/**
 * What needs following up, grouped by kind (worst first) with counts. Each item opens its tie
 * and offers the next action; any can be dismissed or snoozed with a reason, and brought back.
 */
export function FollowUps({ lang }: { lang: Lang }) {
  const { t } = useTranslation();
  // A viewer reads the list and opens each tie; the next actions and the set-asides are writes.
  const canEdit = useCan('edit');
  const reference = useReference();
  const [data, setData] = useState<Data | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [generation, setGeneration] = useState(0);
  const [open, setOpen] = useState<{ tieId: string; form: Form | null } | null>(null);
  const [aside, setAside] = useState<Aside | null>(null);
  const [error, setError] = useState('');
  const [year, setYear] = useState(() => new Date().getFullYear() + 1);
  const [anniversaries, setAnniversaries] = useState<readonly TieAnniversary[]>([]);

  useEffect(() => {
    let live = true;
    void Promise.all([call('followups:list', {}), call('settings:get', {})]).then(([f, s]) => {
      if (!live) return;
      setData(f);
      setSettings(s);
    });
    return () => {
      live = false;
    };
  }, [generation]);

  useEffect(() => {
    let live = true;
    if (year >= 1900 && year <= 2200) {
      void call('ties:anniversaries', { year }).then((list) => {
        if (live) setAnniversaries(list);
      });
    }
    return () => {
      live = false;
    };
  }, [year]);

  if (!data || !settings) return <p className="loading">{t('app.loading')}</p>;
  const limits = settings.followUps;
  const counts: Record<FollowUpKind, number> = {
    steps: limits.stepDays,
    approved: limits.approvedDays,
    letters: limits.letterMonths,
    notForeign: 0,
    outOfOrder: data.outOfOrder.length,
    quiet: limits.visitYears,
  };
  const refresh = () => {
    setAside(null);
    setError('');
    setGeneration((g) => g + 1);
  };

  const markForm = (i: FollowUpItem, a: Aside) => (
    <AsideForm
      aside={a}
      item={i}
      onDone={refresh}
      onError={setError}
      onCancel={() => setAside(null)}
    />
  );

  const row = (kind: FollowUpKind, i: FollowUpItem) => (
    <li key={i.item} data-testid="followup-item">
      <button
        type="button"
        className="link"
        onClick={() => setOpen({ tieId: i.tie_id, form: null })}
      >
        <strong>
          {i.local} – {i.partner}
        </strong>
      </button>{' '}
      <span className="muted">{countryName(i.country, lang)}</span>
      {i.warnings ? (
        <> · {warningTexts(i, lang).join(' ')}</>
      ) : (
        <>
          {i.ref ? ` · ${i.ref.label}` : ''}
          {kind === 'notForeign'
            ? null
            : ` · ${i.since ? t('followups.since', { date: i.since }) : t('followups.never')}`}
          {i.days !== null ? ` · ${t('followups.days', { count: i.days })}` : ''}
        </>
      )}
      {canEdit ? (
        <span className="followup-actions">
          <button
            type="button"
            onClick={() =>
              kind === 'quiet'
                ? setAside({ item: i.item, action: 'visit' })
                : setOpen({ tieId: i.tie_id, form: nextForm(kind) })
            }
          >
            {t(`followups.next.${kind}`)}
          </button>
          <button type="button" onClick={() => setAside({ item: i.item, action: 'snoozed' })}>
            {t('followups.snooze')}
          </button>
          <button type="button" onClick={() => setAside({ item: i.item, action: 'dismissed' })}>
            {t('followups.dismiss')}
          </button>
        </span>
      ) : null}
      {canEdit && aside?.item === i.item ? markForm(i, aside) : null}
    </li>
  );

  const section = (kind: FollowUpKind) => {
    const items = data[kind];
    const extra = kind === 'quiet' ? data.unvisited : null;
    if (items.length === 0 && !extra) return null;
    return (
      <section
        key={kind}
        className="followup"
        aria-labelledby={`fu-${kind}`}
        data-testid={`followups-${kind}`}
      >
        <h2 id={`fu-${kind}`}>
          {t(`followups.${kind}`, { count: counts[kind] })}{' '}
          <span className="count">{items.length + (extra ? extra.count : 0)}</span>
        </h2>
        <ul>
          {extra ? (
            <li className="followup-summary" data-testid="followups-unvisited">
              {t('followups.unvisited', { count: extra.count, year: extra.before })}
            </li>
          ) : null}
          {items.map((i) => row(kind, i))}
        </ul>
      </section>
    );
  };

  return (
    <section className="followups-screen" aria-label={t('followups.title')}>
      <div className="toolbar">
        <h1>{t('followups.title')}</h1>
      </div>
      <div className="followups-body">
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        {data.total === 0 ? <p className="muted">{t('followups.none')}</p> : null}
        {FOLLOW_UP_KINDS.map(section)}
        {data.marks.length > 0 ? (
          <section className="followup" aria-labelledby="fu-marks" data-testid="followups-marks">
            <h2 id="fu-marks">
              {t('followups.setAside')} <span className="count">{data.marks.length}</span>
            </h2>
            <ul>
              {data.marks.map((m) => (
                <li key={m.id}>
                  <strong>
                    {m.local} – {m.partner}
                  </strong>{' '}
                  ·{' '}
                  {m.action === 'snoozed'
                    ? t('followups.snoozedUntil', { date: m.until })
                    : t('followups.dismissed')}{' '}
                  · {m.reason} <span className="muted">({m.marked_by})</span>{' '}
                  {canEdit ? (
                    <button
                      type="button"
                      onClick={() =>
                        void attempt('followups:unmark', { item: m.item }).then((r) =>
                          r.ok ? refresh() : setError(errorText(r.error, lang)),
                        )
                      }
                    >
                      {t('followups.bringBack')}
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <section className="followup" aria-labelledby="fu-anniversaries">
          <h2 id="fu-anniversaries">
            {t('followups.anniversaries', { year })}{' '}
            <label className="inline">
              <span className="sr-only">{t('followups.year')}</span>
              <input
                type="number"
                min={1900}
                max={2200}
                value={year}
                onChange={(e) => setYear(Number(e.target.value))}
              />
            </label>
          </h2>
          {anniversaries.length === 0 ? (
            <p className="muted">{t('followups.noAnniversaries')}</p>
          ) : null}
          <ul data-testid="anniversaries">
            {anniversaries.map((a) => (
              <li key={a.tie_id}>
                <strong>{t('followups.years', { count: a.years })}</strong> · {a.local} –{' '}
                {a.partner} ({countryName(a.country, lang)}) · {a.on}
              </li>
            ))}
          </ul>
        </section>
      </div>
      {open && reference ? (
        <TieDetail
          tieId={open.tieId}
          lang={lang}
          reference={reference}
          initialForm={open.form}
          onClose={() => {
            setOpen(null);
            refresh();
          }}
          onChanged={refresh}
        />
      ) : null}
    </section>
  );
}

/** The reason (and day) for setting an item aside, or the date of the visit that answers it. */
function AsideForm({
  aside,
  item,
  onDone,
  onError,
  onCancel,
}: {
  aside: Aside;
  item: FollowUpItem;
  onDone: () => void;
  onError: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  const [direction, setDirection] = useState<'outgoing' | 'incoming'>('incoming');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result =
      aside.action === 'visit'
        ? await attempt('visits:create', {
            direction,
            local: item.local,
            country: item.country,
            start_on: until,
            ties: [item.tie_id],
          })
        : await attempt('followups:mark', {
            item: item.item,
            action: aside.action,
            ...(aside.action === 'snoozed' ? { until } : {}),
            reason,
          });
    if (result.ok) onDone();
    else onError(errorText(result.error));
  };
  return (
    <form className="followup-aside" onSubmit={(e) => void submit(e)}>
      {aside.action === 'visit' ? (
        <label>
          {t('followups.direction')}{' '}
          <select
            value={direction}
            onChange={(e) => setDirection(e.target.value as 'outgoing' | 'incoming')}
          >
            <option value="incoming">{t('followups.incoming')}</option>
            <option value="outgoing">{t('followups.outgoing')}</option>
          </select>
        </label>
      ) : null}
      {aside.action !== 'dismissed' ? (
        <label>
          {aside.action === 'visit' ? t('followups.visitOn') : t('followups.until')}{' '}
          <input
            type={aside.action === 'visit' ? 'text' : 'date'}
            value={until}
            required
            onChange={(e) => setUntil(e.target.value)}
          />
        </label>
      ) : null}
      {aside.action !== 'visit' ? (
        <label>
          {t('followups.reason')}{' '}
          <input value={reason} required onChange={(e) => setReason(e.target.value)} />
        </label>
      ) : null}
      <button type="submit">{t('followups.confirm')}</button>
      <button type="button" onClick={onCancel}>
        {t('followups.cancel')}
      </button>
    </form>
  );
}
