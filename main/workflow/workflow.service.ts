import { listChainTemplates, replaceChain } from '../../db/chains.repository';
import { eventRowFrom, listEvents } from '../../db/events.repository';
import { listLetters } from '../../db/letters.repository';
import { getLocality } from '../../db/localities.repository';
import type { Executor, Row } from '../../db/schema';
import {
  currentRound,
  getStep,
  getStepRow,
  insertStep,
  lastRound,
  listSteps,
} from '../../db/steps.repository';
import { getTie, getTieRow, listTieSummaries } from '../../db/ties.repository';
import { updateVersioned } from '../../db/versioned';
import { DEFAULT_CHAINS, type ChainStep } from '../../shared/chains';
import { dayOf, firstDay } from '../../shared/dates';
import { LEVELS, type Kind, type Level, type Stage } from '../../shared/enums';
import type { ParsedInputOf } from '../../shared/ipc/contract';
import type {
  Anniversary,
  FollowUps,
  WorkflowOptions,
} from '../../shared/ipc/workflow';
import type { StepRow, TieRow } from '../../shared/model';
import { nextSteps } from '../../shared/stages';
import { anniversaryIn } from '../../shared/workflow';
import { advanceIn, requireOverrides, stageFacts, warningsFor } from './advance.write';
import type { CallContext } from '../core/context';
import { conflict, notFound, rule } from '../core/errors';
import { requireRole } from '../core/roles';
import { appendEvent } from '../ties/events.write';
import { createFollowUpsList } from './follow-ups.list';
import type { SettingsService } from '../places/places.service';
import { inWriteTransaction, type ServiceDeps } from '../core/transaction';
import { audit, type WriteEnv } from '../core/write-env';

/**
 * The tie workflow: advancing through the stages, submitting to the approval chain and
 * recording its decisions, upgrading a tie's kind, the chains themselves, follow-ups and
 * anniversaries. Every move goes through `advanceIn`, the one enforcement of the stage machine.
 */

async function liveTie(env: WriteEnv, id: string, version: number): Promise<Row<'ties'>> {
  const tie = await getTie(env.trx, id);
  if (!tie || tie.deleted_at !== null) throw notFound('tie', id);
  if (tie.version !== version) throw conflict('tie', await getTieRow(env.trx, id));
  return tie;
}

async function writeTie(
  env: WriteEnv,
  tie: Row<'ties'>,
  patch: Partial<Row<'ties'>>,
): Promise<void> {
  const next = { ...patch, updated_at: env.at };
  if (!(await updateVersioned(env.trx, 'ties', tie.id, tie.version, next)))
    throw conflict('tie', await getTieRow(env.trx, tie.id));
  await audit(env, 'tie', tie.id, 'update', tie, { ...tie, ...next, version: tie.version + 1 });
}

export async function chainsIn(db: Executor): Promise<Record<Level, ChainStep[]>> {
  const rows = await listChainTemplates(db);
  const out = {} as Record<Level, ChainStep[]>;
  for (const level of Object.keys(LEVELS) as Level[]) {
    const own = rows
      .filter((r) => r.level === level)
      .map((r) => ({ zh: r.authority_zh, en: r.authority_en }));
    out[level] = own.length > 0 ? own : [...DEFAULT_CHAINS[level]];
  }
  return out;
}

