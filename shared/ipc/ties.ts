import { z } from 'zod';
import type { Stage } from '../enums';
import type { Page, TieRow } from '../model';
import type { TieEvent } from '../timeline';
import {
  country,
  enumOf,
  fieldList,
  id,
  name,
  optionalName,
  optionalPartialDate,
  optionalText,
  version,
} from '../schemas';
import { gridQuery } from '../grid-query';
import { command, query } from './channel';

/** The grid's columns, in order: the interchange columns first, then the rest of the record. */
export const TIE_COLUMNS = [
  'local',
  'local_level',
  'partner',
  'partner_zh',
  'country',
  'region',
  'kind',
  'stage',
  'established_on',
  'intent_signed_on',
  'first_contact_on',
  'signed_place',
  'our_signatory',
  'partner_signatory',
  'fields',
  'notes',
] as const;
export type TieColumn = (typeof TIE_COLUMNS)[number];

/** Each grid column's schema: a pasted or bulk-set cell converts exactly as a cell edit. */
export const tieCellSchemas = {
  local: name(100),
  local_level: enumOf('level'),
  partner: name(200),
  partner_zh: optionalName(200),
  country,
  region: optionalName(200),
  kind: enumOf('kind'),
  stage: enumOf('stage'),
  established_on: optionalPartialDate,
  intent_signed_on: optionalPartialDate,
  first_contact_on: optionalPartialDate,
  signed_place: optionalText(200),
  our_signatory: optionalText(200),
  partner_signatory: optionalText(200),
  fields: fieldList,
  notes: optionalText(4000),
} satisfies Record<TieColumn, z.ZodType>;

export const tieCreateInput = z.strictObject({
  ...tieCellSchemas,
  local_level: tieCellSchemas.local_level.optional(),
  partner_zh: tieCellSchemas.partner_zh.optional(),
  region: tieCellSchemas.region.optional(),
  kind: tieCellSchemas.kind.default('friendship'),
  stage: tieCellSchemas.stage.default('contact'),
  established_on: tieCellSchemas.established_on.optional(),
  intent_signed_on: tieCellSchemas.intent_signed_on.optional(),
  first_contact_on: tieCellSchemas.first_contact_on.optional(),
  signed_place: tieCellSchemas.signed_place.optional(),
  our_signatory: tieCellSchemas.our_signatory.optional(),
  partner_signatory: tieCellSchemas.partner_signatory.optional(),
  fields: tieCellSchemas.fields.optional(),
  notes: tieCellSchemas.notes.optional(),
});
export type TieCreate = z.output<typeof tieCreateInput>;

export const tiePatch = z
  .strictObject(tieCellSchemas)
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: 'errors.validation.invalid' });
export type TiePatch = z.output<typeof tiePatch>;

export const sortModel = z
  .array(z.strictObject({ colId: z.enum(TIE_COLUMNS), sort: z.enum(['asc', 'desc']) }))
  .max(TIE_COLUMNS.length);

/**
 * What a write accepted but says: a stage dated before a stage recorded before it. The stages
 * keep their order (the figures follow it); the dates are as written.
 */
export interface TieWarning {
  readonly code: 'datesOutOfOrder';
  readonly params: {
    readonly earlier: Stage;
    readonly earlierOn: string;
    readonly later: Stage;
    readonly laterOn: string;
  };
}

/** A tie as written, with what the write warns about (none, mostly). */
export interface TieWritten extends TieRow {
  readonly warnings: readonly TieWarning[];
}

export const tiesChannels = {
  'ties:list': query(gridQuery(TIE_COLUMNS)).returns<Page<TieRow>>(),
  'ties:get': query(z.strictObject({ id })).returns<TieRow>(),
  'ties:events': query(z.strictObject({ id })).returns<TieEvent[]>(),
  'ties:create': command(tieCreateInput).returns<TieWritten>(),
  /**
   * `confirmShared`: the user was told that the change reaches the tie's locality, and so its
   * other ties (its level), and agreed; without it such a change is refused with
   * `errors.tie.sharedLocality` and the number of other ties.
   */
  'ties:update': command(
    z.strictObject({ id, version, patch: tiePatch, confirmShared: z.boolean().optional() }),
  ).returns<TieWritten>(),
  'ties:delete': command(z.strictObject({ id, version })).returns<TieRow>(),
  'ties:restore': command(z.strictObject({ id, version })).returns<TieRow>(),
};
