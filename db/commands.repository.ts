import { toJsonText } from './json';
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
