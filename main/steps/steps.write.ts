import { currentRound, getStep, getStepRow, insertStep } from '../../db/steps.repository';
import type { Row, RowPatch } from '../../db/schema';
import type { StepCreate, StepPatch } from '../../shared/ipc/steps';
import { hasCjk } from '../../shared/text';
import { requireRole } from '../core/roles';
import { resolveTieRef } from '../ties/tie-ref';
import { patchVersioned, type VersionedTarget } from '../core/versioned.write';
import { audit, type WriteEnv } from '../core/write-env';

/** An approval step's writes, run inside the caller's transaction. */

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
    decision_ref: input.decision_ref ?? null,
    decided_by: input.outcome ? env.actor : null,
    carried_from: null,
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
    if (hasCjk(authority)) next.authority_zh = authority;
    else next.authority_en = authority;
  }
  await patchVersioned(env, target, id, version, next);
}

/** How the undo list names an approval step. */
export const stepNamed = (row: { local: string; partner: string; authority_zh: string }) =>
  `${row.local} – ${row.partner} · ${row.authority_zh}`;
