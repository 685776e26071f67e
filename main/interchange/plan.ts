import {
  columnDef,
  columnForHeader,
  columnLetter,
  directionForSheetName,
  isRowNumberHeader,
  isTotalLabel,
  SHEETS,
  sheetKindForHeaders,
  sheetKindForName,
  type SheetKind,
} from '../../shared/interchange';
import type { ColumnRef, Lang } from '../../shared/i18n';
import { hasCjk } from '../../shared/text';
import type { ImportNotice, SheetChoice, SheetPreview } from '../../shared/ipc/interchange';
import { fileProblem, type Cell, type OpenedFile, type SheetReader, type SheetRow } from './source';
import { LIMITS } from './limits';

/**
 * Which sheets of a file an import takes, as what, and which column gives which field. The
 * header is the first of the top rows that names known columns (a ledger may carry a title
 * row above it); columns nobody knows are reported and skipped.
 */

export interface SheetPlan {
  readonly reader: SheetReader;
  readonly name: string;
  readonly kind: SheetKind;
  readonly kindFrom: SheetPreview['kindFrom'];
  readonly headerLine: number;
  readonly headers: readonly string[];
  /** By column position: the field, or null. */
  readonly fields: readonly (string | null)[];
  /** Fields the sheet gives every row without a column (a 出访 sheet's direction). */
  readonly defaults: Readonly<Record<string, unknown>>;
  /** By column position: a row-number column (序号), skipped without a word. */
  readonly numbering: readonly boolean[];
  readonly sample: readonly SheetRow[];
  /** What the plan decided on its own (a separator, inferred fields…), said in the preview. */
  readonly notices: readonly ImportNotice[];
}

/** A column as the clerk sees it: its letter and header, worded where the message is shown. */
export function columnRef(index: number, header: string): ColumnRef {
  return { letter: columnLetter(index), header };
}

const HEADER_SEARCH_ROWS = 10;

export function cellText(cell: Cell | undefined): string {
  return cell === undefined ? '' : cell.text.trim();
}

/** A row with nothing of its own (a merged cell running through it is not its own). */
export function isBlank(row: SheetRow): boolean {
  return row.cells.every((c) => c === undefined || c.merged || (cellText(c) === '' && !c.formula));
}

/** The top rows of a sheet: enough to find its header and show a sample. */
async function topRows(reader: SheetReader): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  let blankOrHeader = 0;
  for await (const row of reader.rows()) {
    rows.push(row);
    if (!isBlank(row)) blankOrHeader++;
    if (blankOrHeader >= HEADER_SEARCH_ROWS + LIMITS.previewRows) break;
  }
  return rows;
}

function knownCount(kind: SheetKind, headers: readonly string[]): number {
  return headers.filter((h) => h !== '' && columnForHeader(kind, h) !== null).length;
}

export async function planSheet(
  file: OpenedFile,
  name: string,
  choice: SheetChoice | undefined,
): Promise<SheetPlan> {
  const reader = file.sheet(name);
  const rows = await topRows(reader);
  const candidates = rows.filter((r) => !isBlank(r)).slice(0, HEADER_SEARCH_ROWS);
  if (candidates.length === 0) throw fileProblem('noHeader', { sheet: name });

  const byName = sheetKindForName(name);
  const kindOf = (headers: string[]) => byName ?? sheetKindForHeaders(headers);
  let header = candidates[0] as SheetRow;
  let best = -1;
  for (const row of candidates) {
    const headers = row.cells.map(cellText);
    const score = knownCount(kindOf(headers), headers);
    if (score > best) {
      best = score;
      header = row;
    }
  }
  const headers = header.cells.map(cellText);
  const kind = choice?.kind ?? kindOf(headers);
  const kindFrom = choice?.kind ? 'choice' : byName ? 'name' : 'headers';
  const fields = headers.map((h, i) => {
    const chosen = choice?.fields?.[i];
    if (chosen !== undefined) return chosen !== null && columnDef(kind, chosen) ? chosen : null;
    return h === '' ? null : columnForHeader(kind, h);
  });
  // A sheet named 出访 or 来访 holds one direction: its rows need no 方向 column.
  const defaults: Record<string, unknown> = {};
  const direction = kind === 'visits' ? directionForSheetName(name) : null;
  if (direction && !fields.includes('direction')) defaults.direction = direction;
  // A ledger's own numbering (序号) is no field of any record: read by none, and not reported.
  const numbering = headers.map((h, i) => fields[i] === null && isRowNumberHeader(h));
  const sample = rows
    .filter((r) => r.line > header.line && !isBlank(r) && !isTotalRow(r))
    .slice(0, LIMITS.previewRows);
  const notices: ImportNotice[] = [];
  if (file.separator === ';') notices.push({ key: 'import.notice.semicolon', params: {} });
  if (file.separator === '\t') notices.push({ key: 'import.notice.tab', params: {} });
  if (kind === 'ties' && !fields.includes('stage'))
    notices.push({ key: 'import.notice.stageFromDates', params: {} });
  if (kind === 'ties' && !fields.includes('local_level'))
    notices.push({
      key: 'import.notice.levelFromDirectory',
      params: { add: hasCjk(headers.join('')) ? '我方级别' : 'local_level' },
    });
  if (direction && defaults.direction)
    notices.push({ key: `import.notice.${direction}FromName`, params: {} });
  const hidden = reader.layout.hiddenColumns.filter((i) => (headers[i] ?? '') !== '');
  if (hidden.length > 0)
    notices.push({
      key: 'import.notice.hiddenColumns',
      params: {
        count: hidden.length,
        columns: hidden.map((i) => columnRef(i, headers[i]!)),
      },
    });
  const merged = reader.layout.mergedDown.filter((ref) => firstRowOf(ref) > header.line);
  if (merged.length > 0)
    notices.push({
      key: 'import.notice.merged',
      params: { count: merged.length, ranges: merged.slice(0, 8).join(', ') },
    });
  return {
    reader,
    name,
    kind,
    kindFrom,
    headerLine: header.line,
    headers,
    fields,
    numbering,
    defaults,
    sample,
    notices,
  };
}

