import { auditOfCommand } from '../../db/audit.repository';
import { chainStepFrom, listChainTemplates, replaceChain } from '../../db/chains.repository';
import {
  currentLabel,
  dropCommand,
  findCommand,
  listCommands,
  markCommand,
} from '../../db/commands.repository';
import { deleteEvent, getEvent, insertEventRow, replaceEvent } from '../../db/events.repository';
import { fromJsonText, toJsonText } from '../../db/json';
import { inSavepoint } from '../../db/savepoint';
import type { CommandDropped, Executor, Row } from '../../db/schema';
import { deleteSetting, getSettingRow, insertSettingText } from '../../db/settings.repository';
import { getVersionedRow, overwriteVersioned, type VersionedTable } from '../../db/versioned';
import { findLiveTie } from '../../db/ties.repository';
import { getVisitTie, linkVisitTie, unlinkVisitTie } from '../../db/visits.repository';
import { getLocality } from '../../db/localities.repository';
import { getPartner } from '../../db/partners.repository';
import { countryName } from '../../shared/countries';
import type { Lang } from '../../shared/i18n';
import { skippedText, undoText } from '../../shared/undo-text';
import type { Level } from '../../shared/enums';
import type { ParsedInputOf } from '../../shared/ipc/contract';
import type { UndoEntry, UndoResult, UndoSkipped } from '../../shared/ipc/undo';
import type { Role } from '../../shared/staff';
import type { CallContext } from '../core/context';
import { AppError, notFound, rule } from '../core/errors';
import { requireRole } from '../core/roles';
import { inWriteTransaction, type ServiceDeps } from '../core/transaction';
import { audit, type WriteEnv } from '../core/write-env';

/**
 * Undo and redo from the command log. A command's audit rows hold each record before and after;
 * undo writes the befores back in reverse order, redo the afters in order. Each step first
 * checks that the record is still as the command (or its last undo/redo) left it, so an undo
 * never overwrites a later change by anyone: it is refused instead, naming the record.
 *
 * Ctrl+Z and Ctrl+Y (a scope, no id) work a spreadsheet's stacks: a new change clears the redo
 * stack (`recordCommand`), and a command that can no longer be replayed is dropped from its
 * stack with the reason, said once, and the one below it is replayed instead.
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
    const current = (await getVersionedRow(env.trx, table, step.entity_id)) as Raw | undefined;
    // Compared by content, not version: a change that was itself undone leaves the record as
    // this command knew it, and that is not a conflict.
    if (!current || (expected && !same(content(current), content(expected))))
      throw blocked(step.entity, step.entity_id);
    if (step.entity === 'tie' && current.deleted_at !== null && target && !target.deleted_at)
      await refuseDuplicateTie(env, target, step.entity_id);
    const columns: Raw = target
      ? Object.fromEntries(Object.entries(target).filter(([k]) => k !== 'id' && k !== 'version'))
      : { deleted_at: env.at };
    const next = { ...columns, updated_at: env.at, version: Number(current.version) + 1 };
    await overwriteVersioned(env.trx, table, step.entity_id, next);
    await audit(env, step.entity, step.entity_id, action, current, { ...current, ...next });
    return;
  }
  if (step.entity === 'tie_event') {
    const current = await getEvent(env.trx, step.entity_id);
    if (!same(current ?? null, expected)) throw blocked('tie_event', step.entity_id);
    // The audit row holds the event exactly as stored.
    const row = target as unknown as Row<'tie_events'> | null;
    if (row === null) await deleteEvent(env.trx, step.entity_id);
    else if (current) await replaceEvent(env.trx, step.entity_id, row);
    else await insertEventRow(env.trx, row);
    await audit(env, step.entity, step.entity_id, action, current ?? null, target);
    return;
  }
  if (step.entity === 'visit_tie') {
    const [visitId, tieId] = step.entity_id.split(':') as [string, string];
    const current = await getVisitTie(env.trx, visitId, tieId);
    if (!same(current ?? null, expected)) throw blocked('visit_tie', step.entity_id);
    if (target === null) await unlinkVisitTie(env.trx, visitId, tieId);
    else if (!current) await linkVisitTie(env.trx, visitId, tieId);
    await audit(env, step.entity, step.entity_id, action, current ?? null, target);
    return;
  }
  if (step.entity === 'setting') {
    const current = await getSettingRow(env.trx, step.entity_id);
    const value = current ? fromJsonText<unknown>(current.value, null) : null;
    if (!same(value, expected)) throw blocked('setting', step.entity_id);
    await deleteSetting(env.trx, step.entity_id);
    if (target !== null)
      await insertSettingText(env.trx, step.entity_id, toJsonText(target), env.at);
    await audit(env, step.entity, step.entity_id, action, value, target);
    return;
  }
  if (step.entity === 'chain') {
    // A chain's audit rows are written by chains:set, which names the level it changed.
    const level = step.entity_id as Level;
    const rows = await listChainTemplates(env.trx, level);
    const current = rows.map(chainStepFrom);
    const steps = (target as unknown as { zh: string; en: string }[] | null) ?? [];
    await replaceChain(env.trx, level, steps, () => env.ids.next());
    await audit(env, step.entity, step.entity_id, action, current, target);
    return;
  }
  throw new AppError('rule', 'errors.undo.cannotUndo', { entity: step.entity });
}

/** A deleted tie brought back beside a live one of the same pair: the create's refusal. */
async function refuseDuplicateTie(env: WriteEnv, tie: Raw, id: string): Promise<void> {
  const localityId = String(tie.locality_id);
  const partnerId = String(tie.partner_id);
  const live = await findLiveTie(env.trx, localityId, partnerId);
  if (!live || live.id === id) return;
  const locality = await getLocality(env.trx, localityId);
  const partner = await getPartner(env.trx, partnerId);
  throw rule('errors.tie.duplicate', {
    local: locality?.name ?? '',
    partner: partner?.name ?? '',
    country: partner ? countryName(partner.country, 'en') : '',
    countryCode: partner?.country ?? '',
    existingId: live.id,
  });
}

