import { lastActors } from '../../db/audit.repository';
import type { Executor } from '../../db/schema';
import type { Page } from '../../shared/model';

/**
 * The deleted rows of a grid with who deleted each (from the audit log; `deleted_at` is on the
 * row), so the trash says when and by whom. Live rows are returned as they are.
 */
export async function withDeletedBy<R extends { id: string; deleted_at: string | null }>(
  db: Executor,
  entity: string,
  page: Page<R>,
): Promise<Page<R & { deleted_by?: string | null }>> {
  const deleted = page.rows.filter((r) => r.deleted_at !== null).map((r) => r.id);
  if (deleted.length === 0) return page;
  const by = await lastActors(db, entity, deleted);
  return {
    ...page,
    rows: page.rows.map((r) =>
      r.deleted_at === null ? r : { ...r, deleted_by: by.get(r.id) ?? null },
    ),
  };
}
