import type { Kysely } from 'kysely';

/**
 * Frozen. Sign-in that resists guessing: `failed_signins` counts an account's failed sign-ins
 * since its last good one, and `locked_at` is set when they reach the limit; a locked account
 * cannot sign in until an approver unlocks it. Kept in the registry, so a restart or a second
 * host on the same registry does not reset them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('staff')
    .addColumn('failed_signins', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('staff').addColumn('locked_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('staff').dropColumn('locked_at').execute();
  await db.schema.alterTable('staff').dropColumn('failed_signins').execute();
}
