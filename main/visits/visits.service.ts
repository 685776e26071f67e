import { withDeletedBy } from '../core/trash';
import type { Executor } from '../../db/schema';
import { countVisitValues, getVisitRow, listVisits } from '../../db/visits.repository';
import { withoutColumn, type ValueCounts } from '../../shared/grid-query';
import type { ParsedInputOf } from '../../shared/ipc/contract';
import type { Page, VisitRow } from '../../shared/model';
import type { CallContext } from '../core/context';
import { notFound } from '../core/errors';
import { inWriteTransaction, type ServiceDeps } from '../core/transaction';
import { setDeleted } from '../core/versioned.write';
import { createVisitIn, updateVisitIn, VISIT_TARGET } from './visits.write';

export function createVisitsService(deps: ServiceDeps) {
  async function row(db: Executor, id: string): Promise<VisitRow> {
    const found = await getVisitRow(db, id);
    if (!found) throw notFound('visit', id);
    return found;
  }
  /** Soft delete (`deleted`) or restore: one write, two verbs at the door. */
  const deleteOrRestore = (
    input: { id: string; version: number },
    deleted: boolean,
    ctx: CallContext,
  ) =>
    inWriteTransaction(
      deps,
      ctx,
      async (env) => {
        await setDeleted(env, VISIT_TARGET, input.id, input.version, deleted);
        return row(env.trx, input.id);
      },
      {
        scope: 'visits',
        label: deleted ? 'undo.delete' : 'undo.restore',
        params: (row: VisitRow) => ({
          target: [row.leader, row.start_on].filter(Boolean).join(' · '),
        }),
      },
    );

  return {
    list: async (input: ParsedInputOf<'visits:list'>): Promise<Page<VisitRow>> =>
      withDeletedBy(deps.db, 'visit', await listVisits(deps.db, input)),
    counts: async (input: ParsedInputOf<'visits:counts'>): Promise<ValueCounts> => ({
      values: await countVisitValues(deps.db, input.column, {
        ...input,
        filter: withoutColumn(input.filter, input.column),
      }),
    }),
    get: (input: ParsedInputOf<'visits:get'>) => row(deps.db, input.id),
    create: (input: ParsedInputOf<'visits:create'>, ctx: CallContext) =>
      inWriteTransaction(deps, ctx, async (env) => row(env.trx, await createVisitIn(env, input)), {
        scope: 'visits',
        label: 'undo.create',
        params: (row: VisitRow) => ({
          target: [row.leader, row.start_on].filter(Boolean).join(' · '),
        }),
      }),
    update: (input: ParsedInputOf<'visits:update'>, ctx: CallContext) =>
      inWriteTransaction(
        deps,
        ctx,
        async (env) => {
          await updateVisitIn(env, input.id, input.version, input.patch);
          return row(env.trx, input.id);
        },
        {
          scope: 'visits',
          label: 'undo.update',
          params: (row: VisitRow) => ({
            target: [row.leader, row.start_on].filter(Boolean).join(' · '),
            columns: Object.keys(input.patch),
          }),
        },
      ),
    remove: (input: { id: string; version: number }, ctx: CallContext) =>
      deleteOrRestore(input, true, ctx),

    restore: (input: { id: string; version: number }, ctx: CallContext) =>
      deleteOrRestore(input, false, ctx),
  };
}
