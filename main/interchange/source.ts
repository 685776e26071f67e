import * as XLSX from '@e965/xlsx';
import { parse as parseCsv } from 'csv-parse';
import {
  strFromU8,
  Unzip,
  unzipSync,
  type AsyncFlateStreamHandler,
  type UnzipDecoder,
} from 'fflate';
import iconv from 'iconv-lite';
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { Transform, type TransformCallback } from 'node:stream';
import { inflateRawSync } from 'node:zlib';
import { fromExcelSerial } from '../../shared/dates';
import { AppError } from '../core/errors';
import { LIMITS } from './limits';

/**
 * Reading a spreadsheet file into rows of cells, in the main process only. CSV is streamed
 * (decode → line-length guard → csv-parse), so memory stays flat however many rows; XLSX is
 * checked for its inflated size entry by entry before SheetJS reads it, and read within the
 * row and column limits.
 */

export type Encoding = 'utf8' | 'gb18030';
export type Format = 'csv' | 'xlsx' | 'xls' | 'ods';
/** What separates a CSV's cells: Excel writes `;` where the comma is the decimal mark. */
export type Separator = ',' | ';' | '\t';

/** One cell as the file gives it; `text` is what the spreadsheet program shows. */
export interface Cell {
  readonly value: string | number | boolean | null;
  readonly text: string;
  /** A date cell, as `YYYY-MM-DD` (or the reason it is no date). */
  readonly date?: { ok: true; on: string } | { ok: false };
  /** A formula cell's formula: imports take values only. */
  readonly formula?: string;
  /** An error cell's code (#N/A, #REF!). */
  readonly error?: string;
  /** The value of a merged cell above, given to this row: a row of these alone is blank. */
  readonly merged?: boolean;
}

export interface SheetRow {
  /** The row number the spreadsheet program shows (the header is row 1 in a plain sheet). */
  readonly line: number;
  readonly cells: readonly (Cell | undefined)[];
  /** A row the workbook hides: imported like any other, and reported. */
  readonly hidden?: boolean;
}

/** How a workbook lays a sheet out, beyond its cells. */
export interface SheetLayout {
  /** Columns (from 0) the sheet hides. */
  readonly hiddenColumns: readonly number[];
  /** Merged ranges spanning rows (`B3:B7`), whose value the reader gives every row. */
  readonly mergedDown: readonly string[];
}

export interface SheetReader {
  readonly name: string;
  readonly layout: SheetLayout;
  /** Rows of the sheet from the first, header included; blank rows are kept for numbering. */
  rows(onProgress?: (fraction: number) => void): AsyncIterable<SheetRow>;
}

export interface OpenedFile {
  readonly format: Format;
  /** The encoding a CSV is read with, and the one detected (null for workbooks). */
  readonly encoding: Encoding | null;
  readonly detected: Encoding | null;
  /** A CSV's separator, found from its first lines (null for workbooks). */
  readonly separator: Separator | null;
  readonly sheetNames: readonly string[];
  sheet(name: string): SheetReader;
}

