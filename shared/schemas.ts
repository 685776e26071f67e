import { z } from 'zod';
import { lookupCountry, type CountryCode } from './countries';
import { normaliseName } from './names';
import { isUnstorable } from './storable';
import { dateProblemIssue, parsePartialDate, type PartialDate } from './dates';
import {
  parseEnum,
  valuesOf,
  type Field,
  type VocabularyName,
  type VocabularyValue,
} from './enums';

/**
 * Field schemas shared by the contract, pastes and imports. They accept what staff type
 * (dates in every ledger form, countries by any spelling, enum labels in either language) and
 * yield the canonical value; a refusal is an issue whose message is an i18n key with params.
 */

type Ctx = z.core.$RefinementCtx;

function refuse(ctx: Ctx, key: string, params: Record<string, unknown>): typeof z.NEVER {
  ctx.addIssue({ code: 'custom', message: key, params });
  return z.NEVER;
}

function toDate(value: string | number, ctx: Ctx): PartialDate {
  // A bare number is a year, as ledgers and JSON write it (1978).
  const parsed = parsePartialDate(typeof value === 'number' ? String(value) : value);
  if (parsed.ok) return parsed.date;
  const { key, params } = dateProblemIssue(parsed.problem);
  return refuse(ctx, key, params);
}

function blank(value: unknown): value is null | undefined | '' {
  return (
    value === null || value === undefined || (typeof value === 'string' && value.trim() === '')
  );
}

export const partialDate = z.union([z.string(), z.number().int()]).transform(toDate);

export const optionalPartialDate = z
  .union([z.string(), z.number().int(), z.null()])
  .transform((v, ctx): PartialDate | null => (blank(v) ? null : toDate(v, ctx)));

/**
 * A partner country by any spelling. Taiwan, Hong Kong, Macao and China itself are refused
 * with the reason (they are not foreign states), as are states China does not recognise.
 */
export const country = z.string().transform((v, ctx): CountryCode => {
  const found = lookupCountry(v);
  if (!found) return refuse(ctx, 'errors.country.unknown', { value: v });
  if (found.refusal) return refuse(ctx, `errors.country.${found.refusal}`, { value: v });
  return found.code;
});

export function enumOf<V extends VocabularyName>(name: V) {
  return z.string().transform((v, ctx): VocabularyValue<V> => {
    const value = parseEnum(name, v);
    return (
      value ??
      refuse(ctx, 'errors.enum.unknown', { value: v, allowed: valuesOf(name), vocabulary: name })
    );
  });
}

/**
 * The string schema free text starts from: refuses what no engine can store (NUL, a lone
 * surrogate; see storable.ts), so a registry on a file always migrates to a server.
 */
export function storableText() {
  return z.string().refine((v) => !isUnstorable(v), { message: 'errors.validation.unstorable' });
}

export function text(max: number) {
  return storableText()
    .transform((v) => v.trim())
    .pipe(
      z
        .string()
        .min(1, { message: 'errors.validation.required' })
        .max(max, { message: 'errors.validation.tooLong' }),
    );
}

function toName(v: string, ctx: Ctx): string {
  const result = normaliseName(v);
  if (result.ok) return result.value;
  return refuse(ctx, `errors.name.${result.problem}`, { value: result.shown, code: result.code });
}

/**
 * A one-line name (a locality, a partner, a region, a staff member): normalised as
 * `shared/names.ts` says, so the door, pastes and imports store one spelling of it.
 */
export function name(max: number) {
  return storableText()
    .transform(toName)
    .pipe(
      z
        .string()
        .min(1, { message: 'errors.validation.required' })
        .max(max, { message: 'errors.validation.tooLong' }),
    );
}

export function optionalName(max: number) {
  return z
    .union([storableText(), z.null()])
    .transform((v, ctx) => (blank(v) ? null : toName(v, ctx)))
    .pipe(z.string().max(max, { message: 'errors.validation.tooLong' }).nullable());
}

export function optionalText(max: number) {
  return z
    .union([storableText(), z.null()])
    .transform((v) => (blank(v) ? null : v.trim()))
    .pipe(z.string().max(max, { message: 'errors.validation.tooLong' }).nullable());
}

const FIELD_SEPARATORS = /[,，、;；/|\n]+/;

