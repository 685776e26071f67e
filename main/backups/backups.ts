import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  backupDatabase,
  fsyncPath,
  inspectRegistryFile,
  removeQuietly,
  type FileVerdict,
} from '../../db/backup';
import { openSqlite } from '../../db/connection';
import { migrateToLatest } from '../../db/migrate';
import { migrations } from '../../db/migrations';
import { BACKUP_NAME_PATTERN, type BackupReason } from '../../shared/ipc/backups';
import type { Clock } from '../core/context';

/**
 * Backups of a registry: when they are taken, how they are named and rotated, which one is the
 * newest good one, and how one is restored. A backup is one self-contained SQLite file in the
 * registry's backups folder, named `<registry>-<UTC stamp>-<reason>.db`.
 */

export type { BackupReason };

export interface BackupEntry {
  /** The file name in the backups folder (what the contract and the UI name it by). */
  readonly name: string;
  readonly file: string;
  /** When it was taken, ISO-8601 UTC. */
  readonly at: string;
  readonly reason: BackupReason;
  readonly size: number;
}

/** Kept: the last day's, the newest of each of 7 days, of each of 4 weeks before, the way back. */
export const KEEP_DAILY = 7;
export const KEEP_WEEKLY = 4;
/** Every backup younger than this (before the newest) is kept, whatever its day. */
export const KEEP_ALL_MS = 24 * 60 * 60 * 1000;
/** An automatic backup is taken on start when the newest is older than this. */
export const AUTO_BACKUP_AFTER_MS = 24 * 60 * 60 * 1000;

export const KNOWN_MIGRATIONS: readonly string[] = Object.keys(migrations);

const NAME = BACKUP_NAME_PATTERN;

/** The stem backups of `file` share: `registry.db` → `registry`. */
export function backupBase(file: string): string {
  return path.basename(file, path.extname(file));
}

function stamp(at: Date): string {
  return at.toISOString().replace(/[-:.]/g, '');
}

function unstamp(s: string): string {
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;
}

export function parseBackupName(
  name: string,
): { base: string; at: string; reason: BackupReason } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  return { base: m[1] as string, at: unstamp(m[2] as string), reason: m[3] as BackupReason };
}

/** A name a user may pass to `backups:restore`: one of ours, never a path. */
export function isBackupName(name: string): boolean {
  return NAME.test(name) && path.basename(name) === name;
}

/** The backups of the registry `base` in `dir`, newest first. */
export function listBackups(dir: string, base: string): BackupEntry[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const out: BackupEntry[] = [];
  for (const name of names) {
    const parsed = parseBackupName(name);
    if (!parsed || parsed.base !== base) continue;
    const file = path.join(dir, name);
    try {
      out.push({ name, file, at: parsed.at, reason: parsed.reason, size: statSync(file).size });
    } catch {
      // Rotated away by another process between the listing and the stat.
    }
  }
  return out.sort((a, b) => (a.at === b.at ? b.name.localeCompare(a.name) : a.at < b.at ? 1 : -1));
}

/** Monday of the ISO week of an instant (UTC), as YYYY-MM-DD. */
function weekOf(iso: string): string {
  const d = new Date(iso);
  const monday = new Date(
    Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - ((d.getUTCDay() + 6) % 7)),
  );
  return monday.toISOString().slice(0, 10);
}

/**
 * Which backups rotation keeps (pure): all of the last day; the newest of each of the last
 * KEEP_DAILY days that have one; then, among older ones, the newest of each of the KEEP_WEEKLY weeks before; and always
 * the newest taken before a migration and before a restore, the way back from each.
 */
export function retainedBackups(entries: readonly BackupEntry[]): Set<string> {
  const newestFirst = [...entries].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const keep = new Set<string>();
  // Everything from the last day stays: a copy taken by hand this morning must not vanish
  // because a restore (which backs up first) or a migration took another one this afternoon.
  const newest = newestFirst[0];
  if (newest) {
    const since = Date.parse(newest.at) - KEEP_ALL_MS;
    for (const e of newestFirst) if (Date.parse(e.at) > since) keep.add(e.name);
  }
  const days = new Set<string>();
  let oldestDaily: string | null = null;
  for (const e of newestFirst) {
    const day = e.at.slice(0, 10);
    if (days.has(day)) continue;
    if (days.size >= KEEP_DAILY) break;
    days.add(day);
    keep.add(e.name);
    oldestDaily = day;
  }
  const weeks = new Set<string>();
  for (const e of newestFirst) {
    if (oldestDaily !== null && e.at.slice(0, 10) >= oldestDaily) continue;
    const week = weekOf(e.at);
    if (weeks.has(week)) continue;
    if (weeks.size >= KEEP_WEEKLY) break;
    weeks.add(week);
    keep.add(e.name);
  }
  for (const reason of ['pre-migration', 'pre-restore'] as const) {
    const newest = newestFirst.find((e) => e.reason === reason);
    if (newest) keep.add(newest.name);
  }
  return keep;
}

/** Deletes what rotation does not keep, and copies a crash left half-written long ago. */
export function rotateBackups(dir: string, base: string, now: Date): string[] {
  const entries = listBackups(dir, base);
  const keep = retainedBackups(entries);
  const removed: string[] = [];
  for (const e of entries) {
    if (keep.has(e.name)) continue;
    removeQuietly(e.file);
    removed.push(e.name);
  }
  // A `.partial` younger than an hour may be another process's backup in progress.
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(`${base}-`) || !/\.partial(-journal|-wal|-shm)?$/.test(name)) continue;
    const file = path.join(dir, name);
    try {
      if (now.getTime() - statSync(file).mtimeMs > 60 * 60 * 1000) removeQuietly(file);
    } catch {
      // Gone already.
    }
  }
  return removed;
}

