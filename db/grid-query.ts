import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { VocabularyName } from '../shared/enums';
import {
  countriesMatching,
  enumValuesMatching,
  type ColumnFilter,
  type FilterCondition,
  type SetFilter,
} from '../shared/grid-query';
import type { Engine } from './engine';

/**
 * A grid's column as SQL: the expression it shows and how its filter reads. Text columns
 * match as written; enums and countries match their labels in both languages (the filter
 * “日本” selects JP); a fields column is a JSON list of vocabulary values.
 */
export type SqlColumn =
  | {
      readonly expr: string;
      readonly kind: 'text' | 'date';
      readonly like?: (pattern: string, caseless: Caseless) => RawBuilder<SqlBool>;
      /** What it sorts by, where that is not `expr`: a name's pinyin key. */
      readonly sortBy?: readonly string[];
    }
  | { readonly expr: string; readonly kind: 'number' }
  | { readonly expr: string; readonly kind: 'enum'; readonly vocabulary: VocabularyName }
  | { readonly expr: string; readonly kind: 'country' }
  | { readonly expr: string; readonly kind: 'fields' };

export type SqlColumns = Readonly<Record<string, SqlColumn>>;

/** `expression like pattern`, whatever the case of either (the pattern escapes with a backslash). */
export type Caseless = (
  expression: string | RawBuilder<unknown>,
  pattern: string,
) => RawBuilder<SqlBool>;

/**
 * How each engine matches regardless of case. SQLite's LIKE already ignores the case of ASCII
 * letters, which are all its lower() folds, so there the column is left as it is: lowering
 * every column of every row was half the time of a quick search at 50,000 ties. PostgreSQL's
 * LIKE minds case, and its lower() folds the letters of every script, so there both sides are
 * lowered.
 */
export function caselessLike(engine: Engine): Caseless {
  return (expression, pattern) => {
    const ref = typeof expression === 'string' ? sql.ref(expression) : expression;
    return engine === 'postgres'
      ? sql<SqlBool>`lower(${ref}) like lower(${pattern}) escape '\\'`
      : sql<SqlBool>`${ref} like ${pattern} escape '\\'`;
  };
}

const TRUE = sql<SqlBool>`1 = 1`;
const FALSE = sql<SqlBool>`1 = 0`;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function like(column: SqlColumn, pattern: string, caseless: Caseless): RawBuilder<SqlBool> {
  if ((column.kind === 'text' || column.kind === 'date') && column.like)
    return column.like(pattern, caseless);
  // A number is searched as its text (SQLite converts by itself; PostgreSQL needs the cast).
  const ref =
    column.kind === 'number' ? sql`cast(${sql.ref(column.expr)} as text)` : sql.ref(column.expr);
  return caseless(ref, pattern);
}

function blank(column: SqlColumn): RawBuilder<SqlBool> {
  const ref = sql.ref(column.expr);
  if (column.kind === 'number') return sql<SqlBool>`${ref} is null`;
  return column.kind === 'fields'
    ? sql<SqlBool>`(${ref} is null or ${ref} = '[]')`
    : sql<SqlBool>`(${ref} is null or ${ref} = '')`;
}

function inList(
  column: SqlColumn,
  values: readonly string[],
  negate: boolean,
): RawBuilder<SqlBool> {
  const ref = sql.ref(column.expr);
  if (values.length === 0) return negate ? TRUE : FALSE;
  const list = sql.join(values.map((v) => sql`${v}`));
  return negate
    ? sql<SqlBool>`(${ref} is null or ${ref} not in (${list}))`
    : sql<SqlBool>`${ref} in (${list})`;
}

function fieldsMatching(
  column: SqlColumn,
  values: readonly string[],
  negate: boolean,
): RawBuilder<SqlBool> {
  if (values.length === 0) return negate ? TRUE : FALSE;
  const any = sql.join(
    values.map((v) => sql`${sql.ref(column.expr)} like ${`%"${v}"%`}`),
    sql` or `,
  );
  return negate ? sql<SqlBool>`not (${any})` : sql<SqlBool>`(${any})`;
}

function conditionSql(
  column: SqlColumn,
  c: FilterCondition,
  caseless: Caseless,
): RawBuilder<SqlBool> {
  if (c.type === 'blank') return blank(column);
  if (c.type === 'notBlank') return sql<SqlBool>`not ${blank(column)}`;
  if (c.filterType === 'number') {
    const ref = sql.ref(column.expr);
    // Typed as a number on both engines: PostgreSQL would read a bound 1.5 as an integer.
    const v = sql`cast(${c.filter ?? 0} as double precision)`;
    const to = sql`cast(${c.filterTo ?? c.filter ?? 0} as double precision)`;
    switch (c.type) {
      case 'equals':
        return sql<SqlBool>`${ref} = ${v}`;
      case 'notEqual':
        return sql<SqlBool>`(${ref} is null or ${ref} <> ${v})`;
      case 'lessThan':
        return sql<SqlBool>`${ref} < ${v}`;
      case 'lessThanOrEqual':
        return sql<SqlBool>`${ref} <= ${v}`;
      case 'greaterThan':
        return sql<SqlBool>`${ref} > ${v}`;
      case 'greaterThanOrEqual':
        return sql<SqlBool>`${ref} >= ${v}`;
      case 'inRange':
        return sql<SqlBool>`${ref} between ${v} and ${to}`;
    }
  }
  const text = String(c.filter ?? '');
  const negate = c.type === 'notContains' || c.type === 'notEqual';
  const positive =
    c.type === 'notContains' ? 'contains' : c.type === 'notEqual' ? 'equals' : c.type;
  if (column.kind === 'enum')
    return inList(
      column,
      enumValuesMatching(column.vocabulary, positive as 'contains', text),
      negate,
    );
  if (column.kind === 'country')
    return inList(column, countriesMatching(positive as 'contains', text), negate);
  if (column.kind === 'fields')
    return fieldsMatching(
      column,
      enumValuesMatching('field', positive as 'contains', text),
      negate,
    );
  const e = escapeLike(text);
  const pattern =
    positive === 'contains'
      ? `%${e}%`
      : positive === 'startsWith'
        ? `${e}%`
        : positive === 'endsWith'
          ? `%${e}`
          : e;
  const match = like(column, pattern, caseless);
  return negate ? sql<SqlBool>`(${sql.ref(column.expr)} is null or not ${match})` : match;
}

