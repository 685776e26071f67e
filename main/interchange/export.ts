import * as XLSX from '@e965/xlsx';
import { stringify } from 'csv-stringify/sync';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { tieEventsOf } from '../../db/events.repository';
import { listLocalities } from '../../db/localities.repository';
import { listPartners } from '../../db/partners.repository';
import type { Db } from '../../db/schema';
import { listLetters } from '../../db/letters.repository';
import { listSteps } from '../../db/steps.repository';
import { listTies } from '../../db/ties.repository';
import { listVisits } from '../../db/visits.repository';
import { countryName } from '../../shared/countries';
import { enumLabel, type VocabularyName } from '../../shared/enums';
import { createI18n, type Lang } from '../../shared/i18n';
import {
  columnDef,
  escapeFormula,
  officeHeader,
  SHEETS,
  type SheetKind,
} from '../../shared/interchange';
import type { ExportedFile } from '../../shared/ipc/interchange';
import type { TieRow, VisitRow } from '../../shared/model';

/**
 * Spreadsheets out. The registry workbook has a sheet per entity in the interchange format
 * (English column names, canonical values), so importing it into an empty registry rebuilds
 * the registry; a grid export is the grid as shown (its columns, order, labels and language).
 * Text that a spreadsheet would run as a formula is written as text: an XLSX string cell,
 * which no spreadsheet evaluates, and in CSV with the leading apostrophe Excel uses.
 */

type Value = string | number | boolean | null;
/** A sheet to write; `kind` marks a sheet of the registry workbook (its header the column ids). */
export type Table = { name: string; kind?: SheetKind; header: string[]; rows: Value[][] };

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function tieKey(local: string, partner: string, country: string): Value[] {
  return [local, partner, country];
}

/** A visit's linked tie as import reads it back: "locality – partner (country)". */
export function tieLabel(tie: { local: string; partner: string; country: string }): string {
  return `${tie.local} – ${tie.partner} (${tie.country})`;
}

/**
 * Which headings a registry workbook carries: the interchange format's (column ids, canonical
 * values: what scripts and other registries read), or an office's own in a language (我方、
 * 我方级别、外方城市、国家、阶段…; 市级, 已结好, 日本), which the import reads back just the same.
 */
export type Headings = 'canonical' | Lang;

export async function registryTables(
  db: Db,
  today: string,
  headings: Headings = 'canonical',
): Promise<Table[]> {
  const header = (kind: SheetKind) => SHEETS[kind].columns.map((c) => c.id);
  const localities = await listLocalities(db);
  const names = new Map(localities.map((l) => [l.id, l.name]));
  const ties = (
    await listTies(db, {
      sort: [],
      quick: '',
      filter: {},
      deleted: false,
      offset: 0,
      limit: 10_000_000,
    })
  ).rows;
  const tieById = new Map(ties.map((t) => [t.id, t]));
  const events: Value[][] = [];
  for (const tie of ties) {
    for (const e of await tieEventsOf(db, tie.id)) {
      events.push([
        ...tieKey(tie.local, tie.partner, tie.country),
        e.seq,
        e.type,
        e.stage,
        e.from_stage,
        e.kind,
        e.from_kind,
        e.on,
        e.note,
        e.confidential,
        e.override_reason,
        e.recorded_by,
        e.recorded_at,
      ]);
    }
  }
  const steps = await listSteps(db, { waiting: false, deleted: false }, today);
  const visits = (
    await listVisits(db, {
      sort: [],
      filter: {},
      quick: '',
      deleted: false,
      offset: 0,
      limit: 10_000_000,
    })
  ).rows;
  const tables: Table[] = [
    {
      name: SHEETS.localities.en,
      kind: 'localities',
      header: header('localities'),
      rows: localities.map((l) => [
        l.name,
        l.name_zh,
        l.name_en,
        l.level,
        l.parent_id ? (names.get(l.parent_id) ?? null) : null,
      ]),
    },
    {
      name: SHEETS.partners.en,
      kind: 'partners',
      header: header('partners'),
      rows: (await listPartners(db)).map((p) => [
        p.name,
        p.name_zh,
        p.name_en,
        p.name_local,
        p.place_kind,
        p.country,
        p.region,
      ]),
    },
    {
      name: SHEETS.ties.en,
      kind: 'ties',
      header: header('ties'),
      rows: ties.map((t) => tieValues(t)),
    },
    { name: SHEETS.events.en, kind: 'events', header: header('events'), rows: events },
    {
      name: SHEETS.letters.en,
      kind: 'letters',
      header: header('letters'),
      rows: (await listLetters(db, { deleted: false })).map((l) => [
        ...tieKey(l.local, l.partner, l.country),
        l.title,
        l.doc_type,
        l.signed_on,
        l.signed_place,
        l.our_signatory,
        l.partner_signatory,
        l.follow_up_on,
        l.status,
        l.notes,
      ]),
    },
    {
      name: SHEETS.steps.en,
      kind: 'steps',
      // The authority in both languages, in place of the one-language `authority` column.
      header: header('steps').filter((c) => c !== 'authority'),
      rows: steps.map((s) => [
        ...tieKey(s.local, s.partner, s.country),
        s.round,
        s.position,
        s.authority_zh,
        s.authority_en,
        s.submitted_on,
        s.decided_on,
        s.outcome,
        s.reference_no,
        s.decision_ref,
        s.note,
      ]),
    },
    {
      name: SHEETS.visits.en,
      kind: 'visits',
      header: header('visits'),
      rows: visits.map((v) => visitValues(v, tieById, headings)),
    },
  ];
  return headings === 'canonical' ? tables : tables.map((t) => officeTable(t, headings));
}

