import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { openRegistry } from '../../main/registry';
import type { TieRow } from '../../shared/model';
import type { WireResult } from '../../shared/result';
import { bundleEntry } from '../support/bundle';
import { adminQuery } from '../support/postgres-server';
import { TEST_ENGINE } from '../support/registry';

/**
 * Ten clients against one registry for a minute, each in its own process with its own handle,
 * through the door as the app calls it: edits, pastes over several rows, and stage advances of
 * the same dozen ties, with the versions each last saw. Afterwards:
 *  - no lost update: every tie's committed writes form one chain of versions, each built on the
 *    one before it, from its first version to its last, and its notes are the last written;
 *  - no error but the conflicts the door reported (someone saved first);
 *  - the audit log holds a row for every committed write, at its version, under its signer.
 * The engine is the test harness's (YOUCHENG_TEST_ENGINE): a SQLite file, or PostgreSQL.
 */

const CLIENTS = 10;
const SECONDS = Number(process.env.YOUCHENG_CONCURRENCY_SECONDS ?? 60);
const TIES = 12;
const PASSWORD = 'concurrent-pass';

interface Write {
  id: string;
  from: number;
  to: number;
  notes?: string;
  stage?: string;
}
type Line =
  | { op: 'edit' | 'paste' | 'advance'; writes: Write[] }
  | { op: 'conflict' }
  | { op: 'error'; code: string; message: string }
  | { done: true; calls: number; slowestMs: number };

/**
 * Where the registry lives for this run: a SQLite file, or in the PostgreSQL project a fresh
 * database on the run's server (copied from its migrated template), dropped afterwards.
 */
async function registryTarget(dir: string): Promise<{ target: string; drop(): Promise<void> }> {
  if (TEST_ENGINE !== 'postgres')
    return { target: path.join(dir, 'registry.db'), drop: () => Promise.resolve() };
  const base = inject('postgresUrl');
  const name = `concurrency_${process.pid}`;
  await adminQuery(base, [`create database ${name} template youcheng_template`]);
  return {
    target: `${base}${name}`,
    drop: () => adminQuery(base, [`drop database if exists ${name} with (force)`]),
  };
}

