import { sql, type Kysely } from 'kysely';

/**
 * Frozen. The record of a decision, and rounds that keep what was approved before a return.
 *
 * - `decision_ref`: the decision's reference number (批文文号), apart from the submission's
 *   (报文文号), which stays in `reference_no`. Until now one number served both: the submit
 *   form wrote the submission's on a round's first step, and recording a decision wrote over
 *   it with the decision's. So the number of a step with an outcome is the decision's, and it
 *   moves to `decision_ref`; the number of a step still waiting (or not yet reached) is the
 *   submission's and stays where it is.
 * - `decided_by`: the name of the person who recorded the decision (the audit log keeps the
 *   same for steps decided before; this puts it on the record a dossier prints).
 * - `carried_from`: a step of a resubmitted round that was not asked again: the approval it
 *   carries over from the round before (its id). Null for a step the round asks for itself.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('approval_steps').addColumn('decision_ref', 'text').execute();
  await db.schema.alterTable('approval_steps').addColumn('decided_by', 'text').execute();
  await db.schema.alterTable('approval_steps').addColumn('carried_from', 'text').execute();
  await db
    .updateTable('approval_steps')
    .set({ decision_ref: sql`reference_no`, reference_no: null })
    .where('outcome', 'is not', null)
    .where('reference_no', 'is not', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db
    .updateTable('approval_steps')
    .set({ reference_no: sql`decision_ref` })
    .where('decision_ref', 'is not', null)
    .execute();
  await db.schema.alterTable('approval_steps').dropColumn('carried_from').execute();
  await db.schema.alterTable('approval_steps').dropColumn('decided_by').execute();
  await db.schema.alterTable('approval_steps').dropColumn('decision_ref').execute();
}
