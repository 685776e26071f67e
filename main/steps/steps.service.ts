import { withDeletedBy } from '../core/trash';
import {
  currentRound,
  getStep,
  getStepRow,
  insertStep,
  listSteps,
} from '../../db/steps.repository';
import type { Executor, Row, RowPatch } from '../../db/schema';
import { dayOf } from '../../shared/dates';
import type { ParsedInputOf } from '../../shared/ipc/contract';
import type { StepCreate, StepPatch } from '../../shared/ipc/steps';
import type { Page, StepRow } from '../../shared/model';
import type { CallContext } from '../core/context';
import { conflict, notFound, rule } from '../core/errors';
import { requireRole } from '../core/roles';
import { resolveTieRef } from '../ties/tie-ref';
import { inWriteTransaction, type ServiceDeps } from '../core/transaction';
import { decideIn } from '../workflow/workflow.service';
import { patchVersioned, setDeleted, type VersionedTarget } from '../core/versioned.write';
import { audit, type WriteEnv } from '../core/write-env';

const HAS_CJK = /[\u3400-\u9fff]/;

export function stepTarget(today: () => string): VersionedTarget<'approval_steps'> {
  return {
    table: 'approval_steps',
    entity: 'step',
    current: (env, id) => getStepRow(env.trx, id, today()),
  };
}

/** A new step's authority, written in one language, stands for both until the other is given. */
function authorityNames(authority: string): { authority_zh: string; authority_en: string } {
  return { authority_zh: authority, authority_en: authority };
}

/**
 * A step recorded by hand joins the tie's current round, after its last step by default; an
 * import places it in the round its sheet gives, with both names of the authority.
 */
export async function createStepIn(
  env: WriteEnv,
  input: StepCreate,
  placed: { round?: number; authority_zh?: string; authority_en?: string } = {},
): Promise<string> {
  if (input.outcome) requireRole(env, 'approver');
  const tieId = await resolveTieRef(env.trx, input);
  const round = await currentRound(env.trx, tieId);
  const names = authorityNames(input.authority);
  const row: Row<'approval_steps'> = {
    id: env.ids.next(),
    tie_id: tieId,
    round: placed.round ?? round[0]?.round ?? 1,
    position: input.position ?? (round.at(-1)?.position ?? 0) + 1,
    authority_zh: placed.authority_zh ?? names.authority_zh,
    authority_en: placed.authority_en ?? names.authority_en,
    submitted_on: input.submitted_on ?? null,
    decided_on: input.decided_on ?? null,
    outcome: input.outcome ?? null,
    reference_no: input.reference_no ?? null,
    note: input.note ?? null,
    version: 1,
    created_at: env.at,
    updated_at: env.at,
    deleted_at: null,
  };
  await insertStep(env.trx, row);
  await audit(env, 'step', row.id, 'create', null, row);
  return row.id;
}

export async function updateStepIn(
  env: WriteEnv,
  target: VersionedTarget<'approval_steps'>,
  id: string,
  version: number,
  patch: StepPatch,
): Promise<void> {
  // An outcome written straight in (a paste, a bulk edit, an import) is a decision all the same.
  if (patch.outcome !== undefined && patch.outcome !== (await getStep(env.trx, id))?.outcome)
    requireRole(env, 'approver');
  const { authority, ...rest } = patch;
  const next: RowPatch<'approval_steps'> = { ...rest };
  if (authority !== undefined) {
    if (HAS_CJK.test(authority)) next.authority_zh = authority;
    else next.authority_en = authority;
  }
  await patchVersioned(env, target, id, version, next);
}

export function createStepsService(deps: ServiceDeps) {
  const today = () => dayOf(deps.clock.now());
  const target = stepTarget(today);
  async function row(db: Executor, id: string): Promise<StepRow> {
    const found = await getStepRow(db, id, today());
    if (!found) throw notFound('step', id);
    return found;
  }
  return {
    async list(input: ParsedInputOf<'steps:list'>): Promise<Page<StepRow>> {
      const rows = await listSteps(deps.db, input, today());
      return withDeletedBy(deps.db, 'step', { rows, total: rows.length });
    },
    get: (input: ParsedInputOf<'steps:get'>) => row(deps.db, input.id),
    create: (input: ParsedInputOf<'steps:create'>, ctx: CallContext) =>
      inWriteTransaction(deps, ctx, async (env) => row(env.trx, await createStepIn(env, input)), {
        scope: 'steps',
        label: 'undo.create',
        params: (row: StepRow) => ({
          target: `${row.local} – ${row.partner} · ${row.authority_zh}`,
        }),
      }),
    update: (input: ParsedInputOf<'steps:update'>, ctx: CallContext) =>
      inWriteTransaction(
        deps,
        ctx,
        async (env) => {
          const { outcome, ...rest } = input.patch;
          const current = await getStep(env.trx, input.id);
          if (!current || current.deleted_at !== null) throw notFound('step', input.id);
          if (current.version !== input.version)
            throw conflict('step', await getStepRow(env.trx, input.id, today()));
          const deciding = outcome !== undefined && outcome !== current.outcome;
          if (deciding && current.outcome !== null) throw rule('errors.workflow.decisionFixed');
          // A decision typed into the grid is a decision like any other: it moves the tie on.
          const fields = deciding ? { ...rest, decided_on: undefined } : rest;
          if (Object.values(fields).some((v) => v !== undefined))
            await updateStepIn(env, target, input.id, input.version, fields);
          if (deciding && outcome) {
            const step = (await getStep(env.trx, input.id)) ?? current;
            await decideIn(env, step, {
              outcome,
              decided_on: rest.decided_on ?? step.decided_on ?? today(),
            });
          }
          return row(env.trx, input.id);
        },
        {
          scope: 'steps',
          label: 'undo.update',
          params: (row: StepRow) => ({
            target: `${row.local} – ${row.partner} · ${row.authority_zh}`,
            columns: Object.keys(input.patch),
          }),
        },
      ),
    setDeleted: (input: { id: string; version: number }, deleted: boolean, ctx: CallContext) =>
      inWriteTransaction(
        deps,
        ctx,
        async (env) => {
          await setDeleted(env, target, input.id, input.version, deleted);
          return row(env.trx, input.id);
        },
        {
          scope: 'steps',
          label: deleted ? 'undo.delete' : 'undo.restore',
          params: (row: StepRow) => ({
            target: `${row.local} – ${row.partner} · ${row.authority_zh}`,
          }),
        },
      ),
  };
}
