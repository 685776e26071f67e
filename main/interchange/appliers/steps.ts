import { z } from 'zod';
import { currentRound, findStepAt } from '../../../db/steps.repository';
import { STEP_COLUMNS, stepCreateInput, type StepPatch } from '../../../shared/ipc/steps';
import { count, optionalText } from '../../../shared/schemas';
import { hasCjk } from '../../../shared/text';
import { createStepIn, stepTarget, updateStepIn } from '../../steps/steps.write';
import { resolveTieRef } from '../../ties/tie-ref';
import { changes, duplicateOf, parseRow, rawOf, type Applier } from './common';

/** An approval step by its tie, round and position (the next free one where none is given). */

// The round is read on its own, with the extras: the contract's create input has none.
const STEP_FIELDS = STEP_COLUMNS.filter((f) => f !== 'round');
const stepExtras = z.strictObject({
  round: count(99),
  position: count(50),
  authority_zh: optionalText(200),
  authority_en: optionalText(200),
});

export function stepsApplier(today: string): Applier {
  const seen = new Map<string, number>();
  const next = new Map<string, number>();
  const target = stepTarget(() => today);
  return {
    async row(env, input) {
      const extras = parseRow(
        stepExtras,
        Object.fromEntries(
          ['round', 'position', 'authority_zh', 'authority_en'].map((f) => [
            f,
            input.values[f] ?? null,
          ]),
        ),
      );
      const raw = rawOf(input, STEP_FIELDS, [
        'local',
        'partner',
        'country',
        'authority',
        'position',
      ]);
      const authority =
        (raw.authority as string | undefined) ?? extras.authority_zh ?? extras.authority_en;
      if (authority !== null && authority !== undefined) raw.authority = authority;
      delete raw.position;
      const parsed = parseRow(stepCreateInput, raw);
      const tieId = await resolveTieRef(env.trx, parsed);
      const round = extras.round ?? (await currentRound(env.trx, tieId))[0]?.round ?? 1;
      const slot = `${tieId}:${round}`;
      const position = extras.position ?? (next.get(slot) ?? 0) + 1;
      next.set(slot, Math.max(position, next.get(slot) ?? 0));
      const given = raw.authority as string | undefined;
      const zh = extras.authority_zh ?? (given && hasCjk(given) ? given : undefined);
      const en = extras.authority_en ?? (given && !hasCjk(given) ? given : undefined);
      const found = await findStepAt(env.trx, tieId, round, position);
      if (!found) {
        const id = await createStepIn(
          env,
          { ...parsed, tie_id: tieId, position, authority: parsed.authority },
          {
            round,
            ...((zh ?? en) ? { authority_zh: zh ?? en } : {}),
            ...((en ?? zh) ? { authority_en: en ?? zh } : {}),
          },
        );
        seen.set(id, input.line);
        return 'created';
      }
      duplicateOf(seen, found.id, input.line);
      const fields = [
        'submitted_on',
        'decided_on',
        'outcome',
        'reference_no',
        'decision_ref',
        'note',
      ] as const;
      const given2: Record<string, unknown> = Object.fromEntries(
        fields.filter((f) => f in raw).map((f) => [f, parsed[f] ?? null]),
      );
      if (zh !== undefined) given2.authority_zh = zh;
      if (en !== undefined) given2.authority_en = en;
      const patch = changes(given2, found, [...fields, 'authority_zh', 'authority_en']);
      if (Object.keys(patch).length === 0) return 'unchanged';
      await updateStepIn(env, target, found.id, found.version, patch as StepPatch);
      return 'updated';
    },
    finish: async () => [],
  };
}