/** The sheets an import takes: the one chosen, else those named for an entity, else the first. */
export function sheetsToRead(file: OpenedFile, sheet: string | undefined): string[] {
  if (sheet !== undefined) {
    if (!file.sheetNames.includes(sheet)) throw fileProblem('noSheet', { sheet });
    return [sheet];
  }
  const named = file.sheetNames.filter((n) => sheetKindForName(n) !== null);
  return named.length > 0 ? named : file.sheetNames.slice(0, 1);
}

/** Problems that make a sheet unreadable as a whole: two columns for one field, or none. */
export function sheetProblems(plan: SheetPlan, lang: Lang): { missing: string[] } {
  const seen = new Map<string, number>();
  plan.fields.forEach((field, i) => {
    if (field === null) return;
    const first = seen.get(field);
    if (first !== undefined) {
      // A copy of a column hidden in the workbook is why a clerk sees only one.
      const hidden = [first, i].find((c) => plan.reader.layout.hiddenColumns.includes(c));
      const label = (c: number) => columnRef(c, plan.headers[c] ?? '');
      throw fileProblem(hidden === undefined ? 'duplicateColumn' : 'duplicateColumnHidden', {
        sheet: plan.name,
        first: label(first),
        second: label(i),
        column: lang === 'zh' ? (columnDef(plan.kind, field)?.zh ?? field) : field,
        ...(hidden === undefined ? {} : { hidden: label(hidden) }),
      });
    }
    seen.set(field, i);
  });
  const def = SHEETS[plan.kind];
  const present = new Set(plan.fields.filter((f): f is string => f !== null));
  for (const field of Object.keys(plan.defaults)) present.add(field);
  const missing = def.required.filter((r) => !present.has(r));
  // A step names its authority in either language; one of the three columns is enough.
  if (
    plan.kind === 'steps' &&
    !['authority', 'authority_zh', 'authority_en'].some((f) => present.has(f))
  )
    missing.push('authority');
  return { missing };
}

export function previewOf(plan: SheetPlan, lang: Lang): SheetPreview {
  const { missing } = sheetProblems(plan, lang);
  return {
    name: plan.name,
    kind: plan.kind,
    kindFrom: plan.kindFrom,
    headerLine: plan.headerLine,
    columns: plan.headers.map((header, index) => ({
      index,
      header,
      field: plan.fields[index] ?? null,
    })),
    unknown: ignoredColumns(plan),
    missing,
    notices: plan.notices,
    sample: plan.sample.map((row) => ({
      line: row.line,
      cells: plan.headers.map((_, i) => cellText(row.cells[i])),
    })),
  };
}

/** The columns a sheet's rows are read without. */
export function ignoredColumns(plan: SheetPlan): ColumnRef[] {
  return plan.headers.flatMap((h, i) =>
    h !== '' && plan.fields[i] === null && !plan.numbering[i] ? [columnRef(i, h)] : [],
  );
}

function firstRowOf(ref: string): number {
  return Number(/\d+/.exec(ref)?.[0] ?? 0);
}

/** A 合计/小计/总计 row: its first filled cell says so. */
export function isTotalRow(row: SheetRow): boolean {
  const first = row.cells.find((c) => cellText(c) !== '');
  return first !== undefined && typeof first.value === 'string' && isTotalLabel(first.text);
}