export function fileProblem(key: string, params: Record<string, unknown> = {}): AppError {
  return new AppError('validation', `import.file.${key}`, params, {
    details: [{ path: ['file'], key: `import.file.${key}`, params }],
  });
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (head: Uint8Array, magic: readonly number[]) =>
  magic.every((b, i) => head[i] === b);

async function readHead(file: string, bytes: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** UTF-8 if the bytes decode strictly as UTF-8 (a BOM settles it), else GB18030. */
export function detectEncoding(head: Uint8Array, complete: boolean): Encoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf8';
  try {
    // A sample may end inside a character; only its last three bytes may be incomplete.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !complete });
    return 'utf8';
  } catch {
    return 'gb18030';
  }
}

export async function openFile(
  file: string,
  displayName: string,
  chosen: Encoding | undefined,
): Promise<OpenedFile> {
  const size = (await stat(file)).size;
  if (size > LIMITS.fileBytes)
    throw fileProblem('tooLarge', {
      size: Math.ceil(size / 1048576),
      max: LIMITS.fileBytes / 1048576,
    });
  // Excel (`~$台账.xlsx`) and LibreOffice (`.~lock.台账.xlsx#`) keep these beside a file that
  // is open: they are no ledger, and the one meant is next to them.
  const base = displayName.split(/[\\/]/).at(-1) ?? displayName;
  if (/^~\$/.test(base) || /^\.~lock\..*#$/.test(base))
    throw fileProblem('lockFile', {
      name: base,
      original: base.replace(/^~\$/, '').replace(/^\.~lock\.(.*)#$/, '$1'),
    });
  const head = await readHead(file, 1024 * 1024);
  if (head.length === 0 || head.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09))
    throw fileProblem('empty', { name: displayName });
  // An OpenDocument spreadsheet is a zip too; SheetJS tells them apart by their content.
  if (startsWith(head, ZIP))
    return openWorkbook(file, /\.ods$/i.test(displayName) ? 'ods' : 'xlsx');
  if (startsWith(head, CFB)) return openWorkbook(file, 'xls');
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))
    throw fileProblem('utf16', { name: displayName });
  // Text files have no NUL bytes; documents, images and archives nearly always do.
  if (head.includes(0)) throw fileProblem('binary', { name: displayName });
  const detected = detectEncoding(head, head.length === size);
  const encoding = chosen ?? detected;
  if (encoding === 'gb18030' && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    throw fileProblem('bomMismatch', {});
  const name = displayName.replace(/\.[^.]*$/, '') || displayName;
  const separator = detectSeparator(
    encoding === 'gb18030' ? iconv.decode(head, 'gb18030') : head.toString('utf8'),
  );
  return {
    format: 'csv',
    encoding,
    detected,
    separator,
    sheetNames: [name],
    sheet: () => ({
      name,
      layout: { hiddenColumns: [], mergedDown: [] },
      rows: (onProgress) => csvRows(file, size, encoding, separator, onProgress),
    }),
  };
}

const SEPARATORS: readonly Separator[] = [',', ';', '\t'];

/**
 * The separator the first lines use most, outside quotes: the header (or the widest row
 * among the title rows above it) has one fewer separator than columns, whichever it is.
 * A file with none (one column) is read with commas.
 */
export function detectSeparator(text: string): Separator {
  const lines = text
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim() !== '')
    .slice(0, 20);
  let best: Separator = ',';
  let bestCount = 0;
  for (const separator of SEPARATORS) {
    let most = 0;
    for (const line of lines) {
      let n = 0;
      let quoted = false;
      for (const ch of line) {
        if (ch === '"') quoted = !quoted;
        else if (ch === separator && !quoted) n++;
      }
      most = Math.max(most, n);
    }
    if (most > bestCount) {
      best = separator;
      bestCount = most;
    }
  }
  return best;
}

/** Decodes to text, refusing bytes that are not the chosen encoding instead of guessing. */
function decoder(encoding: Encoding): Transform {
  if (encoding === 'gb18030') {
    const inner = iconv.getDecoder('gb18030');
    return new Transform({
      transform(chunk: Buffer, _enc, done: TransformCallback) {
        const text = inner.write(chunk);
        // GB18030 maps every well-formed byte sequence; a replacement character means bytes
        // that are no text in it either (a binary or a damaged file).
        if (text.includes('\uFFFD')) done(fileProblem('notGb18030', {}));
        else done(null, text);
      },
      flush(done: TransformCallback) {
        const rest = inner.end() ?? '';
        if (rest.includes('\uFFFD')) done(fileProblem('notGb18030', {}));
        else done(null, rest);
      },
    });
  }
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let offset = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      try {
        const text = utf8.decode(chunk, { stream: true });
        offset += chunk.length;
        done(null, text);
      } catch {
        done(fileProblem('notUtf8', { offset }));
      }
    },
    flush(done: TransformCallback) {
      try {
        done(null, utf8.decode());
      } catch {
        done(fileProblem('notUtf8', { offset }));
      }
    },
  });
}

