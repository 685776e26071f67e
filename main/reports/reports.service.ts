import { tieEventsOf } from '../../db/events.repository';
import { listLetters } from '../../db/letters.repository';
import { findLocalityByName, getLocality, listLocalities } from '../../db/localities.repository';
import { createReportTieCache, scopedReportSource, type ReportSource } from './cache';
import {
  loadReportTies,
  loadTieNames,
  localityScope,
  publicReasons,
  type VisitTallies,
} from '../../db/reports.repository';
import type { Row } from '../../db/schema';
import { listSteps } from '../../db/steps.repository';
import { getTieRow } from '../../db/ties.repository';
import { listVisits } from '../../db/visits.repository';
import { dayOf, precisionOf, type PartialDate } from '../../shared/dates';
import { establishedOnAsOf } from '../../shared/timeline';
import type { Level } from '../../shared/enums';
import { createI18n, type Lang } from '../../shared/i18n';
import type { ParsedInputOf } from '../../shared/ipc/contract';
import type { ReportDocument, ReportPdf, ReportRequest } from '../../shared/ipc/reports';
import {
  annualFigures,
  namedTieIds,
  startOfYear,
  tieAsOf,
  yearBefore,
  type AnnualFigures,
  type Period,
} from '../../shared/report/figures';
import { localityName } from '../../shared/report/format';
import { localityFigures } from '../../shared/report/localities';
import {
  narrative,
  type Comparison,
  type Translate,
  type VisitTotals,
} from '../../shared/report/narrative';
import type { Settings } from '../../shared/settings';
import type { CallContext } from '../core/context';
import { AppError } from '../core/errors';
import { annualHtml, annualTitle, type AnnualModel } from './annual';
import { chromiumPdf } from './chromium';
import { countryHtml, countryTitle, dossierHtml, dossierTitle, withheldNote } from './dossier';
import type { SettingsService } from '../settings/settings.service';
import type { ServiceDeps } from '../core/transaction';

/**
 * Reports: loads with lean SQL (db/reports.repository.ts), counts with the pure rules of
 * shared/report, and prints through the host's engine: Electron's printToPDF in the app,
 * Chromium (Playwright) in the browser host and the CLI.
 */

/** Turns a report's HTML into PDF bytes. */
export type PdfEngine = (html: string) => Promise<Uint8Array>;

function refused(path: string, key: string, params: Record<string, unknown>): AppError {
  return new AppError('validation', key, params, { details: [{ path: [path], key, params }] });
}

const LEVEL_RANK: Readonly<Record<Level, number>> = { province: 0, city: 1, county: 2 };

/** The office's name a document of this language prints: English documents the English one. */
export function officeNameIn(office: Settings, lang: Lang): string | null {
  return lang === 'en' ? (office.officeNameEn ?? office.officeName) : office.officeName;
}

/** The signature line of a document of this language; null: the office's name. */
export function signatureIn(office: Settings, lang: Lang): string | null {
  return lang === 'en'
    ? (office.reportSignatureEn ?? office.officeNameEn ?? office.reportSignature)
    : office.reportSignature;
}

interface Scope {
  /** The scope's localities, or null for the whole registry. */
  readonly ids: readonly string[] | null;
  readonly locality: Row<'localities'> | null;
}

