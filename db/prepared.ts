import { CompiledQuery, type Compilable, type QueryResult } from 'kysely';
import { insideTransaction, RegistrySqliteAdapter, type SqliteStatements } from './dialect';
import { engineOfDb, type Engine } from './engine';
import type { DB, Executor, NewRow } from './schema';

type SqliteStatement = ReturnType<SqliteStatements['prepare']>;

/**
 * A query that is built and compiled once per engine, then run with new values. Building and
 * compiling a Kysely query costs more than SQLite's own work for a one-row insert or an
 * indexed look-up, and an import asks the same few statements tens of thousands of times.
 *
 * `build` writes the query as usual, using its arguments for the values; it is called once per
 * engine with stand-ins, which must reach the query as values (bound parameters), not be
 * inspected or turned into SQL text. The compiled SQL is then run with each call's values in
 * their place.
 *
 * Inside a SQLite transaction the statement runs on the connection directly: the transaction
 * already holds SQLite's only connection, and Kysely's way there (connection provider, result
 * transforms, a promise at each step) costs more than the statement itself.
 */

class Slot {
  constructor(readonly index: number) {}
}

interface Template {
  readonly sql: string;
  readonly query: CompiledQuery['query'];
  /** Each bound parameter: a call's value (by argument index) or a constant of the query. */
  readonly parameters: readonly unknown[];
  /** The parameters are the call's values, in their order: bound as given, no copy. */
  readonly inOrder: boolean;
}

export type Prepared<A extends readonly unknown[], R> = (
  db: Executor,
  ...values: A
) => Promise<QueryResult<R>>;

export function prepared<A extends readonly unknown[], R>(
  arity: A['length'],
  build: (db: Executor, ...values: A) => Compilable<R>,
): Prepared<A, R> {
  const run = preparedRun<R>(
    arity,
    build as unknown as (db: Executor, ...values: unknown[]) => Compilable<R>,
  );
  return (db, ...values) => run(db, values);
}

/** A statement of the one connection, kept with the template it was prepared from. */
const STATEMENTS = new WeakMap<SqliteStatements, WeakMap<Template, SqliteStatement>>();

/** `prepared`, taking the values as one array (the inserts below build it themselves). */
function preparedRun<R>(
  arity: number,
  build: (db: Executor, ...values: unknown[]) => Compilable<R>,
): (db: Executor, values: readonly unknown[]) => Promise<QueryResult<R>> {
  const templates = new Map<Engine, Template>();
  const template = (db: Executor): Template => {
    const engine = engineOfDb(db);
    let found = templates.get(engine);
    if (!found) {
      const slots = Array.from({ length: arity }, (_, i) => new Slot(i));
      const compiled = build(db, ...slots).compile();
      const used = new Set(
        compiled.parameters.filter((p): p is Slot => p instanceof Slot).map((p) => p.index),
      );
      if (used.size !== arity)
        throw new Error(`A prepared query used ${used.size} of its ${arity} values as parameters`);
      found = {
        sql: compiled.sql,
        query: compiled.query,
        parameters: compiled.parameters,
        inOrder:
          compiled.parameters.length === arity &&
          compiled.parameters.every((p, i) => p instanceof Slot && p.index === i),
      };
      templates.set(engine, found);
    }
    return found;
  };
  return async (db, values) => {
    const t = template(db);
    const parameters = t.inOrder
      ? values
      : t.parameters.map((p) => (p instanceof Slot ? values[p.index] : p));
    const adapter = db.getExecutor().adapter;
    if (
      adapter instanceof RegistrySqliteAdapter &&
      adapter.statements &&
      db.isTransaction &&
      insideTransaction.getStore()
    ) {
      const stmt = statementOf(adapter.statements, t);
      if (stmt.reader) return { rows: stmt.all(parameters) as R[] };
      stmt.run(parameters);
      return { rows: [] };
    }
    return db.executeQuery<R>({ sql: t.sql, query: t.query, parameters, queryId: QUERY_ID });
  };
}

/** The template's statement on this connection, prepared the first time it runs there. */
function statementOf(statements: SqliteStatements, t: Template): SqliteStatement {
  let byTemplate = STATEMENTS.get(statements);
  if (!byTemplate) STATEMENTS.set(statements, (byTemplate = new WeakMap()));
  let stmt = byTemplate.get(t);
  if (!stmt) byTemplate.set(t, (stmt = statements.prepare(t.sql)));
  return stmt;
}

/** Only plugins read a query's id; the registry installs none. */
const QUERY_ID = CompiledQuery.raw('').queryId;

/** One row of `columns` as Kysely's `values` takes it, from the values in column order. */
function rowOf(columns: readonly string[], values: readonly unknown[], offset = 0) {
  return Object.fromEntries(columns.map((c, i) => [c, values[offset + i]]));
}

/**
 * A one-row insert into `table` naming `columns`, prepared as above. A row with other columns
 * (one leaving a defaulted column out, or giving it as `undefined`) is inserted the ordinary
 * way, so the column's default applies as it would through Kysely.
 */
export function preparedInsert<T extends keyof DB & string>(
  table: T,
  columns: readonly (keyof NewRow<T> & string)[],
): (db: Executor, row: NewRow<T>) => Promise<unknown> {
  const insert = preparedRun(columns.length, (db: Executor, ...values: unknown[]) =>
    db.insertInto(table).values(rowOf(columns, values) as NewRow<T>),
  );
  const known = new Set<string>(columns);
  /** Exactly the columns, each with a value (Kysely leaves a column given `undefined` out). */
  const matches = (row: Record<string, unknown>) => {
    let n = 0;
    for (const key in row)
      if (!known.has(key) || row[key] === undefined) return false;
      else n++;
    return n === columns.length;
  };
  // The statement's own promise is returned, not one of an async function around it: an
  // import inserts a few rows for each of its rows.
  return (db, row) => {
    const record = row as Record<string, unknown>;
    if (!matches(record)) return db.insertInto(table).values(row).execute();
    const values = new Array<unknown>(columns.length);
    for (let i = 0; i < columns.length; i++) values[i] = record[columns[i]!];
    return insert(db, values);
  };
}

/**
 * An insert of exactly `count` rows into `table`, each giving every one of `columns` (null, not
 * undefined, for an empty one), prepared as above: one statement for many rows spares the
 * per-statement work on both sides of the call.
 */
export function preparedInsertRows<T extends keyof DB & string>(
  table: T,
  columns: readonly (keyof NewRow<T> & string)[],
  count: number,
): (db: Executor, rows: readonly NewRow<T>[]) => Promise<void> {
  const insert = preparedRun(count * columns.length, (db: Executor, ...values: unknown[]) =>
    db
      .insertInto(table)
      .values(
        Array.from(
          { length: count },
          (_, r) => rowOf(columns, values, r * columns.length) as NewRow<T>,
        ),
      ),
  );
  return async (db, rows) => {
    if (rows.length !== count) throw new Error(`Expected ${count} rows, got ${rows.length}`);
    const values: unknown[] = [];
    for (const row of rows)
      for (const column of columns) values.push((row as Record<string, unknown>)[column]);
    await insert(db, values);
  };
}