export interface BackupTarget {
  /** The registry file (for the name of its backups). */
  readonly file: string;
  readonly dir: string;
  readonly clock: Clock;
}

/** Takes a backup of the open registry into its backups folder, then rotates. */
export async function takeBackup(
  sqlite: Database.Database,
  target: BackupTarget,
  reason: BackupReason,
): Promise<BackupEntry> {
  mkdirSync(target.dir, { recursive: true });
  const now = target.clock.now();
  const base = backupBase(target.file);
  let name = `${base}-${stamp(now)}-${reason}.db`;
  for (let n = 2; existsSync(path.join(target.dir, name)); n++)
    name = `${base}-${stamp(now)}-${reason}-${n}.db`;
  const file = path.join(target.dir, name);
  await backupDatabase(sqlite, file);
  rotateBackups(target.dir, base, now);
  return { name, file, at: now.toISOString(), reason, size: statSync(file).size };
}

/** Whether the newest backup is missing or older than a day. */
export function backupDue(dir: string, file: string, now: Date): boolean {
  const newest = listBackups(dir, backupBase(file))[0];
  return !newest || now.getTime() - Date.parse(newest.at) >= AUTO_BACKUP_AFTER_MS;
}

/** The newest backup that passes the full integrity check and whose schema this version knows. */
export function newestGoodBackup(
  dir: string,
  file: string,
): (BackupEntry & { readonly schema: string }) | null {
  for (const entry of listBackups(dir, backupBase(file))) {
    const verdict = inspectRegistryFile(entry.file, KNOWN_MIGRATIONS, 'full');
    if (verdict.ok) return { ...entry, schema: verdict.schema };
  }
  return null;
}

/** A restore refused before anything was touched, with what was wrong with the file. */
export class RestoreRefused extends Error {
  constructor(
    readonly reason: Exclude<FileVerdict, { ok: true }>['reason'] | 'missing',
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'RestoreRefused';
  }
}

export interface RestoreResult {
  /** The schema the restored file had (it is brought up to date if older). */
  readonly schema: string;
  /** The backup of what was replaced, if there was a readable registry to keep. */
  readonly safety: BackupEntry | null;
  /** A copy of a damaged file that was replaced, beside it. */
  readonly damagedCopy: string | null;
}

/**
 * Replaces the registry `file` with the backup `from`, atomically, after keeping a backup of
 * what it replaces. The backup is checked first (a registry, intact, not from a newer version)
 * and brought to the latest schema in a scratch copy, so the live file only ever holds a whole,
 * current registry. A healthy live file is overwritten through SQLite's backup API, under its
 * write lock, so other open connections (another host, the app) see the restored registry and
 * never a torn one; a damaged or missing one is replaced by a rename.
 */
export async function restoreRegistry(options: {
  readonly file: string;
  readonly from: string;
  readonly backupsDir: string;
  readonly clock: Clock;
}): Promise<RestoreResult> {
  const file = path.resolve(options.file);
  const from = path.resolve(options.from);
  if (!existsSync(from)) throw new RestoreRefused('missing', from);
  const dir = path.dirname(file);
  mkdirSync(dir, { recursive: true });
  const scratch = path.join(
    dir,
    `.${path.basename(file)}.restore-${randomBytes(6).toString('hex')}`,
  );
  const scratchFiles = [scratch, `${scratch}-wal`, `${scratch}-shm`, `${scratch}-journal`];
  try {
    copyFileSync(from, scratch);
    const verdict = inspectRegistryFile(scratch, KNOWN_MIGRATIONS, 'full');
    if (!verdict.ok) throw new RestoreRefused(verdict.reason, verdict.detail);
    const opened = openSqlite({ file: scratch });
    try {
      await migrateToLatest(opened.db);
    } finally {
      await opened.db.destroy();
    }

    const live = existsSync(file)
      ? inspectRegistryFile(file, KNOWN_MIGRATIONS, 'quick')
      : ({ ok: false, reason: 'cannot_open', detail: 'missing' } as const);
    const healthy = live.ok || live.reason === 'newer_schema';
    let safety: BackupEntry | null = null;
    let damagedCopy: string | null = null;
    if (healthy) {
      const current = new Database(file, { fileMustExist: true });
      try {
        safety = await takeBackup(
          current,
          { file, dir: options.backupsDir, clock: options.clock },
          'pre-restore',
        );
      } finally {
        current.close();
      }
      const source = new Database(scratch, { fileMustExist: true });
      try {
        await source.backup(file, { progress: () => 0x7fffffff });
      } finally {
        source.close();
      }
    } else {
      if (existsSync(file)) {
        damagedCopy = `${file}.damaged-${stamp(options.clock.now())}`;
        copyFileSync(file, damagedCopy);
        if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${damagedCopy}-wal`);
      }
      // A stale WAL beside the new file would be replayed into it: it goes first.
      removeQuietly(`${file}-wal`, `${file}-shm`, `${file}-journal`);
      fsyncPath(scratch);
      renameSync(scratch, file);
      fsyncPath(dir);
    }
    return { schema: verdict.schema, safety, damagedCopy };
  } finally {
    removeQuietly(...scratchFiles);
  }
}
