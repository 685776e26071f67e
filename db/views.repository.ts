import type { GridName, SavedView } from '../shared/ipc/grid';
import { fromJsonText } from './json';
import type { Executor, NewRow, Row } from './schema';

/** Saved grid views: a named column state and filter model per grid, shared by all staff. */

export function savedViewFrom(row: Row<'saved_views'>): SavedView {
  return {
    id: row.id,
    grid: row.grid,
    name: row.name,
    state: fromJsonText<unknown>(row.state, {}),
    updated_at: row.updated_at,
  };
}

export function listViews(db: Executor, grid: GridName): Promise<Row<'saved_views'>[]> {
  return db
    .selectFrom('saved_views')
    .selectAll()
    .where('grid', '=', grid)
    .orderBy('name')
    .execute();
}

export function findView(
  db: Executor,
  grid: GridName,
  name: string,
): Promise<Row<'saved_views'> | undefined> {
  return db
    .selectFrom('saved_views')
    .selectAll()
    .where('grid', '=', grid)
    .where('name', '=', name)
    .executeTakeFirst();
}

export function getView(db: Executor, id: string): Promise<Row<'saved_views'> | undefined> {
  return db.selectFrom('saved_views').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertView(db: Executor, row: NewRow<'saved_views'>): Promise<void> {
  await db.insertInto('saved_views').values(row).execute();
}

export async function updateViewState(
  db: Executor,
  id: string,
  patch: { state: string; updated_at: string; version: number },
): Promise<void> {
  await db.updateTable('saved_views').set(patch).where('id', '=', id).execute();
}

export async function deleteView(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('saved_views').where('id', '=', id).execute();
}
