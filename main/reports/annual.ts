import type { PeriodLetter, VisitTallies, WaitingStep } from '../../db/reports.repository';
import { CONTINENTS, continentOf, type Continent } from '../../shared/countries';
import { daysBetween } from '../../shared/dates';
import {
  enumLabel,
  FIELDS,
  KINDS,
  LEVELS,
  type Field,
  type Kind,
  type Level,
  type LetterType,
} from '../../shared/enums';
import type { Lang } from '../../shared/i18n';
import {
  continentsInOrder,
  type AnnualFigures,
  type Period,
  type TieAsOf,
  type TieCounts,
  type TieNames,
} from '../../shared/report/figures';
import {
  countryLabel,
  formatDate,
  formatPeriod,
  localityName,
  placeName,
} from '../../shared/report/format';
import type { LocalityFigures } from '../../shared/report/localities';
import { COMPARED, type Comparison, type Translate } from '../../shared/report/narrative';
import { PIPELINE_STAGES } from '../../shared/stages';
import { continentChart, perYearChart } from './charts';
import { documentHtml, esc, section, table, type Column } from './document';

/** Everything the annual summary prints, loaded and counted by the report service. */
export interface AnnualModel {
  readonly lang: Lang;
  readonly period: Period;
  readonly figures: AnnualFigures;
  readonly counts: TieCounts;
  readonly narrative: readonly string[];
  readonly letters: readonly PeriodLetter[];
  readonly waiting: readonly WaitingStep[];
  readonly visits: VisitTallies;
  /** The office's name in the report's language (the Chinese name where no English one is set). */
  readonly officeName: string | null;
  /** The signature line in the report's language; null: the office name. */
  readonly signature: string | null;
  /** Whether the footer says the document was prepared with Youcheng (a setting, off by default). */
  readonly generatedLine: boolean;
  /** The table by locality; fewer than two rows are not printed. */
  readonly localities: readonly LocalityFigures[];
  /** The same period a year before; null when the document does not compare. */
  readonly compare: Comparison | null;
  /** The locality the report is scoped to, in the report's language; null for all. */
  readonly scopeName: string | null;
  readonly overrides: Readonly<Record<string, Continent>>;
  /** The office's order of continents; null: by count, the most first. */
  readonly continentOrder: readonly Continent[] | null;
  /** Names of the ties the document lists. */
  readonly names: ReadonlyMap<string, TieNames>;
  /** Public reasons of the suspensions in force, by `tieId#seq`. */
  readonly reasons: ReadonlyMap<string, string>;
}

const pct = (part: number, whole: number) =>
  whole === 0 ? '0%' : `${((part / whole) * 100).toFixed(1)}%`;

const GROUPED = new Intl.NumberFormat('en-US');
/** A closing table this short never splits from the signature. */
const KEEP_WHOLE = 8;
/** A count in a table cell, its thousands grouped (12,345) as the published reports print them. */
export const num = (n: number): string => GROUPED.format(n);

function tieColumns(m: AnnualModel, t: Translate): Column<TieAsOf>[] {
  return [
    { head: t('report.col.local'), cell: (x) => esc(localName(m.names, x, m.lang)) },
    { head: t('report.col.partner'), cell: (x) => esc(partnerName(m.names, x, m.lang)) },
    { head: t('report.col.country'), cell: (x) => esc(countryLabel(x.tie.country, m.lang)) },
    { head: t('report.col.kind'), cell: (x) => esc(enumLabel('kind', x.kind, m.lang)) },
  ];
}

export function localName(names: ReadonlyMap<string, TieNames>, x: TieAsOf, lang: Lang): string {
  const n = names.get(x.tie.id);
  return n ? localityName(n.local, n.localNames, lang) : '';
}

export function partnerName(names: ReadonlyMap<string, TieNames>, x: TieAsOf, lang: Lang): string {
  const n = names.get(x.tie.id);
  return n ? placeName(n.partner, n.partnerNames, lang) : '';
}

/** Both sides of a letter's or a step's tie, named in the report's language. */
function sides(r: PeriodLetter | WaitingStep, lang: Lang) {
  return {
    local: localityName(r.local, { zh: r.local_zh, en: r.local_en }, lang),
    partner: placeName(r.partner, { zh: r.partner_zh, en: r.partner_en }, lang),
  };
}

/** Sorts in the order Chinese is sorted (pinyin) in a Chinese document, alphabetically in English. */
export function collatorFor(lang: Lang): Intl.Collator {
  return new Intl.Collator(lang === 'zh' ? 'zh-u-co-pinyin' : 'en');
}

