import { sql, type Kysely } from 'kysely';

/**
 * Frozen. The command log behind undo and redo (each user action is a command; the audit rows
 * it wrote carry its id) and the grids' saved views.
 */

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter.constructor.name === 'PostgresAdapter';
}

export async function up(db: Kysely<any>): Promise<void> {
  const commands = db.schema.createTable('commands');
  await (
    isPostgres(db)
      ? commands.addColumn('seq', 'bigserial', (c) => c.primaryKey())
      : commands.addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
  )
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('undone_at', 'text')
    .addColumn('undone_by', 'text')
    .execute();
  await db.schema.createIndex('commands_scope').on('commands').columns(['scope', 'seq']).execute();
  await db.schema
    .createIndex('audit_log_command')
    .on('audit_log')
    .column('command_id')
    .where(sql.ref('command_id'), 'is not', null)
    .execute();

  await db.schema
    .createTable('saved_views')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('grid', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('saved_views_grid_name', ['grid', 'name'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('saved_views').execute();
  await db.schema.dropIndex('audit_log_command').execute();
  await db.schema.dropTable('commands').execute();
}
