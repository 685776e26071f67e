import type { Row, RowPatch } from '../../db/schema';
import { getVersionedRow, updateVersioned, type VersionedTable } from '../../db/versioned';
import { conflict, notFound } from './errors';
import { audit, type WriteEnv } from './write-env';

/**
 * The two writes every versioned record shares: a patch checked against the version the user
 * saw, and a soft delete or restore. Both record the row before and after in the audit log,
 * which is also what undo replays.
 */

type Stamps = { id: string; version: number; deleted_at: string | null };

async function load<T extends VersionedTable>(
  env: WriteEnv,
  table: T,
  id: string,
): Promise<(Row<T> & Stamps) | undefined> {
  return (await getVersionedRow(env.trx, table, id)) as (Row<T> & Stamps) | undefined;
}

export interface VersionedTarget<T extends VersionedTable> {
  readonly table: T;
  /** The entity name in the audit log and in messages (`tie`, `letter`, `step`, `visit`). */
  readonly entity: string;
  /** The record as the user sees it, sent back with a conflict. */
  readonly current: (env: WriteEnv, id: string) => Promise<unknown>;
}

/** Applies `patch` if the row is live and still at `version`; returns the row as it was. */
export async function patchVersioned<T extends VersionedTable>(
  env: WriteEnv,
  target: VersionedTarget<T>,
  id: string,
  version: number,
  patch: RowPatch<T>,
): Promise<Row<T>> {
  const before = await load(env, target.table, id);
  if (!before || before.deleted_at !== null) throw notFound(target.entity, id);
  if (before.version !== version) throw conflict(target.entity, await target.current(env, id));
  const changes = Object.fromEntries(
    Object.entries(patch as Record<string, unknown>).filter(
      ([k, v]) => v !== undefined && (before as Record<string, unknown>)[k] !== v,
    ),
  ) as RowPatch<T>;
  if (Object.keys(changes).length === 0) return before;
  const next = { ...changes, updated_at: env.at } as RowPatch<T>;
  if (!(await updateVersioned(env.trx, target.table, id, version, next))) {
    throw conflict(target.entity, await target.current(env, id));
  }
  await audit(env, target.entity, id, 'update', before, {
    ...before,
    ...next,
    version: version + 1,
  });
  return before;
}

/** Soft delete (`deleted`) or restore; `beforeRestore` may refuse, e.g. a duplicate. */
export async function setDeleted<T extends VersionedTable>(
  env: WriteEnv,
  target: VersionedTarget<T>,
  id: string,
  version: number,
  deleted: boolean,
  beforeRestore?: (row: Row<T>) => Promise<void>,
): Promise<void> {
  const row = await load(env, target.table, id);
  if (!row) throw notFound(target.entity, id);
  if (row.version !== version) throw conflict(target.entity, await target.current(env, id));
  if ((row.deleted_at !== null) === deleted) return;
  if (!deleted && beforeRestore) await beforeRestore(row);
  const patch = {
    deleted_at: deleted ? env.at : null,
    updated_at: env.at,
  } as unknown as RowPatch<T>;
  if (!(await updateVersioned(env.trx, target.table, id, version, patch))) {
    throw conflict(target.entity, await target.current(env, id));
  }
  await audit(env, target.entity, id, deleted ? 'delete' : 'restore', row, {
    ...row,
    ...patch,
    version: version + 1,
  });
}
