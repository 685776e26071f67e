/**
 * `npm run soak [-- TRIALS]`: the crash trials of test/integration/crash.test.ts at length
 * (200 by default), printing the counts; exits 1 if any trial lost a commit or half-applied an
 * import. It runs the worker bundled beside it.
 */
import type Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { backupTrial, editTrial, emptyCounts, migrationTrial, rng } from './crash';
import { writeFixture } from './fixtures';
import { dumpTables } from './populate';

const trials = Number(process.argv[2] ?? 200);
const worker = path.join(import.meta.dirname, 'crash-worker.mjs');
const dir = mkdtempSync(path.join(tmpdir(), 'yc-soak-'));

const rowsOf = (s: Database.Database) => {
  const tables = dumpTables(s);
  for (const name of ['kysely_migration', 'kysely_migration_lock', 'commands', 'saved_views'])
    delete tables[name];
  return JSON.stringify(tables);
};

async function soak(): Promise<number> {
  const problems: string[] = [];
  const edits = emptyCounts();
  const random = rng(Number(process.env.SOAK_SEED ?? 20261125));
  const file = path.join(dir, 'edits', 'registry.db');
  for (let t = 1; t <= trials; t++) {
    problems.push(...(await editTrial(worker, file, path.join(dir, 'edits'), t, random, edits)));
    if (t % 20 === 0) process.stderr.write(`soak: ${t}/${trials} edit trials\n`);
  }
  const backups = emptyCounts();
  const backupFile = path.join(dir, 'backups', 'registry.db');
  for (let t = 1; t <= Math.ceil(trials / 5); t++)
    problems.push(...(await backupTrial(worker, backupFile, t, random, backups)));
  const migration = emptyCounts();
  const template = writeFixture('20261123T1930_init', path.join(dir, 'template.db'));
  const migrateFile = path.join(dir, 'migrate', 'registry.db');
  mkdirSync(path.dirname(migrateFile), { recursive: true });
  const calibration = await migrationTrial(
    worker,
    template,
    migrateFile,
    0,
    60_000,
    () => 1,
    emptyCounts(),
    rowsOf,
  );
  const window = 2 * Math.max(20, calibration.openedMs ?? 100);
  for (let t = 1; t <= Math.ceil(trials / 5); t++) {
    const trial = await migrationTrial(
      worker,
      template,
      migrateFile,
      t,
      window,
      random,
      migration,
      rowsOf,
    );
    problems.push(...trial.problems);
  }
  process.stdout.write(
    `${JSON.stringify({ edits, backups, migration, problems: problems.length }, null, 2)}\n`,
  );
  for (const p of problems) process.stderr.write(`soak: ${p}\n`);
  return problems.length === 0 ? 0 : 1;
}

soak().then(
  (code) => {
    rmSync(dir, { recursive: true, force: true });
    process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(`soak: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(2);
  },
);