function tieValues(t: TieRow): Value[] {
  return [
    t.local,
    t.local_level,
    t.partner,
    t.partner_zh,
    t.country,
    t.region,
    t.kind,
    t.stage,
    t.established_on,
    t.intent_signed_on,
    t.first_contact_on,
    t.signed_place,
    t.our_signatory,
    t.partner_signatory,
    t.fields.join(', '),
    t.notes,
  ];
}

function visitValues(v: VisitRow, ties: Map<string, TieRow>, headings: Headings): Value[] {
  const label = (t: TieRow) =>
    tieLabel(headings === 'canonical' ? t : { ...t, country: countryName(t.country, headings) });
  return [
    v.direction,
    v.local,
    v.country,
    v.leader,
    v.leader_title,
    v.start_on,
    v.end_on,
    v.size,
    v.organisation,
    v.purpose,
    v.fields.join(', '),
    v.ties
      .map((link) => ties.get(link.id))
      .filter((t): t is TieRow => t !== undefined)
      .map(label)
      .join('; '),
    v.outcomes,
    v.agreements_signed,
    v.amount,
    v.currency,
    v.notes,
  ];
}

/** The vocabulary each coded column of a registry sheet takes its labels from. */
const SHEET_VOCABULARIES: Partial<Record<SheetKind, Record<string, VocabularyName>>> = {
  localities: { level: 'level' },
  partners: { place_kind: 'placeKind' },
  ties: { local_level: 'level', kind: 'kind', stage: 'stage' },
  events: { stage: 'stage', from_stage: 'stage', kind: 'kind', from_kind: 'kind' },
  letters: { doc_type: 'letterType', status: 'letterStatus' },
  steps: { outcome: 'outcome' },
  visits: { direction: 'direction' },
};

/** An event's type as an office writes it; the import reads these (and the codes) back. */
const EVENT_TYPE_LABELS: Record<Lang, Record<string, string>> = {
  zh: { stage: '阶段变更', kind: '类型变更' },
  en: { stage: 'Stage', kind: 'Kind' },
};

/**
 * A registry sheet headed and worded as an office keeps it: the sheet's and the columns' names
 * in `lang`, codes as their labels (市级, 已结好), countries by name (日本), lists joined as
 * the language joins them, yes/no as words. Everything else (names, dates as stored, numbers)
 * is unchanged, so nothing is lost on the way back in.
 */
export function officeTable(table: Table, lang: Lang): Table {
  const kind = table.kind;
  if (!kind) return table;
  const vocabularies = SHEET_VOCABULARIES[kind] ?? {};
  const cell = (column: string, value: Value): Value => {
    if (value === null || value === '') return null;
    const vocabulary = vocabularies[column];
    if (vocabulary && typeof value === 'string') return enumLabel(vocabulary, value as never, lang);
    if (kind === 'events' && column === 'type' && typeof value === 'string')
      return EVENT_TYPE_LABELS[lang][value] ?? value;
    const def = columnDef(kind, column);
    if (def?.type === 'country' && typeof value === 'string') return countryName(value, lang);
    if (def?.type === 'list' && typeof value === 'string')
      return value
        .split(', ')
        .map((f) => enumLabel('field', f as never, lang))
        .join(lang === 'zh' ? '、' : ', ');
    if (def?.type === 'bool' && typeof value === 'boolean')
      return lang === 'zh' ? (value ? '是' : '否') : value ? 'Yes' : 'No';
    return value;
  };
  return {
    name: SHEETS[kind][lang],
    kind,
    header: table.header.map((column) => {
      const def = columnDef(kind, column);
      return def ? officeHeader(def, lang) : column;
    }),
    rows: table.rows.map((row) => row.map((v, i) => cell(table.header[i] ?? '', v))),
  };
}

export function workbookBytes(tables: readonly Table[]): Buffer {
  const workbook = XLSX.utils.book_new();
  for (const table of tables) {
    // Every string stays a string cell (never a formula, never re-typed as a number or date).
    const sheet = XLSX.utils.aoa_to_sheet([table.header, ...table.rows.map(cellsOf)], {
      cellDates: false,
    });
    sheet['!cols'] = columnWidths(table).map((wch) => ({ wch }));
    XLSX.utils.book_append_sheet(workbook, sheet, table.name.slice(0, 31));
  }
  const bytes = XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx', compression: true });
  return freezeHeaderRows(bytes as Buffer);
}

