import Database from 'better-sqlite3';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openRegistry, type Registry } from '../../main/registry';
import type { ImportSummary } from '../../shared/ipc/interchange';
import { bundleEntry } from '../support/bundle';
import { call } from '../support/registry';

/**
 * The query planner's statistics (SQLite's sqlite_stat1) are kept fresh without anyone running
 * ANALYZE: a registry gains them when it opens, and an import's worker refreshes them for the
 * tables it filled as its connection closes, so the grid's queries are planned on row counts,
 * not on guesses.
 */

let worker: string;
const open: Registry[] = [];

beforeAll(async () => {
  worker = await bundleEntry('main/jobs/worker.ts', 'jobs-worker');
}, 120_000);

afterEach(async () => {
  for (const registry of open.splice(0)) await registry.close();
});

function tempFile(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), 'yc-stats-')), 'registry.db');
}

/** What sqlite_stat1 says of a table's rows, read from the file as another program would. */
function statisticsOf(file: string): Map<string, number> {
  const raw = new Database(file, { readonly: true });
  try {
    const rows = raw.prepare('select tbl, stat from sqlite_stat1').all() as {
      tbl: string;
      stat: string;
    }[];
    return new Map(rows.map((r) => [r.tbl, Number(r.stat.split(' ')[0])]));
  } finally {
    raw.close();
  }
}

function ledger(rows: number): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'yc-stats-ledger-')), 'ledger.csv');
  const lines = ['local,local_level,partner,country,stage,established_on'];
  for (let i = 0; i < rows; i++)
    lines.push(`Locality ${i % 20},city,Partner ${i},JP,established,${1980 + (i % 40)}`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('planner statistics', () => {
  it('are written when a registry opens, and refreshed for the tables an import filled', async () => {
    const file = tempFile();
    const registry = await openRegistry({ file, host: 'cli', backups: 'off', jobWorker: worker });
    open.push(registry);
    // Opened and migrated: every table with an index has been looked at (empty ones count 0).
    expect(statisticsOf(file).get('ties') ?? 0).toBe(0);

    const rows = 1500;
    const upload = await call<{ fileId: string }>(registry, 'import:upload', {
      name: 'ledger.csv',
      base64: Buffer.from(
        await import('node:fs').then((fs) => fs.readFileSync(ledger(rows))),
      ).toString('base64'),
    });
    const summary = await call<ImportSummary>(registry, 'import:run', { fileId: upload.fileId });
    expect(summary.created).toBe(rows);

    // The worker closed its connection: the statistics now count the imported ties.
    const after = statisticsOf(file);
    expect(after.get('ties')).toBe(rows);
    expect(after.get('partners')).toBe(rows);
    expect(after.get('localities')).toBe(20);

    // A registry reopened later plans with them too (nothing to redo: the counts stand).
    await registry.close();
    open.splice(0);
    const again = await openRegistry({ file, host: 'cli', backups: 'off' });
    open.push(again);
    expect(statisticsOf(file).get('ties')).toBe(rows);
  }, 120_000);

  it('leave a file that is not a registry untouched', async () => {
    const file = tempFile();
    const other = new Database(file);
    other.exec('create table people (name text); create index people_name on people (name)');
    other.close();
    await expect(openRegistry({ file, host: 'cli', backups: 'off' })).rejects.toThrow();
    const raw = new Database(file, { readonly: true });
    expect(
      raw.prepare("select name from sqlite_master where type = 'table'").pluck().all(),
    ).toEqual(['people']);
    raw.close();
  });
});