/** A checklist: the column holds one of the ticked codes, or is blank where `''` is ticked. */
function setSql(column: SqlColumn, model: SetFilter): RawBuilder<SqlBool> {
  const codes = model.values.filter((v) => v !== '');
  const some = inList(column, codes, false);
  return model.values.includes('') ? sql<SqlBool>`(${some} or ${blank(column)})` : some;
}

/** The filter model as one condition; unknown columns were already refused by the schema. */
export function filterSql(
  columns: SqlColumns,
  filter: Readonly<Record<string, ColumnFilter | undefined>>,
  engine: Engine,
): Expression<SqlBool> {
  const caseless = caselessLike(engine);
  const parts: RawBuilder<SqlBool>[] = [];
  for (const [colId, model] of Object.entries(filter)) {
    const column = columns[colId];
    if (!column || !model) continue;
    if (model.filterType === 'set') parts.push(setSql(column, model));
    else if ('operator' in model) {
      const each = model.conditions.map((c) => conditionSql(column, c, caseless));
      parts.push(
        sql<SqlBool>`(${sql.join(each, model.operator === 'AND' ? sql` and ` : sql` or `)})`,
      );
    } else parts.push(conditionSql(column, model, caseless));
  }
  return parts.length === 0 ? TRUE : sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}

/** The table alias (`t`, `l`, `p`) a column's expression starts with. */
export const aliasOf = (column: SqlColumn): string => column.expr.split('.')[0] ?? '';

/**
 * Where a grid's row finds the row of a joined table, for the quick search: the grid's key
 * column (`t.partner_id`) and the table it names (`partners`, read under the alias its columns
 * use, `p`).
 */
export type QuickLookups = Readonly<
  Record<string, { readonly table: string; readonly key: string }>
>;

/**
 * Quick search: the words in any column, in either language. The columns of a table named in
 * `lookups` are matched once per row of that table, in a subquery (`t.partner_id in (select
 * p.id from partners as p where …)`), not once per grid row through the join: at 50,000 ties a
 * checklist's counts under a search took half the time, and need no join at all.
 */
export function quickSql(
  columns: SqlColumns,
  quick: string,
  engine: Engine,
  lookups: QuickLookups = {},
): Expression<SqlBool> {
  const words = quick.trim();
  if (words === '') return TRUE;
  const caseless = caselessLike(engine);
  const own: RawBuilder<SqlBool>[] = [];
  const looked = new Map<string, RawBuilder<SqlBool>[]>();
  for (const column of Object.values(columns)) {
    const match = conditionSql(
      column,
      { filterType: 'text', type: 'contains', filter: words },
      caseless,
    );
    const alias = aliasOf(column);
    if (!lookups[alias]) own.push(match);
    else if (looked.has(alias)) looked.get(alias)?.push(match);
    else looked.set(alias, [match]);
  }
  const through = [...looked].map(([alias, matches]) => {
    const { table, key } = lookups[alias] as QuickLookups[string];
    return sql<SqlBool>`${sql.ref(key)} in (select ${sql.ref(`${alias}.id`)} from ${sql.table(table)} as ${sql.id(alias)} where ${sql.join(matches, sql` or `)})`;
  });
  return sql<SqlBool>`(${sql.join([...through, ...own], sql` or `)})`;
}

/**
 * Rows per value, as a group-by returned them: null and empty text are both the blank line
 * (`''`), and PostgreSQL's count comes as a string.
 */
export function valueCounts(
  rows: readonly { value: string | null; n: number | string | bigint }[],
): { value: string; count: number }[] {
  const out = new Map<string, number>();
  for (const r of rows) out.set(r.value ?? '', (out.get(r.value ?? '') ?? 0) + Number(r.n));
  return [...out].map(([value, count]) => ({ value, count }));
}

export function orderSql(
  columns: SqlColumns,
  sort: readonly { colId: string; sort: 'asc' | 'desc' }[],
): RawBuilder<unknown> | null {
  const parts = sort
    .filter((s) => columns[s.colId])
    .flatMap((s) => {
      const column = columns[s.colId] as SqlColumn;
      const keys = ('sortBy' in column && column.sortBy) || [column.expr];
      // Blanks first going up and last going down, as SQLite orders them by default;
      // PostgreSQL's default is the other way round.
      return keys.map(
        (key) =>
          sql`${sql.ref(key)} ${sql.raw(s.sort === 'desc' ? 'desc nulls last' : 'asc nulls first')}`,
      );
    });
  return parts.length === 0 ? null : sql.join(parts);
}
