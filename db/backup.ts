import Database from 'better-sqlite3';
import { closeSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

/**
 * A registry file as a whole: copied with SQLite's online backup, and judged before anyone
 * trusts it (a restore, the newest good backup). Node only; the policy (names, rotation, when)
 * lives in main/backups/backups.ts.
 */

export type FileVerdict =
  | { readonly ok: true; readonly schema: string; readonly migrations: readonly string[] }
  | {
      readonly ok: false;
      readonly reason: 'cannot_open' | 'not_a_registry' | 'integrity' | 'newer_schema';
      readonly detail: string;
    };

/** Flushes a file (or a folder's entry list) to the disk, so a rename survives a power cut. */
export function fsyncPath(file: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(file, 'r');
    fsyncSync(fd);
  } catch {
    // Some systems cannot fsync a folder; the file itself was synced before.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

export function removeQuietly(...files: string[]): void {
  for (const f of files) rmSync(f, { force: true });
}

/**
 * Copies the database behind `sqlite` to `dest` with SQLite's online backup, in one step so the
 * copy is one consistent snapshot even while others write. The copy is written beside `dest`
 * and renamed into place: a crash leaves either no `dest` or a whole one, never half of one.
 * The copy is a self-contained file (rollback journal, not WAL), readable on its own.
 */
export async function backupDatabase(sqlite: Database.Database, dest: string): Promise<void> {
  const partial = `${dest}.partial`;
  removeQuietly(partial, `${partial}-journal`, `${partial}-wal`, `${partial}-shm`);
  try {
    // The copy is as private as the registry: made by its owner for its owner (0600).
    closeSync(openSync(partial, 'w', 0o600));
    await sqlite.backup(partial, { progress: () => 0x7fffffff });
    const copy = new Database(partial);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    fsyncPath(partial);
    renameSync(partial, dest);
    fsyncPath(path.dirname(dest));
  } catch (error) {
    removeQuietly(partial, `${partial}-journal`, `${partial}-wal`, `${partial}-shm`);
    throw error;
  }
}

/** Names of the migrations a registry file has applied, or null if it has no migration table. */
export function appliedMigrationNames(sqlite: Database.Database): string[] | null {
  const table = sqlite
    .prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'")
    .get();
  if (!table) return null;
  return (
    sqlite.prepare('select name from kysely_migration order by name').all() as { name: string }[]
  ).map((r) => r.name);
}

/**
 * The tables of a file that are not SQLite's own nor Kysely's migration bookkeeping: what
 * another program keeps in it, or a registry's own tables.
 */
export function userTables(sqlite: Database.Database): string[] {
  return sqlite
    .prepare(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\' and name not in ('kysely_migration', 'kysely_migration_lock') order by name",
    )
    .pluck()
    .all() as string[];
}

/** `ok`, or the problems SQLite found (the first few). */
export function checkIntegrity(sqlite: Database.Database, level: 'quick' | 'full'): string[] {
  const rows = sqlite.pragma(level === 'quick' ? 'quick_check(20)' : 'integrity_check(20)', {
    simple: false,
  }) as Record<string, string>[];
  const messages = rows
    .flatMap((r) => String(Object.values(r)[0]).split('\n'))
    .map((m) => m.trim())
    .filter((m) => m !== '' && !m.startsWith('*** in database'));
  return messages.length === 1 && messages[0] === 'ok' ? [] : messages.slice(0, 20);
}

/**
 * Whether `file` is a registry this version can trust: SQLite opens it, its pages pass the
 * integrity check, it has a migration table and no migration this version does not know.
 */
export function inspectRegistryFile(
  file: string,
  known: readonly string[],
  level: 'quick' | 'full' = 'full',
): FileVerdict {
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    return { ok: false, reason: 'cannot_open', detail: (error as Error).message };
  }
  try {
    let problems: string[];
    try {
      problems = checkIntegrity(sqlite, level);
    } catch (error) {
      const code = (error as { code?: string }).code;
      return code === 'SQLITE_CORRUPT'
        ? { ok: false, reason: 'integrity', detail: (error as Error).message }
        : { ok: false, reason: 'not_a_registry', detail: (error as Error).message };
    }
    if (problems.length > 0) return { ok: false, reason: 'integrity', detail: problems.join('; ') };
    const applied = appliedMigrationNames(sqlite);
    if (applied === null || applied.length === 0)
      return { ok: false, reason: 'not_a_registry', detail: 'it has no Youcheng schema' };
    const unknown = applied.filter((name) => !known.includes(name));
    if (unknown.length > 0)
      return { ok: false, reason: 'newer_schema', detail: unknown.join(', ') };
    return { ok: true, schema: applied.at(-1) ?? '', migrations: applied };
  } catch (error) {
    return { ok: false, reason: 'not_a_registry', detail: (error as Error).message };
  } finally {
    sqlite.close();
  }
}
