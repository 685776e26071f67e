import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import { toJsonText } from '../../db/json';
import { getLetterRow } from '../../db/letters.repository';
import { getStepRow } from '../../db/steps.repository';
import { getTieRow } from '../../db/ties.repository';
import { getVisitRow } from '../../db/visits.repository';
import { inSavepoint } from '../../db/savepoint';
import {
  deleteView,
  findView,
  getView,
  insertView,
  listViews,
  savedViewFrom,
  updateViewState,
} from '../../db/views.repository';
import type { GridName, PasteResult, SavedView } from '../../shared/ipc/grid';
import type { ParsedInputOf } from '../../shared/ipc/contract';
import { letterCellSchemas, letterCreateInput } from '../../shared/ipc/letters';
import { stepCellSchemas, stepCreateInput } from '../../shared/ipc/steps';
import { tieCellSchemas, tieCreateInput } from '../../shared/ipc/ties';
import { visitCellSchemas, visitCreateInput } from '../../shared/ipc/visits';
import { issueKey } from '../../shared/issues';
import { AppError } from '../core/errors';
import {
  createLetterIn,
  LETTER_TARGET,
  letterNamed,
  updateLetterIn,
} from '../letters/letters.write';
import { createStepIn, stepNamed, stepTarget, updateStepIn } from '../steps/steps.write';
import { createTieIn, setTieDeleted, tieNamed, updateTieIn } from '../ties/ties.write';
import { setDeleted } from '../core/versioned.write';
import type { ServiceDeps } from '../core/transaction';
import { createVisitIn, updateVisitIn, VISIT_TARGET, visitNamed } from '../visits/visits.write';
import { audit, AuditBatch, type WriteEnv } from '../core/write-env';
import { dayOf } from '../../shared/dates';

/**
 * Pastes and bulk edits on the four grids. Each cell converts with its column's own schema
 * (the one a single edit uses), and each row is written by the same write block, so a paste
 * keeps every rule an edit keeps. All or nothing: every refused cell is reported, and then
 * nothing at all is written.
 */

interface CellIssue {
  readonly path: (string | number)[];
  readonly key: string;
  readonly params: Record<string, unknown>;
}

/** How one grid's cells convert and its rows are written (the renderer's GridSpec draws it). */
interface GridWriter {
  readonly cells: Readonly<Record<string, z.ZodType>>;
  readonly create: z.ZodType;
  update(env: WriteEnv, id: string, version: number, patch: Record<string, unknown>): Promise<void>;
  insert(env: WriteEnv, input: unknown): Promise<string>;
  /** How the undo list names one row (as a single delete or restore names it). */
  target(env: WriteEnv, id: string): Promise<string>;
  /** Soft delete or restore, with the checks a single delete or restore makes. */
  setDeleted(env: WriteEnv, id: string, version: number, deleted: boolean): Promise<void>;
}

function writers(today: () => string): Record<GridName, GridWriter> {
  const steps = stepTarget(today);
  return {
    ties: {
      cells: tieCellSchemas,
      create: tieCreateInput,
      update: (env, id, version, patch) => updateTieIn(env, id, version, patch),
      insert: (env, input) => createTieIn(env, input as z.output<typeof tieCreateInput>),
      setDeleted: setTieDeleted,
      target: async (env, id) => {
        const row = await getTieRow(env.trx, id);
        return row ? tieNamed(row) : id;
      },
    },
    letters: {
      cells: letterCellSchemas,
      create: letterCreateInput,
      update: (env, id, version, patch) => updateLetterIn(env, id, version, patch),
      insert: (env, input) => createLetterIn(env, input as z.output<typeof letterCreateInput>),
      setDeleted: (env, id, version, deleted) =>
        setDeleted(env, LETTER_TARGET, id, version, deleted),
      target: async (env, id) => {
        const row = await getLetterRow(env.trx, id);
        return row ? letterNamed(row) : id;
      },
    },
    steps: {
      cells: stepCellSchemas,
      create: stepCreateInput,
      update: (env, id, version, patch) => updateStepIn(env, steps, id, version, patch),
      insert: (env, input) => createStepIn(env, input as z.output<typeof stepCreateInput>),
      setDeleted: (env, id, version, deleted) => setDeleted(env, steps, id, version, deleted),
      target: async (env, id) => {
        const row = await getStepRow(env.trx, id, today());
        return row ? stepNamed(row) : id;
      },
    },
    visits: {
      cells: visitCellSchemas,
      create: visitCreateInput,
      update: (env, id, version, patch) => updateVisitIn(env, id, version, patch),
      insert: (env, input) => createVisitIn(env, input as z.output<typeof visitCreateInput>),
      setDeleted: (env, id, version, deleted) =>
        setDeleted(env, VISIT_TARGET, id, version, deleted),
      target: async (env, id) => {
        const row = await getVisitRow(env.trx, id);
        return row ? visitNamed(row) : id;
      },
    },
  };
}

