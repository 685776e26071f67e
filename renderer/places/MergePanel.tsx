import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MergePlan, PlaceKindOf } from '../../shared/ipc/places';
import { attempt } from '../api/client';
import { errorText } from '../i18n';

export interface MergeChoice {
  readonly of: PlaceKindOf;
  readonly a: { readonly id: string; readonly name: string };
  readonly b: { readonly id: string; readonly name: string };
}

/**
 * Merging two records of one place: the user picks the one to keep, sees what moves, and any
 * tie that would exist twice is listed first, with a button to delete one of the pair; the
 * merge stays disabled until none is left.
 */
export function MergePanel({
  choice,
  onDone,
  onCancel,
}: {
  choice: MergeChoice;
  onDone: (text: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [keepA, setKeepA] = useState(true);
  // The plan of the pair it was asked for: a stale one never enables the merge.
  const [planned, setPlanned] = useState<{ key: string; plan: MergePlan } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [tick, setTick] = useState(0);
  const keep = keepA ? choice.a : choice.b;
  const remove = keepA ? choice.b : choice.a;
  const key = `${keep.id}>${remove.id}:${tick}`;
  const plan = planned?.key === key ? planned.plan : null;

  useEffect(() => {
    let live = true;
    void attempt('places:mergePlan', { of: choice.of, keep: keep.id, remove: remove.id }).then(
      (result) => {
        if (!live) return;
        if (result.ok) {
          setPlanned({ key, plan: result.value });
          setError(null);
        } else setError(errorText(result.error));
      },
    );
    return () => {
      live = false;
    };
  }, [choice.of, keep.id, remove.id, key]);

  const deleteTie = async (id: string, version: number) => {
    const result = await attempt('ties:delete', { id, version });
    if (!result.ok) setError(errorText(result.error));
    setTick((n) => n + 1);
  };

  const merge = async () => {
    setBusy(true);
    const result = await attempt('places:merge', {
      of: choice.of,
      keep: keep.id,
      remove: remove.id,
    });
    setBusy(false);
    if (result.ok) onDone(t('places.merged', { keep: keep.name, remove: remove.name }));
    else {
      setError(errorText(result.error));
      setTick((n) => n + 1);
    }
  };

  return (
    <section className="merge-panel" aria-labelledby="merge-title" data-testid="merge-panel">
      <h2 id="merge-title">{t('places.mergeTitle')}</h2>
      <fieldset className="merge-keep">
        <legend>{t('places.keep')}</legend>
        {[choice.a, choice.b].map((place, i) => (
          <label key={place.id}>
            <input
              type="radio"
              name="merge-keep"
              checked={keepA === (i === 0)}
              onChange={() => setKeepA(i === 0)}
            />
            {place.name}
          </label>
        ))}
      </fieldset>
      {plan ? (
        <p className="section-intro">
          {t('places.mergeMoves', {
            ties: plan.ties,
            visits: plan.visits,
            children: plan.children,
            keep: keep.name,
            remove: remove.name,
          })}
        </p>
      ) : null}
      {plan && plan.clashes.length > 0 ? (
        <div className="notice error" role="alert" data-testid="merge-clashes">
          <div>
            <p>{t('places.clashes')}</p>
            <ul>
              {plan.clashes.map((c) => {
                const kept = `${c.kept.local} – ${c.kept.partner}`;
                const moved = `${c.moved.local} – ${c.moved.partner}`;
                return (
                  <li key={c.moved.id}>
                    {t('places.clashPair', { kept, moved })}{' '}
                    <button
                      type="button"
                      onClick={() => void deleteTie(c.moved.id, c.moved.version)}
                    >
                      {t('places.deleteTie', { tie: moved })}
                    </button>{' '}
                    <button type="button" onClick={() => void deleteTie(c.kept.id, c.kept.version)}>
                      {t('places.deleteTie', { tie: kept })}
                    </button>
                  </li>
                );
              })}
            </ul>
          </div>
        </div>
      ) : null}
      {error ? (
        <div className="notice error" role="alert">
          <span>{error}</span>
        </div>
      ) : null}
      <div className="merge-actions">
        <button
          type="button"
          className="primary"
          disabled={busy || !plan || plan.clashes.length > 0}
          onClick={() => void merge()}
        >
          {t('places.merge')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('places.cancel')}
        </button>
      </div>
    </section>
  );
}
