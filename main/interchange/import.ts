import { inSavepoint } from '../../db/savepoint';
import type { Lang } from '../../shared/i18n';
import { APPLY_ORDER, columnDef, columnLetter, type SheetKind } from '../../shared/interchange';
import type {
  Encoding,
  ImportNotice,
  ImportPreview,
  ImportProgress,
  ImportSummary,
  ImportWarning,
  SheetChoice,
  SheetSummary,
} from '../../shared/ipc/interchange';
import { hasCjk } from '../../shared/text';
import { recordCommand } from '../core/commands';
import type { CallContext } from '../core/context';
import { AppError } from '../core/errors';
import { inWriteTransaction, type ServiceDeps } from '../core/transaction';
import { AuditBatch, type WriteEnv } from '../core/write-env';
import { createApplier, problemsOf, type Outcome, type Problem } from './appliers/index';
import { readCell } from './cells';
import {
  cellText,
  ignoredColumns,
  isBlank,
  isTotalRow,
  planSheet,
  previewOf,
  sheetProblems,
  sheetsToRead,
  type SheetPlan,
} from './plan';
import { fileProblem, openFile, type Format, type Separator, type SheetRow } from './source';

/**
 * An import: the file's sheets planned, then applied in one transaction in entity order
 * (localities before the ties that name them, ties before their letters…); any refusal, or a
 * dry run, rolls the whole transaction back. Every bad row is found: a row refused while it
 * was being written must leave nothing behind for the rows after it, which a savepoint per row
 * guarantees but at twice the cost of the writes (SQLite copies every page a row touches into
 * the savepoint's journal). So the first pass writes without them, and only a file with such a
 * row is applied again from the start, carefully, each row in its own savepoint.
 */

export interface ImportOptions {
  readonly sheet?: string | undefined;
  readonly encoding?: Encoding | undefined;
  readonly sheets?: readonly SheetChoice[] | undefined;
  readonly dryRun: boolean;
}

export interface ImportIssue {
  readonly sheet: string;
  readonly line: number;
  /** The column as the file heads it, and its letter (empty for a problem of the whole row). */
  readonly column: string;
  readonly letter: string;
  readonly field: string | null;
  readonly value: string;
  readonly key: string;
  readonly params: Record<string, unknown>;
}

async function plansFor(
  file: string,
  name: string,
  options: Omit<ImportOptions, 'dryRun'>,
): Promise<{
  format: Format;
  encoding: Encoding | null;
  detected: Encoding | null;
  separator: Separator | null;
  sheetNames: readonly string[];
  plans: SheetPlan[];
}> {
  const opened = await openFile(file, name, options.encoding);
  const plans: SheetPlan[] = [];
  for (const sheet of sheetsToRead(opened, options.sheet)) {
    plans.push(
      await planSheet(
        opened,
        sheet,
        options.sheets?.find((s) => s.name === sheet),
      ),
    );
  }
  return {
    format: opened.format,
    encoding: opened.encoding,
    detected: opened.detected,
    separator: opened.separator,
    sheetNames: opened.sheetNames,
    plans,
  };
}

export async function previewImport(
  fileId: string,
  file: string,
  name: string,
  options: Omit<ImportOptions, 'dryRun'>,
  lang: Lang,
): Promise<ImportPreview> {
  const planned = await plansFor(file, name, options);
  return {
    fileId,
    name,
    format: planned.format,
    encoding: planned.encoding,
    detectedEncoding: planned.detected,
    separator: planned.separator,
    sheetNames: planned.sheetNames,
    sheets: planned.plans.map((plan) => previewOf(plan, lang)),
  };
}

class Finished extends Error {}

