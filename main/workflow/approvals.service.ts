import { getLocality } from '../../db/localities.repository';
import type { Row } from '../../db/schema';
import {
  currentRound,
  getStep,
  getStepRow,
  insertStep,
  lastRound,
} from '../../db/steps.repository';
import type { Executor } from '../../db/schema';
import type { Level } from '../../shared/enums';
import { resubmissionStart } from '../../shared/rounds';
import { dayOf } from '../../shared/dates';
import type { ParsedInputOf } from '../../shared/ipc/contract';
import type { StepRow, TieRow } from '../../shared/model';
import { advanceIn } from './advance.write';
import { conflict, notFound, rule } from '../core/errors';
import type { SettingsService } from '../settings/settings.service';
import type { ServiceDeps } from '../core/transaction';
import { audit, type WriteEnv } from '../core/write-env';
import { chainsIn } from './chains.service';
import { decideIn } from './approvals.write';
import { liveTie, tieRowOf, writeTie } from './workflow.write';

/**
 * Where a submission now would start (1: the whole chain) and the approvals of the round
 * before it would carry over: a resubmission after a return starts at the returning authority
 * unless the chain of our locality's level asks for every approval again.
 */
export async function resubmissionIn(
  db: Executor,
  tieId: string,
  level: Level,
  settings: SettingsService,
  restart = false,
): Promise<{ start: number; carried: Row<'approval_steps'>[] }> {
  const previous = await currentRound(db, tieId);
  const reapprove = (await settings.get(db)).chainReapprove[level];
  const start = resubmissionStart(previous, { reapprove, restart });
  return { start, carried: previous.filter((s) => s.position < start) };
}

/** Submitting a tie to its approval chain and recording the chain's decisions. */
export function createApprovalsService(deps: ServiceDeps, settings: SettingsService) {
  const today = () => dayOf(deps.clock.now());
  return {
    async submitIn(env: WriteEnv, input: ParsedInputOf<'workflow:submit'>): Promise<TieRow> {
      const tie = await liveTie(env, input.id, input.version);
      const upgrading =
        tie.stage === 'established' &&
        tie.kind === 'exchange' &&
        (await settings.get(env.trx)).upgradeRequiresChain;
      if (tie.stage !== 'intent' && !upgrading)
        throw rule('errors.stage.transition', { from: tie.stage, to: 'pending' });
      const level = (await getLocality(env.trx, tie.locality_id))?.level ?? 'city';
      const chain = (await chainsIn(env.trx))[level];
      const plan = await resubmissionIn(env.trx, tie.id, level, settings, input.restart);
      const round = (await lastRound(env.trx, tie.id)) + 1;
      const stamp = { version: 1, created_at: env.at, updated_at: env.at, deleted_at: null };
      // The approvals a return does not undo are carried into the new round as they were
      // given, so the round reads as a whole chain; each names the step it carries.
      for (const carried of plan.carried) {
        const row: Row<'approval_steps'> = {
          ...carried,
          ...stamp,
          id: env.ids.next(),
          round,
          carried_from: carried.id,
        };
        await insertStep(env.trx, row);
        await audit(env, 'step', row.id, 'create', null, row);
      }
      let position = plan.start;
      for (const authority of chain.slice(plan.start - 1)) {
        const first = position === plan.start;
        const row: Row<'approval_steps'> = {
          ...stamp,
          id: env.ids.next(),
          tie_id: tie.id,
          round,
          position,
          authority_zh: authority.zh,
          authority_en: authority.en,
          submitted_on: first ? input.submitted_on : null,
          decided_on: null,
          outcome: null,
          reference_no: first ? (input.reference_no ?? null) : null,
          decision_ref: null,
          decided_by: null,
          carried_from: null,
          note: first ? (input.note ?? null) : null,
        };
        await insertStep(env.trx, row);
        await audit(env, 'step', row.id, 'create', null, row);
        position++;
      }
      if (!upgrading)
        await writeTie(env, tie, await advanceIn(env, tie, 'pending', { on: input.submitted_on }));
      return tieRowOf(env, tie.id);
    },

    async decideStepIn(env: WriteEnv, input: ParsedInputOf<'workflow:decide'>): Promise<StepRow> {
      const step = await getStep(env.trx, input.id);
      if (!step || step.deleted_at !== null) throw notFound('step', input.id);
      if (step.version !== input.version)
        throw conflict('step', await getStepRow(env.trx, step.id, today()));
      await decideIn(env, step, input);
      const row = await getStepRow(env.trx, step.id, today());
      if (!row) throw notFound('step', step.id);
      return row;
    },
  };
}
