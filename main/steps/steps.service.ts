import { withDeletedBy } from '../core/trash';
import { getStep, getStepRow, listSteps } from '../../db/steps.repository';
import type { Executor } from '../../db/schema';
import { dayOf } from '../../shared/dates';
import type { ParsedInputOf } from '../../shared/ipc/contract';
import type { Page, StepRow } from '../../shared/model';
import { conflict, notFound, rule } from '../core/errors';
import type { ServiceDeps } from '../core/transaction';
import type { WriteEnv } from '../core/write-env';
import { decideIn } from '../workflow/approvals.write';
import { setDeleted } from '../core/versioned.write';
import { createStepIn, stepTarget, updateStepIn } from './steps.write';

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
    // The write blocks: the door's `write` runs each in its transaction and logs its command.
    createIn: async (env: WriteEnv, input: ParsedInputOf<'steps:create'>) =>
      row(env.trx, await createStepIn(env, input)),

    async updateIn(env: WriteEnv, input: ParsedInputOf<'steps:update'>): Promise<StepRow> {
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

    /** Soft delete (`deleted`) or restore: one write, two verbs at the door. */
    setDeletedIn:
      (deleted: boolean) =>
      async (env: WriteEnv, input: { id: string; version: number }): Promise<StepRow> => {
        await setDeleted(env, target, input.id, input.version, deleted);
        return row(env.trx, input.id);
      },
  };
}
