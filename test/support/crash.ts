import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { inspectRegistryFile } from '../../db/backup';
import { KNOWN_MIGRATIONS, listBackups } from '../../main/backups/backups';
import { pathsBeside } from '../../main/core/platform';

/**
 * Crash trials: a child writes against a registry file and is killed with SIGKILL at a random
 * moment; the file is then checked. Shared by the test (30 trials) and `npm run soak` (200).
 */

export interface CrashCounts {
  trials: number;
  /** Trials where the child was still running when SIGKILL reached it. */
  kills: number;
  /** Writes the child reported committed before it died, each checked to be there. */
  creates: number;
  edits: number;
  batches: number;
  /** Batches found whole, including ones committed but not yet reported when the kill came. */
  batchesWhole: number;
  /** Batch files written whose import was cut off: none of their rows may be there. */
  batchesAbsent: number;
  halfApplied: number;
  lostCommits: number;
  integrityFailures: number;
  backups: number;
  backupsChecked: number;
  badBackups: number;
  migrationsOld: number;
  migrationsNew: number;
}

export const emptyCounts = (): CrashCounts => ({
  trials: 0,
  kills: 0,
  creates: 0,
  edits: 0,
  batches: 0,
  batchesWhole: 0,
  batchesAbsent: 0,
  halfApplied: 0,
  lostCommits: 0,
  integrityFailures: 0,
  backups: 0,
  backupsChecked: 0,
  badBackups: 0,
  migrationsOld: 0,
  migrationsNew: 0,
});

/** A small deterministic generator, so a failing trial can be replayed from its seed. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Run {
  lines: string[];
  killed: boolean;
  stderr: string;
}

/**
 * Starts the worker and kills it `delayMs` after it printed `trigger` (a whole line, or the
 * first word of one) or exits on its own.
 * Only complete lines count: a report cut off by the kill was never made.
 */
function runAndKill(
  worker: string,
  args: string[],
  trigger: string,
  delayMs: number,
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [worker, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    let armed = false;
    let killed = false;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (
        !armed &&
        out.split('\n').some((line) => line === trigger || line.startsWith(`${trigger} `))
      ) {
        armed = true;
        setTimeout(() => {
          if (child.exitCode === null && child.signalCode === null) {
            killed = true;
            child.kill('SIGKILL');
          }
        }, delayMs);
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', () => {
      const lines = out.split('\n');
      lines.pop();
      resolve({ lines, killed, stderr });
    });
  });
}

function integrityOk(sqlite: Database.Database): boolean {
  const result = sqlite.pragma('integrity_check', { simple: true });
  const fk = sqlite.pragma('foreign_key_check') as unknown[];
  return result === 'ok' && fk.length === 0;
}

/** `edit:T:I` and `create:T:I` order by trial, then step. */
function order(notes: string | null): number {
  const m = /^(?:edit|create):(\d+):(\d+)$/.exec(notes ?? '');
  return m ? Number(m[1]) * 1e7 + Number(m[2]) : -1;
}

/** One trial of creates, edits and imports killed at random; adds what it saw to `counts`. */
export async function editTrial(
  worker: string,
  file: string,
  workdir: string,
  trial: number,
  random: () => number,
  counts: CrashCounts,
): Promise<string[]> {
  const batchDir = path.join(workdir, `trial-${trial}`);
  mkdirSync(batchDir, { recursive: true });
  // Every other trial is killed after its first import has been reported, so kills also land
  // in the later ones on a machine slow enough that 250 ms never reaches the first.
  const run = await runAndKill(
    worker,
    ['edits', file, String(trial), batchDir],
    trial % 2 === 0 ? 'BATCH' : 'READY',
    Math.floor(random() * 250),
  );
  counts.trials++;
  if (run.killed) counts.kills++;
  const problems: string[] = [];
  if (!run.killed) problems.push(`trial ${trial}: the worker ended by itself: ${run.stderr}`);
  // Opening read-write recovers the WAL the way the app would.
  const sqlite = new Database(file);
  try {
    if (!integrityOk(sqlite)) {
      counts.integrityFailures++;
      problems.push(`trial ${trial}: integrity check failed`);
    }
    const notesOf = sqlite.prepare('select notes from ties where id = ?').pluck();
    for (const line of run.lines) {
      const [kind, a, b, c] = line.split(' ');
      if (kind === 'CREATE') {
        counts.creates++;
        if (notesOf.get(a) === undefined) {
          counts.lostCommits++;
          problems.push(`trial ${trial}: created tie ${a} is missing`);
        }
      } else if (kind === 'EDIT') {
        counts.edits++;
        const now = order(notesOf.get(a) as string | null);
        if (now < Number(b) * 1e7 + Number(c)) {
          counts.lostCommits++;
          problems.push(`trial ${trial}: edit ${b}:${c} of ${a} is missing`);
        }
      } else if (kind === 'BATCH') {
        counts.batches++;
      }
    }
    const reported = new Set(
      run.lines.filter((l) => l.startsWith('BATCH ')).map((l) => l.split(' ')[1]),
    );
    const countOf = sqlite.prepare('select count(*) from ties where notes = ?').pluck();
    for (const name of readdirSync(batchDir).filter((f) => f.endsWith('.csv'))) {
      const tag = name.slice(0, -'.csv'.length);
      const expected =
        readFileSync(path.join(batchDir, name), 'utf8').trim().split('\n').length - 1;
      const found = Number(countOf.get(`batch:${tag}`));
      if (found === expected) counts.batchesWhole++;
      else if (found === 0) {
        counts.batchesAbsent++;
        if (reported.has(tag)) {
          counts.lostCommits++;
          problems.push(`trial ${trial}: reported batch ${tag} is missing`);
        }
      } else {
        counts.halfApplied++;
        problems.push(`trial ${trial}: batch ${tag} has ${found} of ${expected} rows`);
      }
    }
  } finally {
    sqlite.close();
  }
  return problems;
}