const LINE_END = /[\r\n]/g;

/**
 * Refuses a physical line longer than the limit before csv-parse splits it, since a line of
 * commas alone would become millions of empty fields. A line ends at LF, CR or CRLF.
 */
function lineGuard(): Transform {
  let run = 0;
  let line = 1;
  return new Transform({
    readableObjectMode: false,
    transform(chunk: string | Buffer, _enc, done: TransformCallback) {
      const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
      let start = 0;
      for (;;) {
        LINE_END.lastIndex = start;
        const nl = LINE_END.exec(text)?.index ?? -1;
        const part = (nl === -1 ? text.length : nl) - start;
        if (run + part > LIMITS.lineChars)
          return done(fileProblem('lineTooLong', { line, max: LIMITS.lineChars }));
        if (nl === -1) {
          run += part;
          break;
        }
        run = 0;
        // CRLF is one line end (unless the chunk splits it, which at worst miscounts by one).
        if (!(text[nl] === '\n' && nl > 0 && text[nl - 1] === '\r')) line++;
        start = nl + 1;
      }
      done(null, text);
    },
  });
}

async function* csvRows(
  file: string,
  size: number,
  encoding: Encoding,
  separator: Separator,
  onProgress?: (fraction: number) => void,
): AsyncGenerator<SheetRow> {
  const input = createReadStream(file, { highWaterMark: 64 * 1024 });
  let read = 0;
  input.on('data', (chunk) => {
    read += chunk.length;
  });
  const parser = parseCsv({
    bom: true,
    delimiter: separator,
    // Every line end ends a row, however mixed: a ledger kept in Excel on Windows (CRLF) with
    // rows appended by another tool (LF), or saved on an old Mac (CR).
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    max_record_size: LIMITS.recordChars,
    skip_empty_lines: false,
  });
  const decode = decoder(encoding);
  const guard = lineGuard();
  const fail = (error: unknown) => parser.destroy(error as Error);
  input.on('error', fail);
  decode.on('error', fail);
  guard.on('error', fail);
  input.pipe(decode).pipe(guard).pipe(parser);
  let line = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      line++;
      if (record.length > LIMITS.columns)
        throw fileProblem('tooManyColumns', { line, count: record.length, max: LIMITS.columns });
      if (line > LIMITS.rows + 1) throw fileProblem('tooManyRows', { max: LIMITS.rows });
      onProgress?.(size === 0 ? 1 : read / size);
      yield {
        line,
        cells: record.map((text) => (text === '' ? undefined : { value: text, text })),
      };
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const e = error as { code?: string; lines?: number; message?: string };
    throw fileProblem('csv', {
      line: e.lines ?? line + 1,
      reason: e.code ?? e.message ?? 'CSV',
    });
  } finally {
    input.destroy();
  }
}

/**
 * Inflates every entry of the zip, counting bytes and keeping none, and refuses the file once
 * the total passes the limit: what an entry declares is not trusted. fflate's streaming unzip
 * finds the entries; Node's own zlib inflates each (several times faster than fflate's
 * JavaScript inflater), told to stop at what the workbook may still unpack to, so a bomb is
 * cut off there instead of being unpacked in full.
 */
