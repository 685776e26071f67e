import BetterSqlite from 'better-sqlite3';
import type Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleEntry } from '../support/bundle';
import { backupTrial, editTrial, emptyCounts, migrationTrial, rng } from '../support/crash';
import { writeFixture } from '../support/fixtures';
import { dumpTables } from '../support/populate';

/**
 * Crash safety: a child process writes against a registry file and is killed with SIGKILL at
 * random moments (`npm run soak` runs many more trials and prints the counts).
 */
const TRIALS = Number(process.env.CRASH_TRIALS ?? 30);
let worker: string;
let dir: string;

beforeAll(async () => {
  worker = await bundleEntry('test/support/crash-worker.ts', 'crash-worker');
  dir = mkdtempSync(path.join(tmpdir(), 'yc-crash-'));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('killed with SIGKILL', () => {
  it(`keeps every reported commit and never half an import (${TRIALS} trials)`, async () => {
    const counts = emptyCounts();
    const random = rng(20261125);
    const file = path.join(dir, 'edits', 'registry.db');
    const problems: string[] = [];
    for (let t = 1; t <= TRIALS; t++)
      problems.push(...(await editTrial(worker, file, path.join(dir, 'edits'), t, random, counts)));
    console.log('crash trials (edits and imports):', JSON.stringify(counts));
    expect(problems).toEqual([]);
    expect(counts.kills).toBe(TRIALS);
    // Writes and imports did happen (how many depends on the machine's speed).
    expect(counts.creates + counts.edits).toBeGreaterThan(0);
    expect(counts.batchesWhole).toBeGreaterThan(0);
    expect(counts.halfApplied).toBe(0);
  }, 300_000);

  it('keeps the registry and every backup whole when killed during backups', async () => {
    const counts = emptyCounts();
    const random = rng(7);
    const file = path.join(dir, 'backups', 'registry.db');
    const problems: string[] = [];
    for (let t = 1; t <= 8; t++)
      problems.push(...(await backupTrial(worker, file, t, random, counts)));
    console.log('crash trials (backups):', JSON.stringify(counts));
    expect(problems).toEqual([]);
    expect(counts.backups).toBeGreaterThan(0);
    expect(counts.badBackups).toBe(0);
  }, 120_000);

  it('leaves a registry at one schema or the other when killed during a migration', async () => {
    const counts = emptyCounts();
    const random = rng(11);
    const template = writeFixture('20261123T1930_init', path.join(dir, 'template.db'));
    const file = path.join(dir, 'migrate', 'registry.db');
    // The rows compared are the ones the file had, column for column: later migrations add
    // tables and columns (a place's pinyin keys, filled in on open), which are not the file's.
    const columnsOf = (rows: readonly unknown[]) =>
      rows.length > 0 ? Object.keys(rows[0] as object) : [];
    const templateColumns = peekColumns(template);
    const rowsOf = (s: Database.Database) => {
      const tables = dumpTables(s);
      const kept: Record<string, unknown[]> = {};
      for (const [name, columns] of Object.entries(templateColumns)) {
        if (name === 'kysely_migration' || name === 'kysely_migration_lock') continue;
        kept[name] = (tables[name] ?? []).map((row) =>
          Object.fromEntries(columns.map((c) => [c, (row as Record<string, unknown>)[c]])),
        );
      }
      return JSON.stringify(kept);
    };
    function peekColumns(file: string): Record<string, string[]> {
      const s = new BetterSqlite(file, { readonly: true });
      try {
        const tables = dumpTables(s);
        return Object.fromEntries(
          Object.entries(tables).map(([name, rows]) => {
            const declared = (s.pragma(`table_info("${name}")`) as { name: string }[]).map(
              (c) => c.name,
            );
            return [name, columnsOf(rows).length > 0 ? columnsOf(rows) : declared];
          }),
        );
      } finally {
        s.close();
      }
    }
    // How long an open with its backup and migration takes here, to aim the kills inside it.
    mkdirSync(path.dirname(file), { recursive: true });
    const calibration = await migrationTrial(
      worker,
      template,
      file,
      0,
      60_000,
      () => 1,
      emptyCounts(),
      rowsOf,
    );
    // Kills spread over twice the open time land before, inside and after the migration.
    const window = 2 * Math.max(20, calibration.openedMs ?? 100);
    const problems: string[] = [...calibration.problems];
    for (let t = 1; t <= 12; t++) {
      const trial = await migrationTrial(worker, template, file, t, window, random, counts, rowsOf);
      problems.push(...trial.problems);
    }
    console.log('crash trials (migration):', JSON.stringify(counts));
    expect(problems).toEqual([]);
    expect(counts.migrationsOld + counts.migrationsNew).toBe(12);
  }, 120_000);
});
