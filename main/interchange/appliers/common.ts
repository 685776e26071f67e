import type { z } from 'zod';
import { issueKey } from '../../../shared/issues';
import { AppError } from '../../core/errors';
import type { ImportNotice } from '../../../shared/ipc/interchange';
import type { WriteEnv } from '../../core/write-env';

/** What every sheet kind's applier shares: a row's input, its outcome, and its refusals. */

export type Outcome = 'created' | 'updated' | 'unchanged';

export interface Problem {
  readonly field: string | null;
  readonly key: string;
  readonly params: Record<string, unknown>;
}

export class RowRefusal extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super('row refused');
  }
}

export interface RowInput {
  readonly line: number;
  /** Field → value read from its cell (null for a blank cell). */
  readonly values: Readonly<Record<string, unknown>>;
  /** Fields the sheet has a column for: only these are compared and updated. */
  readonly present: ReadonlySet<string>;
}

export interface Applier {
  /** Applies one row, or keeps it for `finish` (events and parents need the whole sheet). */
  row(env: WriteEnv, input: RowInput): Promise<Outcome | 'deferred'>;
  finish(env: WriteEnv): Promise<{ line: number; outcome: Outcome | Problem[] }[]>;
  /** What the applier inferred on its own, for the summary. */
  notices?(): ImportNotice[];
}

/** What an applier knows of its sheet as a whole. */
export interface SheetContext {
  /** The sheet heads its columns in Chinese: a column it should add is named in Chinese. */
  readonly zh: boolean;
}

export function refusal(problems: Problem[]): RowRefusal {
  return new RowRefusal(problems);
}

/** Parses a row with a contract schema; every refused field becomes a problem. */
export function parseRow<S extends z.ZodType>(
  schema: S,
  raw: Record<string, unknown>,
): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw refusal(
    parsed.error.issues.map((issue) => {
      const { key, params } = issueKey(issue);
      const first = issue.path[0];
      return { field: typeof first === 'string' ? first : null, key, params };
    }),
  );
}

/** The row as a schema's input: blank cells are null, or left out where a field needs a value. */
export function rawOf(input: RowInput, fields: readonly string[], omitBlank: readonly string[]) {
  const raw: Record<string, unknown> = {};
  for (const field of fields) {
    if (!input.present.has(field)) continue;
    const value = input.values[field];
    if ((value === null || value === undefined) && omitBlank.includes(field)) continue;
    raw[field] = value ?? null;
  }
  return raw;
}

export const same = (a: unknown, b: unknown) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields of `parsed` the sheet gives that differ from `current`. */
export function changes(
  parsed: Record<string, unknown>,
  current: Record<string, unknown>,
  fields: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    if (!(field in parsed) || parsed[field] === undefined) continue;
    if (!same(parsed[field], current[field])) out[field] = parsed[field];
  }
  return out;
}

export function duplicateOf(seen: Map<string, number>, id: string, line: number): void {
  const first = seen.get(id);
  if (first !== undefined && first !== line)
    throw refusal([{ field: null, key: 'import.row.duplicate', params: { first } }]);
  seen.set(id, line);
}

/** A write block's refusal as problems of the row, each on the field it names. */
export function problemsOf(error: unknown, fallbackField: string | null = null): Problem[] {
  if (error instanceof RowRefusal) return [...error.problems];
  if (error instanceof AppError) {
    const details = error.extra.details ?? [];
    if (details.length > 0)
      return details.map((d) => {
        const field = [...d.path].reverse().find((p): p is string => typeof p === 'string');
        return { field: field ?? fallbackField, key: d.key, params: { ...d.params } };
      });
    return [{ field: fallbackField, key: error.key, params: { ...error.params } }];
  }
  throw error;
}
