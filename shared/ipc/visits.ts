import { z } from 'zod';
import type { Page, VisitRow } from '../model';
import {
  amount,
  count,
  country,
  currency,
  enumOf,
  fieldList,
  id,
  name,
  optionalPartialDate,
  optionalText,
  version,
} from '../schemas';
import { countsQuery, gridQuery, type ValueCounts } from '../grid-query';
import { command, query } from './channel';

export const VISIT_COLUMNS = [
  'direction',
  'local',
  'country',
  'leader',
  'leader_title',
  'start_on',
  'end_on',
  'size',
  'organisation',
  'purpose',
  'fields',
  'ties',
  'outcomes',
  'agreements_signed',
  'amount',
  'currency',
  'notes',
] as const;
export type VisitColumn = (typeof VISIT_COLUMNS)[number];

const TIE_SEPARATORS = /[;；、\n]+/;

/** Linked ties: ids, or partner names ("Nagoya; St. Louis"), resolved by main. */
export const tieList = z
  .union([z.array(z.string().max(200)), z.string().max(4000), z.null()])
  .transform((v) =>
    (v === null ? [] : Array.isArray(v) ? v : v.split(TIE_SEPARATORS))
      .map((s) => s.trim())
      .filter((s) => s !== ''),
  )
  .pipe(z.array(z.string()).max(200));

/** Each grid column's schema, for pastes and bulk edits. */
export const visitCellSchemas = {
  direction: enumOf('direction'),
  local: z.union([name(100), z.null()]),
  country: z.union([country, z.null(), z.literal('')]).transform((v) => (v === '' ? null : v)),
  leader: optionalText(200),
  leader_title: optionalText(200),
  start_on: optionalPartialDate,
  end_on: optionalPartialDate,
  size: count(10_000),
  organisation: optionalText(300),
  purpose: optionalText(2000),
  fields: fieldList,
  ties: tieList,
  outcomes: optionalText(4000),
  agreements_signed: count(1000),
  amount,
  currency,
  notes: optionalText(4000),
} satisfies Record<VisitColumn, z.ZodType>;
const fields = visitCellSchemas;

export const visitCreateInput = z
  .strictObject(fields)
  .partial()
  .extend({ direction: fields.direction });
export type VisitCreate = z.output<typeof visitCreateInput>;

export const visitPatch = z
  .strictObject(fields)
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: 'errors.validation.invalid' });
export type VisitPatch = z.output<typeof visitPatch>;

export const visitsChannels = {
  /** Visits per value of a checklist column, under the grid's other filters and search. */
  'visits:counts': query(
    countsQuery(VISIT_COLUMNS, ['direction', 'country']),
  ).returns<ValueCounts>(),
  'visits:list': query(gridQuery(VISIT_COLUMNS).extend({ tie_id: id.optional() })).returns<
    Page<VisitRow>
  >(),
  'visits:get': query(z.strictObject({ id })).returns<VisitRow>(),
  'visits:create': command(visitCreateInput).returns<VisitRow>(),
  'visits:update': command(z.strictObject({ id, version, patch: visitPatch })).returns<VisitRow>(),
  'visits:delete': command(z.strictObject({ id, version })).returns<VisitRow>(),
  'visits:restore': command(z.strictObject({ id, version })).returns<VisitRow>(),
};
