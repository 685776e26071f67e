import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inspectRegistryFile } from '../../db/backup';
import { RegistryOpenError } from '../../db/connection';
import { migrateTo } from '../../db/migrate';
import { LATEST_SCHEMA } from '../../db/migrations';
import type { RestoreRefused } from '../../main/backups/backups';
import {
  KNOWN_MIGRATIONS,
  listBackups,
  restoreRegistry,
  retainedBackups,
  type BackupEntry,
} from '../../main/backups/backups';
import { main } from '../../main/cli/cli';
import { openSqlite } from '../../db/connection';
import { pathsBeside } from '../../main/core/platform';
import type { Registry } from '../../main/registry';
import type { BackupList, RestoreOutcome } from '../../shared/ipc/backups';
import type { TieRow } from '../../shared/model';
import { damage, digest, peek, populate } from '../support/populate';
import { call, steppingClock, testRegistry } from '../support/registry';

const dirs: string[] = [];
function tempFile(name = 'registry.db'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'yc-backups-'));
  dirs.push(dir);
  return path.join(dir, name);
}
const open: Registry[] = [];
async function openFile(file: string, start = '2026-01-15T09:00:00.000Z'): Promise<Registry> {
  const r = await testRegistry({ file, clock: steppingClock(start) });
  open.push(r);
  return r;
}
afterEach(async () => {
  for (const r of open.splice(0)) await r.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
}

const entry = (at: string, reason: BackupEntry['reason'] = 'auto'): BackupEntry => ({
  name: `registry-${at.replace(/[-:.]/g, '')}-${reason}.db`,
  file: '',
  at,
  reason,
  size: 1,
});

describe('rotation', () => {
  it('keeps the last day, the newest of 7 days, of the 4 weeks before, and the way back', () => {
    const entries: BackupEntry[] = [];
    // Two backups a day for 60 days, and one before a migration long ago.
    for (let d = 0; d < 60; d++) {
      const day = new Date(Date.UTC(2026, 0, 1 + d));
      entries.push(entry(new Date(day.getTime() + 9 * 3600e3).toISOString()));
      entries.push(entry(new Date(day.getTime() + 15 * 3600e3).toISOString(), 'manual'));
    }
    const migration = entry('2025-12-01T08:00:00.000Z', 'pre-migration');
    entries.push(migration);
    const keep = retainedBackups(entries);
    const kept = entries.filter((e) => keep.has(e.name)).map((e) => e.at.slice(0, 13));
    // The last 7 days at 15:00; then the last of each of the 4 (Monday to Sunday) weeks before.
    expect(kept.filter((a) => a >= '2026-02-23')).toEqual([
      '2026-02-23T15',
      '2026-02-24T15',
      '2026-02-25T15',
      '2026-02-26T15',
      '2026-02-27T15',
      '2026-02-28T15',
      '2026-03-01T09',
      '2026-03-01T15',
    ]);
    expect(kept.filter((a) => a < '2026-02-23' && a > '2026')).toEqual([
      '2026-02-01T15',
      '2026-02-08T15',
      '2026-02-15T15',
      '2026-02-22T15',
    ]);
    expect(keep.has(migration.name)).toBe(true);
    // And everything from the day before the newest: this morning's copy too.
    expect(keep.has(entries.find((e) => e.at.startsWith('2026-03-01T09'))!.name)).toBe(true);
    expect(keep.size).toBe(7 + 4 + 1 + 1);
  });

  it('keeps everything while there are fewer than a week of days', () => {
    const entries = [entry('2026-01-15T09:00:00.000Z'), entry('2026-01-16T09:00:00.000Z')];
    expect(retainedBackups(entries).size).toBe(2);
  });
});

describe('automatic backups', () => {
  it('takes none for a new file, one a day on start, and never two the same day', async () => {
    const file = tempFile();
    const backups = pathsBeside(file).backups;
    await (await openFile(file)).close();
    expect(listBackups(backups, 'registry')).toEqual([]);
    const second = await openFile(file, '2026-01-15T10:00:00.000Z');
    expect(second.startup.backups.map((b) => b.reason)).toEqual(['auto']);
    await second.close();
    await (await openFile(file, '2026-01-15T20:00:00.000Z')).close();
    expect(listBackups(backups, 'registry')).toHaveLength(1);
    await (await openFile(file, '2026-01-16T10:00:01.000Z')).close();
    const all = listBackups(backups, 'registry');
    expect(all.map((b) => b.at.slice(0, 13))).toEqual(['2026-01-16T10', '2026-01-15T10']);
    for (const b of all) {
      expect(inspectRegistryFile(b.file, KNOWN_MIGRATIONS)).toMatchObject({ ok: true });
      // A copy of every record is as private as the registry: its owner's alone.
      expect(statSync(b.file).mode & 0o777).toBe(0o600);
    }
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(backups).filter((n) => n.includes('.partial'))).toEqual([]);
  });

  it('backs up a registry at an older schema before migrating it, with its rows', async () => {
    const file = tempFile();
    const { db, sqlite } = openSqlite({ file });
    await migrateTo(db, '20261123T1930_init');
    sqlite
      .prepare(
        "insert into localities (id, name, level, version, created_at, updated_at) values ('l1', '南京市', 'city', 1, 'x', 'x')",
      )
      .run();
    await db.destroy();
    const r = await openFile(file);
    expect(r.startup.backups.map((b) => b.reason)).toEqual(['pre-migration']);
    const [backup] = r.startup.backups;
    expect(inspectRegistryFile(backup!.file, KNOWN_MIGRATIONS)).toMatchObject({
      ok: true,
      schema: '20261123T1930_init',
    });
    expect(
      peek(backup!.file, (s) => s.prepare('select name from localities').pluck().all()),
    ).toEqual(['南京市']);
  });

  it('refuses to migrate when the backup before it cannot be written', async () => {
    const file = tempFile();
    const { db } = openSqlite({ file });
    await migrateTo(db, '20261123T1930_init');
    await db.destroy();
    // The backups folder cannot be created where a file already stands.
    writeFileSync(pathsBeside(file).backups, 'in the way');
    const error = await testRegistry({ file }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryOpenError);
    expect((error as RegistryOpenError).reason).toBe('backup_failed');
    expect((error as Error).message).toMatch(/needs an upgrade of its format/);
    const schema = peek(file, (s) =>
      s.prepare('select name from kysely_migration order by name').pluck().all(),
    );
    expect(schema).toEqual(['20261123T1930_init']);
  });
});