/** A row was refused part-way through its writes in a pass without savepoints. */
class ApplyCarefully extends Error {}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function runImport(
  deps: ServiceDeps,
  ctx: CallContext,
  file: string,
  name: string,
  options: ImportOptions,
  onProgress: (progress: ImportProgress) => void = () => {},
): Promise<ImportSummary> {
  onProgress({ phase: 'reading', fraction: 0, rows: 0 });
  const { format, plans } = await plansFor(file, name, options);
  for (const plan of plans) {
    const { missing } = sheetProblems(plan, ctx.lang);
    if (missing.length > 0) {
      // Named as the file would head them: in Chinese for a sheet headed in Chinese.
      const zh = hasCjk(plan.headers.join(''));
      const names = missing.map((f) => (zh ? (columnDef(plan.kind, f)?.zh ?? f) : f));
      throw fileProblem('missingColumn', {
        sheet: plan.name,
        columns: names.join(zh ? '、' : ', '),
      });
    }
  }
  const ordered = [...plans].sort(
    (a, b) => APPLY_ORDER.indexOf(a.kind) - APPLY_ORDER.indexOf(b.kind),
  );
  const commandId = options.dryRun ? null : deps.ids.next();
  let issues: ImportIssue[] = [];
  let warnings: ImportWarning[] = [];
  let sheets: SheetSummary[] = [];
  let rowsDone = 0;
  const attempt = async (careful: boolean) => {
    issues = [];
    warnings = [];
    sheets = [];
    rowsDone = 0;
    // Its own transaction: an import may run twice (a careful second pass) under one command id.
    await inWriteTransaction(
      deps,
      ctx,
      async (outer) => {
        // The first pass rolls back to no savepoint, so its audit rows can wait for a batch.
        const batch = careful ? null : new AuditBatch();
        const env: WriteEnv = batch ? { ...outer, auditBatch: batch } : outer;
        for (const [index, plan] of ordered.entries()) {
          const report = (fraction: number) =>
            onProgress({
              phase: 'importing',
              fraction: (index + Math.min(1, fraction)) / ordered.length,
              rows: rowsDone,
            });
          const apply = {
            format,
            careful,
            issues,
            warnings,
            report,
            countRow: () => rowsDone++,
          };
          sheets.push(await applySheet(env, plan, apply));
        }
        if (issues.length > 0) throw new Finished();
        await batch?.flush(env.trx);
        if (!options.dryRun) {
          await recordCommand(env, 'import', 'import.command', {
            name,
            created: total(sheets, 'created'),
            updated: total(sheets, 'updated'),
          });
        }
        // A dry run checks everything a real run would, then leaves nothing behind.
        if (options.dryRun) throw new Finished();
      },
      commandId,
    );
  };
  try {
    try {
      await attempt(false);
    } catch (error) {
      if (!(error instanceof ApplyCarefully)) throw error;
      await attempt(true);
    }
  } catch (error) {
    if (!(error instanceof Finished)) throw error;
  }
  onProgress({ phase: 'done', fraction: 1, rows: rowsDone });
  if (issues.length > 0) throw refusedImport(issues);
  return {
    name,
    dryRun: options.dryRun,
    sheets,
    warnings,
    created: total(sheets, 'created'),
    updated: total(sheets, 'updated'),
    unchanged: total(sheets, 'unchanged'),
    commandId,
  };
}

function total(sheets: readonly SheetSummary[], key: 'created' | 'updated' | 'unchanged'): number {
  return sheets.reduce((n, s) => n + s[key], 0);
}

export function refusedImport(issues: readonly ImportIssue[]): AppError {
  return new AppError(
    'validation',
    'import.refused',
    { count: issues.length, rows: new Set(issues.map((i) => `${i.sheet}:${i.line}`)).size },
    {
      details: issues.map((i) => ({
        path: [i.sheet, i.line, i.column],
        key: i.key,
        params: {
          ...i.params,
          sheet: i.sheet,
          line: i.line,
          column: i.column,
          letter: i.letter,
          cell: i.value,
        },
      })),
    },
  );
}

interface ApplyOptions {
  readonly format: Format;
  /** Each row in its own savepoint (see the top of this file). */
  readonly careful: boolean;
  readonly issues: ImportIssue[];
  readonly warnings: ImportWarning[];
  readonly report: (fraction: number) => void;
  readonly countRow: () => void;
}

