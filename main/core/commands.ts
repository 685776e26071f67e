import { dropRedoable, insertCommand } from '../../db/commands.repository';
import type { WriteEnv } from './write-env';

/**
 * A user action that undo treats as one step (an edit, a paste, an import). Everything written
 * in `env` after this carries the command's id in its audit rows; undo replays them backwards.
 * As in a spreadsheet, a new change ends what its user could redo in that scope.
 */
export async function recordCommand(
  env: WriteEnv,
  scope: string,
  label: string,
  params: Record<string, unknown> = {},
): Promise<void> {
  if (!env.commandId) throw new Error('recordCommand needs a WriteEnv opened with a command id');
  await dropRedoable(env.trx, env.actor, scope, env.at);
  await insertCommand(env.trx, {
    id: env.commandId,
    scope,
    label,
    params,
    actor: env.actor,
    at: env.at,
  });
}
