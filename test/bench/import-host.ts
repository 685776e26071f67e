import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHost } from '../../main/host/server';
import { openRegistry } from '../../main/registry';
import { median, round } from './harness';

/** The worker `npm run bench` has built beside the CLI (scripts/bench.mjs runs ensureCli). */
const WORKER = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'dist',
  'node',
  'jobs-worker.mjs',
);

interface Latency {
  readonly importMs: number;
  readonly calls: number;
  readonly medianMs: number;
  readonly maxMs: number;
  /** Which call waited longest, and when (since the import started). */
  readonly slowest: string;
}

/**
 * How long the browser host takes to answer another call (`app:info`, which reads the
 * registry, and `ties:list`, alternately, over HTTP with the run's token) while it imports
 * `xlsxFile`: with the import in a worker thread (main/jobs), and, as the baseline, in the
 * host's own process on the host's connection. One call at a time, 25 ms apart.
 */
export async function hostDuringImport(
  xlsxFile: string,
  dir: string,
): Promise<Record<string, number | string>> {
  if (!existsSync(WORKER)) throw new Error(`No job worker at ${WORKER}: run npm run build`);
  const worker = await measure(xlsxFile, dir, WORKER);
  const inProcess = await measure(xlsxFile, dir, undefined);
  return {
    hostDuringImportMedianMs: worker.medianMs,
    hostDuringImportMaxMs: worker.maxMs,
    hostDuringImportCalls: worker.calls,
    hostDuringImportSlowest: worker.slowest,
    hostDuringImportImportMs: worker.importMs,
    hostInProcessMedianMs: inProcess.medianMs,
    hostInProcessMaxMs: inProcess.maxMs,
    hostInProcessCalls: inProcess.calls,
    hostInProcessSlowest: inProcess.slowest,
    hostInProcessImportMs: inProcess.importMs,
    hostGoal: 'another call answered within 200 ms during the import (max)',
  };
}

async function measure(xlsxFile: string, dir: string, worker: string | undefined) {
  const where = mkdtempSync(path.join(dir, worker ? 'host-worker-' : 'host-inline-'));
  const staticDir = path.join(where, 'renderer');
  mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  writeFileSync(path.join(staticDir, 'index.html'), '<html><body></body></html>');
  const registry = await openRegistry({
    file: path.join(where, 'registry.db'),
    host: 'browser',
    backups: 'off',
    jobWorker: worker,
  });
  const host = await startHost({ door: registry.door, staticDir });
  // A fresh connection per call: a kept-alive socket the server's idle timer closes while a
  // blocked event loop catches up would reset the next call (the race, not the host, failing).
  const ask = (channel: string) =>
    new Promise<void>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: host.port,
          path: `/api/call/${channel}`,
          method: 'POST',
          agent: false,
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
        },
        (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () =>
            (JSON.parse(body) as { ok: boolean }).ok
              ? resolve()
              : reject(new Error(`${channel} failed during the import: ${body}`)),
          );
        },
      );
      req.on('error', reject);
      req.end('{}');
    });
  try {
    await ask('app:info'); // warm: the first call compiles what later ones reuse
    const latencies: number[] = [];
    let done = false;
    const t0 = performance.now();
    const run = registry.services.interchange
      .importFile(xlsxFile, { dryRun: false }, { actor: 'bench', lang: 'en' })
      .finally(() => (done = true));
    let n = 0;
    let slowest = '';
    while (!done) {
      const t = performance.now();
      const channel = n++ % 2 === 0 ? 'app:info' : 'ties:list';
      // Asked during the import, however long it waited (the in-process one waits for its end).
      await ask(channel);
      const ms = performance.now() - t;
      if (ms > Math.max(0, ...latencies)) slowest = `${channel} asked at ${round(t - t0, 0)} ms`;
      latencies.push(ms);
      await new Promise((r) => setTimeout(r, 25));
    }
    const summary = await run;
    const importMs = performance.now() - t0;
    if (summary.created === 0) throw new Error('the import created nothing');
    return {
      importMs: round(importMs, 0),
      calls: latencies.length,
      medianMs: round(latencies.length ? median(latencies) : NaN, 1),
      maxMs: round(latencies.length ? Math.max(...latencies) : NaN, 1),
      slowest,
    } satisfies Latency;
  } finally {
    await host.close();
    await registry.close();
    rmSync(where, { recursive: true, force: true });
  }
}
