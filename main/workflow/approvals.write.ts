import type { Row } from '../../db/schema';
import { currentRound } from '../../db/steps.repository';
import { getTie } from '../../db/ties.repository';
import { updateVersioned } from '../../db/versioned';
import { advanceIn } from './advance.write';
import { conflict, notFound, rule } from '../core/errors';
import { requireRole } from '../core/roles';
import { audit, type WriteEnv } from '../core/write-env';
import { writeTie } from './workflow.write';

/** Records a decision on a waiting step and what it means for the tie. */
export async function decideIn(
  env: WriteEnv,
  step: Row<'approval_steps'>,
  decision: {
    outcome: 'approved' | 'returned' | 'rejected';
    decided_on: string;
    decision_ref?: string | null | undefined;
    note?: string | null | undefined;
  },
): Promise<void> {
  // Every way to a decision passes here (the decide channel, an outcome typed or pasted into
  // the approvals grid): in a shared registry only an approver decides.
  requireRole(env, 'approver');
  if (step.submitted_on === null || step.outcome !== null)
    throw rule('errors.workflow.notWaiting', { authority: step.authority_zh });
  const round = (await currentRound(env.trx, step.tie_id)).filter((s) => s.round === step.round);
  const before = round.filter((s) => s.position < step.position);
  if (step.round !== round[0]?.round || before.some((s) => s.outcome !== 'approved')) {
    throw rule('errors.workflow.outOfOrder', { authority: step.authority_zh });
  }
  const patch = {
    outcome: decision.outcome,
    decided_on: decision.decided_on,
    decided_by: env.actor,
    ...(decision.decision_ref !== undefined ? { decision_ref: decision.decision_ref } : {}),
    ...(decision.note !== undefined ? { note: decision.note } : {}),
    updated_at: env.at,
  };
  if (!(await updateVersioned(env.trx, 'approval_steps', step.id, step.version, patch)))
    throw conflict('step', step);
  await audit(env, 'step', step.id, 'update', step, {
    ...step,
    ...patch,
    version: step.version + 1,
  });

  const tie = await getTie(env.trx, step.tie_id);
  if (!tie) throw notFound('tie', step.tie_id);
  if (decision.outcome === 'approved') {
    const following = round.find((s) => s.position > step.position);
    if (following && following.submitted_on === null) {
      // Approval forwards the file to the next authority the same day, unless staff say otherwise.
      const forward = { submitted_on: decision.decided_on, updated_at: env.at };
      await updateVersioned(env.trx, 'approval_steps', following.id, following.version, forward);
      await audit(env, 'step', following.id, 'update', following, {
        ...following,
        ...forward,
        version: following.version + 1,
      });
    }
    if (!following && tie.stage === 'pending')
      await writeTie(env, tie, await advanceIn(env, tie, 'approved', {}));
  } else if (tie.stage === 'pending') {
    const reason = decision.note ?? `${step.authority_zh}: ${decision.outcome}`;
    await writeTie(
      env,
      tie,
      await advanceIn(env, tie, 'intent', { on: decision.decided_on, reason }),
    );
  }
}
