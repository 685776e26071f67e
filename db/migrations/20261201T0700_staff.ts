import type { Kysely } from 'kysely';

/**
 * Frozen. Staff of a shared registry: each signs in with a name and a password (stored only as
 * a salted scrypt hash string), and acts in a role (`viewer`, `editor`, `approver`). `name_key`
 * is the name as compared (NFKC, lower case), so `Wang Fang` and `wang fang` are one person.
 * Booleans are 0/1 integers, as everywhere, so the table is the same on SQLite and PostgreSQL.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('staff')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('staff').execute();
}
