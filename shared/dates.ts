/**
 * Partial dates as offices write them: a year (`1978`), a month (`2016-09`) or a day
 * (`1979-11-02`). Stored canonically as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; compared by their
 * first day, so `2016-09` sorts with `2016-09-01`.
 */
export type PartialDate = string & { readonly __partialDate: unique symbol };

export type DateProblem =
  | { kind: 'empty' }
  | { kind: 'format'; value: string }
  | { kind: 'month'; value: string; month: number }
  | { kind: 'day'; value: string; day: number; max: number }
  | { kind: 'year'; value: string; year: number };

export type DateParse = { ok: true; date: PartialDate } | { ok: false; problem: DateProblem };

/** Years a tie, a letter or a visit can plausibly carry; anything else is a typo. */
export const MIN_YEAR = 1800;
export const MAX_YEAR = 2200;

const ISO = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/;
const SEPARATED = /^(\d{4})\s*[/.]\s*(\d{1,2})(?:\s*[/.]\s*(\d{1,2}))?$/;
const CHINESE = /^(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function build(value: string, y: string, m?: string, d?: string): DateParse {
  const year = Number(y);
  if (year < MIN_YEAR || year > MAX_YEAR)
    return { ok: false, problem: { kind: 'year', value, year } };
  if (m === undefined) return { ok: true, date: pad(year, 4) as PartialDate };
  const month = Number(m);
  if (month < 1 || month > 12) return { ok: false, problem: { kind: 'month', value, month } };
  if (d === undefined) return { ok: true, date: `${pad(year, 4)}-${pad(month, 2)}` as PartialDate };
  const day = Number(d);
  const max = daysInMonth(year, month);
  if (day < 1 || day > max) return { ok: false, problem: { kind: 'day', value, day, max } };
  return { ok: true, date: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` as PartialDate };
}

/**
 * Parses every form of the domain contract: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `YYYY/M/D`,
 * `YYYY.M.D`, `2018年5月29日` (and `2018年5月`, `2018年`), `20180529`. Full-width digits are
 * folded first, since Chinese input methods produce them.
 */
export function parsePartialDate(input: string): DateParse {
  const value = input.normalize('NFKC').trim();
  if (value === '') return { ok: false, problem: { kind: 'empty' } };
  const m = ISO.exec(value) ?? SEPARATED.exec(value) ?? CHINESE.exec(value) ?? COMPACT.exec(value);
  if (!m || m[1] === undefined) return { ok: false, problem: { kind: 'format', value } };
  return build(value, m[1], m[2], m[3]);
}

export function isPartialDate(value: string): value is PartialDate {
  const parsed = parsePartialDate(value);
  return parsed.ok && parsed.date === value;
}

/** The first day a partial date stands for, as `YYYY-MM-DD`. */
export function firstDay(date: PartialDate | string): string {
  if (date.length === 4) return `${date}-01-01`;
  if (date.length === 7) return `${date}-01`;
  return date;
}

/** Orders partial dates by their first day; a year comes before its own months at equal day. */
export function comparePartialDates(a: PartialDate | string, b: PartialDate | string): number {
  const byDay = firstDay(a).localeCompare(firstDay(b));
  return byDay !== 0 ? byDay : a.length - b.length;
}

export function precisionOf(date: PartialDate | string): 'year' | 'month' | 'day' {
  return date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day';
}

export function yearOf(date: PartialDate | string): number {
  return Number(date.slice(0, 4));
}

/**
 * Excel stores dates as days since 1899-12-30 (the 1900 leap-year bug folded in); a serial
 * with a fraction carries a time of day, which a ledger date ignores.
 */
export function fromExcelSerial(serial: number): DateParse {
  if (!Number.isFinite(serial) || serial < 1) {
    return { ok: false, problem: { kind: 'format', value: String(serial) } };
  }
  const ms = Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000;
  const d = new Date(ms);
  return build(
    String(serial),
    pad(d.getUTCFullYear(), 4),
    String(d.getUTCMonth() + 1),
    String(d.getUTCDate()),
  );
}

/** A calendar day (UTC parts) as a full partial date. */
export function dayOf(date: Date): PartialDate {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}` as PartialDate;
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD` or partial, by first day). */
export function daysBetween(from: string, to: string): number {
  const a = Date.parse(`${firstDay(from)}T00:00:00Z`);
  const b = Date.parse(`${firstDay(to)}T00:00:00Z`);
  return Math.round((b - a) / 86_400_000);
}

/** A date problem as an i18n key with its params, the way every refusal names one. */
export function dateProblemIssue(problem: DateProblem): {
  key: string;
  params: Record<string, unknown>;
} {
  switch (problem.kind) {
    case 'empty':
      return { key: 'errors.date.empty', params: {} };
    case 'format':
      return { key: 'errors.date.format', params: { value: problem.value } };
    case 'month':
      return { key: 'errors.date.month', params: { value: problem.value, month: problem.month } };
    case 'day':
      return { key: 'errors.date.day', params: { value: problem.value, max: problem.max } };
    case 'year':
      return {
        key: 'errors.date.year',
        params: { value: problem.value, min: MIN_YEAR, max: MAX_YEAR },
      };
  }
}
