import { Migrator, sql, type Kysely, type MigrationResultSet } from 'kysely';
import { migrations } from './migrations';

/** Runs pending migrations in one transaction; a failure leaves the schema as it was. */
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
  const result = await migrator.migrateToLatest();
  if (result.error)
    throw result.error instanceof Error ? result.error : new Error(String(result.error));
  return result;
}

/** Migrates up to and including `name` (fixtures of earlier schemas are built this way). */
export async function migrateTo(db: Kysely<any>, name: string): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
  const result = await migrator.migrateTo(name);
  if (result.error)
    throw result.error instanceof Error ? result.error : new Error(String(result.error));
  return result;
}

export async function appliedMigrations(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
  return (await migrator.getMigrations())
    .filter((m) => m.executedAt !== undefined)
    .map((m) => m.name);
}

/**
 * The names the file's migration table records, known to this version or not (a newer
 * Youcheng may have applied more). Throws when the table does not exist yet.
 */
export async function recordedMigrations(db: Kysely<any>): Promise<string[]> {
  return (
    await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)
  ).rows.map((r) => r.name);
}
