import { getLocality } from '../../db/localities.repository';
import type { Row } from '../../db/schema';
import { getStep, getStepRow, insertStep, lastRound } from '../../db/steps.repository';
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
      const locality = await getLocality(env.trx, tie.locality_id);
      const chain = (await chainsIn(env.trx))[locality?.level ?? 'city'];
      const round = (await lastRound(env.trx, tie.id)) + 1;
      let position = 1;
      for (const authority of chain) {
        const first = position === 1;
        const row: Row<'approval_steps'> = {
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
          note: first ? (input.note ?? null) : null,
          version: 1,
          created_at: env.at,
          updated_at: env.at,
          deleted_at: null,
        };
        await insertStep(env.trx, row);
        await audit(env, 'step', row.id, 'create', null, row);
        position++;
      }
      if (!upgrading) await writeTie(env, tie, await advanceIn(env, tie, 'pending', {}));
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
