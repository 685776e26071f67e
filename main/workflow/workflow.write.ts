import type { Row } from '../../db/schema';
import { getTie, getTieRow } from '../../db/ties.repository';
import { updateVersioned } from '../../db/versioned';
import type { TieRow } from '../../shared/model';
import { conflict, notFound } from '../core/errors';
import { audit, type WriteEnv } from '../core/write-env';

/** The blocks every workflow move shares, run inside the move's transaction. */

export async function liveTie(env: WriteEnv, id: string, version: number): Promise<Row<'ties'>> {
  const tie = await getTie(env.trx, id);
  if (!tie || tie.deleted_at !== null) throw notFound('tie', id);
  if (tie.version !== version) throw conflict('tie', await getTieRow(env.trx, id));
  return tie;
}

export async function writeTie(
  env: WriteEnv,
  tie: Row<'ties'>,
  patch: Partial<Row<'ties'>>,
): Promise<void> {
  const next = { ...patch, updated_at: env.at };
  if (!(await updateVersioned(env.trx, 'ties', tie.id, tie.version, next)))
    throw conflict('tie', await getTieRow(env.trx, tie.id));
  await audit(env, 'tie', tie.id, 'update', tie, { ...tie, ...next, version: tie.version + 1 });
}

/** The tie as the grids show it, after a move. */
export async function tieRowOf(env: WriteEnv, id: string): Promise<TieRow> {
  const row = await getTieRow(env.trx, id);
  if (!row) throw notFound('tie', id);
  return row;
}