/** Excel and WPS copy a block as tab-separated text, quoting cells with tabs or line breaks. */
export function parseBlock(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n');
  // Without a quote there is nothing to unquote: the block is its lines and tabs, as the CSV
  // parser would split them (a tenth of a 1,000-row paste's time saved).
  const rows = lines.includes('"')
    ? (parse(lines, {
        delimiter: '\t',
        relax_quotes: true,
        relax_column_count: true,
        skip_empty_lines: false,
      }) as string[][])
    : lines === ''
      ? []
      : lines.split('\n').map((line) => line.split('\t'));
  // The final line break of a copied block is not an empty row.
  while (rows.length > 0 && rows.at(-1)?.every((c) => c === '')) rows.pop();
  return rows;
}

/** The column a refusal without a field of its own belongs to, for the user to find it. */
function columnOf(key: string, columns: readonly string[]): string {
  if (
    (key.startsWith('errors.stage.') || key.startsWith('errors.workflow.')) &&
    columns.includes('stage')
  )
    return 'stage';
  if (key === 'errors.tie.duplicate' && columns.includes('partner')) return 'partner';
  return columns[0] ?? '';
}

/** Runs one row's write in a savepoint, so a refusal leaves the rest of the work clean. */
async function attempt(
  env: WriteEnv,
  issues: CellIssue[],
  row: number,
  columns: readonly string[],
  work: () => Promise<void>,
): Promise<void> {
  try {
    await inSavepoint(env.trx, 'grid_row', work);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const details = error.extra.details ?? [];
    if (details.length === 0) {
      const column = error.code === 'conflict' ? '' : columnOf(error.key, columns);
      issues.push({ path: [row, column], key: error.key, params: { ...error.params } });
    }
    for (const d of details)
      issues.push({
        path: [row, String(d.path.at(-1) ?? '')],
        key: d.key,
        params: { ...d.params },
      });
  }
}

/** One row's write: the row it is (for its refusals), the columns it writes, and the write. */
interface RowWrite<T> {
  readonly row: number;
  readonly columns: readonly string[];
  readonly work: (env: WriteEnv) => Promise<T>;
}

/**
 * The rows' writes, all or nothing, with every refusal reported. A savepoint per row makes
 * SQLite keep a copy of every page the row touches, most of a 1,000-row paste's own work, so
 * the rows are first written together in one savepoint, their audit rows appended a batch at
 * a time. Should one be refused (or `issues` already hold refused cells), that savepoint is
 * rolled back and the rows run again each in its own, as an import's careful pass does, so
 * each refusal is found with the rows before it written as they would be. Returns each
 * write's result, in order (of the rows written, on the careful pass).
 */
async function writeRows<T>(
  env: WriteEnv,
  issues: CellIssue[],
  writes: readonly RowWrite<T>[],
): Promise<T[]> {
  if (issues.length === 0) {
    const batch = new AuditBatch();
    const together: WriteEnv = { ...env, auditBatch: batch };
    try {
      return await inSavepoint(env.trx, 'grid_rows', async () => {
        const out: T[] = [];
        for (const write of writes) out.push(await write.work(together));
        await batch.flush(env.trx);
        return out;
      });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }
  const out: T[] = [];
  for (const write of writes)
    await attempt(env, issues, write.row, write.columns, async () => {
      out.push(await write.work(env));
    });
  return out;
}

/** Refusals in the order of the rows they belong to (a row's own in the order they came). */
function byRow(issues: readonly CellIssue[]): CellIssue[] {
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => Number(a.issue.path[0]) - Number(b.issue.path[0]) || a.i - b.i)
    .map((x) => x.issue);
}

function refuse(issues: readonly CellIssue[]): never {
  throw new AppError(
    'validation',
    'errors.validation.invalid',
    { count: issues.length },
    { details: issues },
  );
}

