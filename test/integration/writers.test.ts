import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TieRow } from '../../shared/model';
import type { WireResult } from '../../shared/result';
import { bundleEntry } from '../support/bundle';
import { call, testRegistry } from '../support/registry';

/**
 * Two writers on one registry file: two browser hosts, each its own process with its own
 * connection, editing the same rows at once. Each edit reads a counter, adds one and saves
 * with the version it read; a conflict is answered by reading again. No edit may be lost (the
 * counters add up to the edits saved), and the lock waits never surface as `busy`.
 */
interface Host {
  url: URL;
  token: string;
  child: ChildProcess;
}

let hosts: Host[] = [];
let file: string;

async function startHostProcess(bundle: string, staticDir: string): Promise<Host> {
  const child = spawn(process.execPath, [bundle, file, staticDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`host exited with ${code}`)));
  });
  const url = new URL(line.trim());
  return { url, token: /token=([^&]+)/.exec(url.hash)?.[1] ?? '', child };
}

async function send(host: Host, channel: string, input: unknown): Promise<WireResult<unknown>> {
  const res = await fetch(`${host.url.origin}/api/call/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
    body: JSON.stringify(input),
  });
  return (await res.json()) as WireResult<unknown>;
}

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'yc-writers-'));
  file = path.join(dir, 'registry.db');
  const staticDir = path.join(dir, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(path.join(staticDir, 'index.html'), '<html><head></head></html>');
  const setup = await testRegistry({ file, backups: 'off' });
  for (const partner of ['Nagoya', 'Leipzig', 'Perth'])
    await call(setup, 'ties:create', {
      local: '南京市',
      local_level: 'city',
      partner,
      country: partner === 'Nagoya' ? 'JP' : partner === 'Leipzig' ? 'DE' : 'AU',
      notes: '0',
    });
  await setup.close();
  const bundle = await bundleEntry('test/support/host-process.ts', 'host-process');
  hosts = [await startHostProcess(bundle, staticDir), await startHostProcess(bundle, staticDir)];
}, 60_000);

afterAll(async () => {
  await Promise.all(
    hosts.map(
      (h) =>
        new Promise<void>((resolve) => {
          h.child.once('exit', () => resolve());
          h.child.kill('SIGTERM');
        }),
    ),
  );
});

describe('two writers on one registry file', () => {
  it('lose no update: conflicts are reported, lock waits handled', async () => {
    const first = await send(hosts[0]!, 'ties:list', {});
    const ids = (first as { value: { rows: TieRow[] } }).value.rows.map((r) => r.id);
    const stats = { attempts: 0, saved: 0, conflicts: 0, busy: 0, other: 0 };
    const EDITS_PER_WORKER = 25;

    async function worker(host: Host, seed: number): Promise<void> {
      for (let n = 0; n < EDITS_PER_WORKER; n++) {
        const id = ids[(seed + n) % ids.length] as string;
        for (;;) {
          const read = (await send(host, 'ties:get', { id })) as { ok: true; value: TieRow };
          stats.attempts++;
          const result = await send(host, 'ties:update', {
            id,
            version: read.value.version,
            patch: { notes: String(Number(read.value.notes) + 1) },
          });
          if (result.ok) {
            stats.saved++;
            break;
          }
          if (result.error.code === 'conflict') stats.conflicts++;
          else if (result.error.code === 'busy') stats.busy++;
          else {
            stats.other++;
            throw new Error(result.error.message);
          }
        }
      }
    }

    // Three concurrent editors per host, all on the same three rows.
    await Promise.all(hosts.flatMap((host, h) => [0, 1, 2].map((k) => worker(host, h * 3 + k))));
    const after = (await send(hosts[1]!, 'ties:list', {})) as {
      value: { rows: TieRow[] };
    };
    const total = after.value.rows.reduce((sum, r) => sum + Number(r.notes), 0);
    console.log('two writers:', JSON.stringify({ ...stats, counted: total }));
    expect(stats.saved).toBe(6 * EDITS_PER_WORKER);
    expect(total).toBe(stats.saved);
    expect(stats.busy).toBe(0);
    expect(stats.attempts).toBe(stats.saved + stats.conflicts);
    expect(stats.conflicts).toBeGreaterThan(0);
  }, 120_000);
});