/** Records a decision on a waiting step and what it means for the tie. */
export async function decideIn(
  env: WriteEnv,
  step: Row<'approval_steps'>,
  decision: {
    outcome: 'approved' | 'returned' | 'rejected';
    decided_on: string;
    reference_no?: string | null | undefined;
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
    ...(decision.reference_no !== undefined ? { reference_no: decision.reference_no } : {}),
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

export function createWorkflowService(deps: ServiceDeps, settings: SettingsService) {
  const today = () => dayOf(deps.clock.now());
  const followUps = createFollowUpsList(deps, settings);

  async function tieRow(env: WriteEnv, id: string): Promise<TieRow> {
    const row = await getTieRow(env.trx, id);
    if (!row) throw notFound('tie', id);
    return row;
  }

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

  async function currentRoundRows(db: Executor, tieId: string): Promise<StepRow[]> {
    const round = (await currentRound(db, tieId))[0]?.round;
    const rows = await listSteps(db, { tie_id: tieId, waiting: false, deleted: false }, today());
    return rows.filter((s) => s.round === round);
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
      return {
        tie: row,
        next: nextSteps(tie.stage as Stage, await stageFacts(db, tie)),
        warnings:
          tie.stage === 'approved'
            ? await warningsFor(db, tie, tie.kind as Kind, tie.established_on)
            : [],
        chain: (await chainsIn(db))[(locality?.level ?? 'city') as Level],
        round: await currentRoundRows(db, tie.id),
        letters: await listLetters(db, { tie_id: tie.id, deleted: false }),
        events: (await listEvents(db, tie.id)).map(eventRowFrom),
        upgrade: { allowed: missing.length === 0, missing },
      };
    },

    advance: (input: ParsedInputOf<'workflow:advance'>, ctx: CallContext): Promise<TieRow> =>
      inWriteTransaction(
        deps,
        ctx,
        async (env) => {
          const tie = await liveTie(env, input.id, input.version);
          const { id: _id, version: _version, to, ...details } = input;
          await writeTie(env, tie, await advanceIn(env, tie, to, details));
          return tieRow(env, tie.id);
        },
        {
          scope: 'ties',
          label: 'undo.advance',
          params: (row: TieRow) => ({ target: `${row.local} – ${row.partner}`, stage: input.to }),
        },
      ),

    submit: (input: ParsedInputOf<'workflow:submit'>, ctx: CallContext): Promise<TieRow> =>
      inWriteTransaction(
        deps,
        ctx,
        async (env) => {
          const tie = await liveTie(env, input.id, input.version);
          const upgrading =
            tie.stage === 'established' &&
            tie.kind === 'exchange' &&
            (await settings.get(env.trx)).upgradeRequiresChain;
          if (tie.stage !== 'intent' && !upgrading)
            throw rule('errors.stage.transition', { from: tie.stage, to: 'pending' });
          const locality = await getLocality(env.trx, tie.locality_id);
          const chain = (await chainsIn(env.trx))[(locality?.level ?? 'city') as Level];
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
          return tieRow(env, tie.id);
        },
        {
          scope: 'ties',
          label: 'undo.submit',
          params: (row: TieRow) => ({ target: `${row.local} – ${row.partner}` }),
        },
      ),

    decide: (input: ParsedInputOf<'workflow:decide'>, ctx: CallContext): Promise<StepRow> =>
      inWriteTransaction(
        deps,
        ctx,
        async (env) => {
          const step = await getStep(env.trx, input.id);
          if (!step || step.deleted_at !== null) throw notFound('step', input.id);
          if (step.version !== input.version)
            throw conflict('step', await getStepRow(env.trx, step.id, today()));
          await decideIn(env, step, input);
          const row = await getStepRow(env.trx, step.id, today());
          if (!row) throw notFound('step', step.id);
          return row;
        },
        {
          scope: 'steps',
          label: 'undo.decide',
          params: (row: StepRow) => ({
            target: `${row.local} – ${row.partner} · ${row.authority_zh}`,
            outcome: input.outcome,
          }),
        },
      ),

    upgrade: (input: ParsedInputOf<'workflow:upgrade'>, ctx: CallContext): Promise<TieRow> =>
      inWriteTransaction(
        deps,
        ctx,
        async (env) => {
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
          return tieRow(env, tie.id);
        },
        {
          scope: 'ties',
          label: 'undo.upgrade',
          params: (row: TieRow) => ({ target: `${row.local} – ${row.partner}` }),
        },
      ),

    chains: () => chainsIn(deps.db),

    setChain: (input: ParsedInputOf<'chains:set'>, ctx: CallContext) =>
      inWriteTransaction(
        deps,
        ctx,
        async (env) => {
          const before = (await chainsIn(env.trx))[input.level];
          await replaceChain(env.trx, input.level, input.steps, () => env.ids.next());
          await audit(env, 'chain', input.level, 'update', before, input.steps);
          return chainsIn(env.trx);
        },
        { scope: 'settings', label: 'undo.chain', params: { level: input.level } },
      ),

    followUps: (limit?: number): Promise<FollowUps> => followUps.list(limit),
    markFollowUp: followUps.mark,
    unmarkFollowUp: followUps.unmark,

    anniversaries: async (input: ParsedInputOf<'ties:anniversaries'>): Promise<Anniversary[]> => {
      const rows = await listTieSummaries(deps.db, { established: true });
      return rows
        .map((r) => ({ r, years: anniversaryIn(r.established_on as string, input.year) }))
        .filter((x): x is { r: (typeof rows)[number]; years: number } => x.years !== null)
        .map(({ r, years }) => ({
          tie_id: r.id,
          local: r.local,
          partner: r.partner,
          country: r.country,
          kind: r.kind,
          established_on: r.established_on as string,
          years,
        }))
        .sort(
          (a, b) =>
            firstDay(a.established_on)
              .slice(5)
              .localeCompare(firstDay(b.established_on).slice(5)) ||
            a.partner.localeCompare(b.partner),
        );
    },
  };
}
