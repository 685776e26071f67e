import { z } from 'zod';
import type { LetterRow, Page } from '../model';
import {
  country,
  enumOf,
  id,
  name,
  optionalPartialDate,
  optionalText,
  requireTieRef,
  text,
  tieRefFields,
  version,
} from '../schemas';
import { command, query } from './channel';

export const LETTER_COLUMNS = [
  'local',
  'partner',
  'country',
  'title',
  'doc_type',
  'signed_on',
  'signed_place',
  'our_signatory',
  'partner_signatory',
  'follow_up_on',
  'status',
  'notes',
] as const;
export type LetterColumn = (typeof LETTER_COLUMNS)[number];

const fields = {
  title: text(300),
  doc_type: enumOf('letterType'),
  signed_on: optionalPartialDate,
  signed_place: optionalText(200),
  our_signatory: optionalText(200),
  partner_signatory: optionalText(200),
  follow_up_on: optionalPartialDate,
  status: enumOf('letterStatus'),
  notes: optionalText(4000),
};

/** Each grid column's schema, for pastes and bulk edits (the tie columns name the tie). */
export const letterCellSchemas = { local: name(100), partner: name(200), country, ...fields };

export const letterCreateInput = z
  .strictObject({
    ...tieRefFields,
    ...fields,
    doc_type: fields.doc_type.default('letter'),
    status: fields.status.default('active'),
    signed_on: fields.signed_on.optional(),
    signed_place: fields.signed_place.optional(),
    our_signatory: fields.our_signatory.optional(),
    partner_signatory: fields.partner_signatory.optional(),
    follow_up_on: fields.follow_up_on.optional(),
    notes: fields.notes.optional(),
  })
  .superRefine(requireTieRef);
export type LetterCreate = z.output<typeof letterCreateInput>;

export const letterPatch = z
  .strictObject({ ...fields, ...tieRefFields })
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: 'errors.validation.invalid' });
export type LetterPatch = z.output<typeof letterPatch>;

/** A scanned letter as the browser host downloads it. */
export interface ScanFile {
  readonly name: string;
  readonly mime: string;
  readonly base64: string;
}

/** Scans are PDFs or images, at most this size (a multi-page colour scan fits comfortably). */
export const MAX_SCAN_BYTES = 30 * 1024 * 1024;

export const lettersChannels = {
  'letters:list': query(
    z.strictObject({ tie_id: id.optional(), deleted: z.boolean().default(false) }),
  ).returns<Page<LetterRow>>(),
  'letters:get': query(z.strictObject({ id })).returns<LetterRow>(),
  'letters:create': command(letterCreateInput).returns<LetterRow>(),
  'letters:update': command(
    z.strictObject({ id, version, patch: letterPatch }),
  ).returns<LetterRow>(),
  'letters:delete': command(z.strictObject({ id, version })).returns<LetterRow>(),
  'letters:restore': command(z.strictObject({ id, version })).returns<LetterRow>(),
  /** Attaches a scan sent as bytes (the browser host's file input). */
  'letters:attach': command(
    z.strictObject({
      id,
      version,
      name: z.string().min(1).max(255),
      base64: z.string().max(Math.ceil((MAX_SCAN_BYTES * 4) / 3) + 4),
    }),
  ).returns<LetterRow>(),
  /** Attaches a scan chosen in a native dialog (the desktop app). */
  'letters:attachPick': command(z.strictObject({ id, version })).returns<LetterRow | null>(),
  'letters:detach': command(z.strictObject({ id, version })).returns<LetterRow>(),
  /** The scan's bytes, to download (browser host). */
  'letters:scan': query(z.strictObject({ id })).returns<ScanFile>(),
  /** Opens the scan with the system viewer (desktop app). */
  'letters:openScan': query(z.strictObject({ id })).returns<{ opened: boolean }>(),
};
