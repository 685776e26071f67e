import { sql } from 'kysely';
import { fromJsonText, toJsonText } from '../../db/json';
import type { Executor } from '../../db/schema';
import type { VersionedTable } from '../../db/versioned';
import type { ParsedInputOf } from '../../shared/ipc/contract';
import type { UndoEntry, UndoResult } from '../../shared/ipc/undo';
import type { CallContext } from '../core/context';
import { AppError, notFound } from '../core/errors';
import { inWriteTransaction, type ServiceDeps } from '../core/transaction';
import { audit, type WriteEnv } from '../core/write-env';

/**
 * Undo and redo from the command log. A command's audit rows hold each record before and after;
 * undo writes the befores back in reverse order, redo the afters in order. Each step first
 * checks that the record is still as the command (or its last undo/redo) left it, so an undo
 * never overwrites a later change by anyone: it is refused instead, naming the record.
 */

const VERSIONED: Readonly<Record<string, VersionedTable>> = {
  tie: 'ties',
  locality: 'localities',
  partner: 'partners',
  letter: 'letters',
  step: 'approval_steps',
  visit: 'visits',
};

type Raw = Record<string, unknown>;

interface AuditStep {
  readonly seq: number;
  readonly entity: string;
  readonly entity_id: string;
  readonly action: string;
  readonly before: Raw | null;
  readonly after: Raw | null;
}

function blocked(entity: string, id: string): AppError {
  return new AppError('conflict', 'errors.undo.changedSince', { entity, id });
}

async function currentRow(db: Executor, table: string, where: Raw): Promise<Raw | undefined> {
  let q = db.selectFrom(table as 'ties').selectAll();
  for (const [k, v] of Object.entries(where)) q = q.where(k as 'id', '=', v as string);
  return (await q.executeTakeFirst()) as Raw | undefined;
}

/** A record's content: everything but its version and last-update stamp. */
function content(row: Raw): Raw {
  const { version: _v, updated_at: _u, ...rest } = row;
  return rest;
}

/** Equal as stored, whatever order the columns came in. */
function same(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => x.localeCompare(y)))
      : (v ?? null);
  return toJsonText(norm(a)) === toJsonText(norm(b));
}

/** Puts one record into `target` (null: gone), if it is still `expected`. */
async function restore(
  env: WriteEnv,
  step: AuditStep,
  target: Raw | null,
  expected: Raw | null,
  action: 'undo' | 'redo',
): Promise<void> {
  const table = VERSIONED[step.entity];
  if (table) {
    const current = await currentRow(env.trx, table, { id: step.entity_id });
    // Compared by content, not version: a change that was itself undone leaves the record as
    // this command knew it, and that is not a conflict.
    if (!current || (expected && !same(content(current), content(expected))))
      throw blocked(step.entity, step.entity_id);
    const columns: Raw = target
      ? Object.fromEntries(Object.entries(target).filter(([k]) => k !== 'id' && k !== 'version'))
      : { deleted_at: env.at };
    const next = { ...columns, updated_at: env.at, version: Number(current.version) + 1 };
    await env.trx
      .updateTable(table as 'ties')
      .set(next)
      .where('id', '=', step.entity_id)
      .execute();
    await audit(env, step.entity, step.entity_id, action, current, { ...current, ...next });
    return;
  }
  if (step.entity === 'tie_event') {
    const current = await currentRow(env.trx, 'tie_events', { id: step.entity_id });
    if (!same(current ?? null, expected)) throw blocked('tie_event', step.entity_id);
    if (target === null)
      await env.trx.deleteFrom('tie_events').where('id', '=', step.entity_id).execute();
    else if (current)
      await env.trx
        .updateTable('tie_events')
        .set(target)
        .where('id', '=', step.entity_id)
        .execute();
    else
      await env.trx
        .insertInto('tie_events')
        .values(target as never)
        .execute();
    await audit(env, step.entity, step.entity_id, action, current ?? null, target);
    return;
  }
  if (step.entity === 'visit_tie') {
    const [visitId, tieId] = step.entity_id.split(':') as [string, string];
    const current = await currentRow(env.trx, 'visit_ties', { visit_id: visitId, tie_id: tieId });
    if (!same(current ?? null, expected)) throw blocked('visit_tie', step.entity_id);
    if (target === null)
      await env.trx
        .deleteFrom('visit_ties')
        .where('visit_id', '=', visitId)
        .where('tie_id', '=', tieId)
        .execute();
    else if (!current)
      await env.trx.insertInto('visit_ties').values({ visit_id: visitId, tie_id: tieId }).execute();
    await audit(env, step.entity, step.entity_id, action, current ?? null, target);
    return;
  }
  if (step.entity === 'setting') {
    const current = await currentRow(env.trx, 'settings', { key: step.entity_id });
    const value = current ? fromJsonText<unknown>(current.value as string, null) : null;
    if (!same(value, expected)) throw blocked('setting', step.entity_id);
    await env.trx.deleteFrom('settings').where('key', '=', step.entity_id).execute();
    if (target !== null)
      await env.trx
        .insertInto('settings')
        .values({ key: step.entity_id, value: toJsonText(target), updated_at: env.at })
        .execute();
    await audit(env, step.entity, step.entity_id, action, value, target);
    return;
  }
  if (step.entity === 'chain') {
    const rows = await env.trx
      .selectFrom('approval_templates')
      .selectAll()
      .where('level', '=', step.entity_id)
      .orderBy('position')
      .execute();
    const current = rows.map((r) => ({ zh: r.authority_zh, en: r.authority_en }));
    await env.trx.deleteFrom('approval_templates').where('level', '=', step.entity_id).execute();
    let position = 1;
    for (const s of (target as unknown as { zh: string; en: string }[] | null) ?? []) {
      await env.trx
        .insertInto('approval_templates')
        .values({
          id: env.ids.next(),
          level: step.entity_id,
          position: position++,
          authority_zh: s.zh,
          authority_en: s.en,
        })
        .execute();
    }
    await audit(env, step.entity, step.entity_id, action, current, target);
    return;
  }
  throw new AppError('rule', 'errors.undo.cannotUndo', { entity: step.entity });
}