/** How the undo list names a bulk edit, a range filled down or a range cleared. */
export function bulkNamed(input: ParsedInputOf<'grid:bulk'>): {
  label: string;
  params: Record<string, unknown>;
} {
  if (!('action' in input))
    return { label: 'undo.bulk', params: { count: input.rows.length, column: input.column } };
  if (input.action === 'clear')
    return {
      label: 'undo.clear',
      params: { count: input.rows.reduce((n, row) => n + Object.keys(row.values).length, 0) },
    };
  const columns = [...new Set(input.rows.flatMap((row) => Object.keys(row.values)))];
  return columns.length === 1
    ? { label: 'undo.fill', params: { count: input.rows.length, column: columns[0] } }
    : { label: 'undo.fillMany', params: { count: input.rows.length, columns: columns.length } };
}

export function createGridService(deps: ServiceDeps) {
  const byGrid = writers(() => dayOf(deps.clock.now()));

  /**
   * A cell range filled down or cleared: each row gets its own cells (a cell holding a refused
   * value is left out by the renderer, so its stored value stays), each converted by its
   * column's schema as an edit converts it, in one undo step. All or nothing: every refused
   * cell is reported by its row in the range and its column.
   */
  const cellsOfRowsIn = async (
    env: WriteEnv,
    input: Extract<ParsedInputOf<'grid:bulk'>, { action: unknown }>,
  ): Promise<{ updated: number }> => {
    const spec = byGrid[input.grid];
    const issues: CellIssue[] = [];
    const patches = input.rows.map((row, r) => {
      const patch: Record<string, unknown> = {};
      for (const [column, value] of Object.entries(row.values)) {
        const schema = spec.cells[column];
        if (!schema) {
          issues.push({ path: [r, column], key: 'errors.grid.readOnly', params: { value } });
          continue;
        }
        const parsed = schema.safeParse(value);
        if (parsed.success) patch[column] = parsed.data;
        else
          for (const issue of parsed.error.issues)
            issues.push({
              path: [r, column],
              ...issueKey(issue),
              params: { ...issueKey(issue).params, value: value ?? '' },
            });
      }
      return patch;
    });
    if (issues.length > 0) refuse(issues);
    await writeRows(
      env,
      issues,
      input.rows.map((row, r) => ({
        row: r,
        columns: Object.keys(row.values),
        work: (e: WriteEnv) => spec.update(e, row.id, row.version, patches[r] ?? {}),
      })),
    );
    if (issues.length > 0) refuse(issues);
    return { updated: input.rows.length };
  };

  return {
    // The write blocks: the door's `write` runs each in its transaction and logs its command.
    async pasteIn(env: WriteEnv, input: ParsedInputOf<'grid:paste'>): Promise<PasteResult> {
      const spec = byGrid[input.grid];
      const block = parseBlock(input.text);
      const width = Math.max(0, ...block.map((r) => r.length));
      const issues: CellIssue[] = [];
      if (width > input.columns.length) {
        issues.push({
          path: [0, input.columns.at(-1) ?? ''],
          key: 'errors.grid.tooWide',
          params: { width, columns: input.columns.length },
        });
        refuse(issues);
      }
      const cells = block.reduce((n, r) => n + r.length, 0);
      // Every row's cells convert first; the rows whose cells did are then written.
      const writes: RowWrite<string | null>[] = [];
      let updated = 0;
      for (const [r, line] of block.entries()) {
        const target = input.rows[r];
        const values: Record<string, unknown> = {};
        line.forEach((cell, c) => (values[input.columns[c] as string] = cell));
        const before = issues.length;
        if (target) {
          const patch: Record<string, unknown> = {};
          for (const [column, cell] of Object.entries(values)) {
            const schema = spec.cells[column];
            if (!schema) {
              issues.push({
                path: [r, column],
                key: 'errors.grid.readOnly',
                params: { value: cell },
              });
              continue;
            }
            const parsed = schema.safeParse(cell);
            if (parsed.success) patch[column] = parsed.data;
            else
              for (const issue of parsed.error.issues)
                issues.push({
                  path: [r, column],
                  ...issueKey(issue),
                  params: { ...issueKey(issue).params, value: cell },
                });
          }
          // Rows whose cells converted are still written (see `writeRows`), so their own
          // refusals (a duplicate, a stage it cannot reach) are reported too.
          if (issues.length === before)
            writes.push({
              row: r,
              columns: Object.keys(values),
              work: async (e) => {
                await spec.update(e, target.id, target.version, patch);
                return null;
              },
            });
          updated++;
        } else {
          const parsed = spec.create.safeParse(
            Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '')),
          );
          if (!parsed.success) {
            for (const issue of parsed.error.issues) {
              const column = String(issue.path[0] ?? input.columns[0] ?? '');
              issues.push({
                path: [r, column],
                ...issueKey(issue),
                params: { ...issueKey(issue).params, value: values[column] ?? '' },
              });
            }
          } else {
            const record: unknown = parsed.data;
            writes.push({
              row: r,
              columns: Object.keys(values),
              work: (e) => spec.insert(e, record),
            });
          }
        }
      }
      const written = await writeRows(env, issues, writes);
      if (issues.length > 0) refuse(byRow(issues));
      const createdIds = written.filter((id): id is string => id !== null);
      // One row typed into the blank row is named as the record it added ("Added Nanjing –
      // Nagoya"), as the new-record dialog's is.
      const typed = input.from === 'blankRow' && block.length === 1 && createdIds[0];
      return {
        updated,
        created: createdIds.length,
        cells,
        createdIds,
        ...(typed ? { added: await spec.target(env, typed) } : {}),
      };
    },

    async bulkIn(env: WriteEnv, input: ParsedInputOf<'grid:bulk'>): Promise<{ updated: number }> {
      if ('action' in input) return cellsOfRowsIn(env, input);
      const spec = byGrid[input.grid];
      const schema = spec.cells[input.column];
      if (!schema)
        refuse([{ path: [0, input.column], key: 'errors.grid.readOnly', params: { value: '' } }]);
      const parsed = schema.safeParse(input.value);
      if (!parsed.success) {
        refuse(
          parsed.error.issues.map((issue) => ({ path: [0, input.column], ...issueKey(issue) })),
        );
      }
      const issues: CellIssue[] = [];
      await writeRows(
        env,
        issues,
        input.rows.map((row, r) => ({
          row: r,
          columns: [input.column],
          work: (e: WriteEnv) =>
            spec.update(e, row.id, row.version, { [input.column]: parsed.data }),
        })),
      );
      if (issues.length > 0) refuse(issues);
      return { updated: input.rows.length };
    },

    /**
     * Deletes (or restores) the selected rows of a grid as one command, so one Ctrl+Z brings
     * them all back. All or nothing: every row refused (a later edit, a duplicate restored) is
     * reported and nothing is changed.
     */
    async setDeletedIn(
      env: WriteEnv,
      input: ParsedInputOf<'grid:delete'>,
    ): Promise<{ changed: number }> {
      const spec = byGrid[input.grid];
      const issues: CellIssue[] = [];
      await writeRows(
        env,
        issues,
        input.rows.map((row, r) => ({
          row: r,
          columns: [],
          work: (e: WriteEnv) => spec.setDeleted(e, row.id, row.version, input.deleted),
        })),
      );
      if (issues.length > 0) refuse(issues);
      return { changed: input.rows.length };
    },

    /** One row is named as a single delete or restore names it (before the change); more are counted. */
    async deletedNamed(env: WriteEnv, input: ParsedInputOf<'grid:delete'>) {
      const one = input.rows.length === 1 ? input.rows[0] : undefined;
      return one
        ? { target: await byGrid[input.grid].target(env, one.id) }
        : { count: input.rows.length };
    },

    async views(input: ParsedInputOf<'views:list'>): Promise<SavedView[]> {
      return (await listViews(deps.db, input.grid)).map(savedViewFrom);
    },

    async saveViewIn(env: WriteEnv, input: ParsedInputOf<'views:save'>): Promise<SavedView> {
      const existing = await findView(env.trx, input.grid, input.name);
      const state = toJsonText(input.state);
      if (existing) {
        await updateViewState(env.trx, existing.id, {
          state,
          updated_at: env.at,
          version: existing.version + 1,
        });
      } else {
        await insertView(env.trx, {
          id: env.ids.next(),
          grid: input.grid,
          name: input.name,
          state,
          version: 1,
          created_at: env.at,
          updated_at: env.at,
        });
      }
      const row = await findView(env.trx, input.grid, input.name);
      if (!row) throw new Error(`saved view ${input.name} vanished while saving`);
      await audit(env, 'saved_view', row.id, existing ? 'update' : 'create', existing ?? null, row);
      return {
        id: row.id,
        grid: input.grid,
        name: row.name,
        state: input.state,
        updated_at: row.updated_at,
      };
    },

    async deleteViewIn(env: WriteEnv, input: ParsedInputOf<'views:delete'>) {
      const existing = await getView(env.trx, input.id);
      if (!existing) return { deleted: false };
      await deleteView(env.trx, input.id);
      await audit(env, 'saved_view', existing.id, 'delete', existing, null);
      return { deleted: true };
    },
  };
}
