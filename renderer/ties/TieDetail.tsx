import { useEscapeToClose } from '../components/escape';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../shared/countries';
import { enumLabel, type Stage } from '../../shared/enums';
import type { Lang } from '../../shared/i18n';
import type { WorkflowOptions } from '../../shared/ipc/workflow';
import { changeTexts } from '../../shared/audit-text';
import type { AuditRow, StepRow, VisitRow } from '../../shared/model';
import type { Requirement } from '../../shared/stages';
import { attempt, call } from '../api/client';
import { ConfirmDialog } from '../components/Dialog';
import { FormDialog, type FieldSpec } from '../components/FormDialog';
import type { Reference } from '../reference';
import { ScanButtons } from '../letters/ScanButtons';
import { useCan } from '../auth/session';

/** What the forms supply themselves; anything else missing needs another action first. */
const FORM_SUPPLIES: readonly Requirement[] = ['date', 'reason', 'signedOn', 'signatories'];

export type Form =
  | { kind: 'advance'; to: Stage }
  | { kind: 'submit' }
  | { kind: 'decide'; step: StepRow }
  | { kind: 'upgrade' }
  /** `advance`: the letter is recorded for a move to intent (a card dropped there), made on save. */
  | { kind: 'letter'; advance?: boolean };

/**
 * A tie's detail panel: the record, what it can do next and what it still lacks, its letters,
 * approval steps, visits, its dated timeline and the audit history of the record.
 */