/**
 * The least role replaying a command needs: the role its writes needed. A decision on an
 * approval step (its outcome set or cleared) and an approval chain are an approver's, as the
 * channels that make them are (`APPROVER_CHANNELS`, `requireRole` in the step writes); read
 * from the command's own audit rows, so commands logged before this rule are held to it too.
 */
export function roleToReplay(steps: readonly AuditStep[]): Role {
  for (const s of steps) {
    if (s.entity === 'chain') return 'approver';
    if (s.entity === 'step' && (s.before?.outcome ?? null) !== (s.after?.outcome ?? null))
      return 'approver';
  }
  return 'editor';
}

async function stepsOf(db: Executor, commandId: string): Promise<AuditStep[]> {
  return (await auditOfCommand(db, commandId)).map((r) => ({
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
  all: readonly AuditStep[],
  direction: 'undo' | 'redo',
): Promise<{ entity: string; id: string }[]> {
  const original = all.filter((s) => s.action !== 'undo' && s.action !== 'redo');
  const states = latestStates(all);
  const order = direction === 'undo' ? [...original].reverse() : original;
  const touched: { entity: string; id: string }[] = [];
  for (const step of order) {
    const key = `${step.entity}\u0000${step.entity_id}`;
    const expected = states.get(key) ?? null;
    const target = direction === 'undo' ? step.before : step.after;
    try {
      await inSavepoint(env.trx, 'undo_step', () =>
        restore(env, step, target, expected, direction),
      );
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

function entryFrom(row: Row<'commands'>, lang: Lang): UndoEntry {
  const label = currentLabel(row.label);
  const params = fromJsonText<Record<string, unknown>>(row.params, {});
  return {
    id: row.id,
    scope: row.scope,
    label,
    params,
    text: undoText({ label, params, scope: row.scope }, lang),
    actor: row.actor,
    at: row.at,
    undone_at: row.undone_at,
    undone_by: row.undone_by,
    dropped: row.dropped_reason ?? null,
  };
}

export function createUndoService(deps: ServiceDeps) {
  /** Replays one command in a savepoint, so a refusal leaves the transaction as it was. */
  async function replayOne(
    env: WriteEnv,
    command: Row<'commands'>,
    direction: 'undo' | 'redo',
  ): Promise<UndoResult['touched']> {
    const steps = await stepsOf(env.trx, command.id);
    requireRole(env, roleToReplay(steps));
    // The replay's own audit rows carry the command's id, so the next undo or redo of it
    // knows the state it left.
    const touched = await inSavepoint(env.trx, 'undo_command', () =>
      replay({ ...env, commandId: command.id }, steps, direction),
    );
    await markCommand(
      env.trx,
      command.id,
      direction === 'undo'
        ? { undone_at: env.at, undone_by: env.actor }
        : { undone_at: null, undone_by: null },
    );
    return touched;
  }

  async function run(
    input: ParsedInputOf<'undo:undo'>,
    ctx: CallContext,
    direction: 'undo' | 'redo',
  ): Promise<UndoResult> {
    // Its own transaction: undo replays a logged command and marks it, logging no new one.
    return inWriteTransaction(deps, ctx, async (env) => {
      const redo = direction === 'redo';
      const done = async (command: Row<'commands'>) => {
        const row = (await findCommand(env.trx, { id: command.id }, env.actor, redo)) ?? command;
        return entryFrom(row, ctx.lang);
      };
      if (input.id) {
        // A command chosen in the History panel: replayed, or refused with the reason.
        const command = await findCommand(env.trx, input, ctx.actor, redo);
        if (!command) throw notFound('command', input.id);
        if ((command.undone_at !== null) !== redo)
          throw new AppError('rule', redo ? 'errors.undo.notUndone' : 'errors.undo.alreadyUndone');
        if (redo && command.dropped_reason === 'superseded')
          throw new AppError('rule', 'errors.undo.superseded');
        const touched = await replayOne(env, command, direction);
        return { command: await done(command), touched, skipped: [] };
      }
      // Ctrl+Z / Ctrl+Y: the top of this user's stack in the scope, stepping past (and
      // dropping) a command that can no longer be replayed, so it never blocks the ones below.
      const skipped: UndoSkipped[] = [];
      for (;;) {
        const command = await findCommand(env.trx, input, ctx.actor, redo);
        if (!command) {
          if (skipped.length === 0) throw notFound('command', input.scope ?? '');
          return { command: null, touched: [], skipped };
        }
        try {
          const touched = await replayOne(env, command, direction);
          return { command: await done(command), touched, skipped };
        } catch (error) {
          if (!(error instanceof AppError) || (error.code !== 'conflict' && error.code !== 'rule'))
            throw error;
          const reason: CommandDropped = 'changedSince';
          await dropCommand(env.trx, command.id, env.at, reason);
          const entry = entryFrom(
            { ...command, dropped_at: env.at, dropped_reason: reason },
            ctx.lang,
          );
          skipped.push({
            command: entry,
            key: error.key,
            params: { ...error.params },
            message: skippedText(
              { command: entry, key: error.key, params: error.params },
              direction,
              ctx.lang,
            ),
          });
        }
      }
    });
  }

  return {
    async list(input: ParsedInputOf<'undo:list'>, ctx: CallContext): Promise<UndoEntry[]> {
      return (await listCommands(deps.db, input)).map((row) => entryFrom(row, ctx.lang));
    },
    undo: (input: ParsedInputOf<'undo:undo'>, ctx: CallContext) => run(input, ctx, 'undo'),
    redo: (input: ParsedInputOf<'undo:redo'>, ctx: CallContext) => run(input, ctx, 'redo'),
  };
}
