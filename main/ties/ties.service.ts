import { eventRowFrom, listEvents } from '../../db/events.repository';
import { withDeletedBy } from '../core/trash';
import { countTieValues, getTie, getTieRow, listTies } from '../../db/ties.repository';
import { withoutColumn, type ValueCounts } from '../../shared/grid-query';
import type { Executor } from '../../db/schema';
import type { ParsedInputOf } from '../../shared/ipc/contract';
import type { TieWarning, TieWritten } from '../../shared/ipc/ties';
import type { Page, TieEventRow, TieRow } from '../../shared/model';
import type { CallContext } from '../core/context';
import { inWriteTransaction, type ServiceDeps } from '../core/transaction';
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

    async counts(input: ParsedInputOf<'ties:counts'>): Promise<ValueCounts> {
      const view = { ...input, filter: withoutColumn(input.filter, input.column) };
      return { values: await countTieValues(deps.db, input.column, view) };
    },

    get: (input: ParsedInputOf<'ties:get'>) => row(deps.db, input.id),

    async events(input: ParsedInputOf<'ties:events'>): Promise<TieEventRow[]> {
      if (!(await getTie(deps.db, input.id))) throw notFound('tie', input.id);
      return (await listEvents(deps.db, input.id)).map(eventRowFrom);
    },

    async create(input: ParsedInputOf<'ties:create'>, ctx: CallContext): Promise<TieWritten> {
      return inWriteTransaction(
        deps,
        ctx,
        async (outer) => {
          const warnings: TieWarning[] = [];
          const env = { ...outer, onTieWarning: (_id: string, w: TieWarning) => warnings.push(w) };
          return { ...(await row(env.trx, await createTieIn(env, input))), warnings };
        },
        {
          scope: 'ties',
          label: 'undo.create',
          params: (row: TieRow) => ({ target: `${row.local} – ${row.partner}` }),
        },
      );
    },

    async update(input: ParsedInputOf<'ties:update'>, ctx: CallContext): Promise<TieWritten> {
      return inWriteTransaction(
        deps,
        ctx,
        async (outer) => {
          const warnings: TieWarning[] = [];
          const env = { ...outer, onTieWarning: (_id: string, w: TieWarning) => warnings.push(w) };
          await updateTieIn(env, input.id, input.version, input.patch, {
            shared: input.confirmShared ? 'change' : 'ask',
          });
          return { ...(await row(env.trx, input.id)), warnings };
        },
        {
          scope: 'ties',
          label: 'undo.update',
          params: (row: TieRow) => ({
            target: `${row.local} – ${row.partner}`,
            columns: Object.keys(input.patch),
          }),
        },
      );
    },

    async remove(input: ParsedInputOf<'ties:delete'>, ctx: CallContext): Promise<TieRow> {
      return inWriteTransaction(
        deps,
        ctx,
        async (env) => {
          await setTieDeleted(env, input.id, input.version, true);
          return row(env.trx, input.id);
        },
        {
          scope: 'ties',
          label: 'undo.delete',
          params: (row: TieRow) => ({ target: `${row.local} – ${row.partner}` }),
        },
      );
    },

    async restore(input: ParsedInputOf<'ties:restore'>, ctx: CallContext): Promise<TieRow> {
      return inWriteTransaction(
        deps,
        ctx,
        async (env) => {
          await setTieDeleted(env, input.id, input.version, false);
          return row(env.trx, input.id);
        },
        {
          scope: 'ties',
          label: 'undo.restore',
          params: (row: TieRow) => ({ target: `${row.local} – ${row.partner}` }),
        },
      );
    },
  };
}

export type TiesService = ReturnType<typeof createTiesService>;