/** Ties in print order: by our locality, then partner, in the report's language. */
export function byNames(
  names: ReadonlyMap<string, TieNames>,
  lang: Lang,
): (a: TieAsOf, b: TieAsOf) => number {
  const collator = collatorFor(lang);
  return (a, b) =>
    collator.compare(localName(names, a, lang), localName(names, b, lang)) ||
    collator.compare(partnerName(names, a, lang), partnerName(names, b, lang)) ||
    (a.tie.id < b.tie.id ? -1 : 1);
}

export function annualTitle(m: Pick<AnnualModel, 'officeName'>, t: Translate): string {
  return m.officeName ? `${m.officeName} · ${t('report.annualTitle')}` : t('report.annualTitle');
}

export function annualHtml(m: AnnualModel, t: Translate): string {
  const { lang, period, figures, counts } = m;
  const e = figures.established;
  const periodText = formatPeriod(period.since, period.asOf, lang);
  const asOfText = formatDate(period.asOf, lang);
  const nextYear = Number(period.asOf.slice(0, 4)) + 1;
  const parts: string[] = [];

  // The office's name once on the first page, as its letterhead: the running header that
  // repeats it starts on page 2 (documentHtml).
  parts.push(`<header class="doc-head">
${m.officeName ? `<div class="office">${esc(m.officeName)}</div>` : ''}
<h1>${esc(t('report.annualTitle'))}</h1>
<p class="meta">${esc(t('report.period', { period: periodText }))} · ${esc(t('report.asOf', { date: asOfText }))}${
    m.scopeName ? ` · ${esc(t('report.scope', { name: m.scopeName }))}` : ''
  }</p>
</header>`);

  const pipelineTotal = PIPELINE_STAGES.reduce((s, k) => s + figures.pipeline[k], 0);
  const continents = CONTINENTS.filter((c) => e.byContinent[c] > 0).length;
  const key = (label: string, value: number) =>
    `<div class="key"><b>${num(value)}</b><span>${esc(label)}</span></div>`;
  parts.push(`<div class="keys">
${key(t('report.key.established'), e.total)}
${key(t('report.key.countries'), e.countries)}
${key(t('report.key.continents'), continents)}
${key(t('report.key.since'), e.since)}
${key(t('report.key.suspended'), e.suspended)}
${key(t('report.key.pipeline'), pipelineTotal)}
${key(t('report.key.sent'), figures.visits.outgoing)}
${key(t('report.key.received'), figures.visits.incoming)}
</div>`);

  parts.push(
    section(
      t('report.section.summary'),
      `<div class="narrative ${lang}">${m.narrative.map((s) => `<p>${esc(s)}</p>`).join('')}</div>${
        counts.undated > 0
          ? `<p class="note">${esc(t('report.undatedNote', { count: counts.undated }))}</p>`
          : ''
      }`,
    ),
  );

  // Tables that may split over pages come first, before the charts, so page 1 fills up.
  const compare = m.compare;
  if (compare && COMPARED.some((w) => compare[w].some((n) => n > 0)))
    parts.push(compareSection(compare, t));
  if (m.localities.length > 1) parts.push(localitySection(m, t));

  // Continents by count, the most first, as the published reports list them (or as the
  // office set them).
  const continentOrder = continentsInOrder(e.byContinent, m.continentOrder).filter(
    (c) => c !== 'AN' || e.byContinent.AN > 0,
  );
  const continentRows = continentOrder
    .filter((c) => e.byContinent[c] > 0)
    .map((c) => ({ label: t(`report.continent.${c}`), value: e.byContinent[c] }));
  const continentTable = table<Continent>(
    [
      { head: t('report.col.continent'), cell: (c) => esc(t(`report.continent.${c}`)) },
      { head: t('report.col.ties'), cell: (c) => num(e.byContinent[c]), num: true },
      { head: t('report.col.share'), cell: (c) => pct(e.byContinent[c], e.total), num: true },
    ],
    continentOrder,
    { foot: [esc(t('report.col.total')), num(e.total), e.total > 0 ? '100%' : '0%'] },
  );
  parts.push(section(t('report.section.byContinent'), continentTable));

  // By count, the most first; equal counts by name, in pinyin order in Chinese.
  const countryOrder = collatorFor(lang);
  const countries = Object.entries(e.byCountry).sort(
    ([a, x], [b, y]) => y - x || countryOrder.compare(countryLabel(a, lang), countryLabel(b, lang)),
  );
  parts.push(
    section(
      t('report.section.byCountry'),
      table<[string, number]>(
        [
          { head: t('report.col.country'), cell: ([c]) => esc(countryLabel(c, lang)) },
          {
            head: t('report.col.continent'),
            cell: ([c]) => esc(t(`report.continent.${continentOf(c, m.overrides)}`)),
          },
          { head: t('report.col.ties'), cell: ([, n]) => num(n), num: true },
          { head: t('report.col.share'), cell: ([, n]) => pct(n, e.total), num: true },
        ],
        countries,
        {
          empty: t('report.none'),
          foot: [esc(t('report.col.total')), '', num(e.total), e.total > 0 ? '100%' : '0%'],
        },
      ),
    ),
  );

  // Charts: ties by continent, and ties established per year, side by side.
  const charts: string[] = [];
  if (continentRows.length > 0) {
    charts.push(
      `<div class="chart"><h3>${esc(t('report.section.byContinent'))}</h3>${continentChart(continentRows, { width: 330, height: Math.max(120, 40 + continentRows.length * 26) })}</div>`,
    );
  }
  if (Object.keys(counts.perYear).length > 0) {
    const chart = perYearChart(counts.perYear, Number(period.asOf.slice(0, 4)), {
      width: 330,
      height: 200,
    });
    charts.push(`<div class="chart"><h3>${esc(t('report.section.perYear'))}</h3>${chart}</div>`);
  }
  if (charts.length > 0)
    parts.push(
      section(t('report.section.charts'), `<div class="charts">${charts.join('\n')}</div>`),
    );

  const levelTable = table<Level>(
    [
      { head: t('report.col.level'), cell: (l) => esc(enumLabel('level', l, lang)) },
      { head: t('report.col.ties'), cell: (l) => num(e.byLevel[l]), num: true },
    ],
    Object.keys(LEVELS) as Level[],
    { foot: [esc(t('report.col.total')), num(e.total)] },
  );
  const kindTable = table<Kind>(
    [
      { head: t('report.col.kind'), cell: (k) => esc(enumLabel('kind', k, lang)) },
      { head: t('report.col.ties'), cell: (k) => num(e.byKind[k]), num: true },
    ],
    Object.keys(KINDS) as Kind[],
    { foot: [esc(t('report.col.total')), num(e.total)] },
  );
  parts.push(
    `<div class="pair">${section(t('report.section.byLevel'), levelTable)}${section(t('report.section.byKind'), kindTable)}</div>`,
  );

  parts.push(
    section(
      t('report.section.establishedInPeriod'),
      table<TieAsOf>(
        [
          { head: t('report.col.established'), cell: (x) => esc(x.establishedOn) },
          ...tieColumns(m, t),
        ],
        counts.establishedInPeriod,
        { empty: t('report.none') },
      ),
    ),
  );

  if (counts.suspendedTies.length > 0) {
    const reason = (x: TieAsOf) =>
      x.suspension ? m.reasons.get(`${x.tie.id}#${x.suspension.seq}`) : undefined;
    const suspended = table<TieAsOf>(
      [
        ...tieColumns(m, t).slice(0, 3),
        { head: t('report.col.established'), cell: (x) => esc(x.establishedOn ?? '—') },
        { head: t('report.col.suspendedOn'), cell: (x) => esc(x.suspension?.on ?? '—') },
        // Only a public reason reaches here: confidential ones are never read for reports.
        { head: t('report.col.reason'), cell: (x) => esc(reason(x) ?? '—') },
      ],
      [...counts.suspendedTies].sort(byNames(m.names, lang)),
    );
    parts.push(section(t('report.section.suspended'), suspended));
  }

  const stagesDown = [...PIPELINE_STAGES].reverse();
  const order = byNames(m.names, lang);
  const pipelineRows = stagesDown.flatMap((stage) => [...counts.pipelineTies[stage]].sort(order));
  const pipelineCounts = table<(typeof PIPELINE_STAGES)[number]>(
    [
      { head: t('report.col.stage'), cell: (s) => esc(enumLabel('stage', s, lang)) },
      { head: t('report.col.ties'), cell: (s) => num(figures.pipeline[s]), num: true },
    ],
    stagesDown,
    { foot: [esc(t('report.col.total')), num(pipelineTotal)] },
  );
  const pipelineList =
    pipelineRows.length === 0
      ? ''
      : table<TieAsOf>(
          [
            {
              head: t('report.col.stage'),
              cell: (x) => esc(x.stage ? enumLabel('stage', x.stage, lang) : ''),
            },
            ...tieColumns(m, t),
          ],
          pipelineRows,
        );
  parts.push(section(t('report.section.pipeline'), pipelineCounts + pipelineList));

  parts.push(
    section(
      t('report.section.letters'),
      table<PeriodLetter>(
        [
          { head: t('report.col.date'), cell: (l) => esc(l.signed_on) },
          { head: t('report.col.local'), cell: (l) => esc(sides(l, lang).local) },
          { head: t('report.col.partner'), cell: (l) => esc(sides(l, lang).partner) },
          { head: t('report.col.country'), cell: (l) => esc(countryLabel(l.country, lang)) },
          { head: t('report.col.title'), cell: (l) => esc(l.title) },
          {
            head: t('report.col.type'),
            cell: (l) => esc(enumLabel('letterType', l.doc_type as LetterType, lang)),
          },
        ],
        m.letters,
        { empty: t('report.none') },
      ),
    ),
  );

  parts.push(
    section(
      t('report.section.approvals'),
      table<WaitingStep>(
        [
          { head: t('report.col.submitted'), cell: (s) => esc(s.submitted_on) },
          { head: t('report.col.local'), cell: (s) => esc(sides(s, lang).local) },
          { head: t('report.col.partner'), cell: (s) => esc(sides(s, lang).partner) },
          { head: t('report.col.country'), cell: (s) => esc(countryLabel(s.country, lang)) },
          {
            head: t('report.col.authority'),
            cell: (s) => esc(lang === 'zh' ? s.authority_zh : s.authority_en),
          },
          {
            head: t('report.col.daysWaiting'),
            cell: (s) => num(Math.max(0, daysBetween(s.submitted_on, period.asOf))),
            num: true,
          },
          { head: t('report.col.reference'), cell: (s) => esc(s.reference_no ?? '') },
        ],
        m.waiting,
        { empty: t('report.none') },
      ),
    ),
  );

  parts.push(visitsSection(m, t));

  const signer = m.signature ?? m.officeName ?? '';
  const field = (label: string) =>
    `<div class="sign-field"><span>${esc(label)}</span><span class="line"></span></div>`;
  const signature = `<div class="signature">
<div>${field(t('report.preparedBy'))}${field(t('report.reviewedBy'))}</div>
<div class="who"><b>${esc(signer)}</b><span>${esc(formatDate(period.asOf, lang))}</span></div>
</div>`;
  // The last section and the signature stay together (the signature never starts a page).
  parts.push(
    section(
      t('report.section.anniversaries', { year: nextYear }),
      table<TieCounts['anniversaries'][number]>(
        [
          { head: t('report.col.established'), cell: (a) => esc(a.tie.establishedOn) },
          { head: t('report.col.local'), cell: (a) => esc(localName(m.names, a.tie, lang)) },
          {
            head: t('report.col.partner'),
            cell: (a) =>
              `${esc(partnerName(m.names, a.tie, lang))}${
                a.tie.stage === 'suspended'
                  ? ` <span class="mark">(${esc(t('report.suspendedMark'))})</span>`
                  : ''
              }`,
          },
          {
            head: t('report.col.country'),
            cell: (a) => esc(countryLabel(a.tie.tie.country, lang)),
          },
          { head: t('report.col.years'), cell: (a) => num(a.years), num: true },
        ],
        counts.anniversaries,
        { empty: t('report.none') },
      ) + signature,
      // A short last table goes with the signature whole, rather than leave a row behind.
      counts.anniversaries.length <= KEEP_WHOLE ? 'closing keep' : 'closing',
    ),
  );

  const title = annualTitle(m, t);
  return documentHtml({
    lang,
    title: `${title} (${periodText})`,
    // Without an office name the header's right side, the title, says enough.
    headerLeft: m.officeName ?? '',
    headerRight: `${t('report.annualTitle')} · ${t('report.asOf', { date: asOfText })}`,
    footerLeft: footerText(m.officeName ?? periodText, m.generatedLine, t),
    pageTemplate: t('report.page', { page: '{{page}}', pages: '{{pages}}' }),
    body: parts.join('\n'),
  });
}

