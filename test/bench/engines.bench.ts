import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { copyRegistry } from '../../db/copy';
import { openRegistry, type Registry } from '../../main/registry';
import type { TieRow } from '../../shared/model';
import { adminQuery, startPostgres, type PostgresServer } from '../support/postgres-server';
import { fillRegistry } from './report.bench';
import { median, round, sample, type Bench } from './harness';

/**
 * The same work on both engines, SQLite as the baseline: a SQLite file (WAL, synchronous=FULL)
 * and a private PostgreSQL server with fsync and synchronous commit on, as an office runs it.
 * - edit: one edit through the door (validation, transaction, audit), median of 300;
 * - report: `reports:annual` on 50,000 ties and 200,000 visits (the file copied to the server
 *   with `copyRegistry`), cold, warm and after an edit;
 * - clients: 10 clients at once, each in its own thread with its own registry handle (its own
 *   SQLite connection, or its own pool), for 8 s: half their edits on a tie of their own and
 *   half on 5 shared ties, a conflict answered by reading again. Edits saved per second,
 *   conflicts, and the check that none was lost (each saved edit moved its tie's version on by
 *   one and left one audit row).
 */

const CLIENTS = 10;
const SHARED = 5;
const SECONDS = 8;

interface ClientJob {
  readonly youchengBenchClient: true;
  readonly target: string;
  readonly index: number;
  readonly own: string;
  readonly shared: readonly string[];
}

interface ClientResult {
  readonly saved: number;
  readonly conflicts: number;
  readonly errors: readonly string[];
  readonly latencies: readonly number[];
}

async function clientMain(job: ClientJob): Promise<ClientResult> {
  const registry = await openRegistry({ file: job.target, host: 'cli', backups: 'off' });
  // Every client opens first; then all start together and stop at the same instant.
  parentPort?.postMessage('ready');
  const until = await new Promise<number>((resolve) =>
    parentPort?.once('message', (m: number) => resolve(m)),
  );
  let saved = 0;
  let conflicts = 0;
  const errors: string[] = [];
  const latencies: number[] = [];
  let n = 0;
  while (Date.now() < until) {
    const id = n % 2 === 0 ? job.own : (job.shared[(n >> 1) % job.shared.length] as string);
    n++;
    const t = process.hrtime.bigint();
    const got = await registry.door('ties:get', { id }, { trusted: true });
    if (!got.ok) {
      errors.push(got.error.code);
      continue;
    }
    const tie = got.value as TieRow;
    const r = await registry.door(
      'ties:update',
      { id, version: tie.version, patch: { notes: `client ${job.index} edit ${n}` } },
      { trusted: true },
    );
    if (r.ok) {
      saved++;
      latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
    } else if (r.error.code === 'conflict') conflicts++;
    else errors.push(`${r.error.code}: ${r.error.message}`);
  }
  await registry.close();
  return { saved, conflicts, errors, latencies };
}

if (!isMainThread && (workerData as ClientJob | null)?.youchengBenchClient) {
  void clientMain(workerData as ClientJob).then(
    (result) => parentPort?.postMessage(result),
    (error: unknown) =>
      parentPort?.postMessage({
        saved: 0,
        conflicts: 0,
        errors: [String((error as Error)?.stack ?? error)],
        latencies: [],
      }),
  );
}

