import type { ChainStep } from '../shared/chains';
import type { Level } from '../shared/enums';
import type { Executor, Row } from './schema';

/** The approval chains the office set per level (a level without rows uses the default chain). */

export function chainStepFrom(row: Row<'approval_templates'>): ChainStep {
  return { zh: row.authority_zh, en: row.authority_en };
}

export function listChainTemplates(
  db: Executor,
  level?: Level,
): Promise<Row<'approval_templates'>[]> {
  let q = db.selectFrom('approval_templates').selectAll();
  if (level !== undefined) q = q.where('level', '=', level);
  return q.orderBy('level').orderBy('position').execute();
}

/** Puts `steps` in place of a level's chain, numbered from 1 in their order. */
export async function replaceChain(
  db: Executor,
  level: Level,
  steps: readonly ChainStep[],
  nextId: () => string,
): Promise<void> {
  await db.deleteFrom('approval_templates').where('level', '=', level).execute();
  let position = 1;
  for (const step of steps) {
    await db
      .insertInto('approval_templates')
      .values({
        id: nextId(),
        level,
        position: position++,
        authority_zh: step.zh,
        authority_en: step.en,
      })
      .execute();
  }
}
