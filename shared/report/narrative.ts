import { CONTINENTS } from '../countries';
import type { Level } from '../enums';
import type { Lang } from '../i18n';
import type { Continent } from '../countries';
import {
  continentsInOrder,
  type AnnualFigures,
  type Period,
  type TieCounts,
  type TieNames,
} from './figures';
import { countryLabel, displayName, formatDate, formatPeriod, joinList } from './format';

/**
 * The annual summary's paragraph, built from the figures in the style of the published
 * provincial reports: totals, levels, kinds, continents, countries, new ties, the pipeline,
 * letters and approvals, delegations and next year's anniversaries. Plain text sentences; the
 * document escapes them.
 */

export type Translate = (key: string, params?: Record<string, unknown>) => string;

export interface VisitTotals {
  readonly outgoing: { readonly groups: number; readonly people: number };
  readonly incoming: { readonly groups: number; readonly people: number };
}

/** This period's and the same period's a year before: new ties, letters, delegations. */
export interface Comparison {
  readonly ties: readonly [now: number, before: number];
  readonly letters: readonly [now: number, before: number];
  readonly sent: readonly [now: number, before: number];
  readonly received: readonly [now: number, before: number];
}

export const COMPARED = ['ties', 'letters', 'sent', 'received'] as const;

export interface NarrativeInput {
  readonly lang: Lang;
  readonly period: Period;
  /** Whose ties: a named locality, or the office's own level ("the province"). */
  readonly subject: { readonly name: string } | { readonly level: Level };
  readonly figures: AnnualFigures;
  readonly counts: TieCounts;
  readonly visits: VisitTotals;
  /** Names of the ties the sentences may name (the new ones). */
  readonly names: (tieId: string) => TieNames | undefined;
  /** The same period a year before, where the document compares with it. */
  readonly compare?: Comparison | null;
  /** The office's order of continents; by count where it set none. */
  readonly continentOrder?: readonly Continent[] | null;
}

const LEVEL_ORDER: readonly Level[] = ['province', 'city', 'county'];
/** Countries named one by one before the rest are summed up. */
const COUNTRY_GROUPS = 6;
/** New ties named in the sentence; more are left to the table. */
const NAMED_NEW_TIES = 5;

/** The paragraph's sentences in three paragraphs: the ties, the year's work, the visits. */
export function narrative(input: NarrativeInput, t: Translate): string[] {
  const { lang, period, figures, counts } = input;
  const e = figures.established;
  const subject =
    'name' in input.subject ? input.subject.name : t(`report.subject.${input.subject.level}`);
  const date = formatDate(period.asOf, lang);
  const overview: string[] = [];
  let out = overview;

  if (e.total === 0) {
    out.push(t('report.sentence.none', { date, subject }));
  } else {
    const continents = CONTINENTS.filter((c) => e.byContinent[c] > 0).length;
    out.push(
      t('report.sentence.total', {
        date,
        subject,
        ties: t('report.n.friendshipCities', { count: e.total }),
        countries: t('report.n.countries', { count: e.countries }),
        continents: t('report.n.continents', { count: continents }),
      }),
    );
    out.push(levels(e.byLevel, t, lang));
    if (e.byKind.friendship > 0 && e.byKind.exchange > 0) {
      out.push(
        t('report.sentence.kinds', {
          friendship: t('report.sentence.kindFriendship', { count: e.byKind.friendship }),
          exchange: t('report.sentence.kindExchange', { count: e.byKind.exchange }),
        }),
      );
    } else if (e.byKind.exchange > 0) {
      out.push(t('report.sentence.kindsExchangeOnly', { count: e.byKind.exchange }));
    }
    if (e.suspended > 0) out.push(t('report.sentence.suspended', { count: e.suspended }));
    const byContinent = continentsInOrder(e.byContinent, input.continentOrder ?? null)
      .filter((c) => e.byContinent[c] > 0)
      .map((c) =>
        t('report.sentence.inPlace', {
          count: e.byContinent[c],
          place: t(`report.continent.${c}`),
        }),
      );
    out.push(t('report.sentence.continents', { list: joinList(byContinent, lang, listSep(lang)) }));
    out.push(t('report.sentence.countries', { list: countries(e.byCountry, t, lang) }));
  }

  const work: string[] = [];
  out = work;
  const sinceDate = formatDate(period.since, lang);
  const fresh = counts.establishedInPeriod;
  if (fresh.length === 0) {
    out.push(t('report.sentence.sinceNone', { date: sinceDate }));
  } else if (fresh.length > NAMED_NEW_TIES) {
    out.push(t('report.sentence.sinceMany', { date: sinceDate, count: fresh.length }));
  } else {
    const names = fresh.map((x) => {
      const n = input.names(x.tie.id);
      return t('report.sentence.withPartner', {
        partner: n ? displayName(n.partner, n.partnerNames, lang) : '',
        country: countryLabel(x.tie.country, lang),
      });
    });
    out.push(
      t('report.sentence.since', {
        date: sinceDate,
        count: fresh.length,
        names: joinList(names, lang),
      }),
    );
  }

  const p = figures.pipeline;
  const pipeline = [
    p.approved > 0 ? t('report.sentence.pipelineApproved', { count: p.approved }) : null,
    p.pending > 0 ? t('report.sentence.pipelinePending', { count: p.pending }) : null,
    // Ties at the intent stage, not letters: a tie may be at intent with no letter on record.
    p.intent > 0 ? t('report.sentence.pipelineIntent', { count: p.intent }) : null,
    p.contact > 0
      ? t('report.sentence.pipelineContact', {
          count: p.contact,
          cities: t('report.n.cities', { count: p.contact }),
        })
      : null,
  ].filter((s): s is string => s !== null);
  if (pipeline.length > 0)
    out.push(t('report.sentence.pipeline', { list: joinList(pipeline, lang, listSep(lang)) }));

  const letters = figures.lettersOfIntent.signedInPeriod;
  if (letters > 0) {
    const phrase = t('report.n.letters', { count: letters });
    out.push(
      t('report.sentence.letters', {
        letters: t('report.sentence.lettersVerb', { count: letters, letters: phrase }),
      }),
    );
  }
  const waiting = figures.approvals.waiting;
  if (waiting > 0) {
    out.push(
      t('report.sentence.waiting', {
        count: waiting,
        steps: t('report.n.steps', { count: waiting }),
      }),
    );
  }

  const visits: string[] = [];
  out = visits;
  const v = input.visits;
  const visitPeriod = formatPeriod(period.since, period.asOf, lang);
  if (v.outgoing.groups === 0 && v.incoming.groups === 0) {
    out.push(t('report.sentence.visitsNone', { period: visitPeriod }));
  } else {
    out.push(
      t('report.sentence.visits', {
        period: visitPeriod,
        subject,
        sent: t('report.n.delegations', { count: v.outgoing.groups }),
        sentPeople: t('report.n.people', { count: v.outgoing.people }),
        received: t('report.n.delegations', { count: v.incoming.groups }),
        receivedPeople: t('report.n.people', { count: v.incoming.people }),
      }),
    );
  }

  const compare = input.compare;
  if (compare) {
    // What neither period had is not worth a word ("stayed at 0").
    const items = COMPARED.filter((what) => compare[what].some((n) => n > 0)).map((what) => {
      const [now, before] = compare[what];
      const change = now > before ? 'up' : now < before ? 'down' : 'same';
      return t(`report.compare.${what}.${change}`, {
        now,
        before,
        count: Math.abs(now - before),
      });
    });
    if (items.length > 0)
      out.push(t('report.sentence.compare', { list: joinList(items, lang, listSep(lang)) }));
  }

  if (figures.anniversaries.length > 0) {
    out.push(
      t('report.sentence.anniversaries', {
        count: figures.anniversaries.length,
        year: Number(period.asOf.slice(0, 4)) + 1,
      }),
    );
  }
  return [overview, work, visits]
    .filter((p) => p.length > 0)
    .map((p) => p.map((s) => capitalize(s, lang)).join(lang === 'zh' ? '' : ' '));
}

