import { auditAfter, latestAuditSeq } from '../../db/audit.repository';
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
        return { cursor: await latestAuditSeq(deps.db), changes: [], truncated: false };
      }
      const rows = await auditAfter(deps.db, input.since, CHANGES_PAGE + 1);
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
