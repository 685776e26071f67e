import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startHost, type RunningHost } from '../../main/host/server';
import { openRegistry, type Registry } from '../../main/registry';
import type * as ImportModule from '../../main/interchange/import';
import { previewImport } from '../../main/interchange/import';
import type { ImportPreview, ImportProgress, ImportSummary } from '../../shared/ipc/interchange';
import type { WireResult } from '../../shared/result';
import { bundleEntry } from '../support/bundle';
import { call, postgresTestRegistry, TEST_ENGINE, testRegistry } from '../support/registry';
import { scratch, xlsxBytes } from '../support/spreadsheets';

/**
 * Long jobs in a worker thread (main/jobs): the browser host keeps answering while a large
 * import runs, a write meanwhile is refused as "an import is running", the import lands whole,
 * a refused one leaves nothing, and closing the registry ends the worker with nothing applied.
 */

/** Previews made in this process (the test's own, and any the host would make here). */
const previewsHere = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../main/interchange/import', async (importOriginal) => {
  const actual = await importOriginal<typeof ImportModule>();
  return {
    ...actual,
    previewImport: (...args: Parameters<typeof actual.previewImport>) => {
      previewsHere.count++;
      return actual.previewImport(...args);
    },
  };
});

let worker: string;
/** Rows enough for the import to outlast a few calls (PostgreSQL writes them slower). */
const BIG = TEST_ENGINE === 'postgres' ? 5000 : 20_000;
const open: { registry: Registry; host?: RunningHost }[] = [];

beforeAll(async () => {
  worker = await bundleEntry('main/jobs/worker.ts', 'jobs-worker');
}, 120_000);

afterEach(async () => {
  for (const o of open.splice(0)) {
    await o.host?.close();
    await o.registry.close();
  }
});

async function registryWithWorker(): Promise<Registry> {
  const registry =
    TEST_ENGINE === 'postgres'
      ? await postgresTestRegistry({ jobWorker: worker })
      : await testRegistry({
          file: path.join(mkdtempSync(path.join(tmpdir(), 'yc-jobs-')), 'registry.db'),
          jobWorker: worker,
          backups: 'off',
        });
  open.push({ registry });
  return registry;
}

/** A second client of the same registry (another process would be the same): no worker. */
async function secondClient(registry: Registry): Promise<Registry> {
  const other = await openRegistry({ file: registry.file, host: 'cli', backups: 'off' });
  open.unshift({ registry: other });
  return other;
}

function ledger(rows: number, bad?: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'yc-jobs-ledger-'));
  const file = path.join(dir, `ledger-${rows}.csv`);
  const lines = ['local,local_level,partner,country,stage,established_on,notes'];
  for (let i = 0; i < rows; i++)
    lines.push(
      `Locality ${i % 50},city,Partner ${i},${i === bad ? 'Atlantis' : 'JP'},established,${1980 + (i % 40)},row ${i}`,
    );
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

async function startBrowserHost(registry: Registry): Promise<RunningHost> {
  const staticDir = mkdtempSync(path.join(tmpdir(), 'yc-jobs-static-'));
  mkdirSync(path.join(staticDir, 'assets'));
  writeFileSync(path.join(staticDir, 'index.html'), '<html><body></body></html>');
  const host = await startHost({ door: registry.door, staticDir });
  open.find((o) => o.registry === registry)!.host = host;
  return host;
}

async function post<T>(
  host: RunningHost,
  channel: string,
  input: unknown,
  lang = 'en',
): Promise<WireResult<T>> {
  const res = await fetch(`http://127.0.0.1:${host.port}/api/call/${channel}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${host.token}`,
      'X-Youcheng-Lang': lang,
    },
    body: JSON.stringify(input),
  });
  return (await res.json()) as WireResult<T>;
}

