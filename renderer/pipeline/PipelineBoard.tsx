import { useEffect, useMemo, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { allCountries, countryName } from '../../shared/countries';
import { enumLabel, valuesOf, type Stage } from '../../shared/enums';
import { formatMessage, type Lang } from '../../shared/i18n';
import type { TieRow } from '../../shared/model';
import { isTransition, STAGE_ORDER } from '../../shared/stages';
import { call } from '../api/client';
import { useCan } from '../auth/session';
import { useReference } from '../reference';
import { TieDetail, type Form } from '../ties/TieDetail';

/** Cards a column shows at most; the count above it is always the whole. */
const CARDS_PER_COLUMN = 200;

/** A board filter kept between visits to the board (and runs of the app), per filter. */
function useRemembered(name: string): [string, (value: string) => void] {
  const key = `youcheng.pipeline.${name}`;
  const [value, setValue] = useState(() => localStorage.getItem(key) ?? '');
  return [
    value,
    (next: string) => {
      setValue(next);
      localStorage.setItem(key, next);
    },
  ];
}

/**
 * A column per stage with its count and a card per tie. Dropping a card on the next stage
 * opens the form for that move (the stage machine in main decides); a move the machine never
 * allows is refused at once with the reason.
 */
export function PipelineBoard({ lang }: { lang: Lang }) {
  const { t } = useTranslation();
  const reference = useReference();
  const [ties, setTies] = useState<readonly TieRow[]>([]);
  const [totals, setTotals] = useState<Partial<Record<Stage, number>>>({});
  const [generation, setGeneration] = useState(0);
  const [locality, setLocality] = useRemembered('locality');
  const [country, setCountry] = useRemembered('country');
  const [kind, setKind] = useRemembered('kind');
  const [open, setOpen] = useState<{ tie: TieRow; form: Form | null } | null>(null);
  const [refusal, setRefusal] = useState('');
  // A viewer reads the board: no drag, no move menu, no hint to drag.
  const canEdit = useCan('edit');

  useEffect(() => {
    // Each column asks main for its own cards (a registry may hold 50,000 ties), filtered there.
    let live = true;
    const equals = (filter: string) => ({
      filterType: 'text' as const,
      type: 'equals' as const,
      filter,
    });
    const localName = reference?.localities.find((l) => l.id === locality)?.name;
    void Promise.all(
      STAGE_ORDER.map((stage) =>
        call('ties:list', {
          filter: {
            stage: equals(stage),
            ...(localName ? { local: equals(localName) } : {}),
            ...(country ? { country: equals(country) } : {}),
            ...(kind ? { kind: equals(kind) } : {}),
          },
          sort: [{ colId: 'partner', sort: 'asc' }],
          limit: CARDS_PER_COLUMN,
        }),
      ),
    ).then((pages) => {
      if (!live) return;
      setTies(pages.flatMap((p) => p.rows));
      setTotals(Object.fromEntries(STAGE_ORDER.map((stage, i) => [stage, pages[i]?.total ?? 0])));
    });
    return () => {
      live = false;
    };
  }, [generation, locality, country, kind, reference]);

  const shown = ties;
  const countries = useMemo(() => allCountries().map((c) => c.code), []);

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
      // Intent needs a letter of intent: its form, and the move made once it is saved.
      form:
        to === 'pending' && tie.stage === 'intent'
          ? { kind: 'submit' }
          : to === 'intent' && tie.stage === 'contact'
            ? { kind: 'letter', advance: true }
            : { kind: 'advance', to },
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
        {canEdit ? <span className="muted">{t('pipeline.moveHint')}</span> : null}
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
              onDragOver={canEdit ? (e) => e.preventDefault() : undefined}
              onDrop={canEdit ? (e) => onDrop(e, stage) : undefined}
            >
              <h2>
                {enumLabel('stage', stage, lang)}{' '}
                <span className="count">{totals[stage] ?? cards.length}</span>
              </h2>
              {cards.length === 0 ? <p className="muted">{t('pipeline.empty')}</p> : null}
              {(totals[stage] ?? 0) > cards.length ? (
                <p className="muted">
                  {t('pipeline.more', { count: (totals[stage] ?? 0) - cards.length })}
                </p>
              ) : null}
              {cards.map((tie) => (
                <article
                  key={tie.id}
                  className="card"
                  draggable={canEdit}
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
                  {canEdit ? (
                    <select
                      aria-label={`${t('pipeline.moveTo')} ${tie.partner}`}
                      value=""
                      onChange={(e) => move(tie, e.target.value as Stage)}
                    >
                      <option value="">{t('pipeline.moveTo')}</option>
                      {STAGE_ORDER.filter((s) => isTransition(tie.stage, s)).map((s) => (
                        <option key={s} value={s}>
                          {enumLabel('stage', s, lang)}
                        </option>
                      ))}
                    </select>
                  ) : null}
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
