import type { Executor, Row, RowPatch } from './schema';

/** Tables whose rows carry a version for optimistic concurrency and a soft-delete stamp. */
export type VersionedTable =
  'localities' | 'partners' | 'ties' | 'letters' | 'approval_steps' | 'visits';

/**
 * Applies a patch only if the row is still at `version`, and moves it to the next version.
 * Returns whether it did: false means someone saved first (or the row is gone).
 */
export async function updateVersioned<T extends VersionedTable>(
  db: Executor,
  table: T,
  id: string,
  version: number,
  patch: RowPatch<T>,
): Promise<boolean> {
  // One statement for every versioned table; Kysely cannot type a union of tables here.
  const result = await db
    .updateTable(table as 'letters')
    .set({ ...(patch as RowPatch<'letters'>), version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** A versioned record as stored, deleted or not. */
export async function getVersionedRow<T extends VersionedTable>(
  db: Executor,
  table: T,
  id: string,
): Promise<Row<T> | undefined> {
  return (await db
    .selectFrom(table as 'letters')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()) as Row<T> | undefined;
}

/**
 * Writes `next` over a record whatever its version (the caller has checked what it holds, as
 * undo does by content). `next` carries the new version itself.
 */
export async function overwriteVersioned(
  db: Executor,
  table: VersionedTable,
  id: string,
  next: Record<string, unknown>,
): Promise<void> {
  await db
    .updateTable(table as 'ties')
    .set(next as RowPatch<'ties'>)
    .where('id', '=', id)
    .execute();
}
