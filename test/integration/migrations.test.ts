import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkSqliteVersion, openSqlite, RegistryOpenError } from '../../db/connection';
import { appliedMigrations, migrateToLatest } from '../../db/migrate';
import { LATEST_SCHEMA, migrations } from '../../db/migrations';

const dirs: string[] = [];
function tempFile(name = 'registry.db'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'youcheng-'));
  dirs.push(dir);
  return path.join(dir, name);
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the registry file', () => {
  it('opens with WAL, synchronous=FULL, foreign keys and a busy timeout', async () => {
    const { db, sqlite } = openSqlite({ file: tempFile(), busyTimeoutMs: 1234 });
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(1234);
    await db.destroy();
  });

  it('refuses SQLite older than 3.51.3', () => {
    expect(() => checkSqliteVersion('3.51.2')).toThrow(RegistryOpenError);
    expect(() => checkSqliteVersion('3.45.0')).toThrow(/3\.51\.3/);
    expect(() => checkSqliteVersion('3.51.3')).not.toThrow();
    expect(() => checkSqliteVersion('3.53.2')).not.toThrow();
  });

  it('refuses a file that is not a database', async () => {
    const file = tempFile('notes.db');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, 'This is a letter, not a registry.'.repeat(200));
    expect(() => openSqlite({ file })).toThrow(/not a Youcheng registry/);
  });

  it('migrates an empty file to the latest schema, once, with names sorted in time', async () => {
    const names = Object.keys(migrations);
    expect([...names].sort()).toEqual(names);
    for (const name of names) expect(name).toMatch(/^\d{8}T\d{4}_[a-z0-9_]+$/);
    const file = tempFile();
    const { db } = openSqlite({ file });
    await migrateToLatest(db);
    await migrateToLatest(db);
    expect(await appliedMigrations(db)).toEqual(names);
    expect(names.at(-1)).toBe(LATEST_SCHEMA);
    await db.destroy();
    const raw = new Database(file, { readonly: true });
    const tables = raw
      .prepare("select name from sqlite_master where type = 'table' order by name")
      .pluck()
      .all();
    expect(tables).toEqual(
      expect.arrayContaining([
        'localities',
        'partners',
        'ties',
        'tie_events',
        'letters',
        'approval_templates',
        'approval_steps',
        'visits',
        'visit_ties',
        'audit_log',
        'settings',
      ]),
    );
    raw.close();
  });

  it('rolls a failing migration run back entirely', async () => {
    const file = tempFile();
    const { db } = openSqlite({ file });
    const { Migrator } = await import('kysely');
    const broken = {
      ...migrations,
      '29990101T0000_broken': {
        up: async (k: typeof db) => {
          await k.schema.createTable('half_done').addColumn('id', 'text').execute();
          throw new Error('boom');
        },
      },
    };
    const migrator = new Migrator({
      db,
      provider: { getMigrations: () => Promise.resolve(broken) },
    });
    const result = await migrator.migrateToLatest();
    expect(result.error).toBeInstanceOf(Error);
    const tables = await db.introspection.getTables();
    expect(tables.map((t) => t.name)).not.toContain('half_done');
    expect(tables.map((t) => t.name)).not.toContain('ties');
    await db.destroy();
  });
});

describe('transactions', () => {
  it('fail at once, instead of waiting forever, when work inside one queries the root db', async () => {
    const { testRegistry, ctx } = await import('../support/registry');
    const { inWriteTransaction } = await import('../../main/core/transaction');
    const registry = await testRegistry();
    const deps = {
      db: registry.db,
      clock: { now: () => new Date() },
      ids: { next: () => 'x' },
      platform: { kind: 'cli' as const },
      paths: registry.paths,
    };
    await expect(
      inWriteTransaction(deps, ctx, () => registry.db.selectFrom('ties').selectAll().execute()),
    ).rejects.toThrow(/pass the transaction/);
    // The registry is still usable afterwards.
    expect(await registry.db.selectFrom('ties').selectAll().execute()).toEqual([]);
    await registry.close();
  });
});
