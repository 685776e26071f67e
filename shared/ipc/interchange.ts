import { z } from 'zod';
import { columnFilter } from '../grid-query';
import { columnName } from '../schemas';
import { SHEET_KINDS, type SheetKind } from '../interchange';
import type { ColumnRef } from '../i18n';
import { command, query } from './channel';
import type { TieWarning } from './ties';

/**
 * Spreadsheets in and out. A file reaches main once (an upload from the browser host's file
 * input, or a path from Electron's native dialog) and is then named by its `fileId`; main
 * parses it, never the renderer.
 */

export const ENCODINGS = ['utf8', 'gb18030'] as const;
export type Encoding = (typeof ENCODINGS)[number];

const fileId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
const sheetName = z.string().min(1).max(200);

/** The user's changes to what main detected: a sheet's kind, and each column's field. */
const sheetChoice = z.strictObject({
  name: sheetName,
  kind: z.enum(SHEET_KINDS).optional(),
  /** By column position, as the preview lists them: a field id, or null to ignore it. */
  fields: z.array(z.string().max(40).nullable()).max(600).optional(),
});
export type SheetChoice = z.output<typeof sheetChoice>;

const readOptions = {
  fileId,
  /** One sheet of a workbook; without it, every sheet named for an entity, else the first. */
  sheet: sheetName.optional(),
  encoding: z.enum(ENCODINGS).optional(),
  sheets: z.array(sheetChoice).max(50).optional(),
};

/**
 * Something the import decided on its own that the clerk should know (rows left out, a
 * separator detected, a stage inferred): a message key of `import.notice` and its values.
 */
export interface ImportNotice {
  readonly key: string;
  readonly params: Readonly<Record<string, unknown>>;
}

export interface ColumnPreview {
  readonly index: number;
  readonly header: string;
  /** The field it maps to, or null for a column the import ignores. */
  readonly field: string | null;
}

export interface SheetPreview {
  readonly name: string;
  readonly kind: SheetKind;
  /** How the kind was found: the sheet's name, its headers, or the user's choice. */
  readonly kindFrom: 'name' | 'headers' | 'choice';
  readonly headerLine: number;
  readonly columns: readonly ColumnPreview[];
  /** Columns no field matched (shown as `B列（联系人）` / `column B (Contact)`): reported, not fatal. */
  readonly unknown: readonly ColumnRef[];
  /** Required fields no column gives. */
  readonly missing: readonly string[];
  /** What the import will do on its own with this sheet, known before it runs. */
  readonly notices: readonly ImportNotice[];
  /** The first rows as shown, by column position, with their line numbers. */
  readonly sample: readonly { readonly line: number; readonly cells: readonly string[] }[];
}

export interface ImportPreview {
  readonly fileId: string;
  readonly name: string;
  readonly format: 'csv' | 'xlsx' | 'xls' | 'ods';
  readonly encoding: Encoding | null;
  readonly detectedEncoding: Encoding | null;
  /** A CSV's separator as detected (null for workbooks). */
  readonly separator: ',' | ';' | '\t' | null;
  readonly sheetNames: readonly string[];
  readonly sheets: readonly SheetPreview[];
}

export interface SheetSummary {
  readonly name: string;
  readonly kind: SheetKind;
  readonly rows: number;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Columns the import skipped, as the preview lists them. */
  readonly ignored: readonly ColumnRef[];
  /** What was left out, inferred or noticed on the way (blank and total rows, hidden rows…). */
  readonly notices: readonly ImportNotice[];
}

/** A row accepted with something to say (dates out of their order), by sheet and line. */
export interface ImportWarning extends TieWarning {
  readonly sheet: string;
  readonly line: number;
}

export interface ImportSummary {
  readonly name: string;
  readonly dryRun: boolean;
  readonly sheets: readonly SheetSummary[];
  /** The same in a dry run as in the real one. */
  readonly warnings: readonly ImportWarning[];
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  /** The undo step the import was recorded as (null for a dry run). */
  readonly commandId: string | null;
}

export interface ImportProgress {
  readonly phase: 'idle' | 'reading' | 'importing' | 'done';
  /** 0 to 1 across every sheet of the import. */
  readonly fraction: number;
  readonly rows: number;
}

export interface ExportedFile {
  readonly fileName: string;
  readonly mime: string;
  readonly base64: string;
}

export const EXPORT_GRIDS = ['ties', 'letters', 'steps', 'visits'] as const;

export const interchangeChannels = {
  'import:upload': command(
    z.strictObject({
      name: z.string().min(1).max(255),
      /** The file's bytes; the host refuses bodies over its own limit first. */
      base64: z.string().max(60 * 1024 * 1024),
    }),
  ).returns<{ fileId: string }>(),
  'import:pick': command(z.strictObject({})).returns<{ fileId: string; name: string } | null>(),
  'import:preview': query(z.strictObject(readOptions)).returns<ImportPreview>(),
  'import:run': command(
    z.strictObject({ ...readOptions, dryRun: z.boolean().default(false) }),
  ).returns<ImportSummary>(),
  'import:progress': query(z.strictObject({ fileId })).returns<ImportProgress>(),
  'export:grid': query(
    z.strictObject({
      grid: z.enum(EXPORT_GRIDS),
      format: z.enum(['csv', 'xlsx']),
      /** Visible column ids, in the grid's order. */
      columns: z.array(columnName).min(1).max(100),
      /** Visible rows' ids, in the grid's order (its filters and sort applied). */
      ids: z.array(z.string().min(1).max(64)).max(200_000).default([]),
      /**
       * For a grid paged from main (ties, visits): its sort, filters and quick search, so main
       * selects the rows itself instead of the renderer sending every id.
       */
      view: z
        .strictObject({
          sort: z
            .array(z.strictObject({ colId: z.string().max(40), sort: z.enum(['asc', 'desc']) }))
            .max(40)
            .default([]),
          filter: z.record(z.string().max(40), columnFilter).default({}),
          quick: z.string().max(200).default(''),
          deleted: z.boolean().default(false),
        })
        .optional(),
      lang: z.enum(['zh', 'en']).default('zh'),
    }),
  ).returns<ExportedFile>(),
  'export:registry': query(
    z.strictObject({
      /**
       * The interchange format's headings (column ids, canonical values), or an office's own
       * in a language (我方、外方城市、阶段…, values as labels): both import back the same.
       */
      headings: z.enum(['canonical', 'zh', 'en']).default('canonical'),
    }),
  ).returns<ExportedFile>(),
};
