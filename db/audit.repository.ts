import type { AuditRow } from '../shared/model';
import { fromJsonText, toJsonText } from './json';
import { preparedInsert } from './prepared';
import type { Executor, Row } from './schema';

export interface AuditEntry {
  readonly entity: string;
  readonly entity_id: string;
  readonly action: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly actor: string;
  readonly at: string;
  readonly command_id?: string | null;
}

/** The log is append-only: this module offers no update and no delete, by design. */
export async function appendAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await insertAudit(db, {
    entity: entry.entity,
    entity_id: entry.entity_id,
    action: entry.action,
    before: entry.before === undefined || entry.before === null ? null : toJsonText(entry.before),
    after: entry.after === undefined || entry.after === null ? null : toJsonText(entry.after),
    actor: entry.actor,
    at: entry.at,
    command_id: entry.command_id ?? null,
  });
}

const insertAudit = preparedInsert('audit_log', [
  'entity',
  'entity_id',
  'action',
  'before',
  'after',
  'actor',
  'at',
  'command_id',
]);

export function auditRowFrom(row: Row<'audit_log'>): AuditRow {
  return {
    seq: Number(row.seq),
    entity: row.entity,
    entity_id: row.entity_id,
    action: row.action,
    before: fromJsonText<unknown>(row.before, null),
    after: fromJsonText<unknown>(row.after, null),
    actor: row.actor,
    at: row.at,
  };
}

export async function listAudit(
  db: Executor,
  filter: { entity?: string | undefined; entity_id?: string | undefined; limit: number },
): Promise<Row<'audit_log'>[]> {
  let q = db.selectFrom('audit_log').selectAll();
  if (filter.entity) q = q.where('entity', '=', filter.entity);
  if (filter.entity_id) q = q.where('entity_id', '=', filter.entity_id);
  return q.orderBy('seq', 'desc').limit(filter.limit).execute();
}
