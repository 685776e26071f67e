import { appendAudit } from '../db/audit.repository';
import type { Trx } from '../db/schema';
import type { Role } from '../shared/staff';
import type { IdSource } from './context';

/**
 * What a write inside a transaction needs: the transaction, ids, the one timestamp of the
 * change, who makes it, and (for undo) the command it belongs to.
 */
export interface WriteEnv {
  readonly trx: Trx;
  readonly ids: IdSource;
  readonly at: string;
  readonly actor: string;
  readonly commandId?: string | null;
  /** The actor's role in a shared registry (absent: the one local user, who may do anything). */
  readonly role?: Role;
}

export function audit(
  env: WriteEnv,
  entity: string,
  entityId: string,
  action: string,
  before: unknown,
  after: unknown,
): Promise<void> {
  return appendAudit(env.trx, {
    entity,
    entity_id: entityId,
    action,
    before,
    after,
    actor: env.actor,
    at: env.at,
    command_id: env.commandId ?? null,
  });
}