export function TieDetail({
  tieId,
  lang,
  onClose,
  initialForm = null,
  onChanged,
}: {
  tieId: string;
  lang: Lang;
  reference: Reference;
  onClose: () => void;
  /** Opened from the pipeline board: the move the card was dropped for. */
  initialForm?: Form | null;
  onChanged?: () => void;
}) {
  const { t } = useTranslation();
  // A viewer reads the record; an editor moves it on but records no decision.
  const canEdit = useCan('edit');
  const canDecide = useCan('decide');
  const [data, setData] = useState<WorkflowOptions | null>(null);
  const [visits, setVisits] = useState<readonly VisitRow[]>([]);
  const [history, setHistory] = useState<readonly AuditRow[]>([]);
  const [form, setForm] = useState<Form | null>(initialForm);
  const [offerIntent, setOfferIntent] = useState(false);
  const [generation, setGeneration] = useState(0);
  // Escape closes the panel, unless a dialog of its own (a form) is open and takes it.
  useEscapeToClose(onClose);

  useEffect(() => {
    let live = true;
    void Promise.all([
      call('workflow:options', { id: tieId }),
      call('visits:list', { tie_id: tieId }),
      call('audit:list', { entity: 'tie', entity_id: tieId, limit: 200 }),
    ]).then(([options, v, h]) => {
      if (!live) return;
      setData(options);
      setVisits(v.rows);
      setHistory(h);
    });
    return () => {
      live = false;
    };
  }, [tieId, generation]);

  if (!data) return null;
  const { tie } = data;
  const done = () => {
    setForm(null);
    setGeneration((g) => g + 1);
    onChanged?.();
  };
  const stage = (s: Stage | null) => (s ? enumLabel('stage', s, lang) : '');
  const advanceToIntent = () =>
    call('ties:get', { id: tieId }).then((fresh) =>
      attempt('workflow:advance', {
        id: fresh.id,
        version: fresh.version,
        to: 'intent',
        overrides: {},
      }).then(() => {
        setGeneration((g) => g + 1);
        onChanged?.();
      }),
    );
  const dateFields = (withConfidential: boolean): FieldSpec[] => [
    { name: 'on', label: t('workflowUi.date'), kind: 'date' },
    { name: 'reason', label: t('workflowUi.reason'), kind: 'textarea' },
    ...(withConfidential
      ? [{ name: 'confidential', label: t('workflowUi.confidential'), kind: 'checkbox' as const }]
      : []),
  ];

  const renderForm = () => {
    if (!form) return null;
    const common = { lang, onClose: () => setForm(null), onDone: done };
    switch (form.kind) {
      case 'advance': {
        const signing = form.to === 'established' && tie.stage === 'approved';
        const needsDate =
          !signing &&
          !(form.to === 'intent' && tie.stage === 'contact') &&
          !(form.to === 'approved');
        const fields: FieldSpec[] = signing
          ? [
              { name: 'signed_on', label: t('columns.established_on'), kind: 'date' },
              { name: 'signed_place', label: t('columns.signed_place'), kind: 'text' },
              { name: 'our_signatory', label: t('columns.our_signatory'), kind: 'text' },
              { name: 'partner_signatory', label: t('columns.partner_signatory'), kind: 'text' },
            ]
          : needsDate
            ? dateFields(
                form.to === 'suspended' || form.to === 'terminated' || form.to === 'established',
              )
            : [];
        return (
          <FormDialog
            {...common}
            title={t('workflowUi.advanceTo', { stage: stage(form.to) })}
            fields={fields}
            initial={
              signing
                ? {
                    signed_on: tie.established_on ?? '',
                    our_signatory: tie.our_signatory ?? '',
                    partner_signatory: tie.partner_signatory ?? '',
                    signed_place: tie.signed_place ?? '',
                  }
                : {}
            }
            submitLabel={t('workflowUi.advance')}
            onSubmit={(v, overrides) =>
              attempt('workflow:advance', {
                id: tie.id,
                version: tie.version,
                to: form.to,
                ...(signing
                  ? {
                      signed_on: String(v.signed_on),
                      signed_place: String(v.signed_place),
                      our_signatory: String(v.our_signatory),
                      partner_signatory: String(v.partner_signatory),
                    }
                  : needsDate
                    ? {
                        on: String(v.on),
                        reason: String(v.reason),
                        confidential: v.confidential === true,
                      }
                    : {}),
                overrides,
              })
            }
          />
        );
      }
      case 'submit': {
        const { start, carried } = data.resubmit;
        const chainText = t('workflowUi.chainIs', {
          chain: data.chain.map((s) => s[lang]).join(' → '),
        });
        const from = data.chain[start - 1];
        const resubmitting = start > 1 && from !== undefined;
        return (
          <FormDialog
            {...common}
            title={t('workflowUi.submit')}
            intro={
              resubmitting
                ? `${chainText} ${t('workflowUi.resubmitFrom', {
                    authority: from[lang],
                    round: carried[0]?.round ?? '',
                    kept: carried
                      .map((s) => authorityOf(s, lang))
                      .join(lang === 'zh' ? '、' : ', '),
                  })}`
                : chainText
            }
            fields={[
              { name: 'submitted_on', label: t('stepColumns.submitted_on'), kind: 'date' },
              { name: 'reference_no', label: t('stepColumns.reference_no'), kind: 'text' },
              { name: 'note', label: t('stepColumns.note'), kind: 'textarea' },
              ...(resubmitting
                ? [{ name: 'restart', label: t('workflowUi.restart'), kind: 'checkbox' as const }]
                : []),
            ]}
            submitLabel={t('workflowUi.submit')}
            onSubmit={(v) =>
              attempt('workflow:submit', {
                id: tie.id,
                version: tie.version,
                submitted_on: String(v.submitted_on),
                reference_no: String(v.reference_no),
                note: String(v.note),
                restart: v.restart === true,
              })
            }
          />
        );
      }
      case 'decide':
        return (
          <FormDialog
            {...common}
            title={t('workflowUi.decideAt', {
              authority: lang === 'zh' ? form.step.authority_zh : form.step.authority_en,
            })}
            fields={[
              {
                name: 'outcome',
                label: t('stepColumns.outcome'),
                kind: 'enum',
                vocabulary: 'outcome',
              },
              { name: 'decided_on', label: t('stepColumns.decided_on'), kind: 'date' },
              { name: 'decision_ref', label: t('stepColumns.decision_ref'), kind: 'text' },
              { name: 'note', label: t('stepColumns.note'), kind: 'textarea' },
            ]}
            submitLabel={t('workflowUi.record')}
            onSubmit={(v) =>
              attempt('workflow:decide', {
                id: form.step.id,
                version: form.step.version,
                outcome: String(v.outcome),
                decided_on: String(v.decided_on),
                decision_ref: String(v.decision_ref),
                note: String(v.note),
              })
            }
          />
        );
      case 'upgrade':
        return (
          <FormDialog
            {...common}
            title={t('workflowUi.upgrade')}
            fields={dateFields(false)}
            submitLabel={t('workflowUi.upgrade')}
            onSubmit={(v, overrides) =>
              attempt('workflow:upgrade', {
                id: tie.id,
                version: tie.version,
                on: String(v.on),
                reason: String(v.reason),
                overrides,
              })
            }
          />
        );
      case 'letter':
        return (
          <FormDialog
            lang={lang}
            onClose={() => setForm(null)}
            title={t('lettersGrid.add')}
            fields={[
              { name: 'title', label: t('letterColumns.title'), kind: 'text' },
              {
                name: 'doc_type',
                label: t('letterColumns.doc_type'),
                kind: 'enum',
                vocabulary: 'letterType',
              },
              { name: 'signed_on', label: t('letterColumns.signed_on'), kind: 'date' },
              { name: 'signed_place', label: t('letterColumns.signed_place'), kind: 'text' },
              { name: 'our_signatory', label: t('letterColumns.our_signatory'), kind: 'text' },
              {
                name: 'partner_signatory',
                label: t('letterColumns.partner_signatory'),
                kind: 'text',
              },
              { name: 'follow_up_on', label: t('letterColumns.follow_up_on'), kind: 'date' },
            ]}
            submitLabel={t('ties.create')}
            onSubmit={(v) =>
              attempt('letters:create', {
                ...(v as Record<string, string>),
                title: String(v.title),
                tie_id: tie.id,
              })
            }
            onDone={() => {
              done();
              if (tie.stage !== 'contact') return;
              // Dropped on Intent: the letter was what the move needed, so it is made now.
              if (form.advance) void advanceToIntent();
              // Recording a letter for a tie still at first contact: offer to move it on.
              else setOfferIntent(true);
            }}
          />
        );
    }
  };

  const waiting = data.round.find((s) => s.submitted_on !== null && s.outcome === null);
  const rounds = [...new Set(data.rounds.map((s) => s.round))];
  const signing = [
    tie.signed_place ? t('workflowUi.signedAt', { place: tie.signed_place }) : null,
    tie.our_signatory || tie.partner_signatory
      ? t('workflowUi.signatories', {
          us: tie.our_signatory ?? '—',
          them: tie.partner_signatory ?? '—',
        })
      : null,
  ].filter((x): x is string => x !== null);
  return (
    <aside className="detail-panel" aria-labelledby="detail-title">
      <header>
        <h2 id="detail-title">
          {tie.local} – {tie.partner}{' '}
          <span className="muted">{countryName(tie.country, lang)}</span>
        </h2>
        <button
          type="button"
          className="detail-close"
          onClick={onClose}
          aria-label={t('actions.close')}
          title={t('actions.close')}
        >
          ×
        </button>
      </header>
      <p>
        <span className={`stage-badge stage-${tie.stage}`}>{stage(tie.stage)}</span>{' '}
        {enumLabel('kind', tie.kind, lang)}
        {tie.established_on ? ` · ${t('columns.established_on')} ${tie.established_on}` : ''}
      </p>

      {signing.length > 0 ? (
        <section aria-labelledby="signing-title">
          <h3 id="signing-title">{t('workflowUi.signing')}</h3>
          <p data-testid="signing">{signing.join(' · ')}</p>
        </section>
      ) : null}

      <section aria-labelledby="next-title" hidden={!canEdit}>
        <h3 id="next-title">{t('workflowUi.next')}</h3>
        <ul className="next-steps">
          {data.next.map((n) => {
            const blocking = n.missing.filter((m) => !FORM_SUPPLIES.includes(m));
            const viaSubmit = n.to === 'pending' && tie.stage === 'intent';
            return (
              <li key={n.to}>
                <button
                  type="button"
                  disabled={blocking.length > 0 && !viaSubmit}
                  onClick={() =>
                    setForm(viaSubmit ? { kind: 'submit' } : { kind: 'advance', to: n.to })
                  }
                >
                  {viaSubmit
                    ? t('workflowUi.submit')
                    : t('workflowUi.advanceTo', { stage: stage(n.to) })}
                </button>
                {blocking.length > 0 && !viaSubmit ? (
                  <span className="missing">
                    {t('workflowUi.needs', {
                      what: blocking
                        .map((m) => t(`requirements.${m}`))
                        .join(lang === 'zh' ? '、' : ', '),
                    })}
                  </span>
                ) : null}
              </li>
            );
          })}
          {tie.stage === 'established' && tie.kind === 'exchange' ? (
            <li>
              <button
                type="button"
                disabled={!data.upgrade.allowed}
                onClick={() => setForm({ kind: 'upgrade' })}
              >
                {t('workflowUi.upgrade')}
              </button>
              {!data.upgrade.allowed ? (
                <span className="missing">
                  {t('workflowUi.needs', {
                    what: data.upgrade.missing
                      .map((m) => t(`requirements.${m}`))
                      .join(lang === 'zh' ? '、' : ', '),
                  })}
                </span>
              ) : null}
            </li>
          ) : null}
        </ul>
      </section>

      <section aria-labelledby="letters-title">
        <h3 id="letters-title">
          {t('nav.letters')}{' '}
          {canEdit ? (
            <button type="button" className="small" onClick={() => setForm({ kind: 'letter' })}>
              {t('lettersGrid.add')}
            </button>
          ) : null}
        </h3>
        {data.letters.length === 0 ? <p className="muted">—</p> : null}
        <ul>
          {data.letters.map((l) => (
            <li key={l.id}>
              {l.title} · {enumLabel('letterType', l.doc_type, lang)} · {l.signed_on ?? '—'} ·{' '}
              {enumLabel('letterStatus', l.status, lang)}{' '}
              <ScanButtons letter={l} onChanged={() => setGeneration((g) => g + 1)} />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="steps-title">
        <h3 id="steps-title">{t('nav.approvals')}</h3>
        {data.rounds.length === 0 ? <p className="muted">—</p> : null}
        {rounds.map((r) => (
          <div key={r} className="round" data-testid={`round-${r}`}>
            <h4>{t('workflowUi.round', { round: r })}</h4>
            <ol className="steps">
              {data.rounds
                .filter((s) => s.round === r)
                .map((s) => (
                  <StepItem
                    key={s.id}
                    step={s}
                    lang={lang}
                    onDecide={
                      canDecide && waiting?.id === s.id
                        ? () => setForm({ kind: 'decide', step: s })
                        : null
                    }
                  />
                ))}
            </ol>
          </div>
        ))}
      </section>

      <section aria-labelledby="visits-title">
        <h3 id="visits-title">{t('nav.visits')}</h3>
        {visits.length === 0 ? <p className="muted">—</p> : null}
        <ul>
          {visits.map((v) => (
            <li key={v.id}>
              {enumLabel('direction', v.direction, lang)} · {v.start_on ?? '—'} · {v.leader ?? ''}{' '}
              {v.size ? `(${v.size})` : ''}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="timeline-title">
        <h3 id="timeline-title">{t('workflowUi.timeline')}</h3>
        <ol className="timeline" data-testid="timeline">
          {data.events.map((e) => (
            <li key={e.id}>
              <span className="when">{e.on ?? t('workflowUi.undated')}</span>{' '}
              <strong>
                {e.type === 'stage'
                  ? stage(e.stage)
                  : t('workflowUi.kindChange', {
                      kind: e.kind ? enumLabel('kind', e.kind, lang) : '',
                    })}
              </strong>
              {e.note ? <span className="note"> · {e.note}</span> : null}
              {e.confidential ? <span className="tag">{t('workflowUi.confidential')}</span> : null}
              <span className="muted"> · {e.recorded_by}</span>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="audit-title">
        <h3 id="audit-title">{t('workflowUi.recordHistory')}</h3>
        <ol className="audit">
          {history.map((a) => (
            <li key={a.seq}>
              {new Date(a.at).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB')} · {a.actor} ·{' '}
              {t(`workflowUi.action.${a.action}`, { defaultValue: a.action })}
              {a.action === 'update' ? (
                <ul className="changes">
                  {changeTexts(a.before, a.after, lang).map((c) => (
                    <li key={c}>{c}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
      {renderForm()}
      {offerIntent ? (
        <ConfirmDialog
          title={t('workflowUi.advanceTo', { stage: stage('intent') })}
          message={t('workflowUi.offerIntent')}
          confirmLabel={t('workflowUi.advance')}
          cancelLabel={t('actions.cancel')}
          onCancel={() => setOfferIntent(false)}
          onConfirm={() => {
            setOfferIntent(false);
            void advanceToIntent();
          }}
        />
      ) : null}
    </aside>
  );
}

function authorityOf(s: StepRow, lang: Lang): string {
  return lang === 'zh' ? s.authority_zh : s.authority_en;
}

/**
 * One step of a round: its authority, dates and outcome, both reference numbers, who recorded
 * the decision and why (a return's reason), or that it carries an earlier round's approval.
 */
function StepItem({
  step: s,
  lang,
  onDecide,
}: {
  step: StepRow;
  lang: Lang;
  onDecide: (() => void) | null;
}) {
  const { t } = useTranslation();
  const refs = [
    s.reference_no ? `${t('stepColumns.reference_no')} ${s.reference_no}` : null,
    s.decision_ref ? `${t('stepColumns.decision_ref')} ${s.decision_ref}` : null,
  ].filter((x): x is string => x !== null);
  return (
    <li className={s.outcome ?? (s.submitted_on ? 'waiting' : 'later')}>
      <span>{authorityOf(s, lang)}</span>{' '}
      <span className="muted">
        {s.submitted_on ?? ''}
        {s.decided_on ? ` → ${s.decided_on}` : ''}{' '}
        {s.outcome
          ? enumLabel('outcome', s.outcome, lang)
          : s.waiting_days !== null
            ? t('workflowUi.waitingDays', { count: s.waiting_days })
            : ''}
      </span>
      {s.carried_from_round !== null ? (
        <span className="tag">{t('workflowUi.carried', { round: s.carried_from_round })}</span>
      ) : null}
      {refs.length > 0 ? <div className="muted">{refs.join(' · ')}</div> : null}
      {s.note && s.outcome !== null && s.outcome !== 'approved' ? (
        <div className="note">{t('workflowUi.why', { reason: s.note })}</div>
      ) : s.note ? (
        <div className="muted">{s.note}</div>
      ) : null}
      {s.decided_by && s.carried_from_round === null ? (
        <div className="muted">{t('workflowUi.recordedBy', { name: s.decided_by })}</div>
      ) : null}
      {onDecide ? (
        <button type="button" className="small" onClick={onDecide}>
          {t('workflowUi.record')}
        </button>
      ) : null}
    </li>
  );
}