/** The footer: the office, and "prepared with Youcheng" only where the office wants it said. */
export function footerText(left: string, generatedLine: boolean, t: Translate): string {
  return generatedLine ? `${left} · ${t('report.generated')}` : left;
}

function compareSection(c: Comparison, t: Translate): string {
  const change = (now: number, before: number) =>
    now === before ? '0' : `${now > before ? '+' : '−'}${num(Math.abs(now - before))}`;
  return section(
    t('report.section.compare'),
    table<(typeof COMPARED)[number]>(
      [
        { head: t('report.col.item'), cell: (w) => esc(t(`report.compareRow.${w}`)) },
        { head: t('report.col.thisPeriod'), cell: (w) => num(c[w][0]), num: true },
        { head: t('report.col.lastYear'), cell: (w) => num(c[w][1]), num: true },
        { head: t('report.col.change'), cell: (w) => change(c[w][0], c[w][1]), num: true },
      ],
      COMPARED,
    ),
  );
}

function localitySection(m: AnnualModel, t: Translate): string {
  const e = m.figures.established;
  const name = (r: LocalityFigures) => {
    const n = localityName(r.locality.name, r.locality.names, m.lang);
    return r.own ? t('report.provinceOwn', { name: n }) : n;
  };
  const collator = collatorFor(m.lang);
  const rows = [...m.localities].sort(
    (a, b) => Number(b.own) - Number(a.own) || collator.compare(name(a), name(b)),
  );
  return section(
    t('report.section.byLocality'),
    table<LocalityFigures>(
      [
        { head: t('report.col.local'), cell: (r) => esc(name(r)) },
        { head: t('report.col.ties'), cell: (r) => num(r.total), num: true },
        { head: t('report.col.countries'), cell: (r) => num(r.countries), num: true },
        { head: t('report.col.newInPeriod'), cell: (r) => num(r.since), num: true },
      ],
      rows,
      { foot: [esc(t('report.col.total')), num(e.total), num(e.countries), num(e.since)] },
    ),
  );
}

