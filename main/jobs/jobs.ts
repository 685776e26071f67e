import type { ImportProgress } from '../../shared/ipc/interchange';
import { restoreFailure } from '../backups/backups.service';
import { restoreRegistry } from '../backups/backups';
import type { CallContext } from '../core/context';
import { copyRegistry, CopyRefused, TargetNotEmpty, UnstorableRow } from '../../db/copy';
import { assertNever } from '../../shared/assert';
import { AppError } from '../core/errors';
import type { ServiceDeps } from '../core/transaction';
import { exportedFile, registryTables, workbookBytes } from '../interchange/export';
import { previewImport, runImport } from '../interchange/import';
import type { JobKind, JobOf, JobResults } from './protocol';
import { connect } from './connection';
import { checkpointLog } from '../../db/connection';

/** How long an import's checkpoint waits for readers of an older snapshot (a host's page). */
const LOG_WAIT_MS = 2000;

/** A copy refused, worded as the CLI words it (`moving.*`). */
function copyFailure(error: unknown, to: string): unknown {
  if (error instanceof TargetNotEmpty)
    return new AppError('rule', 'moving.notEmpty', {
      to,
      detail: error.held.map(([table, n]) => `${table}: ${n}`).join(', '),
    });
  if (error instanceof UnstorableRow)
    return new AppError('rule', 'moving.unstorable', {
      table: error.table,
      id: error.row,
      column: error.column,
      to,
    });
  if (error instanceof CopyRefused)
    return new AppError('rule', 'moving.refused', {
      table: error.table,
      rows: error.rows,
      detail: error.detail,
      to,
    });
  return error;
}

/**
 * What each job does, given a registry connection: the same code whether it runs in a worker
 * (its own connection) or in the host's process (the host's), so the two cannot drift apart.
 */
export async function runJobIn<K extends JobKind>(
  spec: JobOf<K>,
  deps: ServiceDeps,
  ctx: CallContext,
  onProgress: (progress: ImportProgress) => void,
): Promise<JobResults[K]> {
  // One kind per branch; the casts tie each branch's result to its kind.
  switch (spec.kind) {
    case 'import': {
      const s = spec as JobOf<'import'>;
      const summary = await runImport(deps, ctx, s.file, s.name, s.options, onProgress);
      // Still under the job's mark: the log of a large import is folded back into the file
      // here, not by the host's next small write on its own connection (and event loop).
      if (!s.options.dryRun && deps.storage) checkpointLog(deps.storage.sqlite, LOG_WAIT_MS);
      return summary as JobResults[K];
    }
    case 'preview': {
      const s = spec as JobOf<'preview'>;
      return (await previewImport(s.fileId, s.file, s.name, s.options, ctx.lang)) as JobResults[K];
    }
    case 'exportRegistry': {
      const s = spec as JobOf<'exportRegistry'>;
      const bytes = workbookBytes(await registryTables(deps.db, s.today, s.headings));
      const base =
        s.headings === 'canonical' ? 'youcheng-registry' : `youcheng-registry-${s.headings}`;
      return exportedFile(base, 'xlsx', s.today, bytes) as JobResults[K];
    }
    case 'restore': {
      const s = spec as JobOf<'restore'>;
      try {
        return (await restoreRegistry({
          file: s.file,
          from: s.from,
          backupsDir: s.backupsDir,
          clock: deps.clock,
        })) as JobResults[K];
      } catch (error) {
        throw restoreFailure(error, s.name);
      }
    }
    case 'migrate': {
      const s = spec as JobOf<'migrate'>;
      const to = await connect(s.to);
      try {
        return (await copyRegistry(deps.db, to.db)) as JobResults[K];
      } catch (error) {
        throw copyFailure(error, s.shown);
      } finally {
        await to.db.destroy();
      }
    }
    default:
      return assertNever(spec.kind as never, 'job');
  }
}
