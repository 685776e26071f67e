/**
 * Benchmarks: each measures something against a baseline in the same run and reports medians
 * and ratios. They run with `npm run bench`, never in `npm test`.
 */
export type Metrics = Record<string, number | string>;

export interface Bench {
  readonly name: string;
  run(): Promise<Metrics>;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Runs `fn` once; its result and the milliseconds it took. */
export async function timed<T>(fn: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const t = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, value };
}

/** Times `fn` `runs` times after `warmup` untimed runs; milliseconds per run. */
export async function sample(
  fn: () => unknown,
  runs: number,
  warmup = Math.min(20, runs),
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) out.push((await timed(fn)).ms);
  return out;
}

export const round = (n: number, digits = 3): number => Number(n.toFixed(digits));
