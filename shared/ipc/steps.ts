import { z } from 'zod';
import type { Page, StepRow } from '../model';
import {
  enumOf,
  id,
  optionalPartialDate,
  optionalText,
  requireTieRef,
  text,
  tieRefFields,
  version,
} from '../schemas';
import { command, query } from './channel';

export const STEP_COLUMNS = [
  'local',
  'partner',
  'country',
  'round',
  'position',
  'authority',
  'submitted_on',
  'decided_on',
  'outcome',
  'reference_no',
  'decision_ref',
  'note',
] as const;
export type StepColumn = (typeof STEP_COLUMNS)[number];

const fields = {
  /** The authority, in the language it was written; the other name is kept if known. */
  authority: text(200),
  authority_zh: text(200),
  authority_en: text(200),
  submitted_on: optionalPartialDate,
  decided_on: optionalPartialDate,
  outcome: z
    .union([enumOf('outcome'), z.null(), z.literal('')])
    .transform((v) => (v === '' ? null : v)),
  reference_no: optionalText(100),
  decision_ref: optionalText(100),
  note: optionalText(4000),
};

/** The columns a paste or bulk edit may change on an existing step, each with its schema. */
export const stepCellSchemas = {
  authority: fields.authority,
  submitted_on: fields.submitted_on,
  decided_on: fields.decided_on,
  outcome: fields.outcome,
  reference_no: fields.reference_no,
  decision_ref: fields.decision_ref,
  note: fields.note,
};

export const stepCreateInput = z
  .strictObject({
    ...tieRefFields,
    authority: fields.authority,
    position: z.number().int().min(1).max(50).optional(),
    submitted_on: fields.submitted_on.optional(),
    decided_on: fields.decided_on.optional(),
    outcome: fields.outcome.optional(),
    reference_no: fields.reference_no.optional(),
    decision_ref: fields.decision_ref.optional(),
    note: fields.note.optional(),
  })
  .superRefine(requireTieRef);
export type StepCreate = z.output<typeof stepCreateInput>;

export const stepPatch = z
  .strictObject({
    authority: fields.authority,
    authority_zh: fields.authority_zh,
    authority_en: fields.authority_en,
    submitted_on: fields.submitted_on,
    decided_on: fields.decided_on,
    outcome: fields.outcome,
    reference_no: fields.reference_no,
    decision_ref: fields.decision_ref,
    note: fields.note,
  })
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: 'errors.validation.invalid' });
export type StepPatch = z.output<typeof stepPatch>;

export const stepsChannels = {
  'steps:list': query(
    z.strictObject({
      tie_id: id.optional(),
      /** Only steps submitted and still waiting for a decision. */
      waiting: z.boolean().default(false),
      deleted: z.boolean().default(false),
    }),
  ).returns<Page<StepRow>>(),
  'steps:get': query(z.strictObject({ id })).returns<StepRow>(),
  'steps:create': command(stepCreateInput).returns<StepRow>(),
  'steps:update': command(z.strictObject({ id, version, patch: stepPatch })).returns<StepRow>(),
  'steps:delete': command(z.strictObject({ id, version })).returns<StepRow>(),
  'steps:restore': command(z.strictObject({ id, version })).returns<StepRow>(),
};
