import type { Executor, Row } from './schema';

export async function readSettings(db: Executor): Promise<Record<string, unknown>> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  const out: Record<string, unknown> = {};
  for (const row of rows) {
    try {
      out[row.key] = JSON.parse(row.value);
    } catch {
      // A value this version cannot read is left out, so its default applies.
    }
  }
  return out;
}

export async function writeSetting(
  db: Executor,
  key: string,
  value: unknown,
  at: string,
): Promise<void> {
  const text = JSON.stringify(value);
  await db
    .insertInto('settings')
    .values({ key, value: text, updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: text, updated_at: at }))
    .execute();
}

export function getSettingRow(db: Executor, key: string): Promise<Row<'settings'> | undefined> {
  return db.selectFrom('settings').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function deleteSetting(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('settings').where('key', '=', key).execute();
}

/** Stores a value already written as JSON text (undo puts back the text it recorded). */
export async function insertSettingText(
  db: Executor,
  key: string,
  value: string,
  at: string,
): Promise<void> {
  await db.insertInto('settings').values({ key, value, updated_at: at }).execute();
}
