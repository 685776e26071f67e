import {
  columnDef,
  columnForHeader,
  columnLetter,
  SHEETS,
  sheetKindForHeaders,
  sheetKindForName,
  type SheetKind,
} from '../../shared/interchange';
import { formatMessage, type Lang } from '../../shared/i18n';
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
  readonly sample: readonly SheetRow[];
  /** What the plan decided on its own (a separator, inferred fields…), said in the preview. */
  readonly notices: readonly ImportNotice[];
}

/** A column as the clerk sees it: its letter and its header, `B列（我方）` / `column B (我方)`. */
export function columnLabel(index: number, header: string, lang: Lang): string {
  return formatMessage('import.columnLabel', { letter: columnLetter(index), header }, lang);
}

const HEADER_SEARCH_ROWS = 10;

export function cellText(cell: Cell | undefined): string {
  return cell === undefined ? '' : cell.text.trim();
}

export function isBlank(row: SheetRow): boolean {
  return row.cells.every((c) => c === undefined || (cellText(c) === '' && !c.formula));
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
  const sample = rows
    .filter((r) => r.line > header.line && !isBlank(r))
    .slice(0, LIMITS.previewRows);
  const notices: ImportNotice[] = [];
  if (file.separator === ';') notices.push({ key: 'import.notice.semicolon', params: {} });
  if (file.separator === '\t') notices.push({ key: 'import.notice.tab', params: {} });
  return {
    reader,
    name,
    kind,
    kindFrom,
    headerLine: header.line,
    headers,
    fields,
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
export function sheetProblems(plan: SheetPlan): { missing: string[] } {
  const seen = new Map<string, number>();
  plan.fields.forEach((field, i) => {
    if (field === null) return;
    const first = seen.get(field);
    if (first !== undefined)
      throw fileProblem('duplicateColumn', {
        sheet: plan.name,
        first: plan.headers[first],
        second: plan.headers[i],
        column: field,
      });
    seen.set(field, i);
  });
  const def = SHEETS[plan.kind];
  const present = new Set(plan.fields.filter((f): f is string => f !== null));
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
  const { missing } = sheetProblems(plan);
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
    unknown: ignoredColumns(plan, lang),
    missing,
    notices: plan.notices,
    sample: plan.sample.map((row) => ({
      line: row.line,
      cells: plan.headers.map((_, i) => cellText(row.cells[i])),
    })),
  };
}

/** The columns a sheet's rows are read without, as the clerk sees them. */
export function ignoredColumns(plan: SheetPlan, lang: Lang): string[] {
  return plan.headers.flatMap((h, i) =>
    h !== '' && plan.fields[i] === null ? [columnLabel(i, h, lang)] : [],
  );
}