async function applySheet(
  sheetEnv: WriteEnv,
  plan: SheetPlan,
  { format, careful, issues, warnings, report, countRow }: ApplyOptions,
): Promise<SheetSummary> {
  let line = 0;
  const env: WriteEnv = {
    ...sheetEnv,
    onTieWarning: (_tie, w) => warnings.push({ ...w, sheet: plan.name, line }),
  };
  const notices: ImportNotice[] = [...plan.notices];
  const summary = {
    name: plan.name,
    kind: plan.kind,
    rows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    ignored: ignoredColumns(plan),
    notices,
  };
  const applier = createApplier(plan.kind, new Date(env.at), {
    zh: hasCjk(plan.headers.join('')),
  });
  const present = new Set(plan.fields.filter((f): f is string => f !== null));
  for (const field of Object.keys(plan.defaults)) present.add(field);
  const texts = new Map<number, Map<string, string>>();
  // Each field's column, looked up once for the sheet rather than on every cell.
  const columns = plan.fields.map((field) =>
    field === null ? undefined : columnDef(plan.kind, field),
  );
  const defaults = Object.entries(plan.defaults);
  /** A row's cells as the file shows them, by field: only a refused or deferred row needs them. */
  const cellsOf = (row: SheetRow) => {
    const cells = new Map<string, string>();
    plan.fields.forEach((field, i) => {
      if (field !== null && columns[i]) cells.set(field, cellText(row.cells[i]));
    });
    return cells;
  };
  const count = (outcome: Outcome) => summary[outcome]++;
  const refuse = (line: number, problems: readonly Problem[], cells: Map<string, string>) => {
    for (const p of problems) {
      const index = p.field === null ? -1 : plan.fields.indexOf(p.field);
      const column = index >= 0 ? (plan.headers[index] ?? p.field ?? '') : (p.field ?? '');
      // "Required" names the column as the file heads it, in whatever language that is.
      const required = p.key === 'errors.validation.required';
      issues.push({
        sheet: plan.name,
        line,
        column,
        letter: index >= 0 ? columnLetter(index) : '',
        field: p.field,
        value: p.field === null ? '' : (cells.get(p.field) ?? ''),
        key: required ? 'import.cell.required' : p.key,
        params: required ? { column } : p.params,
      });
    }
  };
  let sinceYield = 0;
  let fraction = 0;
  // Rows left out or noticed on the way, said in the summary (blank rows only between
  // records: the empty rows a sheet ends with are nothing to say).
  const blank: number[] = [];
  let blankRun: number[] = [];
  const totals: number[] = [];
  const hidden: number[] = [];
  for await (const row of plan.reader.rows((f) => (fraction = f))) {
    if (row.line <= plan.headerLine) continue;
    if (isBlank(row)) {
      blankRun.push(row.line);
      continue;
    }
    blank.push(...blankRun);
    blankRun = [];
    if (isTotalRow(row)) {
      totals.push(row.line);
      continue;
    }
    if (row.hidden) hidden.push(row.line);
    line = row.line;
    summary.rows++;
    countRow();
    if (++sinceYield >= 200) {
      // Lets the host answer progress calls while a long import runs.
      sinceYield = 0;
      report(fraction);
      await yieldToEventLoop();
    }
    const values: Record<string, unknown> = {};
    const problems: Problem[] = [];
    // A row wider than its header (a separator typed inside an unquoted cell, rows glued
    // together) would lose those cells without a word: it is refused, naming the first.
    const extra = row.cells.findIndex((c, i) => i >= plan.headers.length && cellText(c) !== '');
    if (extra >= 0) {
      issues.push({
        sheet: plan.name,
        line: row.line,
        column: '',
        letter: columnLetter(extra),
        field: null,
        value: cellText(row.cells[extra]),
        key: 'import.row.extraCells',
        params: {
          count: row.cells.length,
          columns: plan.headers.length,
          letter: columnLetter(extra),
          value: cellText(row.cells[extra]),
        },
      });
      continue;
    }
    for (let i = 0; i < columns.length; i++) {
      const field = plan.fields[i];
      const column = columns[i];
      if (field === null || field === undefined || !column) continue;
      const read = readCell(column, row.cells[i], format);
      if (read.ok) values[field] = read.value;
      else problems.push({ field, key: read.key, params: read.params });
    }
    if (problems.length > 0) {
      refuse(row.line, problems, cellsOf(row));
      continue;
    }
    for (const [field, value] of defaults) values[field] ??= value;
    if (!careful) {
      let outcome: Outcome | 'deferred';
      try {
        outcome = await applier.row(env, { line: row.line, values, present });
      } catch (error) {
        problemsOf(error); // rethrows what is not a refusal
        throw new ApplyCarefully();
      }
      if (outcome === 'deferred') texts.set(row.line, cellsOf(row));
      else count(outcome);
      continue;
    }
    let outcome: Outcome | 'deferred';
    try {
      outcome = await inSavepoint(env.trx, 'import_row', () =>
        applier.row(env, { line: row.line, values, present }),
      );
    } catch (error) {
      refuse(row.line, problemsOf(error), cellsOf(row));
      continue;
    }
    if (outcome === 'deferred') texts.set(row.line, cellsOf(row));
    else count(outcome);
  }
  for (const { line, outcome } of await applier.finish(env)) {
    if (Array.isArray(outcome)) refuse(line, outcome, texts.get(line) ?? new Map());
    else count(outcome);
  }
  notices.push(...(applier.notices?.() ?? []));
  if (blank.length > 0) notices.push(linesNotice('blankRows', blank));
  if (totals.length > 0) notices.push(linesNotice('totalRows', totals));
  if (hidden.length > 0) notices.push(linesNotice('hiddenRows', hidden));
  report(1);
  return summary;
}

/** A notice naming rows: how many, and the first of them. */
function linesNotice(key: string, lines: readonly number[]): ImportNotice {
  const shown = lines.slice(0, 12).join(', ');
  return {
    key: `import.notice.${key}`,
    params: { count: lines.length, lines: lines.length > 12 ? `${shown} …` : shown },
  };
}

export type { SheetKind };
