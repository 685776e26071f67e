import { tieEventsOf } from '../../db/events.repository';
import { listLetters } from '../../db/letters.repository';
import { getLocality } from '../../db/localities.repository';
import type { Executor, Row } from '../../db/schema';
import { currentRound, listSteps } from '../../db/steps.repository';
import { getTie, getTieRow } from '../../db/ties.repository';
import { dayOf, firstDay } from '../../shared/dates';
import type { ParsedInputOf } from '../../shared/ipc/contract';
import type { WorkflowOptions } from '../../shared/ipc/workflow';
import type { StepRow, TieRow } from '../../shared/model';
import { nextSteps } from '../../shared/stages';
import { advanceIn, requireOverrides, stageFacts, warningsFor } from './advance.write';
import type { WriteEnv } from '../core/write-env';
import { notFound, rule } from '../core/errors';
import { appendEvent } from '../ties/events.write';
import type { SettingsService } from '../settings/settings.service';
import type { ServiceDeps } from '../core/transaction';
import { resubmissionIn } from './approvals.service';
import { chainsIn } from './chains.service';
import { liveTie, tieRowOf, writeTie } from './workflow.write';

/**
 * Stage moves: what a tie may move to next, advancing it, and upgrading an exchange tie to
 * friendship. Every move goes through `advanceIn`, the one enforcement of the stage machine.
 */
export function createStagesService(deps: ServiceDeps, settings: SettingsService) {
  const today = () => dayOf(deps.clock.now());

  async function upgradeMissing(
    db: Executor,
    tie: Row<'ties'>,
  ): Promise<('established' | 'exchange' | 'chain')[]> {
    const missing: ('established' | 'exchange' | 'chain')[] = [];
    if (tie.stage !== 'established') missing.push('established');
    if (tie.kind !== 'exchange') missing.push('exchange');
    if ((await settings.get(db)).upgradeRequiresChain) {
      const round = await currentRound(db, tie.id);
      const approvedAfter =
        round.length > 0 &&
        round.every((s) => s.outcome === 'approved') &&
        round.every(
          (s) =>
            s.decided_on !== null &&
            (tie.established_on === null || firstDay(s.decided_on) >= firstDay(tie.established_on)),
        );
      if (!approvedAfter) missing.push('chain');
    }
    return missing;
  }
  async function roundRows(db: Executor, tieId: string): Promise<StepRow[]> {
    return listSteps(db, { tie_id: tieId, waiting: false, deleted: false }, today());
  }
  return {
    options: async (input: ParsedInputOf<'workflow:options'>): Promise<WorkflowOptions> => {
      const db = deps.db;
      const tie = await getTie(db, input.id);
      if (!tie || tie.deleted_at !== null) throw notFound('tie', input.id);
      const locality = await getLocality(db, tie.locality_id);
      const missing = await upgradeMissing(db, tie);
      const row = await getTieRow(db, tie.id);
      if (!row) throw notFound('tie', tie.id);
      const level = locality?.level ?? 'city';
      const rounds = await roundRows(db, tie.id);
      const latest = (await currentRound(db, tie.id))[0]?.round;
      const plan = await resubmissionIn(db, tie.id, level, settings);
      const carried = new Set(plan.carried.map((s) => s.id));
      return {
        tie: row,
        next: nextSteps(tie.stage, await stageFacts(db, tie)),
        warnings:
          tie.stage === 'approved' ? await warningsFor(db, tie, tie.kind, tie.established_on) : [],
        chain: (await chainsIn(db))[level],
        round: rounds.filter((s) => s.round === latest),
        rounds,
        resubmit: { start: plan.start, carried: rounds.filter((s) => carried.has(s.id)) },
        letters: await listLetters(db, { tie_id: tie.id, deleted: false }),
        events: await tieEventsOf(db, tie.id),
        upgrade: { allowed: missing.length === 0, missing },
      };
    },

    async advanceTieIn(env: WriteEnv, input: ParsedInputOf<'workflow:advance'>): Promise<TieRow> {
      const tie = await liveTie(env, input.id, input.version);
      const { id: _id, version: _version, to, ...details } = input;
      await writeTie(env, tie, await advanceIn(env, tie, to, details));
      return tieRowOf(env, tie.id);
    },

    async upgradeIn(env: WriteEnv, input: ParsedInputOf<'workflow:upgrade'>): Promise<TieRow> {
      const tie = await liveTie(env, input.id, input.version);
      const missing = await upgradeMissing(env.trx, tie);
      if (missing.length > 0) throw rule('errors.workflow.cannotUpgrade', { missing });
      const warnings = (await warningsFor(env.trx, tie, 'friendship', null)).filter(
        (w) => w.code === 'oneToOne',
      );
      const override = requireOverrides(warnings, input.overrides);
      await appendEvent(
        env,
        tie.id,
        { type: 'kind', kind: 'friendship', from: 'exchange' },
        input.on,
        {
          note: input.reason ?? null,
          override_reason: override,
        },
      );
      await writeTie(env, tie, { kind: 'friendship' });
      return tieRowOf(env, tie.id);
    },
  };
}