async function must<T>(result: Promise<WireResult<unknown>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

let worker: string;
beforeAll(async () => {
  worker = await bundleEntry('test/support/client-worker.ts', 'client-worker');
});

function runClient(target: string, name: string, seed: number, ties: string[]) {
  const child = spawn(
    process.execPath,
    [worker, target, name, PASSWORD, String(SECONDS), String(seed), ...ties],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const lines: Line[] = [];
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  createInterface({ input: child.stdout }).on('line', (l) => lines.push(JSON.parse(l) as Line));
  return new Promise<{ name: string; lines: Line[]; code: number | null; stderr: string }>(
    (resolve) => child.on('close', (code) => resolve({ name, lines, code, stderr })),
  );
}

describe(`${CLIENTS} concurrent clients for ${SECONDS} s`, () => {
  it(
    'lose no update, fail only with reported conflicts, and leave a complete audit log',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'yc-concurrency-'));
      const { target, drop } = await registryTarget(dir);
      const setup = await openRegistry({ file: target, host: 'cli', backups: 'off' });
      const as = { trusted: true, client: 'setup' } as const;
      // The office: an approver, who adds the ten staff (signed in as them by the workers).
      await must(setup.door('staff:create', { name: '主任', password: PASSWORD }, as));
      const names = Array.from(
        { length: CLIENTS },
        (_, i) => `职员${String(i + 1).padStart(2, '0')}`,
      );
      for (const name of names)
        await must(setup.door('staff:create', { name, password: PASSWORD, role: 'editor' }, as));
      const initial = new Map<string, TieRow>();
      for (let i = 0; i < TIES; i++) {
        const tie = await must<TieRow>(
          setup.door(
            'ties:create',
            {
              local: '南京市',
              local_level: 'city',
              partner: `Partner ${i}`,
              country: ['JP', 'DE', 'US', 'FR'][i % 4],
              stage: 'established',
              established_on: `${1980 + i}`,
            },
            as,
          ),
        );
        initial.set(tie.id, tie);
      }
      const seqBefore = Number(
        (
          await setup.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.max('seq').as('s'))
            .executeTakeFirst()
        )?.s ?? 0,
      );
      await setup.close();

      const ids = [...initial.keys()];
      const runs = await Promise.all(
        names.map((name, i) => runClient(target, name, 1000 + i, ids)),
      );

      const counts = {
        edit: 0,
        paste: 0,
        advance: 0,
        rowWrites: 0,
        conflicts: 0,
        errors: 0,
        slowestMs: 0,
      };
      const errors: string[] = [];
      const writes = new Map<string, (Write & { by: string })[]>();
      for (const run of runs) {
        expect(run.code, `${run.name} exited: ${run.stderr}`).toBe(0);
        const last = run.lines.at(-1);
        expect(last && 'done' in last, `${run.name} finished`).toBe(true);
        if (last && 'done' in last) counts.slowestMs = Math.max(counts.slowestMs, last.slowestMs);
        for (const line of run.lines) {
          if ('done' in line) continue;
          if (line.op === 'conflict') counts.conflicts++;
          else if (line.op === 'error') {
            counts.errors++;
            errors.push(`${run.name}: ${line.code} ${line.message}`);
          } else {
            counts[line.op]++;
            for (const w of line.writes) {
              counts.rowWrites++;
              writes.set(w.id, [...(writes.get(w.id) ?? []), { ...w, by: run.name }]);
            }
          }
        }
      }
      console.log(
        `${CLIENTS} clients, ${SECONDS} s, ${TEST_ENGINE}:`,
        JSON.stringify(counts),
        `(${((counts.edit + counts.paste + counts.advance) / SECONDS).toFixed(1)} committed calls/s)`,
      );
      expect(errors, 'errors other than conflicts').toEqual([]);
      expect(counts.edit).toBeGreaterThan(0);
      expect(counts.paste).toBeGreaterThan(0);
      expect(counts.advance).toBeGreaterThan(0);
      expect(counts.conflicts, 'clients really contended').toBeGreaterThan(0);

      const check = await openRegistry({ file: target, host: 'cli', backups: 'off' });
      try {
        const audit = await check.db
          .selectFrom('audit_log')
          .select(['entity_id', 'after', 'actor'])
          .where('entity', '=', 'tie')
          .where('seq', '>', seqBefore)
          .execute();
        const audited = new Set(
          audit.map((a) => {
            const after = JSON.parse(a.after ?? '{}') as { version?: number };
            return `${a.entity_id}@${after.version}@${a.actor}`;
          }),
        );
        for (const [id, first] of initial) {
          const final = (await check.db
            .selectFrom('ties')
            .select(['version', 'notes', 'stage'])
            .where('id', '=', id)
            .executeTakeFirstOrThrow()) as { version: number; notes: string | null; stage: string };
          const chain = [...(writes.get(id) ?? [])].sort((a, b) => a.from - b.from);
          // One chain: each committed write started from the version the previous one made.
          let version = first.version;
          let notes = first.notes;
          let stage: string = first.stage;
          for (const w of chain) {
            expect(w.from, `tie ${id}: a write from v${w.from} after v${version}`).toBe(version);
            version = w.to;
            if (w.notes !== undefined) notes = w.notes;
            if (w.stage !== undefined) stage = w.stage;
            expect(audited.has(`${id}@${w.to}@${w.by}`), `audit of ${id} v${w.to} by ${w.by}`).toBe(
              true,
            );
          }
          expect(Number(final.version), `tie ${id}: final version`).toBe(version);
          expect(final.notes, `tie ${id}: the last notes written`).toBe(notes);
          expect(final.stage).toBe(stage);
        }
      } finally {
        await check.close();
        await drop();
      }
    },
    (SECONDS + 120) * 1000,
  );
});