/** Fields of cooperation: an array, or one string separated by commas, 、 or semicolons. */
export const fieldList = z
  .union([z.array(z.string()), z.string(), z.null()])
  .transform((v, ctx): Field[] => {
    const parts = (v === null ? [] : Array.isArray(v) ? v : v.split(FIELD_SEPARATORS))
      .map((s) => s.trim())
      .filter((s) => s !== '');
    const out: Field[] = [];
    for (const part of parts) {
      const field = parseEnum('field', part);
      if (field === null)
        return refuse(ctx, 'errors.enum.unknown', {
          value: part,
          allowed: valuesOf('field'),
          vocabulary: 'field',
        });
      if (!out.includes(field)) out.push(field);
    }
    return out;
  });

/** Names every object answers to (`constructor`, `__proto__`, `toString`…): never a column. */
const OBJECT_NAMES: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  '__proto__',
  'prototype',
]);

/**
 * A column named by a caller (a paste, a bulk edit, an export): looked up in a table of columns,
 * where a name every object has would find Object.prototype's member instead of a column.
 */
export const columnName = z
  .string()
  .min(1)
  .max(40)
  .refine((c) => !OBJECT_NAMES.has(c), { message: 'errors.validation.column' });

export const id = z.string().min(1).max(64);
export const version = z.number().int().min(0);

/** A count of people or documents: a whole number, from JSON or from text ("12"). */
export function count(max: number) {
  return z.union([z.number(), z.string(), z.null()]).transform((v, ctx): number | null => {
    if (blank(v)) return null;
    // Decimal digits only: Number() would also read "0x10" as 16, "1e3" as 1000, "0b11" as 3.
    const digits = typeof v === 'number' ? null : v.replace(/[,，\s]/g, '');
    if (digits !== null && !/^-?\d+$/.test(digits))
      return refuse(ctx, 'errors.validation.integer', { value: v });
    const n = typeof v === 'number' ? v : Number(digits);
    if (!Number.isInteger(n)) return refuse(ctx, 'errors.validation.integer', { value: String(v) });
    if (n < 0) return refuse(ctx, 'errors.validation.tooSmall', { min: 0 });
    if (n > max) return refuse(ctx, 'errors.validation.tooBig', { max });
    return n;
  });
}

/** An amount of money as decimal text (never a float): "1200", "1,200.50", "3.5万" is refused. */
export const amount = z
  .union([z.number(), z.string(), z.null()])
  .transform((v, ctx): string | null => {
    if (blank(v)) return null;
    const text = typeof v === 'number' ? String(v) : v.trim().replace(/[,，\s]/g, '');
    if (!/^\d{1,15}(\.\d{1,2})?$/.test(text))
      return refuse(ctx, 'errors.validation.amount', { value: String(v) });
    return text.replace(/^0+(?=\d)/, '');
  });

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** An ISO 4217 currency code; common Chinese names are accepted. */
export const currency = z.union([z.string(), z.null()]).transform((v, ctx): string | null => {
  if (blank(v)) return null;
  const aliases: Record<string, string> = {
    人民币: 'CNY',
    元: 'CNY',
    RMB: 'CNY',
    美元: 'USD',
    欧元: 'EUR',
    日元: 'JPY',
    英镑: 'GBP',
    韩元: 'KRW',
    港元: 'HKD',
  };
  const code = aliases[v.trim()] ?? aliases[v.trim().toUpperCase()] ?? v.trim().toUpperCase();
  return CURRENCIES.has(code) ? code : refuse(ctx, 'errors.validation.currency', { value: v });
});

/**
 * Which tie a letter, step or visit row belongs to: its id, or its locality and partner names
 * (with the country where a name is not enough), as a sheet or a paste gives them.
 */
export const tieRefFields = {
  tie_id: id.optional(),
  local: name(100).optional(),
  partner: name(200).optional(),
  country: country.optional(),
};

export function requireTieRef(
  value: { tie_id?: string | undefined; local?: string | undefined; partner?: string | undefined },
  ctx: Ctx,
): void {
  if (value.tie_id === undefined && (value.local === undefined || value.partner === undefined)) {
    ctx.addIssue({
      code: 'custom',
      message: 'errors.validation.tieRef',
      params: {},
      path: ['tie_id'],
    });
  }
}

export type TieRefInput = {
  tie_id?: string | undefined;
  local?: string | undefined;
  partner?: string | undefined;
  country?: string | undefined;
};
