import type { Kysely } from 'kysely';

/**
 * Frozen. A command undo and redo no longer reach by their shortcuts, as a spreadsheet's undo
 * stack forgets it: `superseded` (an undone command after which its user made a new change in
 * the same scope: it cannot be redone) or `changedSince` (its records were changed since, so
 * Ctrl+Z stepped past it to the one before). The log keeps the row, with when and why.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('commands').addColumn('dropped_at', 'text').execute();
  await db.schema.alterTable('commands').addColumn('dropped_reason', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('commands').dropColumn('dropped_reason').execute();
  await db.schema.alterTable('commands').dropColumn('dropped_at').execute();
}
