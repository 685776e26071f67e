import type { Executor, Row } from './schema';

/** Follow-ups staff have set aside and not lifted (a snooze past its day included). */
export function listMarks(db: Executor): Promise<Row<'followup_marks'>[]> {
  return db
    .selectFrom('followup_marks')
    .selectAll()
    .where('lifted_at', 'is', null)
    .orderBy('marked_at', 'desc')
    .execute();
}

export function getMark(db: Executor, id: string): Promise<Row<'followup_marks'> | undefined> {
  return db.selectFrom('followup_marks').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertMark(db: Executor, row: Row<'followup_marks'>): Promise<void> {
  await db.insertInto('followup_marks').values(row).execute();
}

/** Lifts every live mark on `item` (a new mark replaces the old; "restore" lifts it). */
export async function liftMarks(
  db: Executor,
  item: string,
  by: string,
  at: string,
): Promise<Row<'followup_marks'>[]> {
  const live = await db
    .selectFrom('followup_marks')
    .selectAll()
    .where('item', '=', item)
    .where('lifted_at', 'is', null)
    .execute();
  if (live.length > 0) {
    await db
      .updateTable('followup_marks')
      .set({ lifted_by: by, lifted_at: at })
      .where('item', '=', item)
      .where('lifted_at', 'is', null)
      .execute();
  }
  return live;
}
