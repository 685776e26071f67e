import { cliBench } from './cli.bench';
import { duplicatesBench } from './duplicates.bench';
import { editBench } from './edit.bench';
import { enginesBench } from './engines.bench';
import { gridBench } from './grid.bench';
import type { Bench, Metrics } from './harness';
import { importBench, importHostBench, importLargeBench } from './import.bench';
import { reportBench } from './report.bench';
import { statisticsBench } from './statistics.bench';

/** Every benchmark; `npm run bench [name…]` runs all or the named ones. */
export const BENCHES: readonly Bench[] = [
  editBench,
  gridBench,
  cliBench,
  importBench,
  importHostBench,
  importLargeBench,
  reportBench,
  enginesBench,
  duplicatesBench,
  statisticsBench,
];

export async function runBenches(names: readonly string[]): Promise<Record<string, Metrics>> {
  const chosen = names.length > 0 ? BENCHES.filter((b) => names.includes(b.name)) : BENCHES;
  const out: Record<string, Metrics> = {};
  for (const bench of chosen) {
    process.stderr.write(`bench: ${bench.name}…\n`);
    out[bench.name] = await bench.run();
  }
  return out;
}
