import { withDeletedBy } from '../core/trash';
import type { Executor } from '../../db/schema';
import { getVisitRow, listVisits } from '../../db/visits.repository';
import type { ParsedInputOf } from '../../shared/ipc/contract';
import type { Page, VisitRow } from '../../shared/model';
import { notFound } from '../core/errors';
import type { ServiceDeps } from '../core/transaction';
import type { WriteEnv } from '../core/write-env';
import { setDeleted } from '../core/versioned.write';
import { createVisitIn, updateVisitIn, VISIT_TARGET } from './visits.write';

export function createVisitsService(deps: ServiceDeps) {
  async function row(db: Executor, id: string): Promise<VisitRow> {
    const found = await getVisitRow(db, id);
    if (!found) throw notFound('visit', id);
    return found;
  }
  return {
    list: async (input: ParsedInputOf<'visits:list'>): Promise<Page<VisitRow>> =>
      withDeletedBy(deps.db, 'visit', await listVisits(deps.db, input)),
    get: (input: ParsedInputOf<'visits:get'>) => row(deps.db, input.id),
    // The write blocks: the door's `write` runs each in its transaction and logs its command.
    createIn: async (env: WriteEnv, input: ParsedInputOf<'visits:create'>) =>
      row(env.trx, await createVisitIn(env, input)),

    async updateIn(env: WriteEnv, input: ParsedInputOf<'visits:update'>): Promise<VisitRow> {
      await updateVisitIn(env, input.id, input.version, input.patch);
      return row(env.trx, input.id);
    },

    /** Soft delete (`deleted`) or restore: one write, two verbs at the door. */
    setDeletedIn:
      (deleted: boolean) =>
      async (env: WriteEnv, input: { id: string; version: number }): Promise<VisitRow> => {
        await setDeleted(env, VISIT_TARGET, input.id, input.version, deleted);
        return row(env.trx, input.id);
      },
  };
}
