import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA, migrations } from '../../db/migrations';
import { listBackups } from '../../main/backups/backups';
import { pathsBeside } from '../../main/core/platform';
import { FIXTURES, writeFixture } from '../support/fixtures';
import { dumpTables, peek } from '../support/populate';
import { testRegistry } from '../support/registry';

/**
 * Migrations never lose data: a registry at every schema version (a fixture written by
 * `npm run fixture` when that migration was added) is opened by this version, which backs it
 * up and migrates it; every row of every table it had is still there, column for column.
 */
const names = Object.keys(migrations);

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function fromFixture(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'yc-fixture-'));
  dirs.push(dir);
  return writeFixture(name, path.join(dir, 'registry.db'));
}

describe('fixtures of every schema version', () => {
  it('exist, one per migration (run `npm run fixture` after adding one)', () => {
    const files = readdirSync(FIXTURES)
      .filter((f) => f.endsWith('.sql'))
      .map((f) => f.slice(0, -4));
    expect(files.sort()).toEqual([...names].sort());
  });

  it.each(names)('a registry at %s migrates to the latest with every row intact', async (name) => {
    const file = fromFixture(name);
    const before = peek(file, (s) => dumpTables(s));
    expect(Object.values(before).every((rows) => rows.length > 0)).toBe(true);
    const registry = await testRegistry({ file });
    const after = dumpTables(registry.sqlite);
    await registry.close();
    expect(after.kysely_migration?.map((r) => (r as { name: string }).name)).toEqual(names);
    for (const [table, rows] of Object.entries(before)) {
      if (table === 'kysely_migration' || table === 'kysely_migration_lock') continue;
      // Each old row is still there with the values it had (a migration may add columns).
      const kept = (after[table] ?? []).map((row) =>
        JSON.stringify(
          Object.fromEntries(
            Object.keys(rows[0] as object).map((k) => [k, (row as Record<string, unknown>)[k]]),
          ),
        ),
      );
      expect(kept, table).toEqual(rows.map((row) => JSON.stringify(row)));
    }
    // A file that needed migrating was backed up first, as it was.
    const backups = listBackups(pathsBeside(file).backups, 'registry');
    if (name === LATEST_SCHEMA) expect(backups.map((b) => b.reason)).toEqual(['auto']);
    else {
      const pre = backups.find((b) => b.reason === 'pre-migration');
      expect(peek(pre!.file, (s) => dumpTables(s))).toEqual(before);
    }
  });
});
