import Database from 'better-sqlite3';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWithRecovery } from '../../main/electron/recovery';
import { pathsBeside } from '../../main/core/platform';
import { RegistryOpenError } from '../../db/connection';
import { listBackups } from '../../main/backups/backups';
import { openErrorText, type Registry } from '../../main/registry';
import { damage, populate } from '../support/populate';
import { steppingClock, testRegistry } from '../support/registry';

/** The app's answer to a damaged registry, with a fake of Electron's dialog. */
function fakeDialog(answer: number) {
  const shown: { boxes: { message: string; buttons: string[] }[]; errors: string[] } = {
    boxes: [],
    errors: [],
  };
  return {
    shown,
    dialog: {
      showMessageBox: async (options: { message: string; buttons: string[] }) => {
        shown.boxes.push(options);
        return { response: answer, checkboxChecked: false };
      },
      showErrorBox: (title: string, content: string) => shown.errors.push(`${title}: ${content}`),
    },
  };
}

async function damagedWithBackup(withBackup = true) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'yc-recovery-')), 'registry.db');
  const r = await testRegistry({ file });
  await populate(r, 40);
  await r.close();
  if (withBackup)
    await (await testRegistry({ file, clock: steppingClock('2026-01-17T09:00:00Z') })).close();
  damage(file);
  return file;
}

const options = (
  file: string,
  dialog: ReturnType<typeof fakeDialog>['dialog'],
  lang: 'zh' | 'en',
) => ({
  file,
  backupsDir: pathsBeside(file).backups,
  lang,
  clock: steppingClock('2026-01-18T09:00:00Z'),
  dialog: dialog as never,
  open: () => testRegistry({ file }),
});

describe('opening a damaged registry in the app', () => {
  it('offers the newest good backup and, if chosen, restores it and opens', async () => {
    const file = await damagedWithBackup();
    const { dialog, shown } = fakeDialog(0);
    const registry = (await openWithRecovery(options(file, dialog, 'zh'))) as Registry;
    expect(registry).not.toBeNull();
    expect(shown.boxes[0]?.message).toContain('未通过完整性检查');
    expect(shown.boxes[0]?.buttons[0]).toMatch(/^恢复 .+ 的备份$/);
    expect(registry.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(registry.sqlite.prepare('select count(*) from ties').pluck().get()).toBe(40);
    await registry.close();
    expect(readdirSync(path.dirname(file)).some((f) => f.includes('.damaged-'))).toBe(true);
  });

  it('quits, changing nothing, when the user declines', async () => {
    const file = await damagedWithBackup();
    const { dialog, shown } = fakeDialog(1);
    expect(await openWithRecovery(options(file, dialog, 'en'))).toBeNull();
    expect(shown.boxes[0]?.buttons).toEqual([
      expect.stringMatching(/^Restore the backup of /),
      'Quit',
    ]);
    expect(readdirSync(path.dirname(file)).some((f) => f.includes('.damaged-'))).toBe(false);
  });

  it('says there is no good backup when there is none', async () => {
    const file = await damagedWithBackup(false);
    const { dialog, shown } = fakeDialog(0);
    expect(await openWithRecovery(options(file, dialog, 'en'))).toBeNull();
    expect(shown.boxes).toEqual([]);
    expect(shown.errors[0]).toMatch(/The registry is damaged: .*failed its integrity check/s);
    expect(shown.errors[0]).toMatch(/There is no good backup of it/);
    expect(existsSync(file)).toBe(true);
  });
});

describe('damaged is never new', () => {
  /** A registry of 40 ties with one good backup beside it, then `harm` done to its file. */
  async function harmed(harm: (file: string) => void) {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'yc-never-new-')), 'registry.db');
    const r = await testRegistry({ file });
    await populate(r, 40);
    await r.close();
    await (await testRegistry({ file, clock: steppingClock('2026-01-17T09:00:00Z') })).close();
    // Checkpointed and closed: the WAL is folded into the file, which is then harmed alone.
    rmSync(`${file}-wal`, { force: true });
    rmSync(`${file}-shm`, { force: true });
    harm(file);
    return file;
  }

  const harms: [string, (file: string) => void][] = [
    ['empty (0 bytes)', (file) => truncateSync(file, 0)],
    ['truncated to 3 pages', (file) => truncateSync(file, 3 * 4096 + 100)],
    [
      'a damaged header',
      (file) => {
        const fd = openSync(file, 'r+');
        writeSync(fd, Buffer.from('this is no longer a SQLite header'), 0, 33, 0);
        closeSync(fd);
      },
    ],
  ];

  it.each(harms)(
    'refuses a file that is %s, naming the newest good backup and the restore command',
    async (_what, harm) => {
      const file = await harmed(harm);
      const before = readFileSync(file);
      const error = await testRegistry({ file }).then(
        async (r) => {
          await r.close();
          return null;
        },
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(RegistryOpenError);
      const refused = error as RegistryOpenError;
      expect(refused.reason).toBe('integrity');
      const backup = listBackups(pathsBeside(file).backups, 'registry')[0]!.file;
      for (const lang of ['en', 'zh'] as const) {
        const text = openErrorText(refused, lang);
        expect(text).toContain(backup);
        expect(text).toContain(`youcheng restore --db "${file}" --from "${backup}"`);
      }
      // Nothing was written: not a schema, not even the switch to WAL.
      expect(readFileSync(file).equals(before)).toBe(true);
      expect(existsSync(`${file}-wal`)).toBe(false);
    },
    60_000,
  );

  it('the desktop app offers the backup for an emptied file, and restores it', async () => {
    const file = await harmed((f) => truncateSync(f, 0));
    const { dialog, shown } = fakeDialog(0);
    const registry = (await openWithRecovery(options(file, dialog, 'en'))) as Registry;
    expect(shown.boxes[0]?.message).toMatch(/the file is empty \(0 bytes\)/);
    expect(registry.sqlite.prepare('select count(*) from ties').pluck().get()).toBe(40);
    await registry.close();
  });

  it('creates only a file that does not exist, readable by its owner alone', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'yc-never-new-'));
    const file = path.join(dir, 'new.db');
    const r = await testRegistry({ file, clock: steppingClock() });
    await r.close();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // An empty file with no backups has nothing to lose: it becomes a registry.
    const blank = path.join(dir, 'blank.db');
    writeFileSync(blank, '');
    await (await testRegistry({ file: blank })).close();
    expect(statSync(blank).size).toBeGreaterThan(0);
  });
});

describe('only registries are opened', () => {
  it('refuses another program’s SQLite file, leaving it byte for byte as it was', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'yc-foreign-'));
    const file = path.join(dir, 'contacts.db');
    const other = new Database(file);
    other.exec("create table people (name text); insert into people values ('Ann')");
    other.close();
    const before = readFileSync(file);
    const error = await testRegistry({ file }).then(
      async (r) => {
        await r.close();
        return null;
      },
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RegistryOpenError);
    expect((error as RegistryOpenError).reason).toBe('not_a_registry');
    expect(openErrorText(error as RegistryOpenError, 'en')).toMatch(
      /contacts\.db is a database of another program \(its tables: people\)/,
    );
    expect(openErrorText(error as RegistryOpenError, 'zh')).toMatch(/不是友城登记簿/);
    expect(readFileSync(file).equals(before)).toBe(true);
    const check = new Database(file, { readonly: true });
    expect(
      check.prepare("select name from sqlite_master where type = 'table'").pluck().all(),
    ).toEqual(['people']);
    check.close();
  });
});