export function checkZip(bytes: Uint8Array): void {
  let total = 0;
  let failure: AppError | null = null;
  let entries = 0;
  const tooLarge = () => fileProblem('zipBomb', { max: LIMITS.unzippedBytes / 1048576 });
  class NativeInflate implements UnzipDecoder {
    static readonly compression = 8;
    ondata: AsyncFlateStreamHandler = () => {};
    readonly #chunks: Uint8Array[] = [];
    push(chunk: Uint8Array, final: boolean): void {
      this.#chunks.push(chunk);
      if (!final) return;
      let out: Buffer;
      try {
        out = inflateRawSync(Buffer.concat(this.#chunks), {
          maxOutputLength: LIMITS.unzippedBytes - total + 1,
        });
      } catch (error) {
        failure ??=
          (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE'
            ? tooLarge()
            : fileProblem('damaged', { reason: (error as Error).message });
        return;
      }
      this.ondata(null, out as Uint8Array<ArrayBuffer>, true);
    }
  }
  const unzip = new Unzip((entry) => {
    entries++;
    entry.ondata = (error, chunk) => {
      if (failure) return;
      if (error) {
        failure = fileProblem('damaged', { reason: error.message });
        return;
      }
      total += chunk.length;
      if (total > LIMITS.unzippedBytes) {
        failure = tooLarge();
        entry.terminate();
      }
    };
    if (!failure) entry.start();
  });
  unzip.register(NativeInflate);
  try {
    const step = 256 * 1024;
    for (let i = 0; i < bytes.length && !failure; i += step) {
      unzip.push(bytes.subarray(i, i + step), i + step >= bytes.length);
    }
  } catch (error) {
    failure ??= fileProblem('damaged', { reason: (error as Error).message });
  }
  if (failure) throw failure;
  if (entries === 0) throw fileProblem('damaged', { reason: 'no entries' });
}

async function openWorkbook(file: string, format: 'xlsx' | 'xls' | 'ods'): Promise<OpenedFile> {
  const bytes = await readFile(file);
  if (format !== 'xls') checkZip(bytes);
  // A workbook with a password to open is an encrypted package in an OLE container, whatever
  // its name says; SheetJS cannot open it, and the clerk can save it without the password.
  else if (isEncrypted(bytes)) throw fileProblem('password', {});
  let workbook: XLSX.WorkBook;
  // SheetJS prints "ODS number format may be incorrect" to the console for each conditional
  // number format of an ODS (LibreOffice writes them for negative numbers in red): noise on
  // a clerk's terminal, about formats no cell of a ledger depends on. The read is
  // synchronous, so nothing else can print while the console is filtered.
  const printError = console.error;
  console.error = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('ODS number format may be incorrect'))
      return;
    printError(...args);
  };
  try {
    workbook = XLSX.read(bytes, {
      type: 'buffer',
      dense: true,
      cellNF: true,
      cellFormula: true,
      cellHTML: false,
      cellDates: false,
      // Column widths and visibility: a hidden column is imported, and said.
      cellStyles: true,
      sheetRows: LIMITS.rows + 2,
    });
  } catch (error) {
    const reason = (error as Error).message;
    if (/password|encrypt/i.test(reason)) throw fileProblem('password', {});
    throw fileProblem('damaged', { reason: reason.slice(0, 200) });
  } finally {
    console.error = printError;
  }
  if (workbook.SheetNames.length === 0) throw fileProblem('damaged', { reason: 'no sheets' });
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);
  // SheetJS reads no row or column visibility from an ODS: those come from its content.xml.
  const odsHidden = format === 'ods' ? odsVisibility(bytes) : null;
  return {
    format,
    encoding: null,
    detected: null,
    separator: null,
    sheetNames: workbook.SheetNames,
    sheet(name) {
      const sheet = workbook.Sheets[name];
      if (!sheet) throw fileProblem('noSheet', { sheet: name });
      const merges = (sheet['!merges'] ?? []).filter((m) => m.e.r > m.s.r);
      const ods = odsHidden?.get(name);
      const rowInfo = sheet['!rows'] ?? [];
      const hiddenRow = ods ? (r: number) => ods.rows.has(r) : (r: number) => !!rowInfo[r]?.hidden;
      return {
        name,
        layout: {
          hiddenColumns: ods
            ? [...ods.columns].sort((a, b) => a - b)
            : (sheet['!cols'] ?? []).flatMap((c, i) => (c?.hidden ? [i] : [])),
          mergedDown: merges.map((m) => XLSX.utils.encode_range(m)),
        },
        rows: (onProgress) => workbookRows(sheet, date1904, merges, hiddenRow, onProgress),
      };
    },
  };
}

const XML_ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&apos;': "'",
};

