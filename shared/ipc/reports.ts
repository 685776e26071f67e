import { z } from 'zod';
import type { AnnualFigures } from '../report/figures';
import { country, id, optionalPartialDate, partialDate } from '../schemas';
import { query } from './channel';

/**
 * Reports: the annual summary's figures (the JSON of the domain contract), and any printable
 * report as HTML, as PDF, printed through the system dialog or saved through a native dialog.
 * None of them changes the registry.
 */

const lang = z.enum(['zh', 'en']).optional();
/** A locality by any of its names, or its id; the report covers it and those under it. */
const locality = z.string().trim().min(1).max(100).nullable().optional();

/** The annual summary's parameters; dates must be full days (checked by the service). */
const annual = {
  /** The report's date; today when left out. */
  asOf: partialDate.optional(),
  /** The start of the period; 1 January of the report's year when left out. */
  since: optionalPartialDate.optional(),
  locality,
};

export const annualInput = z.strictObject(annual);

export const reportRequest = z.preprocess(
  // A request that names no report is the annual summary, so `{ asOf }` is enough.
  (v) => (v !== null && typeof v === 'object' && !('report' in v) ? { ...v, report: 'annual' } : v),
  z.discriminatedUnion('report', [
    z.strictObject({ report: z.literal('annual'), ...annual, lang }),
    /** One tie's dossier: the record, letters, approvals, visits and timeline. */
    z.strictObject({ report: z.literal('dossier'), tie_id: id, lang }),
    /** Every tie with partners in one country, with its stage on the date. */
    z.strictObject({
      report: z.literal('country'),
      country,
      asOf: partialDate.optional(),
      locality,
      lang,
    }),
  ]),
);
export type ReportRequest = z.output<typeof reportRequest>;

export interface ReportDocument {
  readonly html: string;
  readonly title: string;
  /** A file name for the PDF, without folders: `youcheng-annual-2025-12-31.pdf`. */
  readonly fileName: string;
}

export interface ReportPdf {
  readonly base64: string;
  readonly fileName: string;
}

export const reportsChannels = {
  'reports:annual': query(annualInput).returns<AnnualFigures>(),
  'reports:html': query(reportRequest).returns<ReportDocument>(),
  'reports:pdf': query(reportRequest).returns<ReportPdf>(),
  /** The system print dialog; the desktop app only (`unavailable` elsewhere). */
  'reports:print': query(reportRequest).returns<{ readonly printed: boolean }>(),
  /** Saves the PDF through a native dialog; the desktop app only. Null when cancelled. */
  'reports:save': query(reportRequest).returns<{ readonly path: string | null }>(),
};