async function until(what: string, check: () => Promise<boolean>, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const newTie = {
  local: '南京',
  local_level: '市级',
  partner: 'Nagoya',
  country: '日本',
  stage: 'established',
  established_on: '1978',
};

async function tieCount(registry: Registry): Promise<number> {
  return (await call<{ total: number }>(registry, 'ties:list', {})).total;
}

describe('long jobs in a worker', () => {
  it('keeps the host answering during a large import, refuses writes meanwhile, and lands every row', async () => {
    const registry = await registryWithWorker();
    const host = await startBrowserHost(registry);
    // Opened first: opening a registry runs its migrations, which wait for the write lock.
    const other = await secondClient(registry);
    const rows = BIG;
    const file = ledger(rows);
    const { fileId } = await uploadThroughHost(host, file);
    let settled = false;
    const run = post<ImportSummary>(host, 'import:run', { fileId }).finally(() => (settled = true));
    // The progress bar moves: the worker's progress reaches the host while rows are applied.
    let seen: ImportProgress = { phase: 'idle', fraction: 0, rows: 0 };
    await until('rows imported', async () => {
      const p = await post<ImportProgress>(host, 'import:progress', { fileId });
      if (p.ok) seen = p.value;
      return settled || (seen.phase === 'importing' && seen.rows > 0);
    });
    expect(settled).toBe(false);

    // Another call answers while the import runs.
    const t = Date.now();
    const info = await post<{ version: string }>(host, 'app:info', {});
    const infoMs = Date.now() - t;
    expect(info.ok).toBe(true);
    const list = await post<{ total: number }>(host, 'ties:list', {});
    expect(list.ok && list.value.total).toBe(0); // the import's rows are not committed yet
    // A write is refused at once, naming the import and who started it, in either language.
    const t2 = Date.now();
    const refused = await post(host, 'ties:create', newTie);
    const refusedMs = Date.now() - t2;
    const zh = await post(host, 'ties:create', newTie, 'zh');
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('job_running');
      expect(refused.error.message).toContain('An import is running');
      expect(refused.error.message).toContain('tester');
    }
    if (!zh.ok) expect(zh.error.message).toContain('正在导入');
    expect(zh.ok).toBe(false);
    // Another client of the registry (another host or process) sees the mark as well.
    const elsewhere = await other.door('ties:create', newTie, { trusted: true });
    expect(elsewhere.ok === false && elsewhere.error.code).toBe('job_running');
    // All of the above happened while the import was still running.
    expect(settled).toBe(false);
    // Under the busy timeout of 5 s: the refusal does not wait for the lock.
    expect(refusedMs).toBeLessThan(5000);
    expect(infoMs).toBeLessThan(5000);

    const done = await run;
    expect(done.ok).toBe(true);
    if (done.ok) expect(done.value.created).toBe(rows);
    // The job folded its log back into the file before it ended: the host's next write does
    // not inherit the checkpoint of every page the import wrote (tens of MB here). What may be
    // left is the few pages of statistics the worker's connection refreshes as it closes.
    if (TEST_ENGINE === 'sqlite')
      expect(statSync(`${registry.file}-wal`).size).toBeLessThan(256 * 1024);
    expect(await tieCount(registry)).toBe(rows);
    // The mark is gone with the job: writes go through again, here and elsewhere.
    expect((await post(host, 'ties:create', newTie)).ok).toBe(true);
    if (TEST_ENGINE === 'sqlite') expect(existsSync(`${registry.file}.job`)).toBe(false);
  }, 180_000);

  it('previews a large workbook in the worker while the host answers other calls', async () => {
    const registry = await registryWithWorker();
    const host = await startBrowserHost(registry);
    const header = ['外方城市', '国家', '我方', '我方级别', '阶段', '结好日期', '备注'];
    const rows = Array.from({ length: 30_000 }, (_, i) => [
      `Partner ${i}`,
      '日本',
      `Locality ${i % 50}`,
      '市级',
      '已结好',
      `${1980 + (i % 40)}-05-01`,
      `row ${i} of a ledger large enough that reading it takes a while`,
    ]);
    const file = scratch()('友好城市.xlsx', xlsxBytes({ 友好城市: [header, ...rows] }));
    const { fileId } = await uploadThroughHost(host, file);
    let settled = false;
    const previewed = post<ImportPreview>(host, 'import:preview', { fileId }, 'zh').finally(
      () => (settled = true),
    );
    // While the worker reads the workbook, the host goes on answering: several calls come
    // back before the preview does (with the read on the host's thread, none could).
    let answered = 0;
    while (!settled) {
      const info = await post<{ version: string }>(host, 'app:info', {});
      expect(info.ok).toBe(true);
      if (!settled) answered++;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(answered).toBeGreaterThanOrEqual(3);
    const preview = await previewed;
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    // The workbook was read in the worker: the host's process made no preview of its own.
    expect(previewsHere.count).toBe(0);
    // The very preview the host's own process would make of the file.
    const here = await previewImport(fileId, file, '友好城市.xlsx', {}, 'zh');
    expect(preview.value).toEqual(here);
    expect(preview.value.sheets.map((sheet) => sheet.kind)).toEqual(['ties']);
    expect(preview.value.sheets[0]?.missing).toEqual([]);
  }, 120_000);

  it('rolls a refused import back whole in the worker', async () => {
    const registry = await registryWithWorker();
    await call(registry, 'ties:create', newTie);
    const rows = TEST_ENGINE === 'postgres' ? 500 : 3000;
    const result = await registry.door(
      'import:run',
      { fileId: await uploadThroughDoor(registry, ledger(rows, rows - 1)) },
      { trusted: true },
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('validation');
      expect(result.error.key).toBe('import.refused');
      expect(result.error.details?.map((d) => d.path[1])).toEqual([rows + 1]);
    }
    expect(await tieCount(registry)).toBe(1);
    // A write works again at once: the mark went with the job.
    expect(
      (await registry.door('ties:create', { ...newTie, partner: 'Osaka' }, { trusted: true })).ok,
    ).toBe(true);
  }, 120_000);

  it('ends the worker when the registry closes, applying nothing', async () => {
    // The client left to look, and the one closed mid-import (a plain one: closing a test
    // registry on PostgreSQL drops its database).
    const other = await registryWithWorker();
    const registry = await openRegistry({
      file: other.file,
      host: 'cli',
      jobWorker: worker,
      backups: 'off',
    });
    const file = ledger(BIG);
    const fileId = await uploadThroughDoor(registry, file);
    const run = registry.door('import:run', { fileId }, { trusted: true });
    await until('rows imported', async () => {
      const p = await call<ImportProgress>(registry, 'import:progress', { fileId });
      return p.phase === 'importing' && p.rows > 0;
    });
    await registry.close();
    const result = await run;
    expect(result.ok === false && result.error.key).toBe('jobs.stopped');
    expect(await tieCount(other)).toBe(0);
    // Nothing holds the registry: another client writes at once, and no mark is left.
    expect((await other.door('ties:create', newTie, { trusted: true })).ok).toBe(true);
    if (TEST_ENGINE === 'sqlite') expect(existsSync(`${registry.file}.job`)).toBe(false);
  }, 120_000);

  it('exports the whole registry from the worker', async () => {
    const registry = await registryWithWorker();
    await call(registry, 'ties:create', newTie);
    const file = await call<{ fileName: string; base64: string }>(registry, 'export:registry', {});
    expect(file.fileName).toMatch(/^youcheng-registry-.*\.xlsx$/);
    const bytes = Buffer.from(file.base64, 'base64');
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
  }, 60_000);
});

async function uploadThroughDoor(registry: Registry, file: string): Promise<string> {
  const { fileId } = await call<{ fileId: string }>(registry, 'import:upload', {
    name: path.basename(file),
    base64: readFileSync(file).toString('base64'),
  });
  return fileId;
}

async function uploadThroughHost(host: RunningHost, file: string): Promise<{ fileId: string }> {
  const result = await post<{ fileId: string }>(host, 'import:upload', {
    name: path.basename(file),
    base64: readFileSync(file).toString('base64'),
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}
