import type { BackupList, BackupRow, RestoreOutcome } from '../../shared/ipc/backups';
import type { ParsedInputOf } from '../../shared/ipc/contract';
import { backupBase, listBackups, RestoreRefused, takeBackup, type BackupEntry } from './backups';
import type { CallContext } from '../core/context';
import { storageFailure } from '../core/door';
import { AppError } from '../core/errors';
import { inWriteTransaction, type ServiceDeps } from '../core/transaction';
import { audit } from '../core/write-env';
import { jobsOf } from '../jobs/runner';

const row = (e: BackupEntry): BackupRow => ({
  name: e.name,
  at: e.at,
  reason: e.reason,
  size: e.size,
});

/** A restore that failed, worded for the user: the backup refused, or the disk. */
export function restoreFailure(error: unknown, name: string): unknown {
  if (error instanceof RestoreRefused)
    return new AppError('rule', `backups.refused.${error.reason}`, {
      file: name,
      detail: error.detail,
    });
  return storageError(error);
}

/** A failure of the disk while copying, worded like the door words SQLite's own. */
function storageError(error: unknown): unknown {
  const sqlite = storageFailure(error);
  if (sqlite) return new AppError(sqlite.code, sqlite.key, { sqlite: sqlite.sqlite });
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new AppError('storage', 'storage.full');
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM')
    return new AppError('storage', 'storage.readonly');
  if (code === 'EIO') return new AppError('storage', 'storage.io');
  return error;
}

/** Backups of the open registry through the contract: list, take one, restore one. */
export function createBackupsService(deps: ServiceDeps) {
  function storage() {
    if (deps.engine === 'postgres') throw new AppError('unavailable', 'backups.onServer');
    if (!deps.storage) throw new AppError('unavailable', 'errors.unavailable', { what: 'backups' });
    return deps.storage;
  }
  const entries = () => listBackups(deps.paths.backups, backupBase(storage().file));

  return {
    async list(): Promise<BackupList> {
      return { folder: deps.paths.backups, rows: entries().map(row) };
    },

    async create(_ctx: CallContext): Promise<BackupRow> {
      const { file, sqlite } = storage();
      try {
        return row(
          await takeBackup(sqlite, { file, dir: deps.paths.backups, clock: deps.clock }, 'manual'),
        );
      } catch (error) {
        throw storageError(error);
      }
    },

    /**
     * Replaces the open registry with one of its backups (kept first: the registry as it was),
     * then records the restore in the restored registry's own audit log.
     */
    async restore(
      input: ParsedInputOf<'backups:restore'>,
      ctx: CallContext,
    ): Promise<RestoreOutcome> {
      const { file } = storage();
      const entry = entries().find((e) => e.name === input.name);
      if (!entry) throw new AppError('not_found', 'backups.notFound', { name: input.name });
      // A job (main/jobs): in a worker where the host has one, so the host answers meanwhile.
      const result = await jobsOf(deps).run(
        {
          kind: 'restore',
          name: entry.name,
          from: entry.file,
          file,
          backupsDir: deps.paths.backups,
        },
        ctx,
      );
      const safety = result.safety ? row(result.safety) : null;
      await this.recordRestore(
        { from: entry.name, schema: result.schema, safety: safety?.name ?? null },
        ctx,
      );
      return { restored: row(entry), safety };
    },

    /** The restore, in the restored registry's own audit log (it could not be written before). */
    recordRestore(
      what: { from: string; schema: string; safety: string | null },
      ctx: CallContext,
    ): Promise<void> {
      // Its own transaction, after the restore swapped the file: no command, nothing to undo.
      return inWriteTransaction(deps, ctx, (env) =>
        audit(
          env,
          'registry',
          backupBase(storage().file),
          'restore',
          { backup: what.safety },
          { restoredFrom: what.from, schema: what.schema },
        ),
      );
    },
  };
}
