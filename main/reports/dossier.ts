import { enumLabel, type Field } from '../../shared/enums';
import type { Lang } from '../../shared/i18n';
import type { LetterRow, StepRow, TieRow, VisitRow } from '../../shared/model';
import type { TieEvent } from '../../shared/timeline';
import type { TieAsOf, TieNames } from '../../shared/report/figures';
import { countryLabel, formatDate, localityName, placeName } from '../../shared/report/format';
import type { Translate } from '../../shared/report/narrative';
import { STAGE_ORDER } from '../../shared/stages';
import { footerText, localName, partnerName } from './annual';
import { documentHtml, esc, section, table } from './document';

/**
 * A tie's event as the dossier prints it: its confidential note already withheld, before any
 * document sees it. Here `confidential` says a note was withheld, so the document can mark the gap.
 */
export function withheldNote(e: TieEvent): TieEvent {
  return {
    ...e,
    note: e.confidential ? null : e.note,
    confidential: e.confidential && e.note !== null && e.note !== '',
    // Nor a reason given for an override: the dossier never printed one.
    override_reason: null,
  };
}

export interface DossierModel {
  readonly lang: Lang;
  readonly tie: TieRow;
  readonly timeline: readonly TieEvent[];
  readonly letters: readonly LetterRow[];
  readonly steps: readonly StepRow[];
  readonly visits: readonly VisitRow[];
  readonly officeName: string | null;
  /** Whether the footer says the document was prepared with Youcheng. */
  readonly generatedLine: boolean;
  readonly today: string;
}

export function dossierTitle(tie: TieRow, lang: Lang, t: Translate): string {
  const partner = placeName(tie.partner, { zh: tie.partner_zh }, lang);
  return t('report.dossierName', {
    title: t('report.dossierTitle'),
    local: localityName(tie.local, {}, lang),
    partner,
    country: countryLabel(tie.country, lang),
  });
}

function fields(list: readonly Field[], lang: Lang): string {
  return list.map((f) => enumLabel('field', f, lang)).join(lang === 'zh' ? '、' : ', ');
}

