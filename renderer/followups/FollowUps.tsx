import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../shared/countries';
import type { Lang } from '../../shared/i18n';
import type { Anniversary, FollowUpItem, FollowUps as Data } from '../../shared/ipc/workflow';
import type { Settings } from '../../shared/settings';
import { call } from '../api/client';

/** What needs following up, against the thresholds in Settings, and next year's anniversaries. */
export function FollowUps({ lang }: { lang: Lang }) {
  const { t } = useTranslation();
  const [data, setData] = useState<Data | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [year, setYear] = useState(() => new Date().getFullYear() + 1);
  const [anniversaries, setAnniversaries] = useState<readonly Anniversary[]>([]);

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
  }, []);

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
  const section = (
    key: 'letters' | 'approved' | 'steps' | 'quiet' | 'notForeign',
    count: number,
    items: readonly FollowUpItem[],
  ) => (
    <section className="followup" aria-labelledby={`fu-${key}`} data-testid={`followups-${key}`}>
      <h2 id={`fu-${key}`}>
        {t(`followups.${key}`, { count })} <span className="count">{items.length}</span>
      </h2>
      <ul>
        {items.map((i) => (
          <li key={`${i.tie_id}-${i.ref?.id ?? ''}`}>
            <strong>
              {i.local} – {i.partner}
            </strong>{' '}
            <span className="muted">{countryName(i.country, lang)}</span>
            {i.ref ? ` · ${i.ref.label}` : ''}
            {key === 'notForeign' ? null : ' · '}
            {key === 'notForeign'
              ? null
              : i.since
                ? t('followups.since', { date: i.since })
                : t('followups.never')}
            {i.days !== null ? ` · ${t('followups.days', { count: i.days })}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );

  return (
    <section className="followups-screen" aria-label={t('followups.title')}>
      <div className="toolbar">
        <h1>{t('followups.title')}</h1>
      </div>
      <div className="followups-body">
        {data.total === 0 ? <p className="muted">{t('followups.none')}</p> : null}
        {data.notForeign.length > 0 ? section('notForeign', 0, data.notForeign) : null}
        {section('letters', limits.letterMonths, data.letters)}
        {section('approved', limits.approvedDays, data.approved)}
        {section('steps', limits.stepDays, data.steps)}
        {section('quiet', limits.visitYears, data.quiet)}
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
                {a.partner} ({countryName(a.country, lang)}) · {a.established_on}
              </li>
            ))}
          </ul>
        </section>
      </div>
    </section>
  );
}
