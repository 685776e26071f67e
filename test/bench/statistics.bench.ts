import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { refreshStatistics } from '../../db/connection';
import { openRegistry, type Registry } from '../../main/registry';
import { fillRegistry } from './report.bench';
import { median, round, sample, type Bench } from './harness';

/**
 * The grid's queries on 50,000 ties and 20,000 visits with the planner's
 * statistics the registry now keeps (sqlite_stat1, written as it opens and as a job's
 * connection closes) against the same file with none, as every registry had before: the same
 * queries, through the door, medians of 15 after 3 untimed runs, in three interleaved rounds
 * (the median of the rounds' medians).
 */

const TIES = 50_000;
const RUNS = 15;
const ROUNDS = 3;

const QUERIES: Record<string, [string, unknown]> = {
  firstPage: ['ties:list', { limit: 100 }],
  byPartnerDesc: ['ties:list', { sort: [{ colId: 'partner', sort: 'desc' }], limit: 100 }],
  japanSorted: [
    'ties:list',
    {
      filter: { country: { filterType: 'set', values: ['JP'] } },
      sort: [{ colId: 'local', sort: 'asc' }],
      limit: 100,
    },
  ],
  quickSearch: ['ties:list', { quick: 'Partner 12', limit: 100 }],
  countryCounts: ['ties:counts', { column: 'country' }],
  stageCountsUnderKind: [
    'ties:counts',
    { column: 'stage', filter: { kind: { filterType: 'set', values: ['friendship'] } } },
  ],
  visits: ['visits:list', { limit: 100 }],
};

async function timeAll(registry: Registry): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, [channel, input]] of Object.entries(QUERIES)) {
    const times = await sample(
      async () => {
        const r = await registry.door(channel, input, { trusted: true });
        if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
      },
      RUNS,
      3,
    );
    out[name] = round(median(times), 2);
  }
  return out;
}

export const statisticsBench: Bench = {
  name: 'statistics',
  async run() {
    const dir = mkdtempSync(path.join(tmpdir(), 'yc-bench-stats-'));
    const file = path.join(dir, 'registry.db');
    try {
      await (await openRegistry({ file, host: 'cli', backups: 'off' })).close();
      fillRegistry(file, TIES, 20_000);
      const registry = await openRegistry({ file, host: 'cli', backups: 'off' });
      const sqlite = registry.sqlite;
      const without: Record<string, number>[] = [];
      const withStats: Record<string, number>[] = [];
      const refresh: number[] = [];
      // Interleaved rounds, so that neither state has the warmer cache or the quieter machine.
      for (let r = 0; r < ROUNDS; r++) {
        // As before: no statistics (the planner guesses from the schema alone).
        sqlite.exec('delete from sqlite_stat1');
        sqlite.exec('analyze sqlite_schema');
        without.push(await timeAll(registry));
        const t = process.hrtime.bigint();
        refreshStatistics(sqlite, 'open');
        refresh.push(Number(process.hrtime.bigint() - t) / 1e6);
        withStats.push(await timeAll(registry));
      }
      await registry.close();
      const out: Record<string, number | string> = {
        ties: TIES,
        rounds: ROUNDS,
        refreshMs: round(median(refresh), 1),
      };
      for (const name of Object.keys(QUERIES)) {
        const a = median(without.map((r) => r[name] as number));
        const b = median(withStats.map((r) => r[name] as number));
        out[`${name}WithoutMs`] = a;
        out[`${name}WithMs`] = b;
        out[`${name}Ratio`] = round(b / a, 2);
      }
      return out;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