/** One trial of backups while editing, killed at random: every backup file left is whole. */
export async function backupTrial(
  worker: string,
  file: string,
  trial: number,
  random: () => number,
  counts: CrashCounts,
): Promise<string[]> {
  mkdirSync(path.dirname(file), { recursive: true });
  const run = await runAndKill(
    worker,
    ['backups', file, String(trial), ''],
    'READY',
    Math.floor(random() * 300),
  );
  counts.trials++;
  if (run.killed) counts.kills++;
  const problems: string[] = [];
  const sqlite = new Database(file);
  try {
    if (!integrityOk(sqlite)) {
      counts.integrityFailures++;
      problems.push(`backup trial ${trial}: registry integrity check failed`);
    }
    const exists = sqlite.prepare('select 1 from ties where id = ?').pluck();
    for (const line of run.lines.filter((l) => l.startsWith('CREATE '))) {
      counts.creates++;
      const id = line.split(' ')[1];
      if (exists.get(id) === undefined) {
        counts.lostCommits++;
        problems.push(`backup trial ${trial}: created tie ${id} is missing`);
      }
    }
  } finally {
    sqlite.close();
  }
  const dir = pathsBeside(file).backups;
  const names = new Set(listBackups(dir, 'registry').map((b) => b.name));
  for (const line of run.lines) {
    if (!line.startsWith('BACKUP ')) continue;
    counts.backups++;
    // Rotation may have removed an older one; the newest reported must be there.
  }
  const lastReported = run.lines
    .filter((l) => l.startsWith('BACKUP '))
    .at(-1)
    ?.split(' ')[1];
  if (lastReported && !names.has(lastReported)) {
    counts.lostCommits++;
    problems.push(`backup trial ${trial}: backup ${lastReported} is missing`);
  }
  for (const entry of listBackups(dir, 'registry')) {
    counts.backupsChecked++;
    const verdict = inspectRegistryFile(entry.file, KNOWN_MIGRATIONS, 'full');
    if (!verdict.ok) {
      counts.badBackups++;
      problems.push(`backup trial ${trial}: ${entry.name} is ${verdict.reason}`);
    }
  }
  return problems;
}

/**
 * One trial of opening a registry at the first schema (which backs it up and migrates it),
 * killed at random while it does: the file is at one schema or the other, never between, with
 * every row it had.
 */
export async function migrationTrial(
  worker: string,
  template: string,
  file: string,
  trial: number,
  windowMs: number,
  random: () => number,
  counts: CrashCounts,
  rowsOf: (sqlite: Database.Database) => string,
): Promise<{ problems: string[]; openedMs: number | null }> {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  copyFileSync(template, file);
  const expectedRows = (() => {
    const s = new Database(template, { readonly: true });
    try {
      return rowsOf(s);
    } finally {
      s.close();
    }
  })();
  const run = await runAndKill(worker, ['migrate', file], 'START', Math.floor(random() * windowMs));
  counts.trials++;
  if (run.killed) counts.kills++;
  const problems: string[] = [];
  const sqlite = new Database(file);
  try {
    if (!integrityOk(sqlite)) {
      counts.integrityFailures++;
      problems.push(`migration trial ${trial}: integrity check failed`);
    }
    const applied = sqlite
      .prepare('select name from kysely_migration order by name')
      .pluck()
      .all() as string[];
    const tables = new Set(
      sqlite
        .prepare("select name from sqlite_master where type = 'table'")
        .pluck()
        .all() as string[],
    );
    if (applied.length === 1) counts.migrationsOld++;
    else if (applied.length === KNOWN_MIGRATIONS.length) counts.migrationsNew++;
    else problems.push(`migration trial ${trial}: stopped between schemas: ${applied.join(', ')}`);
    if (applied.length === 1 && tables.has('commands'))
      problems.push(`migration trial ${trial}: a later table exists at the first schema`);
    if (rowsOf(sqlite) !== expectedRows) {
      counts.lostCommits++;
      problems.push(`migration trial ${trial}: rows differ after the kill`);
    }
  } finally {
    sqlite.close();
  }
  for (const entry of listBackups(pathsBeside(file).backups, 'registry')) {
    counts.backupsChecked++;
    if (!inspectRegistryFile(entry.file, KNOWN_MIGRATIONS, 'full').ok) {
      counts.badBackups++;
      problems.push(`migration trial ${trial}: backup ${entry.name} is not whole`);
    }
  }
  const opened = run.lines.find((l) => l.startsWith('OPENED '));
  return { problems, openedMs: opened ? Number(opened.split(' ')[1]) : null };
}
