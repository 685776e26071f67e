import { insideTransaction } from '../../db/dialect';
import type Database from 'better-sqlite3';
import type { Engine } from '../../db/engine';
import type { Db } from '../../db/schema';
import type { CallContext, Clock, IdSource } from './context';
import type { Platform, RegistryPaths } from './platform';
import { recordCommand } from './commands';
import type { WriteEnv } from './write-env';
import type { JobRunner } from '../jobs/runner';

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
  /** Where long jobs run (main/jobs): a worker beside the host; absent, in this process. */
  readonly jobs?: JobRunner;
}

/** A user action that undo treats as one step; its label is an i18n key (`undo.*`). */
export interface CommandSpec<T = unknown> {
  readonly scope: string;
  readonly label: string;
  /** What the undo list shows about it; may read the work's result (the saved row). */
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

/** The work of one write channel, run inside the transaction its wrapper opens. */
export type WriteBlock<I, O> = (env: WriteEnv, input: I) => Promise<O>;

type Params = Record<string, unknown>;

/** How the undo list names a write: its scope and label (i18n key), each may read the input. */
export interface Command<I, O> {
  readonly scope: string | ((input: I) => string);
  readonly label: string | ((input: I) => string);
  /** What the list shows about it, from the input and the block's result (the saved row). */
  readonly params?: (input: I, result: O) => Params;
  /** Params read inside the transaction before the block runs: names the block changes or removes. */
  readonly before?: (env: WriteEnv, input: I) => Promise<Params>;
}

/** A write block that undo treats as one step (Actual's `undoable(fn)`). */
export interface Undoable<I, O> {
  readonly block: WriteBlock<I, O>;
  readonly command: Command<I, O>;
}

export function undoable<I, O>(block: WriteBlock<I, O>, command: Command<I, O>): Undoable<I, O> {
  return { block, command };
}

/**
 * Makes handlers of write blocks (Actual's `mutator`): one write transaction per call with its
 * env, and for an undoable block the command log, whose id every audit row of the call carries.
 * Applied once where handlers are registered, so no service opens its own transaction for this.
 */
export function writer(deps: ServiceDeps) {
  return function write<I, O>(
    work: WriteBlock<I, O> | Undoable<I, O>,
  ): (input: I, ctx: CallContext) => Promise<O> {
    if (typeof work === 'function')
      return (input, ctx) => inWriteTransaction(deps, ctx, (env) => work(env, input));
    const { block, command } = work;
    const at = (part: string | ((input: I) => string), input: I) =>
      typeof part === 'function' ? part(input) : part;
    return (input, ctx) => {
      let named: Params = {};
      return inWriteTransaction(
        deps,
        ctx,
        async (env) => {
          if (command.before) named = await command.before(env, input);
          return block(env, input);
        },
        {
          scope: at(command.scope, input),
          label: at(command.label, input),
          params: (result: O) => ({ ...named, ...command.params?.(input, result) }),
        },
      );
    };
  };
}
export type Write = ReturnType<typeof writer>;