async function door<T>(registry: Registry, channel: string, input: unknown): Promise<T> {
  const result = await registry.door(channel, input, { trusted: true });
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

async function editMedian(registry: Registry): Promise<number> {
  let tie = await door<TieRow>(registry, 'ties:create', {
    local: 'Nanjing',
    local_level: 'city',
    partner: 'Nagoya',
    country: 'JP',
  });
  let n = 0;
  return median(
    await sample(async () => {
      tie = await door<TieRow>(registry, 'ties:update', {
        id: tie.id,
        version: tie.version,
        patch: { notes: `note ${n++}` },
      });
    }, 300),
  );
}

async function reportTimes(registry: Registry) {
  const request = { asOf: '2025-12-31' };
  const t0 = process.hrtime.bigint();
  await door(registry, 'reports:annual', request);
  const cold = Number(process.hrtime.bigint() - t0) / 1e6;
  const warm = median(await sample(() => door(registry, 'reports:annual', request), 9, 2));
  const [someTie] = (await door<{ rows: TieRow[] }>(registry, 'ties:list', { limit: 1 })).rows;
  let version = someTie?.version ?? 1;
  const afterEdit: number[] = [];
  for (let i = 0; i < 5; i++) {
    await door(registry, 'ties:update', {
      id: someTie?.id,
      version: version++,
      patch: { notes: `n${version}` },
    });
    const t = process.hrtime.bigint();
    await door(registry, 'reports:annual', request);
    afterEdit.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return { cold, warm, afterEdit: median(afterEdit) };
}

/** 10 clients at once on `target`; edits saved per second and the lost-update check. */
async function clients(target: string) {
  const setup = await openRegistry({ file: target, host: 'cli', backups: 'off' });
  const make = (i: number) =>
    door<TieRow>(setup, 'ties:create', {
      local: '南京',
      local_level: 'city',
      partner: `Client partner ${i}`,
      country: 'JP',
    });
  const own: TieRow[] = [];
  for (let i = 0; i < CLIENTS; i++) own.push(await make(i));
  const shared: TieRow[] = [];
  for (let i = 0; i < SHARED; i++) shared.push(await make(100 + i));
  const all = [...own, ...shared];
  const auditBefore = await updateAudits(setup);
  const workers: Worker[] = [];
  const ready: Promise<void>[] = [];
  const done = own.map(
    (tie, index) =>
      new Promise<ClientResult>((resolve, reject) => {
        const job: ClientJob = {
          youchengBenchClient: true,
          target,
          index,
          own: tie.id,
          shared: shared.map((t) => t.id),
        };
        const worker = new Worker(fileURLToPath(import.meta.url), { workerData: job });
        workers.push(worker);
        ready.push(new Promise((r) => worker.once('message', () => r())));
        worker.once('error', reject);
        worker.once('exit', () => reject(new Error('a client stopped before reporting')));
        void ready.at(-1)?.then(() =>
          worker.once('message', (m: ClientResult) => {
            resolve(m);
            void worker.terminate();
          }),
        );
      }),
  );
  await Promise.all(ready);
  const start = Date.now();
  for (const worker of workers) worker.postMessage(start + SECONDS * 1000);
  const results = await Promise.all(done);
  const elapsed = (Date.now() - start) / 1000;
  let moved = 0;
  for (const tie of all)
    moved += (await door<TieRow>(setup, 'ties:get', { id: tie.id })).version - tie.version;
  const audits = (await updateAudits(setup)) - auditBefore;
  await setup.close();
  const saved = results.reduce((a, r) => a + r.saved, 0);
  const errors = results.flatMap((r) => r.errors);
  return {
    editsPerSecond: saved / elapsed,
    saved,
    conflicts: results.reduce((a, r) => a + r.conflicts, 0),
    errors: errors.length,
    firstError: errors[0] ?? '',
    lostUpdates: saved - moved,
    auditRowsMissing: saved - audits,
    latencyMedianMs: median(results.flatMap((r) => r.latencies)),
  };
}

async function updateAudits(registry: Registry): Promise<number> {
  const row = await registry.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('entity', '=', 'tie')
    .where('action', '=', 'update')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function freshDatabase(server: PostgresServer, name: string): Promise<string> {
  await adminQuery(server.baseUrl, [
    `create database ${name} encoding 'UTF8' lc_collate 'C' lc_ctype 'C' template template0`,
  ]);
  return server.url(name);
}

export const enginesBench: Bench = {
  name: 'engines',
  async run() {
    const dir = mkdtempSync(path.join(tmpdir(), 'yc-bench-engines-'));
    const server = await startPostgres({ durable: true });
    try {
      // Edit.
      const editFile = await openRegistry({ file: path.join(dir, 'edit.db'), host: 'cli' });
      const editSqlite = await editMedian(editFile);
      await editFile.close();
      const editServer = await openRegistry({
        file: await freshDatabase(server, 'edit'),
        host: 'cli',
      });
      const editPostgres = await editMedian(editServer);
      await editServer.close();

      // Clients.
      const clientsSqlite = await clients(path.join(dir, 'clients.db'));
      const clientsPostgres = await clients(await freshDatabase(server, 'clients'));

      // Report.
      const large = path.join(dir, 'large.db');
      await (await openRegistry({ file: large, host: 'cli' })).close();
      fillRegistry(large, 50_000, 200_000);
      const fromFile = await openRegistry({ file: large, host: 'cli', backups: 'off' });
      const toServer = await openRegistry({
        file: await freshDatabase(server, 'large'),
        host: 'cli',
      });
      const copyStart = Date.now();
      await copyRegistry(fromFile.db, toServer.db);
      const copySeconds = (Date.now() - copyStart) / 1000;
      const reportSqlite = await reportTimes(fromFile);
      await fromFile.close();
      const reportPostgres = await reportTimes(toServer);
      await toServer.close();

      return {
        editSqliteMedianMs: round(editSqlite),
        editPostgresMedianMs: round(editPostgres),
        editRatio: round(editPostgres / editSqlite, 2),
        reportColdSqliteMs: round(reportSqlite.cold, 0),
        reportColdPostgresMs: round(reportPostgres.cold, 0),
        reportWarmSqliteMedianMs: round(reportSqlite.warm, 1),
        reportWarmPostgresMedianMs: round(reportPostgres.warm, 1),
        reportAfterEditSqliteMedianMs: round(reportSqlite.afterEdit, 1),
        reportAfterEditPostgresMedianMs: round(reportPostgres.afterEdit, 1),
        reportColdRatio: round(reportPostgres.cold / reportSqlite.cold, 2),
        reportAfterEditRatio: round(reportPostgres.afterEdit / reportSqlite.afterEdit, 2),
        copyFileToPostgresSeconds: round(copySeconds, 1),
        clientsSqliteEditsPerSecond: round(clientsSqlite.editsPerSecond, 0),
        clientsPostgresEditsPerSecond: round(clientsPostgres.editsPerSecond, 0),
        clientsThroughputRatio: round(
          clientsPostgres.editsPerSecond / clientsSqlite.editsPerSecond,
          2,
        ),
        clientsSqliteLatencyMedianMs: round(clientsSqlite.latencyMedianMs, 2),
        clientsPostgresLatencyMedianMs: round(clientsPostgres.latencyMedianMs, 2),
        clientsSqliteConflicts: clientsSqlite.conflicts,
        clientsPostgresConflicts: clientsPostgres.conflicts,
        clientsErrors:
          `${clientsSqlite.errors} sqlite, ${clientsPostgres.errors} postgres ${clientsSqlite.firstError}${clientsPostgres.firstError}`.trim(),
        clientsLostUpdates: clientsSqlite.lostUpdates + clientsPostgres.lostUpdates,
        clientsAuditRowsMissing: clientsSqlite.auditRowsMissing + clientsPostgres.auditRowsMissing,
      };
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
