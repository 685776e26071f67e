import { tieEventsOf } from '../../db/events.repository';
import { withDeletedBy } from '../core/trash';
import { getTie, getTieRow, listTies } from '../../db/ties.repository';
import type { Executor } from '../../db/schema';
import type { ParsedInputOf } from '../../shared/ipc/contract';
import type { TieWarning, TieWritten } from '../../shared/ipc/ties';
import type { Page, TieRow } from '../../shared/model';
import type { TieEvent } from '../../shared/timeline';
import type { ServiceDeps } from '../core/transaction';
import type { WriteEnv } from '../core/write-env';
import { notFound } from '../core/errors';
import { createTieIn, setTieDeleted, updateTieIn } from './ties.write';

export function createTiesService(deps: ServiceDeps) {
  async function row(db: Executor, id: string): Promise<TieRow> {
    const found = await getTieRow(db, id);
    if (!found) throw notFound('tie', id);
    return found;
  }

  return {
    async list(input: ParsedInputOf<'ties:list'>): Promise<Page<TieRow>> {
      return withDeletedBy(deps.db, 'tie', await listTies(deps.db, input));
    },

    get: (input: ParsedInputOf<'ties:get'>) => row(deps.db, input.id),

    async events(input: ParsedInputOf<'ties:events'>): Promise<TieEvent[]> {
      if (!(await getTie(deps.db, input.id))) throw notFound('tie', input.id);
      return tieEventsOf(deps.db, input.id);
    },

    // The write blocks: the door's `write` runs each in its transaction and logs its command.
    async createIn(outer: WriteEnv, input: ParsedInputOf<'ties:create'>): Promise<TieWritten> {
      const warnings: TieWarning[] = [];
      const env = { ...outer, onTieWarning: (_id: string, w: TieWarning) => warnings.push(w) };
      return { ...(await row(env.trx, await createTieIn(env, input))), warnings };
    },

    async updateIn(outer: WriteEnv, input: ParsedInputOf<'ties:update'>): Promise<TieWritten> {
      const warnings: TieWarning[] = [];
      const env = { ...outer, onTieWarning: (_id: string, w: TieWarning) => warnings.push(w) };
      await updateTieIn(env, input.id, input.version, input.patch, {
        shared: input.confirmShared ? 'change' : 'ask',
      });
      return { ...(await row(env.trx, input.id)), warnings };
    },

    /** Soft delete (`deleted`) or restore: one write, two verbs at the door. */
    setDeletedIn:
      (deleted: boolean) =>
      async (env: WriteEnv, input: { id: string; version: number }): Promise<TieRow> => {
        await setTieDeleted(env, input.id, input.version, deleted);
        return row(env.trx, input.id);
      },
  };
}

export type TiesService = ReturnType<typeof createTiesService>;
