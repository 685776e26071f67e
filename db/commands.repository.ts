import { toJsonText } from './json';
import type { CommandDropped, Executor, Row } from './schema';

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
 * undo) or latest undone (for redo), in a scope when one is given, never one dropped from the
 * stack. Two undone in the same instant: the older was undone last, so it is redone first.
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
    q = q
      .where('actor', '=', actor)
      .where('undone_at', undone ? 'is not' : 'is', null)
      .where('dropped_at', 'is', null);
    if (input.scope) q = q.where('scope', '=', input.scope);
    q = undone ? q.orderBy('undone_at', 'desc').orderBy('seq', 'asc') : q.orderBy('seq', 'desc');
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

/** Takes a command off its user's undo or redo stack, keeping it in the log with the reason. */
export async function dropCommand(
  db: Executor,
  id: string,
  at: string,
  reason: CommandDropped,
): Promise<void> {
  await db
    .updateTable('commands')
    .set({ dropped_at: at, dropped_reason: reason })
    .where('id', '=', id)
    .execute();
}

/**
 * A new change clears what its user could redo in that scope, as a spreadsheet's does: the
 * undone commands still on the redo stack are dropped as superseded.
 */
export async function dropRedoable(
  db: Executor,
  actor: string,
  scope: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('commands')
    .set({ dropped_at: at, dropped_reason: 'superseded' })
    .where('actor', '=', actor)
    .where('scope', '=', scope)
    .where('undone_at', 'is not', null)
    .where('dropped_at', 'is', null)
    .execute();
}

/**
 * Registries written before undo got its own name stored their command labels as
 * `history.*`; the log is history the migrations keep as it was, so the name is mended here.
 */
export function currentLabel(label: string): string {
  return label.startsWith('history.') ? `undo.${label.slice('history.'.length)}` : label;
}