export function dossierHtml(m: DossierModel, t: Translate): string {
  const { lang, tie } = m;
  const title = dossierTitle(tie, lang, t);
  const record: [string, string | null][] = [
    [t('report.field.local'), localityName(tie.local, {}, lang)],
    [t('report.field.level'), enumLabel('level', tie.local_level, lang)],
    [t('report.field.partner'), tie.partner],
    [t('report.field.partnerZh'), tie.partner_zh],
    [t('report.field.country'), countryLabel(tie.country, lang)],
    [t('report.field.region'), tie.region],
    [t('report.field.kind'), enumLabel('kind', tie.kind, lang)],
    [t('report.field.stage'), enumLabel('stage', tie.stage, lang)],
    [t('report.field.contact'), tie.first_contact_on],
    [t('report.field.intent'), tie.intent_signed_on],
    [t('report.field.established'), tie.established_on],
    [t('report.field.signedPlace'), tie.signed_place],
    [t('report.field.ourSignatory'), tie.our_signatory],
    [t('report.field.partnerSignatory'), tie.partner_signatory],
    [t('report.field.fields'), tie.fields.length > 0 ? fields(tie.fields, lang) : null],
    [t('report.field.notes'), tie.notes],
  ];
  const body = [
    `<header class="doc-head">${m.officeName ? `<div class="office">${esc(m.officeName)}</div>` : ''}
<h1>${esc(title)}</h1><p class="meta">${esc(formatDate(m.today, lang))}</p></header>`,
    section(
      t('report.section.record'),
      `<dl class="record">${record
        .filter(([, v]) => v !== null && v !== '')
        .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`)
        .join('')}</dl>`,
    ),
    section(
      t('report.section.lettersOfTie'),
      table<LetterRow>(
        [
          { head: t('report.col.date'), cell: (l) => esc(l.signed_on ?? '—') },
          { head: t('report.col.title'), cell: (l) => esc(l.title) },
          {
            head: t('report.col.type'),
            cell: (l) => esc(enumLabel('letterType', l.doc_type, lang)),
          },
          {
            head: t('report.col.status'),
            cell: (l) => esc(enumLabel('letterStatus', l.status, lang)),
          },
        ],
        m.letters,
        { empty: t('report.none') },
      ),
    ),
    section(
      t('report.section.approvalsOfTie'),
      table<StepRow>(
        [
          { head: t('report.col.round'), cell: (s) => String(s.round), num: true },
          {
            head: t('report.col.authority'),
            cell: (s) => esc(lang === 'zh' ? s.authority_zh : s.authority_en),
          },
          { head: t('report.col.submitted'), cell: (s) => esc(s.submitted_on ?? '—') },
          { head: t('report.col.decided'), cell: (s) => esc(s.decided_on ?? '—') },
          {
            head: t('report.col.outcome'),
            cell: (s) =>
              esc(s.outcome ? enumLabel('outcome', s.outcome, lang) : '—') +
              (s.carried_from_round !== null
                ? `<br><span class="mark">${esc(t('report.carried', { round: s.carried_from_round }))}</span>`
                : ''),
          },
          { head: t('report.col.submissionRef'), cell: (s) => esc(s.reference_no ?? '') },
          { head: t('report.col.decisionRef'), cell: (s) => esc(s.decision_ref ?? '') },
          {
            head: t('report.col.recordedBy'),
            cell: (s) => esc(s.carried_from_round === null ? (s.decided_by ?? '') : ''),
          },
          // Why a step returned or rejected the file: the round's end, as the office wrote it.
          { head: t('report.col.reason'), cell: (s) => esc(s.note ?? '') },
        ],
        m.steps,
        { empty: t('report.none') },
      ),
    ),
    section(
      t('report.section.visitsOfTie'),
      table<VisitRow>(
        [
          { head: t('report.col.start'), cell: (v) => esc(v.start_on ?? '—') },
          {
            head: t('report.col.direction'),
            cell: (v) => esc(enumLabel('direction', v.direction, lang)),
          },
          {
            head: t('report.col.leader'),
            cell: (v) =>
              esc([v.leader, v.leader_title].filter(Boolean).join(lang === 'zh' ? '，' : ', ')),
          },
          { head: t('report.col.size'), cell: (v) => esc(v.size ?? ''), num: true },
          { head: t('report.col.field'), cell: (v) => esc(fields(v.fields, lang)) },
          { head: t('report.col.purpose'), cell: (v) => esc(v.purpose ?? '') },
        ],
        m.visits,
        { empty: t('report.none') },
      ),
    ),
    section(
      t('report.section.timeline'),
      table<TieEvent>(
        [
          { head: t('report.col.date'), cell: (e) => esc(e.on ?? '—') },
          { head: t('report.col.event'), cell: (e) => esc(eventLabel(e, lang, t)) },
          { head: t('report.col.recordedBy'), cell: (e) => esc(e.recorded_by) },
          {
            head: t('report.col.note'),
            cell: (e) =>
              e.confidential
                ? `<span class="mark">${esc(t('report.confidential'))}</span>`
                : esc(e.note ?? ''),
          },
        ],
        m.timeline,
        { empty: t('report.none') },
      ),
    ),
  ];
  return documentHtml({
    lang,
    title,
    headerLeft: m.officeName ?? '',
    headerRight: title,
    footerLeft: footerText(m.officeName ?? m.today, m.generatedLine, t),
    pageTemplate: t('report.page', { page: '{{page}}', pages: '{{pages}}' }),
    body: body.join('\n'),
  });
}

function eventLabel(e: TieEvent, lang: Lang, t: Translate): string {
  if (e.type === 'kind') {
    const kind = e.kind ? enumLabel('kind', e.kind, lang) : '';
    return e.from_kind
      ? t('report.event.kindFrom', { from: enumLabel('kind', e.from_kind, lang), kind })
      : t('report.event.kind', { kind });
  }
  const stage = e.stage ? enumLabel('stage', e.stage, lang) : '';
  return e.from_stage
    ? t('report.event.stageFrom', { from: enumLabel('stage', e.from_stage, lang), stage })
    : t('report.event.stage', { stage });
}

export interface CountryModel {
  readonly lang: Lang;
  readonly country: string;
  readonly asOf: string;
  /** Every live tie with a partner in the country that has a stage on the date. */
  readonly ties: readonly TieAsOf[];
  readonly officeName: string | null;
  /** Whether the footer says the document was prepared with Youcheng. */
  readonly generatedLine: boolean;
  readonly scopeName: string | null;
  readonly names: ReadonlyMap<string, TieNames>;
}

export function countryTitle(country: string, lang: Lang, t: Translate): string {
  return t('report.countryTitle', { country: countryLabel(country, lang) });
}

export function countryHtml(m: CountryModel, t: Translate): string {
  const { lang } = m;
  const title = countryTitle(m.country, lang, t);
  const order = (x: TieAsOf) => STAGE_ORDER.indexOf(x.stage ?? 'terminated');
  // Established and suspended first, then the pipeline from the nearest to signing, then ended.
  const rank = (x: TieAsOf) =>
    x.stage === 'established' || x.stage === 'suspended'
      ? 0
      : x.stage === 'terminated'
        ? 10
        : 5 - order(x);
  const ties = [...m.ties].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.establishedOn ?? '').localeCompare(b.establishedOn ?? '') ||
      localName(m.names, a, lang).localeCompare(localName(m.names, b, lang)) ||
      partnerName(m.names, a, lang).localeCompare(partnerName(m.names, b, lang)),
  );
  const count = (p: (x: TieAsOf) => boolean) => m.ties.filter(p).length;
  const established = (x: TieAsOf) => x.stage === 'established' || x.stage === 'suspended';
  const summary = t('report.countrySummary', {
    date: formatDate(m.asOf, lang),
    established: count(established),
    friendship: count((x) => established(x) && x.kind === 'friendship'),
    exchange: count((x) => established(x) && x.kind === 'exchange'),
    pipeline: count(
      (x) =>
        x.stage === 'contact' ||
        x.stage === 'intent' ||
        x.stage === 'pending' ||
        x.stage === 'approved',
    ),
    terminated: count((x) => x.stage === 'terminated'),
  });
  const body = [
    `<header class="doc-head">${m.officeName ? `<div class="office">${esc(m.officeName)}</div>` : ''}
<h1>${esc(title)}</h1><p class="meta">${esc(t('report.asOf', { date: formatDate(m.asOf, lang) }))}${
      m.scopeName ? ` · ${esc(t('report.scope', { name: m.scopeName }))}` : ''
    }</p></header>`,
    `<p>${esc(summary)}</p>`,
    table<TieAsOf>(
      [
        { head: t('report.col.local'), cell: (x) => esc(localName(m.names, x, lang)) },
        { head: t('report.col.level'), cell: (x) => esc(enumLabel('level', x.tie.level, lang)) },
        { head: t('report.col.partner'), cell: (x) => esc(partnerName(m.names, x, lang)) },
        { head: t('report.col.kind'), cell: (x) => esc(enumLabel('kind', x.kind, lang)) },
        {
          head: t('report.col.stage'),
          cell: (x) => esc(x.stage ? enumLabel('stage', x.stage, lang) : ''),
        },
        { head: t('report.col.established'), cell: (x) => esc(x.establishedOn ?? '—') },
      ],
      ties,
      { empty: t('report.none') },
    ),
  ];
  return documentHtml({
    lang,
    title,
    headerLeft: m.officeName ?? '',
    headerRight: `${title} · ${t('report.asOf', { date: formatDate(m.asOf, lang) })}`,
    footerLeft: footerText(m.officeName ?? m.asOf, m.generatedLine, t),
    pageTemplate: t('report.page', { page: '{{page}}', pages: '{{pages}}' }),
    body: body.join('\n'),
  });
}
