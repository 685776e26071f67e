import { useEffect, useMemo, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../shared/countries';
import { enumLabel, valuesOf, type Stage } from '../../shared/enums';
import { formatMessage, type Lang } from '../../shared/i18n';
import type { TieRow } from '../../shared/model';
import { isTransition, STAGE_ORDER } from '../../shared/stages';
import { call } from '../api/client';
import { useReference } from '../reference';
import { TieDetail, type Form } from '../ties/TieDetail';

/**
 * A column per stage with its count and a card per tie. Dropping a card on the next stage
 * opens the form for that move (the stage machine in main decides); a move the machine never
 * allows is refused at once with the reason.
 */
export function PipelineBoard({ lang }: { lang: Lang }) {
  const { t } = useTranslation();
  const reference = useReference();
  const [ties, setTies] = useState<readonly TieRow[]>([]);
  const [generation, setGeneration] = useState(0);
  const [locality, setLocality] = useState('');
  const [country, setCountry] = useState('');
  const [kind, setKind] = useState('');
  const [open, setOpen] = useState<{ tie: TieRow; form: Form | null } | null>(null);
  const [refusal, setRefusal] = useState('');

  useEffect(() => {
    let live = true;
    void call('ties:list', {}).then((page) => {
      if (live) setTies(page.rows);
    });
    return () => {
      live = false;
    };
  }, [generation]);

  const shown = useMemo(
    () =>
      ties.filter(
        (x) =>
          (!locality || x.locality_id === locality) &&
          (!country || x.country === country) &&
          (!kind || x.kind === kind),
      ),
    [ties, locality, country, kind],
  );
  const countries = useMemo(() => [...new Set(ties.map((x) => x.country))].sort(), [ties]);

  const move = (tie: TieRow, to: Stage) => {
    if (tie.stage === to) return;
    if (!isTransition(tie.stage, to)) {
      setRefusal(
        t('pipeline.dropRefused', {
          reason: formatMessage('errors.stage.transition', { from: tie.stage, to }, lang),
        }),
      );
      return;
    }
    setRefusal('');
    setOpen({
      tie,
      form:
        to === 'pending' && tie.stage === 'intent' ? { kind: 'submit' } : { kind: 'advance', to },
    });
  };

  const onDrop = (event: DragEvent<HTMLElement>, to: Stage) => {
    event.preventDefault();
    const tie = ties.find((x) => x.id === event.dataTransfer.getData('text/plain'));
    if (tie) move(tie, to);
  };

  return (
    <section className="board-screen" aria-label={t('pipeline.title')}>
      <div className="toolbar">
        <h1>{t('pipeline.title')}</h1>
        <label className="toggle">
          <span>{t('pipeline.filterLocality')}</span>
          <select value={locality} onChange={(e) => setLocality(e.target.value)}>
            <option value="">{t('pipeline.all')}</option>
            {reference?.localities.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        <label className="toggle">
          <span>{t('pipeline.filterCountry')}</span>
          <select value={country} onChange={(e) => setCountry(e.target.value)}>
            <option value="">{t('pipeline.all')}</option>
            {countries.map((c) => (
              <option key={c} value={c}>
                {countryName(c, lang)}
              </option>
            ))}
          </select>
        </label>
        <label className="toggle">
          <span>{t('pipeline.filterKind')}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="">{t('pipeline.all')}</option>
            {valuesOf('kind').map((k) => (
              <option key={k} value={k}>
                {enumLabel('kind', k, lang)}
              </option>
            ))}
          </select>
        </label>
        <span className="spacer" />
        <span className="muted">{t('pipeline.moveHint')}</span>
      </div>
      {refusal ? (
        <p className="board-refusal" role="alert">
          {refusal}
        </p>
      ) : null}
      <div className="board">
        {STAGE_ORDER.map((stage) => {
          const cards = shown.filter((x) => x.stage === stage);
          return (
            <section
              key={stage}
              className={`board-column stage-${stage}`}
              aria-label={enumLabel('stage', stage, lang)}
              data-stage={stage}
              onDragOver={(e) => e.preventDefault()}
              onDrop={(e) => onDrop(e, stage)}
            >
              <h2>
                {enumLabel('stage', stage, lang)} <span className="count">{cards.length}</span>
              </h2>
              {cards.length === 0 ? <p className="muted">{t('pipeline.empty')}</p> : null}
              {cards.map((tie) => (
                <article
                  key={tie.id}
                  className="card"
                  draggable
                  data-tie={tie.id}
                  onDragStart={(e) => {
                    e.dataTransfer.setData('text/plain', tie.id);
                    e.dataTransfer.effectAllowed = 'move';
                  }}
                >
                  <button
                    type="button"
                    className="card-title"
                    onClick={() => setOpen({ tie, form: null })}
                  >
                    {tie.partner}
                  </button>
                  <div className="muted">
                    {tie.local} · {countryName(tie.country, lang)} ·{' '}
                    {enumLabel('kind', tie.kind, lang)}
                  </div>
                  <select
                    aria-label={`${t('pipeline.moveTo')} ${tie.partner}`}
                    value=""
                    onChange={(e) => move(tie, e.target.value as Stage)}
                  >
                    <option value="">{t('pipeline.moveTo')}</option>
                    {STAGE_ORDER.filter((s) => s !== tie.stage).map((s) => (
                      <option key={s} value={s}>
                        {enumLabel('stage', s, lang)}
                      </option>
                    ))}
                  </select>
                </article>
              ))}
            </section>
          );
        })}
      </div>
      {open && reference ? (
        <TieDetail
          tieId={open.tie.id}
          lang={lang}
          reference={reference}
          initialForm={open.form}
          onClose={() => setOpen(null)}
          onChanged={() => setGeneration((g) => g + 1)}
        />
      ) : null}
    </section>
  );
}