/**
 * The rows and columns (from 0) each sheet of an ODS hides, by sheet name: the rows and columns
 * of content.xml whose `table:visibility` is `collapse` (hidden) or `filter` (filtered out),
 * counted with their `number-rows-repeated`/`number-columns-repeated`. Rows past the sheet's
 * row limit are not counted (LibreOffice ends a sheet with a million repeated empty rows).
 */
export function odsVisibility(
  bytes: Uint8Array,
): Map<string, { rows: Set<number>; columns: Set<number> }> {
  const sheets = new Map<string, { rows: Set<number>; columns: Set<number> }>();
  const content = unzipSync(bytes, { filter: (f) => f.name === 'content.xml' })['content.xml'];
  if (!content) return sheets;
  const xml = strFromU8(content);
  const tables = /<table:table\s[^>]*?table:name="([^"]*)"[^>]*>/g;
  const parts = /<table:table-(row|column)((?:\s[^>]*?)?)\/?>|<\/table:table>/g;
  const limit = LIMITS.rows + 2;
  for (let table = tables.exec(xml); table; table = tables.exec(xml)) {
    const name = table[1]!.replace(/&(?:amp|lt|gt|quot|apos);/g, (e) => XML_ENTITIES[e] ?? e);
    const hidden = { rows: new Set<number>(), columns: new Set<number>() };
    sheets.set(name, hidden);
    let row = 0;
    let column = 0;
    parts.lastIndex = tables.lastIndex;
    for (let part = parts.exec(xml); part; part = parts.exec(xml)) {
      if (part[1] === undefined) break; // the end of this table
      const attrs = part[2] ?? '';
      const kind = part[1] as 'row' | 'column';
      const repeated = Number(
        new RegExp(`table:number-${kind}s-repeated="(\\d+)"`).exec(attrs)?.[1] ?? 1,
      );
      const at = kind === 'row' ? row : column;
      if (/table:visibility="(?:collapse|filter)"/.test(attrs))
        for (let i = at; i < Math.min(at + repeated, limit); i++) hidden[`${kind}s`].add(i);
      if (kind === 'row') row += repeated;
      else column += repeated;
    }
    tables.lastIndex = Math.max(tables.lastIndex, parts.lastIndex);
  }
  return sheets;
}

/** LibreOffice saves a yes/no cell as the formula `=TRUE()`: that is a value, not a formula. */
const BOOLEAN_FORMULA = /^(?:of:)?=?(?:TRUE|FALSE)\(\)$/i;

/**
 * How precise a date format shows its date: `yyyy"年"m"月"` shows a month, `yyyy` a year.
 * Quoted text, escapes and bracketed codes (`[$-804]`, `[DBNum1]`) are not date tokens.
 */
export function datePrecision(format: string): 'year' | 'month' | 'day' {
  const tokens = format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .toLowerCase();
  if (/d/.test(tokens)) return 'day';
  // An `m` that is not minutes: minutes stand beside hours or seconds.
  if (/m/.test(tokens.replace(/h+[^a-z]*m+|m+[^a-z]*s/g, ''))) return 'month';
  return 'year';
}

function isEncrypted(bytes: Buffer): boolean {
  try {
    const container = XLSX.CFB.read(bytes, { type: 'buffer' });
    return ['EncryptionInfo', 'EncryptedPackage'].some((n) => XLSX.CFB.find(container, n));
  } catch {
    return false;
  }
}

const NO_FORMULA: { formula?: string } = Object.freeze({});

