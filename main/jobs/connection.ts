import { openSqlite } from '../../db/connection';
import { openPostgres } from '../../db/postgres';
import type { Db } from '../../db/schema';
import type { ServiceDeps } from '../core/transaction';
import type { JobTarget } from './protocol';

/**
 * A connection of the job's own to a registry the host has opened (and migrated) already:
 * the same SQLite file with the registry's pragmas, or a small PostgreSQL pool.
 */
export async function connect(
  target: JobTarget,
): Promise<{ db: Db; storage: ServiceDeps['storage'] }> {
  if (target.engine === 'postgres') {
    // The job's reads and its one write transaction: two connections are enough.
    const { db } = await openPostgres({
      url: target.file,
      busyTimeoutMs: target.busyTimeoutMs,
      poolSize: 2,
    });
    return { db, storage: undefined };
  }
  const opened = openSqlite({
    file: target.file,
    nativeBinding: target.nativeBinding,
    busyTimeoutMs: target.busyTimeoutMs,
  });
  return { db: opened.db, storage: { file: target.file, sqlite: opened.sqlite } };
}