async function stepsOf(db: Executor, commandId: string): Promise<AuditStep[]> {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('command_id', '=', commandId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({
    seq: Number(r.seq),
    entity: r.entity,
    entity_id: r.entity_id,
    action: r.action,
    before: fromJsonText<Raw | null>(r.before, null),
    after: fromJsonText<Raw | null>(r.after, null),
  }));
}

/** The state each record is in now, as far as this command knows: its latest audit row. */
function latestStates(steps: readonly AuditStep[]): Map<string, Raw | null> {
  const out = new Map<string, Raw | null>();
  for (const s of steps) out.set(`${s.entity}\u0000${s.entity_id}`, s.after);
  return out;
}

async function replay(
  env: WriteEnv,
  commandId: string,
  direction: 'undo' | 'redo',
): Promise<{ entity: string; id: string }[]> {
  const all = await stepsOf(env.trx, commandId);
  const original = all.filter((s) => s.action !== 'undo' && s.action !== 'redo');
  const states = latestStates(all);
  const order = direction === 'undo' ? [...original].reverse() : original;
  const touched: { entity: string; id: string }[] = [];
  for (const step of order) {
    const key = `${step.entity}\u0000${step.entity_id}`;
    const expected = states.get(key) ?? null;
    const target = direction === 'undo' ? step.before : step.after;
    try {
      await sql`savepoint undo_step`.execute(env.trx);
      await restore(env, step, target, expected, direction);
      await sql`release savepoint undo_step`.execute(env.trx);
    } catch (error) {
      if (error instanceof AppError) throw error;
      // A unique index (a duplicate tie brought back) or a foreign key says no.
      throw new AppError('rule', 'errors.undo.blocked', {
        entity: step.entity,
        id: step.entity_id,
      });
    }
    states.set(key, target);
    touched.push({ entity: step.entity, id: step.entity_id });
  }
  return touched;
}

function entryFrom(row: {
  id: string;
  scope: string;
  label: string;
  params: string;
  actor: string;
  at: string;
  undone_at: string | null;
  undone_by: string | null;
}): UndoEntry {
  return {
    ...row,
    label: currentLabel(row.label),
    params: fromJsonText<Record<string, unknown>>(row.params, {}),
  };
}

/**
 * Registries written before undo got its own name stored their command labels as
 * `history.*`; the log is history the migrations keep as it was, so the name is mended here.
 */
export function currentLabel(label: string): string {
  return label.startsWith('history.') ? `undo.${label.slice('history.'.length)}` : label;
}

export function createUndoService(deps: ServiceDeps) {
  async function find(
    db: Executor,
    input: { id?: string | undefined; scope?: string | undefined },
    actor: string,
    undone: boolean,
  ) {
    let q = db.selectFrom('commands').selectAll();
    if (input.id) q = q.where('id', '=', input.id);
    else {
      q = q.where('actor', '=', actor).where('undone_at', undone ? 'is not' : 'is', null);
      if (input.scope) q = q.where('scope', '=', input.scope);
      q = undone ? q.orderBy('undone_at', 'desc').orderBy('seq', 'desc') : q.orderBy('seq', 'desc');
    }
    return q.executeTakeFirst();
  }

  async function run(
    input: ParsedInputOf<'undo:undo'>,
    ctx: CallContext,
    direction: 'undo' | 'redo',
  ): Promise<UndoResult> {
    return inWriteTransaction(deps, ctx, async (env) => {
      const command = await find(env.trx, input, ctx.actor, direction === 'redo');
      if (!command) throw notFound('command', input.id ?? input.scope ?? '');
      if ((command.undone_at !== null) !== (direction === 'redo'))
        throw new AppError(
          'rule',
          direction === 'undo' ? 'errors.undo.alreadyUndone' : 'errors.undo.notUndone',
        );
      // The replay's own audit rows carry the command's id, so the next undo or redo of it
      // knows the state it left.
      const touched = await replay({ ...env, commandId: command.id }, command.id, direction);
      const marks =
        direction === 'undo'
          ? { undone_at: env.at, undone_by: env.actor }
          : { undone_at: null, undone_by: null };
      await env.trx.updateTable('commands').set(marks).where('id', '=', command.id).execute();
      return { command: entryFrom({ ...command, ...marks }), touched };
    });
  }

  return {
    async list(input: ParsedInputOf<'undo:list'>): Promise<UndoEntry[]> {
      let q = deps.db.selectFrom('commands').selectAll();
      if (input.scope) q = q.where('scope', '=', input.scope);
      return (await q.orderBy('seq', 'desc').limit(input.limit).execute()).map(entryFrom);
    },
    undo: (input: ParsedInputOf<'undo:undo'>, ctx: CallContext) => run(input, ctx, 'undo'),
    redo: (input: ParsedInputOf<'undo:redo'>, ctx: CallContext) => run(input, ctx, 'redo'),
  };
}