function listSep(lang: Lang): string | undefined {
  return lang === 'zh' ? '，' : undefined;
}

function capitalize(sentence: string, lang: Lang): string {
  return lang === 'en' ? sentence.charAt(0).toUpperCase() + sentence.slice(1) : sentence;
}

function levels(byLevel: Readonly<Record<Level, number>>, t: Translate, lang: Lang): string {
  const present = LEVEL_ORDER.filter((l) => byLevel[l] > 0);
  const only = present[0];
  if (present.length === 1 && only !== undefined) {
    return t('report.sentence.levelOnly', {
      count: byLevel[only],
      level: t(`report.levelAdj.${only}`),
    });
  }
  const items = present.map((l, i) =>
    t(i === 0 ? 'report.sentence.levelItemFirst' : 'report.sentence.levelItem', {
      count: byLevel[l],
      level: t(`report.levelAdj.${l}`),
    }),
  );
  return t('report.sentence.levels', { list: joinList(items, lang, listSep(lang)) });
}

/**
 * "10 in Japan; 8 in the United States; 5 each in Germany, Australia and Italy; and 14 in 12
 * other countries": countries with the same count share an item, the most first; countries
 * with a single tie, and any beyond the first groups, are summed up.
 */
function countries(byCountry: Readonly<Record<string, number>>, t: Translate, lang: Lang): string {
  const groups = new Map<number, string[]>();
  for (const [code, count] of Object.entries(byCountry)) {
    const list = groups.get(count) ?? [];
    list.push(code);
    groups.set(count, list);
  }
  const ordered = [...groups.entries()].sort((a, b) => b[0] - a[0]);
  const named = ordered.filter(([count]) => count >= 2).slice(0, COUNTRY_GROUPS);
  const rest = ordered.filter((g) => !named.includes(g));
  // Countries with the same count are named in the order the language sorts (pinyin in Chinese).
  const collator = new Intl.Collator(lang === 'zh' ? 'zh-u-co-pinyin' : 'en');
  const items = named.map(([count, codes]) => {
    const sorted = [...codes].sort((a, b) =>
      collator.compare(countryLabel(a, lang), countryLabel(b, lang)),
    );
    const places = joinList(
      sorted.map((c) => countryLabel(c, lang, { article: true })),
      lang,
    );
    return codes.length === 1
      ? t('report.sentence.inPlace', { count, place: places })
      : t('report.sentence.eachInPlaces', { count, places });
  });
  const restCodes = rest.flatMap(([, codes]) => codes);
  const restTotal = rest.reduce((sum, [count, codes]) => sum + count * codes.length, 0);
  const only = restCodes[0];
  if (items.length === 0 && restCodes.length > 1 && restTotal === restCodes.length) {
    // Nothing named before them, so not "other" countries: one tie in each.
    items.push(t('report.sentence.oneEach', { count: restCodes.length }));
  } else if (restCodes.length === 1 && only !== undefined) {
    items.push(
      t('report.sentence.inPlace', {
        count: restTotal,
        place: countryLabel(only, lang, { article: true }),
      }),
    );
  } else if (restCodes.length > 1) {
    items.push(t('report.sentence.otherCountries', { count: restTotal, others: restCodes.length }));
  }
  const grouped = items.some((i) => /,|、/.test(i));
  return joinList(items, lang, lang === 'zh' ? '，' : grouped ? '; ' : ', ');
}
