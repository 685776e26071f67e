import { Migrator, type Kysely, type MigrationResultSet } from 'kysely';
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
