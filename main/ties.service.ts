import { insideTransaction } from '../db/dialect';
import type Database from 'better-sqlite3';
import { eventRowFrom, listEvents } from '../db/events.repository';
import { getTie, getTieRow, listTies } from '../db/ties.repository';
import type { Engine } from '../db/engine';
import type { Db, Executor } from '../db/schema';
import type { ParsedInputOf } from '../shared/ipc/contract';
import type { Page, TieEventRow, TieRow } from '../shared/model';
import type { CallContext, Clock, IdSource } from './context';
import type { Platform, RegistryPaths } from './platform';
import { recordCommand } from './commands';
import { notFound } from './errors';
import { createTieIn, setTieDeleted, updateTieIn } from './ties.write';
import type { WriteEnv } from './write-env';

export interface ServiceDeps {
  readonly db: Db;
  /** SQLite unless the registry is an office's PostgreSQL database. */
  readonly engine?: Engine;
  /** The SQLite file behind `db`, for backups and restores; absent in memory. */
  readonly storage?: { readonly file: string; readonly sqlite: Database.Database } | undefined;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly platform: Platform;
  readonly paths: RegistryPaths;
}

/** A user action that undo treats as one step; its label is an i18n key (`history.*`). */
export interface CommandSpec<T = unknown> {
  readonly scope: string;
  readonly label: string;
  /** What the history list shows about it; may read the work's result (the saved row). */
  readonly params?: Record<string, unknown> | ((result: T) => Record<string, unknown>);
}

/**
 * Runs `work` in one write transaction with one timestamp for everything it records. With a
 * command spec, the work is logged as one undoable command (every audit row carries its id);
 * a caller that logs its own command passes the id instead.
 */
export function inWriteTransaction<T>(
  deps: ServiceDeps,
  ctx: CallContext,
  work: (env: WriteEnv) => Promise<T>,
  command: CommandSpec<T> | string | null = null,
): Promise<T> {
  const commandId =
    command === null ? null : typeof command === 'string' ? command : deps.ids.next();
  return deps.db.transaction().execute((trx) =>
    insideTransaction.run(true, async () => {
      const env: WriteEnv = {
        trx,
        ids: deps.ids,
        at: deps.clock.now().toISOString(),
        actor: ctx.actor,
        commandId,
        ...(ctx.role ? { role: ctx.role } : {}),
      };
      const result = await work(env);
      if (command !== null && typeof command !== 'string') {
        const params =
          typeof command.params === 'function' ? command.params(result) : (command.params ?? {});
        await recordCommand(env, command.scope, command.label, params);
      }
      return result;
    }),
  );
}

export function createTiesService(deps: ServiceDeps) {
  async function row(db: Executor, id: string): Promise<TieRow> {
    const found = await getTieRow(db, id);
    if (!found) throw notFound('tie', id);
    return found;
  }

  return {
    async list(input: ParsedInputOf<'ties:list'>): Promise<Page<TieRow>> {
      return listTies(deps.db, input);
    },

    get: (input: ParsedInputOf<'ties:get'>) => row(deps.db, input.id),

    async events(input: ParsedInputOf<'ties:events'>): Promise<TieEventRow[]> {
      if (!(await getTie(deps.db, input.id))) throw notFound('tie', input.id);
      return (await listEvents(deps.db, input.id)).map(eventRowFrom);
    },

    async create(input: ParsedInputOf<'ties:create'>, ctx: CallContext): Promise<TieRow> {
      return inWriteTransaction(
        deps,
        ctx,
        async (env) => row(env.trx, await createTieIn(env, input)),
        {
          scope: 'ties',
          label: 'history.create',
          params: (row: TieRow) => ({ target: `${row.local} – ${row.partner}` }),
        },
      );
    },

    async update(input: ParsedInputOf<'ties:update'>, ctx: CallContext): Promise<TieRow> {
      return inWriteTransaction(
        deps,
        ctx,
        async (env) => {
          await updateTieIn(env, input.id, input.version, input.patch);
          return row(env.trx, input.id);
        },
        {
          scope: 'ties',
          label: 'history.update',
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
          label: 'history.delete',
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
          label: 'history.restore',
          params: (row: TieRow) => ({ target: `${row.local} – ${row.partner}` }),
        },
      );
    },
  };
}

export type TiesService = ReturnType<typeof createTiesService>;
