import { sql, type Kysely, type Transaction } from 'kysely';
import { isUnstorable } from '../shared/storable';
import { engineOfDb } from './engine';
import type { DB } from './schema';

/**
 * Copies every row of one registry into another, whichever their engines: a SQLite file into
 * an office's PostgreSQL database when it outgrows one machine, and back. Both are at the same
 * schema (each was opened and migrated by this version). Rows keep their ids, versions, stamps
 * and sequence numbers, so the audit log, the command log behind undo and the histories come
 * across exactly; tables are filled parents first, in one transaction on the target.
 */

/** Tables in the order their foreign keys need, each with the key that orders its rows. */
export const COPY_ORDER: readonly { readonly table: keyof DB; readonly key: readonly string[] }[] =
  [
    { table: 'localities', key: ['id'] },
    { table: 'partners', key: ['id'] },
    { table: 'ties', key: ['id'] },
    { table: 'tie_events', key: ['id'] },
    { table: 'letters', key: ['id'] },
    { table: 'approval_templates', key: ['id'] },
    { table: 'approval_steps', key: ['id'] },
    { table: 'visits', key: ['id'] },
    { table: 'visit_ties', key: ['visit_id', 'tie_id'] },
    { table: 'audit_log', key: ['seq'] },
    { table: 'settings', key: ['key'] },
    { table: 'commands', key: ['seq'] },
    { table: 'saved_views', key: ['id'] },
    // Staff accounts come across too: a shared registry stays shared, everyone signs in.
    { table: 'staff', key: ['id'] },
    { table: 'followup_marks', key: ['id'] },
  ];

/** Tables whose key is a sequence the target must continue after the copied rows. */
const SEQUENCED: readonly (keyof DB)[] = ['audit_log', 'commands'];

const PAGE = 2000;

type AnyRow = Record<string, unknown>;
/** Any table by name, for copying tables whose rows are only passed along. */
export type Untyped = Kysely<Record<string, AnyRow>>;
const untyped = (db: Kysely<DB>) => db as unknown as Untyped;

/** Rows of each table of a registry: what a target must not hold before a copy. */
export async function rowCounts(db: Kysely<DB>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { table } of COPY_ORDER) {
    const row = await untyped(db)
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

/** One table's rows in key order, a page at a time (a registry's audit log can be long). */
async function* pages(db: Kysely<DB>, table: keyof DB, key: readonly string[]) {
  for (let offset = 0; ; offset += PAGE) {
    let q = untyped(db).selectFrom(table).selectAll();
    for (const k of key) q = q.orderBy(k);
    const rows = (await q.limit(PAGE).offset(offset).execute()) as AnyRow[];
    if (rows.length > 0) yield rows;
    if (rows.length < PAGE) return;
  }
}

/**
 * Localities name their parent: a parent comes before its children (a loop, which the app
 * never makes, is copied in key order and then fails on its foreign key, naming it).
 */
function parentsFirst(rows: readonly AnyRow[]): AnyRow[] {
  const byId = new Map(rows.map((r) => [r.id as string, r]));
  const out: AnyRow[] = [];
  const placed = new Set<string>();
  const visit = (row: AnyRow, depth: number) => {
    const id = row.id as string;
    if (placed.has(id)) return;
    const parent = row.parent_id as string | null;
    const up = parent ? byId.get(parent) : undefined;
    if (up && depth < rows.length) visit(up, depth + 1);
    placed.add(id);
    out.push(row);
  };
  for (const row of rows) visit(row, 0);
  return out;
}

/** How a row is named to the user: its key's values (`id`, or `visit_id/tie_id`). */
const rowName = (row: AnyRow, key: readonly string[]) => key.map((k) => String(row[k])).join('/');

async function insertRows(
  trx: Transaction<DB>,
  table: keyof DB,
  key: readonly string[],
  rows: readonly AnyRow[],
) {
  // A value the target cannot hold (NUL, a lone surrogate: an older version let them in) is
  // named by its row before anything is sent, instead of failing the copy with a driver error.
  for (const row of rows)
    for (const [column, value] of Object.entries(row))
      if (typeof value === 'string' && isUnstorable(value))
        throw new UnstorableRow(table, rowName(row, key), column);
  // Few enough values per statement for either engine's limit on bound parameters.
  const width = Math.max(1, Object.keys(rows[0] ?? {}).length);
  const per = Math.max(1, Math.floor(8000 / width));
  for (let i = 0; i < rows.length; i += per) {
    const batch = rows.slice(i, i + per);
    try {
      await untyped(trx).insertInto(table).values(batch).execute();
    } catch (error) {
      throw new CopyRefused(
        table,
        `${rowName(batch[0]!, key)} … ${rowName(batch.at(-1)!, key)}`,
        (error as Error).message,
      );
    }
  }
}

export interface CopyResult {
  readonly rows: Readonly<Record<string, number>>;
}

/**
 * Copies `from` into `to`, which must be empty (checked inside the copy's transaction, so a
 * concurrent writer cannot slip in between); all or nothing.
 */
export async function copyRegistry(
  from: Kysely<DB>,
  to: Kysely<DB>,
  onTable?: (table: string, rows: number) => void,
): Promise<CopyResult> {
  const copied: Record<string, number> = {};
  await to.transaction().execute(async (trx) => {
    const held = Object.entries(await rowCounts(trx)).filter(([, n]) => n > 0);
    if (held.length > 0) throw new TargetNotEmpty(held);
    for (const { table, key } of COPY_ORDER) {
      let n = 0;
      if (table === 'localities') {
        const all: AnyRow[] = [];
        for await (const rows of pages(from, table, key)) all.push(...rows);
        await insertRows(trx, table, key, parentsFirst(all));
        n = all.length;
      } else {
        for await (const rows of pages(from, table, key)) {
          await insertRows(trx, table, key, rows);
          n += rows.length;
        }
      }
      copied[table] = n;
      onTable?.(table, n);
    }
    // Rows copied with their own numbers do not move PostgreSQL's sequences on (SQLite's
    // AUTOINCREMENT follows the largest key by itself): the next audit row must come after.
    if (engineOfDb(trx) === 'postgres')
      for (const table of SEQUENCED)
        await sql`select setval(pg_get_serial_sequence(${table}, 'seq'),
          coalesce((select max(seq) from ${sql.table(table)}), 0) + 1, false)`.execute(trx);
  });
  return { rows: copied };
}

export class TargetNotEmpty extends Error {
  constructor(readonly held: readonly (readonly [string, number])[]) {
    super(
      `The target registry already holds data (${held.map(([t, n]) => `${t}: ${n}`).join(', ')}); a registry is copied only into an empty one, and nothing was written.`,
    );
    this.name = 'TargetNotEmpty';
  }
}

/** A row holding text the target cannot store; nothing was written. */
export class UnstorableRow extends Error {
  constructor(
    readonly table: string,
    readonly row: string,
    readonly column: string,
  ) {
    super(`${table} ${row}: ${column} holds a character the target cannot store.`);
    this.name = 'UnstorableRow';
  }
}

/** The target refused a batch of rows of `table` (between `rows`); nothing was written. */
export class CopyRefused extends Error {
  constructor(
    readonly table: string,
    readonly rows: string,
    readonly detail: string,
  ) {
    super(`The target refused rows ${rows} of ${table}: ${detail}`);
    this.name = 'CopyRefused';
  }
}
