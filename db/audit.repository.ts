import type { AuditRow } from '../shared/model';
import { fromJsonText, toJsonText } from './json';
import { preparedInsert, preparedInsertRows } from './prepared';
import type { Executor, NewRow, Row } from './schema';

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
  await insertAudit(db, auditRowOf(entry));
}

/** An entry as stored: before and after become JSON text now, as they are at this moment. */
export function auditRowOf(entry: AuditEntry): NewRow<'audit_log'> {
  return {
    entity: entry.entity,
    entity_id: entry.entity_id,
    action: entry.action,
    before: entry.before === undefined || entry.before === null ? null : toJsonText(entry.before),
    after: entry.after === undefined || entry.after === null ? null : toJsonText(entry.after),
    actor: entry.actor,
    at: entry.at,
    command_id: entry.command_id ?? null,
  };
}

const AUDIT_COLUMNS = [
  'entity',
  'entity_id',
  'action',
  'before',
  'after',
  'actor',
  'at',
  'command_id',
] as const;

const insertAudit = preparedInsert('audit_log', AUDIT_COLUMNS);

/**
 * Rows per statement when many rows are appended together: 800 values, inside both engines'
 * limits on bound parameters. SQLite's own work per row stays the same (it is in the bytes);
 * what a batch saves is the JavaScript and the call around each statement.
 */
export const AUDIT_BATCH = 100;

const insertAuditBatch = preparedInsertRows('audit_log', AUDIT_COLUMNS, AUDIT_BATCH);

/** Appends rows made by `auditRowOf`, in their order: full batches first, then one by one. */
export async function appendAuditRows(
  db: Executor,
  rows: readonly NewRow<'audit_log'>[],
): Promise<void> {
  let i = 0;
  for (; i + AUDIT_BATCH <= rows.length; i += AUDIT_BATCH)
    await insertAuditBatch(db, rows.slice(i, i + AUDIT_BATCH));
  for (; i < rows.length; i++) await insertAudit(db, rows[i]!);
}

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

/** The last sequence number written, 0 for an empty log: a cursor for "what changed since". */
export async function latestAuditSeq(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}

/** Which records changed after `since`, oldest first, at most `limit` rows. */
export function auditAfter(
  db: Executor,
  since: number,
  limit: number,
): Promise<Pick<Row<'audit_log'>, 'seq' | 'entity' | 'entity_id'>[]> {
  return db
    .selectFrom('audit_log')
    .select(['seq', 'entity', 'entity_id'])
    .where('seq', '>', since)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

/** The changes after `since` to records of the given entities, with their before and after. */
export function auditOfEntitiesAfter(
  db: Executor,
  since: number,
  entities: readonly string[],
  limit: number,
): Promise<Pick<Row<'audit_log'>, 'entity' | 'entity_id' | 'before' | 'after'>[]> {
  return db
    .selectFrom('audit_log')
    .select(['entity', 'entity_id', 'before', 'after'])
    .where('seq', '>', since)
    .where('entity', 'in', [...entities])
    .limit(limit)
    .execute();
}

/** Every row a command wrote (its undos and redos included), in the order written. */
export function auditOfCommand(db: Executor, commandId: string): Promise<Row<'audit_log'>[]> {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('command_id', '=', commandId)
    .orderBy('seq')
    .execute();
}
