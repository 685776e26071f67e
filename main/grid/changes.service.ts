import type { ParsedInputOf } from '../../shared/ipc/contract';
import type { ChangesPage } from '../../shared/ipc/staff';
import type { ServiceDeps } from '../core/transaction';

/** The most changes one answer carries; beyond it a client reloads instead of row by row. */
export const CHANGES_PAGE = 500;

/**
 * What changed since a cursor, read from the append-only audit log (every change writes a row
 * there in the same transaction, on either engine). Open grids poll it every second and
 * refresh the rows it names: another client's edit shows within the poll interval.
 */
export function createChangesService(deps: ServiceDeps) {
  return {
    async since(input: ParsedInputOf<'changes:since'>): Promise<ChangesPage> {
      if (input.since === null) {
        const row = await deps.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.max('seq').as('seq'))
          .executeTakeFirst();
        return { cursor: Number(row?.seq ?? 0), changes: [], truncated: false };
      }
      const rows = await deps.db
        .selectFrom('audit_log')
        .select(['seq', 'entity', 'entity_id'])
        .where('seq', '>', input.since)
        .orderBy('seq')
        .limit(CHANGES_PAGE + 1)
        .execute();
      const truncated = rows.length > CHANGES_PAGE;
      const page = rows.slice(0, CHANGES_PAGE);
      return {
        cursor: page.length > 0 ? Number(page.at(-1)!.seq) : input.since,
        changes: page.map((r) => ({ seq: Number(r.seq), entity: r.entity, id: r.entity_id })),
        truncated,
      };
    },
  };
}
