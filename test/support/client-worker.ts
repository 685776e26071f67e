/**
 * One client of the concurrency test, in its own process with its own registry handle, calling
 * the door as the app does: signs in as its staff member, then for a given time edits ties,
 * pastes onto several ties at once and advances ties (suspend ⇄ resume), each with the version
 * it last saw. Every committed write is reported on stdout as one JSON line, after the call
 * returned; conflicts are counted (and the row read again), anything else is reported as an error.
 *
 *   node client-worker.mjs TARGET NAME PASSWORD SECONDS SEED TIE_ID…
 */
import { writeSync } from 'node:fs';
import { openRegistry } from '../../main/registry';
import type { TieRow } from '../../shared/model';
import type { WireResult } from '../../shared/result';

const [target, name, password, seconds, seed, ...tieIds] = process.argv.slice(2);

function report(line: unknown): void {
  writeSync(1, `${JSON.stringify(line)}\n`);
}

/** A small seeded generator (mulberry32): a failing run can be replayed. */
function random(seedText: string): () => number {
  let a = Number(seedText) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function main(): Promise<void> {
  if (!target || !name || !password || !seconds || !seed || tieIds.length === 0)
    throw new Error('usage: client-worker TARGET NAME PASSWORD SECONDS SEED TIE_ID…');
  // SQLite's file lock is not fair: with ten processes writing flat out, one writer can wait
  // past the app's 5 s before it gets the lock (the slowest call is reported), and a loaded
  // machine stretches every wait; the test is about lost updates, so its clients wait a minute.
  const registry = await openRegistry({
    file: target,
    host: 'cli',
    backups: 'off',
    busyTimeoutMs: 60_000,
  });
  const client = `worker:${name}`;
  let slowest = 0;
  const door = async (channel: string, input: unknown): Promise<WireResult<unknown>> => {
    const t0 = Date.now();
    const r = await registry.door(channel, input, { trusted: true, client });
    slowest = Math.max(slowest, Date.now() - t0);
    return r;
  };
  const signIn = await door('auth:signIn', { name, password });
  if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.error.message}`);

  const rand = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  // What this client last saw of each tie, as a grid holds its rows.
  const seen = new Map<string, TieRow>();
  const read = async (id: string): Promise<TieRow> => {
    const r = await door('ties:get', { id });
    if (!r.ok) throw new Error(`ties:get ${id}: ${r.error.message}`);
    seen.set(id, r.value as TieRow);
    return r.value as TieRow;
  };
  for (const id of tieIds) await read(id);

  const end = Date.now() + Number(seconds) * 1000;
  let n = 0;
  while (Date.now() < end) {
    n++;
    const roll = rand();
    const value = `${name}#${n}`;
    if (roll < 0.6) {
      const tie = seen.get(pick(tieIds))!;
      const r = await door('ties:update', {
        id: tie.id,
        version: tie.version,
        patch: { notes: value },
      });
      if (r.ok) {
        const row = r.value as TieRow;
        seen.set(tie.id, row);
        report({
          op: 'edit',
          writes: [{ id: tie.id, from: tie.version, to: row.version, notes: value }],
        });
      } else settle(r, await read(tie.id));
    } else if (roll < 0.85) {
      // A block pasted down the notes column over two or three rows: all of it or none.
      const count = 2 + Math.floor(rand() * 2);
      const start = Math.floor(rand() * (tieIds.length - count + 1));
      const rows = tieIds.slice(start, start + count).map((id) => seen.get(id)!);
      const lines = rows.map((_, i) => `${value}.${i}`);
      const r = await door('grid:paste', {
        grid: 'ties',
        columns: ['notes'],
        rows: rows.map((row) => ({ id: row.id, version: row.version })),
        text: lines.join('\n'),
      });
      if (r.ok) {
        rows.forEach((row, i) =>
          seen.set(row.id, { ...row, version: row.version + 1, notes: lines[i]! }),
        );
        report({
          op: 'paste',
          writes: rows.map((row, i) => ({
            id: row.id,
            from: row.version,
            to: row.version + 1,
            notes: lines[i],
          })),
        });
      } else {
        settle(r);
        for (const row of rows) await read(row.id);
      }
    } else {
      const tie = seen.get(pick(tieIds))!;
      const to = tie.stage === 'suspended' ? 'established' : 'suspended';
      const r = await door('workflow:advance', {
        id: tie.id,
        version: tie.version,
        to,
        on: '2026-01-01',
        reason: `${value} ${to}`,
      });
      if (r.ok) {
        const row = r.value as TieRow;
        seen.set(tie.id, row);
        report({
          op: 'advance',
          writes: [{ id: tie.id, from: tie.version, to: row.version, stage: row.stage }],
        });
      } else settle(r, await read(tie.id));
    }
  }
  await registry.close();
  report({ done: true, calls: n, slowestMs: slowest });
}

const tally = { conflicts: 0 };
/** A refusal: a conflict is expected (someone saved first); anything else is an error. */
function settle(result: WireResult<unknown>, _fresh?: TieRow): void {
  if (result.ok) return;
  // A paste reports a stale row among its cells' refusals: a conflict all the same.
  const details = result.error.details ?? [];
  const pasteConflict =
    result.error.code === 'validation' &&
    details.length > 0 &&
    details.every((d) => d.key === 'errors.conflict');
  if (result.error.code === 'conflict' || pasteConflict) {
    tally.conflicts++;
    report({ op: 'conflict' });
  } else report({ op: 'error', code: result.error.code, message: result.error.message });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    report({ op: 'error', code: 'crash', message: (error as Error).stack ?? String(error) });
    process.exit(1);
  },
);
