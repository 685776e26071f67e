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
