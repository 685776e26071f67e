import * as XLSX from '@e965/xlsx';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openSqlite } from '../../db/connection';
import { openRegistry } from '../../main/registry';
import { round, type Bench } from './harness';

const ROWS = 50_000;
const HEADER = [
  'local',
  'local_level',
  'partner',
  'country',
  'kind',
  'stage',
  'established_on',
  'intent_signed_on',
  'first_contact_on',
  'notes',
];
const COUNTRIES = ['JP', 'US', 'DE', 'FR', 'IT', 'KR', 'BR', 'ZA', 'AU', 'CA'];

function rows(): string[][] {
  return Array.from({ length: ROWS }, (_, i) => [
    `Locality ${i % 200}`,
    'city',
    `Partner ${i}`,
    COUNTRIES[i % COUNTRIES.length]!,
    i % 4 === 0 ? 'exchange' : 'friendship',
    'established',
    `${1980 + (i % 40)}-${String((i % 12) + 1).padStart(2, '0')}`,
    i % 3 === 0 ? `${1979 + (i % 40)}` : '',
    '',
    `Row ${i} of the benchmark ledger`,
  ]);
}

/**
 * A 50,000-row XLSX imported with validation, history and audit (one transaction), against
 * the same rows loaded by `sqlite3 .import` from CSV plus the bare read of the XLSX by the
 * same library; and the import's peak memory (RSS sampled while it runs).
 */
export const importBench: Bench = {
  name: 'import',
  async run() {
    const dir = mkdtempSync(path.join(tmpdir(), 'yc-bench-import-'));
    const data = rows();
    const xlsxFile = path.join(dir, 'ledger.xlsx');
    const workbook = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet([HEADER, ...data]), 'Ties');
    writeFileSync(
      xlsxFile,
      XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx', compression: true }),
    );
    const csvFile = path.join(dir, 'ledger.csv');
    writeFileSync(
      csvFile,
      [HEADER, ...data].map((r) => r.map((c) => `"${c}"`).join(',')).join('\n'),
    );

    const t0 = process.hrtime.bigint();
    XLSX.read(readFileSync(xlsxFile), { type: 'buffer', dense: true });
    const bareRead = Number(process.hrtime.bigint() - t0) / 1e6;

    const sqliteDb = path.join(dir, 'plain.db');
    const t1 = process.hrtime.bigint();
    const result = spawnSync(
      'sqlite3',
      [sqliteDb, '-cmd', '.mode csv', `.import ${csvFile} ties`],
      { stdio: 'pipe' },
    );
    const sqliteImport = Number(process.hrtime.bigint() - t1) / 1e6;
    if (result.status !== 0) throw new Error(`sqlite3 .import failed: ${result.stderr.toString()}`);

    const registry = await openRegistry({ file: path.join(dir, 'registry.db'), host: 'cli' });
    let peak = process.memoryUsage().rss;
    const before = peak;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    const t2 = process.hrtime.bigint();
    const summary = await registry.services.interchange.importFile(
      xlsxFile,
      { dryRun: false },
      { actor: 'bench', lang: 'en' },
    );
    const ours = Number(process.hrtime.bigint() - t2) / 1e6;
    clearInterval(sampler);
    await registry.close();
    const writeFloor = await writeFloorMs(path.join(dir, 'registry.db'), dir);
    rmSync(dir, { recursive: true, force: true });
    if (summary.created !== ROWS) throw new Error(`imported ${summary.created} of ${ROWS}`);
    const baseline = sqliteImport + bareRead;
    return {
      rows: ROWS,
      importMs: round(ours, 0),
      sqliteImportMs: round(sqliteImport, 0),
      bareXlsxReadMs: round(bareRead, 0),
      ratio: round(ours / baseline, 2),
      writeFloorMs: round(writeFloor, 0),
      floorRatio: round(ours / (bareRead + writeFloor), 2),
      peakRssMb: round(peak / 1048576, 0),
      rssGrowthMb: round((peak - before) / 1048576, 0),
      goal: 'ratio ≤ 3',
    };
  },
};

/**
 * Not the goal's baseline but what any import that records what ours records must write:
 * the rows the import left in each table (ties, partners, events, their audit rows…) inserted
 * again into a fresh registry, one prepared statement per row in one transaction, with the
 * registry's own pragmas and indexes. `floorRatio` is the import against that plus the read.
 */
async function writeFloorMs(imported: string, dir: string): Promise<number> {
  const source = openSqlite({ file: imported, readonly: true });
  const tables = ['localities', 'partners', 'ties', 'tie_events', 'audit_log', 'commands'];
  const data = tables.map((table) => {
    const select = source.sqlite.prepare(`select * from ${table}`);
    return { table, columns: select.columns().map((c) => c.name), rows: select.raw().all() };
  });
  source.sqlite.close();
  const file = path.join(dir, 'floor.db');
  await (await openRegistry({ file, host: 'cli' })).close();
  const { sqlite } = openSqlite({ file });
  const t = process.hrtime.bigint();
  sqlite
    .transaction(() => {
      for (const { table, columns, rows } of data) {
        const insert = sqlite.prepare(
          `insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`,
        );
        for (const row of rows) insert.run(row as unknown[]);
      }
    })
    .immediate();
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  sqlite.close();
  return ms;
}