describe('a daily backup that cannot be written', () => {
  it('opens the registry all the same, and says why', async () => {
    const file = tempFile();
    await (await openFile(file)).close();
    writeFileSync(pathsBeside(file).backups, 'in the way');
    const r = await openFile(file, '2026-01-16T09:00:00.000Z');
    expect(r.startup.backups).toEqual([]);
    expect(r.startup.backupError).toMatch(/EEXIST|ENOTDIR/);
    expect(await call(r, 'ties:list', {})).toMatchObject({ total: 0 });
  });
});

describe('integrity on open', () => {
  it('names the newest good backup and the restore command, and changes nothing', async () => {
    const file = tempFile();
    const r = await openFile(file);
    await populate(r, 40);
    await r.close();
    // A good backup from yesterday, then today's file goes bad.
    const good = await openFile(file, '2026-01-16T09:00:00.000Z');
    await good.close();
    damage(file);
    const before = peek(file, (s) => s.prepare('select count(*) from ties').pluck().get());
    const error = (await testRegistry({ file }).catch((e: unknown) => e)) as RegistryOpenError;
    expect(error).toBeInstanceOf(RegistryOpenError);
    expect(error.reason).toBe('integrity');
    const [newest] = listBackups(pathsBeside(file).backups, 'registry');
    expect(error.message).toContain('failed its integrity check');
    expect(error.message).toContain(newest!.file);
    expect(error.message).toContain(`youcheng restore --db "${file}" --from "${newest!.file}"`);
    expect(peek(file, (s) => s.prepare('select count(*) from ties').pluck().get())).toBe(before);

    const cli = capture();
    expect(await main(['call', '--db', file, '--lang', 'zh', 'ties:list'], cli.io)).toBe(1);
    expect(cli.err.join('\n')).toContain('未通过完整性检查');
    expect(cli.err.join('\n')).toContain('youcheng restore --db');
  });
});

