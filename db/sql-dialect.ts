import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { engineOfDb } from './engine';
import type { Executor } from './schema';

/**
 * The few SQL fragments that SQLite and PostgreSQL spell differently, in one place. Everything
 * else the repositories write is the common subset (text and integer columns, `||`, `case`,
 * `coalesce`, `substr`, `length`, `lower`, `like … escape`, recursive CTEs, savepoints).
 */

/** Always true / always false, as a condition: PostgreSQL takes no integer for a boolean. */
export const TRUE_SQL = sql<SqlBool>`1 = 1`;
export const FALSE_SQL = sql<SqlBool>`1 = 0`;

/**
 * The rows' text joined with `separator`: group_concat / string_agg. SQLite's group_concat
 * follows its scan, the rowid order, which is the order rows were written; PostgreSQL's heap
 * order moves as rows are updated, so there the rows are ordered by `insertionOrder` (an id
 * column: the app's ids are UUIDv7, so they sort as they were made) to give the same result.
 * SQLite is not asked to sort: a report joins 150,000 events this way.
 */
export function groupConcat(
  db: Executor,
  expression: Expression<unknown>,
  separator: string,
  insertionOrder: string,
): RawBuilder<string | null> {
  return engineOfDb(db) === 'postgres'
    ? sql<
        string | null
      >`string_agg(${expression}, ${separator} order by ${sql.ref(insertionOrder)})`
    : sql<string | null>`group_concat(${expression}, ${separator})`;
}

/**
 * A FROM item with one row per element of a JSON array held as text, its text in `alias.value`:
 * SQLite's json_each, PostgreSQL's jsonb_array_elements_text.
 */
export function jsonArrayElements(
  db: Executor,
  column: string,
  alias: string,
): RawBuilder<unknown> {
  return engineOfDb(db) === 'postgres'
    ? sql`jsonb_array_elements_text(${sql.ref(column)}::jsonb) as ${sql.table(alias)}(value)`
    : sql`json_each(${sql.ref(column)}) as ${sql.table(alias)}`;
}

/** The number of elements of a JSON array held as text. */
export function jsonArrayLength(db: Executor, column: string): RawBuilder<number> {
  return engineOfDb(db) === 'postgres'
    ? sql<number>`jsonb_array_length(${sql.ref(column)}::jsonb)`
    : sql<number>`json_array_length(${sql.ref(column)})`;
}
