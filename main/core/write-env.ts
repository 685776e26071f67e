import {
  appendAudit,
  appendAuditRows,
  AUDIT_BATCH,
  auditRowOf,
  type AuditEntry,
} from '../../db/audit.repository';
import type { NewRow, Trx } from '../../db/schema';
import type { TieWarning } from '../../shared/ipc/ties';
import type { Role } from '../../shared/staff';
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
  /** Where a bulk write keeps its audit rows to append them together (see `AuditBatch`). */
  readonly auditBatch?: AuditBatch;
  /**
   * Hears what a write accepted but must say (dates a ledger carries out of their order):
   * the ties service returns them with its result, an import with the line it read.
   */
  readonly onTieWarning?: (tieId: string, warning: TieWarning) => void;
}

export function audit(
  env: WriteEnv,
  entity: string,
  entityId: string,
  action: string,
  before: unknown,
  after: unknown,
): Promise<void> {
  const entry: AuditEntry = {
    entity,
    entity_id: entityId,
    action,
    before,
    after,
    actor: env.actor,
    at: env.at,
    command_id: env.commandId ?? null,
  };
  return env.auditBatch ? env.auditBatch.add(env.trx, entry) : appendAudit(env.trx, entry);
}

/**
 * The audit rows of a bulk write (an import), appended a batch at a time instead of one
 * statement each. Only for a transaction that reads no audit rows before `flush` and rolls
 * back to no savepoint: rows still held here would survive the rollback of what they record.
 */
const HELD: Promise<void> = Promise.resolve();

export class AuditBatch {
  #rows: NewRow<'audit_log'>[] = [];

  /** Not an async function: the rows between two batches wait for nothing (no promise each). */
  add(trx: Trx, entry: AuditEntry): Promise<void> {
    try {
      this.#rows.push(auditRowOf(entry));
    } catch (error) {
      return Promise.reject(error);
    }
    return this.#rows.length >= AUDIT_BATCH ? this.flush(trx) : HELD;
  }

  async flush(trx: Trx): Promise<void> {
    const rows = this.#rows;
    this.#rows = [];
    await appendAuditRows(trx, rows);
  }
}