describe('restore', () => {
  async function registryWithBackup() {
    const file = tempFile();
    const r = await openFile(file);
    const made = await populate(r);
    const backup = await call<{ name: string }>(r, 'backups:create', {});
    const before = digest(r.sqlite);
    await call(r, 'ties:update', {
      id: made.ties[0]!.id,
      version: made.ties[0]!.version,
      patch: { notes: 'after the backup' },
    });
    return { file, r, made, backup, before };
  }

  it('through the contract: keeps the registry as it was, restores, records it', async () => {
    const { file, r, made, backup } = await registryWithBackup();
    const other = new Database(file);
    const list = await call<BackupList>(r, 'backups:list', {});
    expect(list.rows.map((b) => b.name)).toEqual([backup.name]);
    const outcome = await call<RestoreOutcome>(r, 'backups:restore', { name: backup.name });
    expect(outcome.restored.name).toBe(backup.name);
    expect(outcome.safety?.reason).toBe('pre-restore');
    const tie = await call<TieRow>(r, 'ties:get', { id: made.ties[0]!.id });
    expect(tie.notes).toBe('tie 0');
    // Another connection open on the file all along sees the restored registry.
    expect(other.prepare('select notes from ties where id = ?').pluck().get(made.ties[0]!.id)).toBe(
      'tie 0',
    );
    other.close();
    const audit = await call<{ entity: string; action: string; actor: string }[]>(r, 'audit:list', {
      entity: 'registry',
    });
    expect(audit[0]).toMatchObject({ entity: 'registry', action: 'restore', actor: 'tester' });
    // The registry as it was is a backup too: restoring it brings the later edit back.
    await call(r, 'backups:restore', { name: outcome.safety!.name });
    expect((await call<TieRow>(r, 'ties:get', { id: made.ties[0]!.id })).notes).toBe(
      'after the backup',
    );
  });

  it.each([
    ['a path', '../registry.db'],
    ['an absolute path', '/etc/passwd'],
    ['a name that is not a backup', 'notes.txt'],
  ])('refuses %s as a backup name', async (_label, name) => {
    const { r } = await registryWithBackup();
    const before = digest(r.sqlite);
    const result = await r.door('backups:restore', { name }, { trusted: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(digest(r.sqlite)).toBe(before);
  });

  it('refuses a file that is not a registry, a damaged one and one from a newer version', async () => {
    const { file, r } = await registryWithBackup();
    const before = digest(r.sqlite);
    const dir = path.dirname(file);
    const text = path.join(dir, 'letter.db');
    writeFileSync(text, 'Dear colleagues, '.repeat(500));
    const empty = path.join(dir, 'empty.db');
    new Database(empty).close();
    const newer = path.join(dir, 'newer.db');
    await r.sqlite.backup(newer);
    const n = new Database(newer);
    n.prepare(
      "insert into kysely_migration (name, timestamp) values ('29990101T0000_future', 'x')",
    ).run();
    n.close();
    const bad = path.join(dir, 'bad.db');
    await r.sqlite.backup(bad);
    damage(bad);
    const clock = steppingClock();
    const refused = async (from: string) =>
      (
        (await restoreRegistry({ file, from, backupsDir: r.paths.backups, clock }).catch(
          (e: unknown) => e,
        )) as RestoreRefused
      ).reason;
    expect(await refused(text)).toBe('not_a_registry');
    expect(await refused(empty)).toBe('not_a_registry');
    expect(await refused(newer)).toBe('newer_schema');
    expect(await refused(bad)).toBe('integrity');
    expect(await refused(path.join(dir, 'missing.db'))).toBe('missing');
    expect(digest(r.sqlite)).toBe(before);
    expect(readdirSync(dir).filter((f) => f.includes('.restore-'))).toEqual([]);
  });

  it('replaces a damaged file by a rename, keeping the damaged one beside it', async () => {
    const { file, r, backup } = await registryWithBackup();
    const from = path.join(r.paths.backups, backup.name);
    await r.close();
    open.splice(open.indexOf(r), 1);
    damage(file);
    const result = await restoreRegistry({
      file,
      from,
      backupsDir: pathsBeside(file).backups,
      clock: steppingClock(),
    });
    expect(result.safety).toBeNull();
    expect(result.damagedCopy && existsSync(result.damagedCopy)).toBe(true);
    expect(inspectRegistryFile(file, KNOWN_MIGRATIONS)).toMatchObject({
      ok: true,
      schema: LATEST_SCHEMA,
    });
  });

  it('brings a backup from an older schema up to date as it restores it', async () => {
    const file = tempFile();
    const old = tempFile('old.db');
    const { db, sqlite } = openSqlite({ file: old });
    await migrateTo(db, '20261123T1930_init');
    sqlite
      .prepare(
        "insert into localities (id, name, level, version, created_at, updated_at) values ('l1', '南京市', 'city', 1, 'x', 'x')",
      )
      .run();
    await db.destroy();
    const r = await openFile(file);
    await populate(r);
    await r.close();
    open.splice(0);
    const result = await restoreRegistry({
      file,
      from: old,
      backupsDir: pathsBeside(file).backups,
      clock: steppingClock(),
    });
    expect(result.schema).toBe('20261123T1930_init');
    expect(result.safety?.reason).toBe('pre-restore');
    expect(inspectRegistryFile(file, KNOWN_MIGRATIONS)).toMatchObject({ schema: LATEST_SCHEMA });
    expect(peek(file, (s) => s.prepare('select name from localities').pluck().all())).toEqual([
      '南京市',
    ]);
  });
});

describe('the backup and restore commands', () => {
  it('back up a registry in use and restore it, keeping what it replaced', async () => {
    const file = tempFile();
    const r = await openFile(file);
    await populate(r);
    const before = digest(r.sqlite);
    const out = path.join(path.dirname(file), 'copy.db');
    const backup = capture();
    expect(await main(['backup', '--db', file, '--out', out], backup.io)).toBe(0);
    expect(JSON.parse(backup.out.join('\n'))).toEqual({ file, out });
    expect(peek(out, (s) => digest(s))).toBe(before);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const again = capture();
    expect(await main(['backup', '--db', file, '--out', out], again.io)).toBe(1);
    expect(again.err.join('\n')).toMatch(/already exists/);

    await call(r, 'settings:update', { patch: { officeName: 'changed' } });
    await r.close();
    open.splice(0);
    const restore = capture();
    expect(await main(['restore', '--db', file, '--from', out], restore.io)).toBe(0);
    const result = JSON.parse(restore.out.join('\n'));
    expect(result.safety).toMatch(/-pre-restore\.db$/);
    expect(
      peek(result.safety, (s) =>
        s.prepare("select value from settings where key = 'officeName'").pluck().get(),
      ),
    ).toBe('"changed"');
    expect(
      peek(file, (s) =>
        s.prepare("select value from settings where key = 'officeName'").pluck().get(),
      ),
    ).toBe('"南京市外办"');
    expect(
      peek(file, (s) =>
        s.prepare('select action from audit_log order by seq desc limit 1').pluck().get(),
      ),
    ).toBe('restore');
  });

  it.each([
    ['not a registry', 'package.json', /is not a Youcheng registry/],
    ['missing', 'nowhere.db', /There is no file at/],
  ])('refuses to restore a file that is %s, changing nothing', async (_l, from, message) => {
    const file = tempFile();
    const r = await openFile(file);
    await populate(r);
    const before = digest(r.sqlite);
    const io = capture();
    expect(await main(['restore', '--db', file, '--from', path.resolve(from)], io.io)).toBe(1);
    expect(io.err.join('\n')).toMatch(message);
    expect(io.out).toEqual([]);
    expect(digest(r.sqlite)).toBe(before);
  });

  it('words a refusal in Chinese', async () => {
    const io = capture();
    await main(['restore', '--db', tempFile(), '--from', 'package.json', '--lang', 'zh'], io.io);
    expect(io.err.join('\n')).toContain('不是友城登记簿');
  });

  it('refuses to back up a registry that is not there', async () => {
    const io = capture();
    const file = tempFile();
    expect(await main(['backup', '--db', file, '--out', `${file}.bak`], io.io)).toBe(1);
    expect(io.err.join('\n')).toMatch(/There is no registry at/);
    expect(existsSync(file)).toBe(false);
  });
});