/** Characters a spreadsheet shows two columns wide: CJK ideographs, kana, hangul, full-width forms. */
const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/g;

/** How wide a cell's text shows, in character widths: its longest line, wide characters twice. */
export function displayWidth(value: Value): number {
  if (value === null) return 0;
  const lines = String(value).split(/\r\n|\n|\r/);
  return Math.max(...lines.map((l) => l.length + (l.match(WIDE)?.length ?? 0)));
}

/** Each column as wide as its widest cell (header included), within reason. */
export function columnWidths(table: Table): number[] {
  return table.header.map((h, i) => {
    let width = displayWidth(h);
    for (const row of table.rows) width = Math.max(width, displayWidth(row[i] ?? null));
    return Math.min(60, Math.max(6, width + 2));
  });
}

/**
 * Freezes each sheet's header row, so it stays in view as the clerk scrolls. SheetJS writes
 * no panes, so its sheet views get one: the standard frozen pane below row 1, as Excel, WPS
 * and LibreOffice themselves write it. And writes a CR in a cell so that LibreOffice reads it.
 */
function freezeHeaderRows(xlsx: Buffer): Buffer {
  const entries = unzipSync(xlsx);
  const out: Zippable = {};
  for (const [name, data] of Object.entries(entries)) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) {
      out[name] = data;
      continue;
    }
    const xml = strFromU8(data)
      .replace(
        /<sheetView ([^>]*?)\/>/,
        '<sheetView $1><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
          '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView>',
      )
      // SheetJS writes a CR inside a cell as `_x000d_`, which LibreOffice shows as those seven
      // characters (and saves so); a character reference is a CR to every XML reader.
      .replace(/_x000[dD]_/g, '&#13;');
    out[name] = strToU8(xml);
  }
  return Buffer.from(zipSync(out, { level: 6 }));
}

function cellsOf(row: readonly Value[]): (string | number | boolean | null)[] {
  return row.map((v) => (v === null || v === '' ? null : v));
}

/**
 * CSV as Excel opens it: UTF-8 with a BOM, CRLF, formula-like text behind an apostrophe, and
 * any cell holding a line break (CR or LF alone too) quoted, so no program splits its row and
 * a formula after the break stays text.
 */
export function csvBytes(table: Table): Buffer {
  const rows = [table.header, ...table.rows].map((row) =>
    row.map((v) =>
      v === null
        ? ''
        : typeof v === 'string'
          ? escapeFormula(v)
          : typeof v === 'boolean'
            ? v
              ? 'TRUE'
              : 'FALSE'
            : v,
    ),
  );
  return Buffer.concat([
    Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from(stringify(rows, { record_delimiter: '\r\n', quoted_match: /[\r\n]/ }), 'utf8'),
  ]);
}

export function exportedFile(
  base: string,
  format: 'csv' | 'xlsx',
  today: string,
  bytes: Buffer,
): ExportedFile {
  return {
    fileName: `${base}-${today}.${format}`,
    mime: format === 'csv' ? 'text/csv;charset=utf-8' : XLSX_MIME,
    base64: bytes.toString('base64'),
  };
}

// Grids ---------------------------------------------------------------------------------------

const VOCABULARY_OF: Record<string, VocabularyName> = {
  local_level: 'level',
  kind: 'kind',
  stage: 'stage',
  direction: 'direction',
  doc_type: 'letterType',
  status: 'letterStatus',
  outcome: 'outcome',
  place_kind: 'placeKind',
};

/** A cell as the grid shows it in `lang`: enum labels, country names, lists joined. */
export function displayValue(column: string, value: unknown, lang: Lang): Value {
  if (value === null || value === undefined) return null;
  const vocabulary = VOCABULARY_OF[column];
  if (vocabulary && typeof value === 'string') return enumLabel(vocabulary, value as never, lang);
  if (column === 'country' && typeof value === 'string') return countryName(value, lang);
  const sep = lang === 'zh' ? '、' : ', ';
  if (column === 'fields' && Array.isArray(value))
    return value.map((f) => enumLabel('field', f as never, lang)).join(sep);
  if (column === 'ties' && Array.isArray(value))
    return value.map((t: { label?: string }) => t.label ?? '').join('; ');
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean')
    return value;
  return JSON.stringify(value);
}

function gridHeader(
  grid: SheetKind,
  column: string,
  lang: Lang,
  t: (key: string) => string,
): string {
  const key = `columns.${column}`;
  const label = t(key);
  if (label !== key) return label;
  const def = SHEETS[grid].columns.find((c) => c.id === column);
  return def ? (lang === 'zh' ? def.zh : def.id) : column;
}

export function gridTable(
  grid: SheetKind,
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
  lang: Lang,
): Table {
  const i18n = createI18n(lang);
  const t = (key: string) => i18n.t(key);
  return {
    name: lang === 'zh' ? SHEETS[grid].zh : SHEETS[grid].en,
    header: columns.map((c) => gridHeader(grid, c, lang, t)),
    rows: rows.map((row) => columns.map((c) => displayValue(c, row[c], lang))),
  };
}
