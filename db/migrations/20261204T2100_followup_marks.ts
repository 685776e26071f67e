import type { Kysely } from 'kysely';

/**
 * Frozen. A follow-up set aside by staff: dismissed, or snoozed until a day, always with a
 * reason. `item` names what it sets aside (`quiet:<tie id>`, `step:<step id>`, …); lifting a
 * mark keeps the row (`lifted_at`, `lifted_by`), so the record of who set what aside stays.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('followup_marks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('tie_id', 'text', (c) => c.notNull().references('ties.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('until', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('marked_by', 'text', (c) => c.notNull())
    .addColumn('marked_at', 'text', (c) => c.notNull())
    .addColumn('lifted_by', 'text')
    .addColumn('lifted_at', 'text')
    .execute();
  await db.schema
    .createIndex('followup_marks_item')
    .on('followup_marks')
    .columns(['item', 'lifted_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('followup_marks').execute();
}