function cellOf(cell: XLSX.CellObject | undefined, date1904: boolean): Cell | undefined {
  if (!cell || cell.t === 'z')
    return cell?.f ? { value: null, text: '', formula: cell.f } : undefined;
  // SheetJS reads an ODS's `of:=FALSE()` as the number 0 with that formula: a boolean still.
  if (cell.f && BOOLEAN_FORMULA.test(cell.f)) {
    const value = /TRUE/i.test(cell.f);
    return { value, text: value ? 'TRUE' : 'FALSE' };
  }
  const formula = cell.f ? { formula: cell.f } : NO_FORMULA;
  switch (cell.t) {
    case 'e':
      return { value: null, text: cell.w ?? '#ERROR', error: cell.w ?? '#ERROR', ...formula };
    case 'b':
      return { value: Boolean(cell.v), text: cell.v ? 'TRUE' : 'FALSE', ...formula };
    case 'n': {
      const v = Number(cell.v);
      const text = cell.w ?? String(v);
      if (typeof cell.z === 'string' && XLSX.SSF.is_date(cell.z)) {
        // Excel counts days from 1899-12-30, or from 1904-01-01 in a workbook made on old Macs.
        const parsed = fromExcelSerial(v + (date1904 ? 1462 : 0));
        // A cell formatted to show a month (1999年4月) means that month, not its first day.
        const precision = datePrecision(cell.z);
        const on = parsed.ok
          ? parsed.date.slice(0, precision === 'day' ? 10 : precision === 'month' ? 7 : 4)
          : '';
        return {
          value: v,
          text,
          date: parsed.ok ? { ok: true, on } : { ok: false },
          ...formula,
        };
      }
      return { value: v, text, ...formula };
    }
    case 'd': {
      const d = cell.v instanceof Date ? cell.v : new Date(String(cell.v));
      const on = Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
      return {
        value: on,
        text: cell.w ?? on ?? '',
        date: on ? { ok: true, on } : { ok: false },
        ...formula,
      };
    }
    default: {
      const text = cell.v === undefined || cell.v === null ? '' : String(cell.v);
      if (text === '' && !cell.f) return undefined;
      // Most cells of a ledger: no formula to spread in (an object fewer for each).
      return cell.f ? { value: text, text, formula: cell.f } : { value: text, text };
    }
  }
}

async function* workbookRows(
  sheet: XLSX.WorkSheet,
  date1904: boolean,
  merges: readonly XLSX.Range[],
  hiddenRow: (row: number) => boolean,
  onProgress?: (fraction: number) => void,
): AsyncGenerator<SheetRow> {
  const ref = sheet['!ref'];
  if (!ref) return;
  const range = XLSX.utils.decode_range(ref);
  if (range.e.c - range.s.c + 1 > LIMITS.columns)
    throw fileProblem('tooManyColumns', {
      line: range.s.r + 1,
      count: range.e.c - range.s.c + 1,
      max: LIMITS.columns,
    });
  if (range.e.r - range.s.r > LIMITS.rows) throw fileProblem('tooManyRows', { max: LIMITS.rows });
  const data = (sheet['!data'] ?? []) as (XLSX.CellObject[] | undefined)[];
  // A cell merged down a group of rows (我方 for each city's ties) shows its value on every
  // row it spans, so every row gets it. Merges across columns only are shown once: their
  // value belongs to the first column.
  const mergedInto = new Map<number, Map<number, XLSX.CellObject | undefined>>();
  for (const m of merges) {
    const top = data[m.s.r]?.[m.s.c];
    for (let r = m.s.r + 1; r <= m.e.r; r++) {
      const cols = mergedInto.get(r) ?? new Map<number, XLSX.CellObject | undefined>();
      cols.set(m.s.c, top);
      mergedInto.set(r, cols);
    }
  }
  const total = Math.max(1, range.e.r - range.s.r + 1);
  for (let r = range.s.r; r <= range.e.r; r++) {
    const row = data[r] ?? [];
    const merged = mergedInto.get(r);
    const cells: (Cell | undefined)[] = [];
    // From column A, whatever the used range says, so a cell's index is its column's.
    for (let col = 0; col <= range.e.c; col++) {
      if (!merged?.has(col)) cells.push(cellOf(row[col], date1904));
      else {
        const cell = cellOf(merged.get(col), date1904);
        cells.push(cell && { ...cell, merged: true });
      }
    }
    onProgress?.((r - range.s.r + 1) / total);
    yield { line: r + 1, cells, ...(hiddenRow(r) ? { hidden: true } : {}) };
  }
}