function visitsSection(m: AnnualModel, t: Translate): string {
  const { lang } = m;
  const tally = (
    rows: VisitTallies['total'],
    direction: 'outgoing' | 'incoming',
    key: string | null,
  ) => rows.find((r) => r.direction === direction && r.key === key) ?? { groups: 0, people: 0 };
  const totals = table<'outgoing' | 'incoming'>(
    [
      { head: t('report.col.direction'), cell: (d) => esc(enumLabel('direction', d, lang)) },
      {
        head: t('report.col.groups'),
        cell: (d) => num(tally(m.visits.total, d, null).groups),
        num: true,
      },
      {
        head: t('report.col.people'),
        cell: (d) => num(tally(m.visits.total, d, null).people),
        num: true,
      },
    ],
    ['outgoing', 'incoming'],
  );
  const split = (rows: VisitTallies['byField']): Column<string | null>[] => [
    {
      head: t('report.col.sentGroups'),
      cell: (k) => num(tally(rows, 'outgoing', k).groups),
      num: true,
    },
    {
      head: t('report.col.sentPeople'),
      cell: (k) => num(tally(rows, 'outgoing', k).people),
      num: true,
    },
    {
      head: t('report.col.receivedGroups'),
      cell: (k) => num(tally(rows, 'incoming', k).groups),
      num: true,
    },
    {
      head: t('report.col.receivedPeople'),
      cell: (k) => num(tally(rows, 'incoming', k).people),
      num: true,
    },
  ];
  const fieldKeys: (string | null)[] = (Object.keys(FIELDS) as Field[]).filter((f) =>
    m.visits.byField.some((r) => r.key === f),
  );
  if (m.visits.byField.some((r) => r.key === null)) fieldKeys.push(null);
  const byField = table<string | null>(
    [
      {
        head: t('report.col.field'),
        cell: (k) => esc(k === null ? t('report.noField') : enumLabel('field', k as Field, lang)),
      },
      ...split(m.visits.byField),
    ],
    fieldKeys,
    { empty: t('report.none') },
  );
  const countryKeys = [...new Set(m.visits.byCountry.map((r) => r.key))].sort((a, b) => {
    const size = (k: string | null) =>
      m.visits.byCountry.filter((r) => r.key === k).reduce((s, r) => s + r.groups, 0);
    return a === null ? 1 : b === null ? -1 : size(b) - size(a) || a.localeCompare(b);
  });
  const total = (d: 'outgoing' | 'incoming') => tally(m.visits.total, d, null);
  const byCountry = table<string | null>(
    [
      {
        head: t('report.col.country'),
        cell: (k) => esc(k === null ? t('report.noCountry') : countryLabel(k, lang)),
      },
      ...split(m.visits.byCountry),
    ],
    countryKeys,
    {
      empty: t('report.none'),
      foot: [
        esc(t('report.col.total')),
        num(total('outgoing').groups),
        num(total('outgoing').people),
        num(total('incoming').groups),
        num(total('incoming').people),
      ],
    },
  );
  return (
    section(t('report.section.visits'), totals) +
    section(
      t('report.section.visitsByField'),
      `${byField}${fieldKeys.length > 0 ? `<p class="note">${esc(t('report.multiField'))}</p>` : ''}`,
    ) +
    section(t('report.section.visitsByCountry'), byCountry)
  );
}