export function createReportService(
  deps: ServiceDeps,
  settings: SettingsService,
  /** Where the platform has no printToPdf; a one-off Chromium per PDF without one. */
  fallback: PdfEngine = chromiumPdf,
) {
  const printToPdf = deps.platform.printToPdf;
  const engine: PdfEngine = printToPdf ? (html) => printToPdf(html) : fallback;
  const tieCache = createReportTieCache(deps.db);
  const translator = new Map<Lang, Translate>();
  function tFor(lang: Lang): Translate {
    let t = translator.get(lang);
    if (!t) {
      const i18n = createI18n(lang);
      t = (key, params) => i18n.t(key, params ?? {});
      translator.set(lang, t);
    }
    return t;
  }

  function day(value: PartialDate | undefined, path: 'asOf' | 'since'): string | undefined {
    if (value === undefined) return undefined;
    if (precisionOf(value) !== 'day')
      throw refused(path, path === 'asOf' ? 'report.errors.asOfDay' : 'report.errors.sinceDay', {
        value,
      });
    return value;
  }

  function periodOf(input: {
    asOf?: PartialDate | undefined;
    since?: PartialDate | null | undefined;
  }): Period {
    const asOf = day(input.asOf, 'asOf') ?? dayOf(deps.clock.now());
    const since = day(input.since ?? undefined, 'since') ?? startOfYear(asOf);
    if (since > asOf) throw refused('since', 'report.errors.sinceAfterAsOf', { since, asOf });
    return { since, asOf };
  }

  async function scopeOf(locality: string | null | undefined): Promise<Scope> {
    if (locality === null || locality === undefined) return { ids: null, locality: null };
    const byId = await getLocality(deps.db, locality);
    const found =
      byId && byId.deleted_at === null ? byId : await findLocalityByName(deps.db, locality);
    if (!found) throw refused('locality', 'report.errors.unknownLocality', { name: locality });
    return { ids: await localityScope(deps.db, found.id), locality: found };
  }

  function scopeName(scope: Scope, lang: Lang): string | null {
    const l = scope.locality;
    return l ? localityName(l.name, { zh: l.name_zh, en: l.name_en }, lang) : null;
  }

  /** "The province", or the office's own level: the highest level among its localities. */
  async function topLevel(): Promise<Level> {
    const levels = (await listLocalities(deps.db)).map((l) => l.level as Level);
    return levels.sort((a, b) => LEVEL_RANK[a] - LEVEL_RANK[b])[0] ?? 'province';
  }

  function visitTotals(tallies: VisitTallies): VisitTotals {
    const of = (d: 'outgoing' | 'incoming') => {
      const row = tallies.total.find((r) => r.direction === d);
      return { groups: Number(row?.groups ?? 0), people: Number(row?.people ?? 0) };
    };
    return { outgoing: of('outgoing'), incoming: of('incoming') };
  }

  /**
   * The same period a year before, counted as this one is: new ties, letters signed and
   * delegations. Only a printed document compares, so the figures of the contract never
   * pay for it.
   */
  async function comparison(
    source: ReportSource,
    period: Period,
    office: Settings,
    figures: AnnualFigures,
    totals: VisitTotals,
  ): Promise<Comparison> {
    const before = yearBefore(period);
    const counts = await source.counts(before, office.continentOverrides);
    const letters = await source.letters(before.since, before.asOf);
    const visits = visitTotals(await source.visits(before.since, before.asOf));
    return {
      ties: [figures.established.since, counts.established.since],
      letters: [figures.lettersOfIntent.signedInPeriod, letters.length],
      sent: [totals.outgoing.groups, visits.outgoing.groups],
      received: [totals.incoming.groups, visits.incoming.groups],
    };
  }

  async function annualModel(
    input: {
      asOf?: PartialDate | undefined;
      since?: PartialDate | null | undefined;
      locality?: string | null | undefined;
    },
    lang: Lang,
    forPrint: boolean,
  ): Promise<AnnualModel> {
    const period = periodOf(input);
    const scope = await scopeOf(input.locality);
    const office = await settings.get();
    const source: ReportSource =
      scope.ids === null ? tieCache : scopedReportSource(deps.db, scope.ids);
    const counts = await source.counts(period, office.continentOverrides);
    const named = namedTieIds(counts, forPrint);
    const names = await source.names(named);
    const reasons = forPrint
      ? await publicReasons(
          deps.db,
          counts.suspendedTies.flatMap((x) =>
            x.suspension ? [{ tieId: x.tie.id, seq: x.suspension.seq }] : [],
          ),
        )
      : new Map<string, string>();
    const letters = await source.letters(period.since, period.asOf);
    const waiting = await source.waiting(period.asOf);
    const visits = await source.visits(period.since, period.asOf);
    const totals = visitTotals(visits);
    const figures = annualFigures(counts, (id) => names.get(id), period, {
      lettersSignedInPeriod: letters.length,
      approvalsWaiting: waiting.length,
      visits: { outgoing: totals.outgoing.groups, incoming: totals.incoming.groups },
    });
    const t = tFor(lang);
    const name = scopeName(scope, lang);
    const subject = name !== null ? { name } : { level: await topLevel() };
    const compare = forPrint ? await comparison(source, period, office, figures, totals) : null;
    const localities = forPrint
      ? localityFigures(
          counts.byLocality,
          (await listLocalities(deps.db)).map((l) => ({
            id: l.id,
            parentId: l.parent_id,
            name: l.name,
            names: { zh: l.name_zh, en: l.name_en },
          })),
          scope.locality?.id ?? office.jurisdictionId,
        )
      : [];
    return {
      lang,
      period,
      figures,
      counts,
      narrative: narrative(
        {
          lang,
          period,
          subject,
          figures,
          counts,
          visits: totals,
          names: (id) => names.get(id),
          compare,
          continentOrder: office.continentOrder,
        },
        t,
      ),
      letters,
      waiting,
      visits,
      officeName: officeNameIn(office, lang),
      signature: signatureIn(office, lang),
      generatedLine: office.reportGeneratedLine,
      localities,
      compare,
      scopeName: name,
      overrides: office.continentOverrides,
      continentOrder: office.continentOrder,
      names,
      reasons,
    };
  }

  async function render(request: ReportRequest, ctx: CallContext): Promise<ReportDocument> {
    const lang = request.lang ?? ctx.lang;
    const t = tFor(lang);
    switch (request.report) {
      case 'annual': {
        const model = await annualModel(request, lang, true);
        return {
          html: annualHtml(model, t),
          title: annualTitle(model, t),
          fileName: `youcheng-annual-${model.period.asOf}.pdf`,
        };
      }
      case 'dossier': {
        const tie = await getTieRow(deps.db, request.tie_id);
        if (!tie || tie.deleted_at !== null)
          throw refused('tie_id', 'report.errors.unknownTie', { id: request.tie_id });
        const today = dayOf(deps.clock.now());
        const events = await tieEventsOf(deps.db, tie.id);
        const office = await settings.get();
        const html = dossierHtml(
          {
            lang,
            tie,
            timeline: events.map(withheldNote),
            letters: await listLetters(deps.db, { tie_id: tie.id, deleted: false }),
            steps: await listSteps(
              deps.db,
              { tie_id: tie.id, waiting: false, deleted: false },
              today,
            ),
            visits: (
              await listVisits(deps.db, {
                sort: [],
                filter: {},
                quick: '',
                tie_id: tie.id,
                deleted: false,
                offset: 0,
                limit: 100_000,
              })
            ).rows,
            officeName: officeNameIn(office, lang),
            generatedLine: office.reportGeneratedLine,
            today,
          },
          t,
        );
        const slug = `${tie.local}-${tie.partner}`
          .replace(/[^\p{L}\p{N}]+/gu, '-')
          .replace(/^-|-$/g, '');
        return {
          html,
          title: dossierTitle(tie, lang, t),
          fileName: `youcheng-dossier-${slug}.pdf`,
        };
      }
      case 'country': {
        const asOf = day(request.asOf, 'asOf') ?? dayOf(deps.clock.now());
        const scope = await scopeOf(request.locality);
        const office = await settings.get();
        // A list of ties shows when each was established, even one terminated since.
        const ties = (await loadReportTies(deps.db, scope.ids, request.country))
          .map((tie) => ({
            ...tieAsOf(tie, asOf),
            establishedOn: establishedOnAsOf(tie.events, asOf),
          }))
          .filter((x) => x.stage !== null);
        return {
          html: countryHtml(
            {
              lang,
              country: request.country,
              asOf,
              ties,
              officeName: officeNameIn(office, lang),
              generatedLine: office.reportGeneratedLine,
              scopeName: scopeName(scope, lang),
              names: await loadTieNames(
                deps.db,
                ties.map((x) => x.tie.id),
              ),
            },
            t,
          ),
          title: countryTitle(request.country, lang, t),
          fileName: `youcheng-${request.country}-${asOf}.pdf`,
        };
      }
    }
  }

  async function pdfBytes(html: string): Promise<Uint8Array> {
    try {
      return await engine(html);
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new AppError('unavailable', 'report.errors.pdfFailed', { reason });
    }
  }

  return {
    /** The figures of the domain contract, as JSON. */
    async annual(input: ParsedInputOf<'reports:annual'>, ctx: CallContext): Promise<AnnualFigures> {
      return (await annualModel(input, ctx.lang, false)).figures;
    },

    html: render,

    async pdf(input: ReportRequest, ctx: CallContext): Promise<ReportPdf> {
      const doc = await render(input, ctx);
      const bytes = await pdfBytes(doc.html);
      return { base64: Buffer.from(bytes).toString('base64'), fileName: doc.fileName };
    },

    async print(input: ReportRequest, ctx: CallContext): Promise<{ printed: boolean }> {
      const print = deps.platform.print;
      if (!print) throw new AppError('unavailable', 'report.errors.printUnavailable');
      const doc = await render(input, ctx);
      return { printed: await print(doc.html) };
    },

    async save(input: ReportRequest, ctx: CallContext): Promise<{ path: string | null }> {
      const save = deps.platform.saveFile;
      if (!save) throw new AppError('unavailable', 'report.errors.saveUnavailable');
      const doc = await render(input, ctx);
      const bytes = await pdfBytes(doc.html);
      const t = tFor(input.lang ?? ctx.lang);
      return {
        path: await save({ title: t('report.screen.savePdf'), defaultName: doc.fileName, bytes }),
      };
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
