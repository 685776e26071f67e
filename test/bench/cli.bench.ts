import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { median, round, type Bench } from './harness';

/** How long `youcheng call … ties:list` takes from a cold process, against a bare `node -e`. */
export const cliBench: Bench = {
  name: 'cli-start',
  async run() {
    const dir = mkdtempSync(path.join(tmpdir(), 'yc-bench-cli-'));
    const db = path.join(dir, 'registry.db');
    const time = (args: string[]) => {
      const t = process.hrtime.bigint();
      const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
      if (r.status !== 0) throw new Error(`${args.join(' ')} failed`);
      return Number(process.hrtime.bigint() - t) / 1e6;
    };
    time(['bin/youcheng.mjs', 'call', '--db', db, 'ties:list']);
    const cli = Array.from({ length: 15 }, () =>
      time(['bin/youcheng.mjs', 'call', '--db', db, 'ties:list']),
    );
    const bare = Array.from({ length: 15 }, () => time(['-e', '0']));
    rmSync(dir, { recursive: true, force: true });
    return {
      cliCallMedianMs: round(median(cli), 1),
      bareNodeMedianMs: round(median(bare), 1),
      ratio: round(median(cli) / median(bare), 2),
      goal: 'well under 1000 ms',
    };
  },
};
