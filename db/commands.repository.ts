import type { UndoEntry } from '../shared/ipc/undo';
import { fromJsonText, toJsonText } from './json';
import type { Executor, Row } from './schema';

export async function insertCommand(
  db: Executor,
  command: {
    id: string;
    scope: string;
    label: string;
    params: Record<string, unknown>;
    actor: string;
    at: string;
  },
): Promise<void> {
  await db
    .insertInto('commands')
    .values({ ...command, params: toJsonText(command.params), undone_at: null, undone_by: null })
    .execute();
}

export async function getCommand(db: Executor, id: string): Promise<Row<'commands'> | undefined> {
  return db.selectFrom('commands').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The command an undo or redo acts on: the one named, else the actor's latest not undone (for
 * undo) or latest undone (for redo), in a scope when one is given.
 */
export function findCommand(
  db: Executor,
  input: { id?: string | undefined; scope?: string | undefined },
  actor: string,
  undone: boolean,
): Promise<Row<'commands'> | undefined> {
  let q = db.selectFrom('commands').selectAll();
  if (input.id) q = q.where('id', '=', input.id);
  else {
    q = q.where('actor', '=', actor).where('undone_at', undone ? 'is not' : 'is', null);
    if (input.scope) q = q.where('scope', '=', input.scope);
    q = undone ? q.orderBy('undone_at', 'desc').orderBy('seq', 'desc') : q.orderBy('seq', 'desc');
  }
  return q.executeTakeFirst();
}

/** The latest commands first. */
export function listCommands(
  db: Executor,
  filter: { scope?: string | undefined; limit: number },
): Promise<Row<'commands'>[]> {
  let q = db.selectFrom('commands').selectAll();
  if (filter.scope) q = q.where('scope', '=', filter.scope);
  return q.orderBy('seq', 'desc').limit(filter.limit).execute();
}

export async function markCommand(
  db: Executor,
  id: string,
  marks: { undone_at: string | null; undone_by: string | null },
): Promise<void> {
  await db.updateTable('commands').set(marks).where('id', '=', id).execute();
}

/** A command as the undo list shows it. */
export function undoEntryFrom(row: {
  id: string;
  scope: string;
  label: string;
  params: string;
  actor: string;
  at: string;
  undone_at: string | null;
  undone_by: string | null;
}): UndoEntry {
  return {
    ...row,
    label: currentLabel(row.label),
    params: fromJsonText<Record<string, unknown>>(row.params, {}),
  };
}

/**
 * Registries written before undo got its own name stored their command labels as
 * `history.*`; the log is history the migrations keep as it was, so the name is mended here.
 */
export function currentLabel(label: string): string {
  return label.startsWith('history.') ? `undo.${label.slice('history.'.length)}` : label;
}
