import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openRegistry } from '../../main/registry';
import type { TieRow } from '../../shared/model';
import { median, round, sample, type Bench } from './harness';

/**
 * One edit committed through the contract (door, validation, transaction, audit) against a
 * raw better-sqlite3 UPDATE of the same row, both on a file registry with WAL and
 * synchronous=FULL, so both pay the same fsync.
 */
export const editBench: Bench = {
  name: 'edit',
  async run() {
    const dir = mkdtempSync(path.join(tmpdir(), 'yc-bench-edit-'));
    const file = path.join(dir, 'registry.db');
    const registry = await openRegistry({ file, host: 'cli' });
    const call = async <T>(channel: string, input: unknown): Promise<T> => {
      const r = await registry.door(channel, input, { trusted: true });
      if (!r.ok) throw new Error(r.error.message);
      return r.value as T;
    };
    let tie = await call<TieRow>('ties:create', {
      local: 'Nanjing',
      local_level: 'city',
      partner: 'Nagoya',
      country: 'JP',
    });
    let n = 0;
    const viaContract = await sample(async () => {
      tie = await call<TieRow>('ties:update', {
        id: tie.id,
        version: tie.version,
        patch: { notes: `note ${n++}` },
      });
    }, 300);
    await registry.close();

    const raw = new Database(file);
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    const update = raw.prepare('update ties set notes = ?, version = version + 1 where id = ?');
    const viaRaw = await sample(() => update.run(`raw ${n++}`, tie.id), 300);
    raw.close();
    rmSync(dir, { recursive: true, force: true });
    const contract = median(viaContract);
    const baseline = median(viaRaw);
    return {
      contractEditMedianMs: round(contract),
      rawUpdateMedianMs: round(baseline),
      ratio: round(contract / baseline, 2),
      goal: '≤ 2 ms and ≤ 5× raw',
    };
  },
};
