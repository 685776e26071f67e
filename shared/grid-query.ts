import { z } from 'zod';
import { allCountries } from './countries';
import { VOCABULARIES, type EnumEntry, type VocabularyName } from './enums';

/**
 * What a grid asks of a large registry: a page of rows under its sort, column filters (AG
 * Grid's filter model) and quick search, answered by main in SQL so 50,000 ties or 200,000
 * visits never cross to the renderer at once. The label matching here is shared by both sides,
 * so “已结好” finds established ties whether the grid or the database does the filtering.
 */
export const TEXT_FILTER_TYPES = [
  'contains',
  'notContains',
  'equals',
  'notEqual',
  'startsWith',
  'endsWith',
  'blank',
  'notBlank',
] as const;
export const NUMBER_FILTER_TYPES = [
  'equals',
  'notEqual',
  'lessThan',
  'lessThanOrEqual',
  'greaterThan',
  'greaterThanOrEqual',
  'inRange',
  'blank',
  'notBlank',
] as const;

const textCondition = z.strictObject({
  filterType: z.literal('text'),
  type: z.enum(TEXT_FILTER_TYPES),
  filter: z.string().max(200).nullish(),
});
const numberCondition = z.strictObject({
  filterType: z.literal('number'),
  type: z.enum(NUMBER_FILTER_TYPES),
  filter: z.number().nullish(),
  filterTo: z.number().nullish(),
});
const condition = z.union([textCondition, numberCondition]);
const combined = z.strictObject({
  filterType: z.enum(['text', 'number']),
  operator: z.enum(['AND', 'OR']),
  conditions: z.array(condition).min(1).max(4),
});
/**
 * A checklist filter (an enum or country column): the stored values the user left ticked, by
 * code, `''` standing for a blank cell. Every value ticked is no filter at all (`null` model).
 */
export const setFilter = z.strictObject({
  filterType: z.literal('set'),
  values: z.array(z.string().max(200)).max(1000),
});
export type SetFilter = z.output<typeof setFilter>;
export const columnFilter = z.union([condition, combined, setFilter]);
export type ColumnFilter = z.output<typeof columnFilter>;
export type FilterCondition = z.output<typeof condition>;

/**
 * The view a checklist counts its values under: every other filter and the search, but not
 * its own column's filter (as Excel lists what unticking would bring back).
 */
export function withoutColumn<F>(
  filter: Readonly<Record<string, F>>,
  column: string,
): Record<string, F> {
  return Object.fromEntries(Object.entries(filter).filter(([id]) => id !== column));
}

/** How many rows hold each value of a column (`''` for blank), under the other filters. */
export interface ValueCounts {
  readonly values: readonly { readonly value: string; readonly count: number }[];
}

/** A checklist's input on the wire: which column, and the rest of the grid's view. */
export function countsQuery<const C extends readonly [string, ...string[]]>(
  columns: C,
  countable: readonly [C[number], ...C[number][]],
) {
  return z.strictObject({
    column: z.enum(countable),
    filter: z.partialRecord(z.enum(columns), columnFilter).default({}),
    quick: z.string().max(200).default(''),
    deleted: z.boolean().default(false),
  });
}

export function gridQuery<const C extends readonly [string, ...string[]]>(columns: C) {
  return z.strictObject({
    sort: z
      .array(z.strictObject({ colId: z.enum(columns), sort: z.enum(['asc', 'desc']) }))
      .max(columns.length)
      .default([]),
    filter: z.partialRecord(z.enum(columns), columnFilter).default({}),
    quick: z.string().max(200).default(''),
    deleted: z.boolean().default(false),
    /** Only these rows, of those the view shows (which of the ticked rows are in sight). */
    ids: z.array(z.string().min(1).max(64)).max(5000).optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500_000).default(500_000),
  });
}

/**
 * What a paged grid shows, as the renderer sends it with each page (`gridQuery` without its
 * paging) and with an export of its rows: its sort, column filters, quick search and deleted
 * flag. Column ids are plain strings here; main checks them against the grid's own columns.
 */
export interface GridView {
  sort: { colId: string; sort: 'asc' | 'desc' }[];
  filter: Record<string, ColumnFilter>;
  quick: string;
  deleted: boolean;
}
/** One page of a grid view (of only the rows `ids` names, where it is given). */
export type GridPageQuery = GridView & { offset: number; limit: number; ids?: readonly string[] };

function fold(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase();
}

/** Whether `candidate` passes a text condition, compared without case. */
export function textMatches(
  type: (typeof TEXT_FILTER_TYPES)[number],
  candidate: string,
  filter: string,
): boolean {
  const c = fold(candidate);
  const f = fold(filter);
  switch (type) {
    case 'contains':
      return c.includes(f);
    case 'notContains':
      return !c.includes(f);
    case 'equals':
      return c === f;
    case 'notEqual':
      return c !== f;
    case 'startsWith':
      return c.startsWith(f);
    case 'endsWith':
      return c.endsWith(f);
    case 'blank':
      return c === '';
    case 'notBlank':
      return c !== '';
  }
}

/**
 * The values of a vocabulary a text condition selects, reading each value by its code and
 * both labels: `contains 已结` → ['established']. Negations are answered by the caller.
 */
export function enumValuesMatching(
  vocabulary: VocabularyName,
  type: 'contains' | 'equals' | 'startsWith' | 'endsWith',
  filter: string,
): string[] {
  return (Object.entries(VOCABULARIES[vocabulary]) as [string, EnumEntry][])
    .filter(([value, e]) => [value, e.en, e.zh].some((label) => textMatches(type, label, filter)))
    .map(([value]) => value);
}

export function countriesMatching(
  type: 'contains' | 'equals' | 'startsWith' | 'endsWith',
  filter: string,
): string[] {
  return allCountries()
    .filter((c) => [c.code, c.alpha3, c.en, c.zh].some((label) => textMatches(type, label, filter)))
    .map((c) => c.code);
}
