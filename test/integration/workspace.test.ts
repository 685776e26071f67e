import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RegistrySwitch } from '../../main/core/platform';
import { openRegistry } from '../../main/registry';
import {
  forget,
  lastRegistry,
  loadRecent,
  MAX_RECENT,
  openWorkspace,
  remember,
  sampleCsv,
  userDataDir,
  type Workspace,
} from '../../main/registries/workspace';
import type { RegistriesInfo } from '../../shared/ipc/registries';
import type { WireResult } from '../../shared/result';
import type { Whoami } from '../../shared/staff';
import { ctx, steppingClock, testRegistry } from '../support/registry';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const tmp = () => mkdtempSync(path.join(tmpdir(), 'yc-workspace-'));

/** A workspace as the browser host builds one: each registry reaches it through its platform. */
async function workspaceIn(dir: string, first = path.join(dir, 'province.db')) {
  const holder: { current?: RegistrySwitch } = {};
  const workspace = await openWorkspace(first, {
    recentFile: path.join(dir, 'state', 'recent.json'),
    sample: { file: path.join(dir, 'state', 'sample.db'), csv: sampleCsv(ROOT) },
    open: (file) =>
      openRegistry({
        file,
        host: 'browser',
        clock: steppingClock(),
        unnamedActor: 'tester',
        backups: 'off',
        platform: {
          kind: 'browser',
          get registries() {
            return holder.current;
          },
        },
      }),
  });
  holder.current = workspace;
  return workspace;
}

const door = async <T>(w: Workspace, channel: string, input: unknown = {}) =>
  (await w.door(channel, input, { trusted: true, lang: 'en' })) as WireResult<T>;

describe('the recent list', () => {
  it('puts the newest first, once, and keeps a few', () => {
    let state = { last: null, recent: [] } as ReturnType<typeof remember>;
    for (let i = 0; i < MAX_RECENT + 3; i++) state = remember(state, `/r/${i}.db`);
    state = remember(state, '/r/5.db');
    expect(state.last).toBe('/r/5.db');
    expect(state.recent[0]).toBe('/r/5.db');
    expect(state.recent).toHaveLength(MAX_RECENT);
    expect(new Set(state.recent).size).toBe(MAX_RECENT);
    const dropped = forget(state, '/r/5.db');
    expect(dropped.last).toBeNull();
    expect(dropped.recent).not.toContain('/r/5.db');
  });

  it('reads a missing, damaged or foreign file as an empty list', () => {
    const dir = tmp();
    expect(loadRecent(path.join(dir, 'none.json'))).toEqual({ last: null, recent: [] });
    writeFileSync(path.join(dir, 'bad.json'), '{ not json');
    expect(loadRecent(path.join(dir, 'bad.json'))).toEqual({ last: null, recent: [] });
    writeFileSync(
      path.join(dir, 'odd.json'),
      JSON.stringify({ last: 'relative.db', recent: ['/a.db', 3, 'b.db'] }),
    );
    expect(loadRecent(path.join(dir, 'odd.json'))).toEqual({ last: null, recent: ['/a.db'] });
  });

  it('lives in the folder Electron calls userData on each system', () => {
    expect(userDataDir('linux', {}, '/home/li')).toBe('/home/li/.config/友城 Youcheng');
    expect(userDataDir('linux', { XDG_CONFIG_HOME: '/x' }, '/home/li')).toBe('/x/友城 Youcheng');
    expect(userDataDir('darwin', {}, '/Users/li')).toBe(
      '/Users/li/Library/Application Support/友城 Youcheng',
    );
    expect(userDataDir('win32', { APPDATA: 'C:\\AppData' }, 'C:\\Users\\li')).toContain(
      '友城 Youcheng',
    );
  });
});

describe('switching registries', () => {
  it('makes, opens and reopens files, remembering them outside any registry', async () => {
    const dir = tmp();
    const w = await workspaceIn(dir);
    const province = path.join(dir, 'province.db');
    const city = path.join(dir, 'city.db');
    await door(w, 'ties:create', {
      local: '江苏',
      local_level: 'province',
      partner: 'Nagoya',
      country: 'JP',
      stage: 'contact',
    });

    const made = await door<RegistriesInfo>(w, 'registries:open', { file: city, create: true });
    expect(made.ok && made.value.file).toBe(city);
    expect(made.ok && made.value.recent.map((r) => r.file)).toEqual([city, province]);
    // The door now reaches the new, empty registry; the province's tie is in its own file.
    const ties = await door<{ rows: unknown[] }>(w, 'ties:list', {});
    expect(ties.ok && ties.value.rows).toEqual([]);
    const state = JSON.parse(readFileSync(path.join(dir, 'state', 'recent.json'), 'utf8'));
    expect(state).toEqual({ last: city, recent: [city, province] });

    const back = await door<RegistriesInfo>(w, 'registries:open', { file: province });
    expect(back.ok && back.value.name).toBe('province.db');
    const again = await door<{ rows: unknown[] }>(w, 'ties:list', {});
    expect(again.ok && again.value.rows).toHaveLength(1);
    await w.close();

    // The next start opens the one used last.
    expect(lastRegistry(loadRecent(path.join(dir, 'state', 'recent.json')))).toBe(province);
  });

  it('refuses, naming the file: a relative path, a missing file, an existing one to make, a foreign file', async () => {
    const dir = tmp();
    const w = await workspaceIn(dir);
    const foreign = path.join(dir, 'notes.db');
    writeFileSync(foreign, 'these are not the registry you are looking for\n'.repeat(200));
    const cases: [unknown, string, string][] = [
      [{ file: 'city.db' }, 'validation', 'registries.errors.relative'],
      [{ file: path.join(dir, 'none.db') }, 'not_found', 'registries.errors.missing'],
      [{ file: foreign, create: true }, 'rule', 'registries.errors.exists'],
      [
        { file: path.join(dir, 'no', 'such', 'x.db'), create: true },
        'not_found',
        'registries.errors.noFolder',
      ],
    ];
    for (const [input, code, key] of cases) {
      const result = await door(w, 'registries:open', input);
      expect(result.ok, JSON.stringify(input)).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe(code);
        expect(result.error.key).toBe(key);
      }
    }
    const notRegistry = await door(w, 'registries:open', { file: foreign });
    expect(notRegistry.ok).toBe(false);
    if (!notRegistry.ok) {
      expect(notRegistry.error.code).toBe('rule');
      expect(notRegistry.error.message).toContain(foreign);
    }
    // Another program's SQLite database is refused too, and nothing is added to it.
    const contacts = path.join(dir, 'contacts.db');
    const other = new Database(contacts);
    other.exec('create table people (name text)');
    other.close();
    const untouched = readFileSync(contacts);
    expect(await door(w, 'registries:open', { file: contacts })).toMatchObject({
      ok: false,
      error: { code: 'rule', key: 'recovery.foreign' },
    });
    expect(readFileSync(contacts).equals(untouched)).toBe(true);
    // Nothing was lost on the way: the first registry is still the open one.
    const current = await door<RegistriesInfo>(w, 'registries:current');
    expect(current.ok && current.value.file).toBe(path.join(dir, 'province.db'));
    await w.close();
  });

  it('opens the sample registry, made once through the importer, in a file of its own', async () => {
    const dir = tmp();
    const w = await workspaceIn(dir);
    const opened = await w.openSample(ctx);
    expect(opened.sample).toBe(true);
    const ties = await door<{ total: number }>(w, 'ties:list', {});
    expect(ties.ok && ties.value.total).toBe(20);
    const settings = await door<{ officeName: string; jurisdictionId: string }>(w, 'settings:get');
    expect(settings.ok && settings.value.officeName).toMatch(/Nanjing/);
    const places = await door<{ id: string; name: string }[]>(w, 'localities:list');
    const own =
      places.ok && places.value.find((l) => settings.ok && l.id === settings.value.jurisdictionId);
    expect(own && own.name).toBe('南京市');
    const audit = await door<{ actor: string }[]>(w, 'audit:list', { limit: 10_000 });
    expect(audit.ok && audit.value.length).toBeGreaterThan(20);
    // Back and forth: the sample is not imported twice.
    await w.open(path.join(dir, 'province.db'));
    await w.openSample(ctx);
    const twice = await door<{ total: number }>(w, 'ties:list', {});
    expect(twice.ok && twice.value.total).toBe(20);
    await w.close();
  });

  it('refuses to open an emptied registry, naming its newest good backup', async () => {
    const dir = tmp();
    const w = await workspaceIn(dir);
    const city = path.join(dir, 'city.db');
    await door(w, 'registries:open', { file: city, create: true });
    await door(w, 'registries:open', { file: path.join(dir, 'province.db') });
    // A backup of the city registry, then its file emptied by a failed copy.
    const kept = await openRegistry({
      file: city,
      host: 'browser',
      clock: steppingClock('2026-02-01T09:00:00Z'),
      backups: 'auto',
    });
    await kept.close();
    writeFileSync(city, '');
    const refused = await door(w, 'registries:open', { file: city });
    expect(refused).toMatchObject({ ok: false, error: { key: 'recovery.integrityBackup' } });
    if (!refused.ok) {
      expect(refused.error.message).toMatch(/the file is empty \(0 bytes\)/);
      expect(refused.error.message).toMatch(
        /youcheng restore --db ".*city\.db" --from ".*city-backups/,
      );
    }
    expect(readFileSync(city)).toHaveLength(0);
    await w.close();
  });

  it('lets only an approver switch a shared host, telling the others why', async () => {
    const dir = tmp();
    const w = await workspaceIn(dir);
    const as = (client: string, channel: string, input: unknown = {}) =>
      w.door(channel, input, { trusted: true, lang: 'en', client });
    await as('boss', 'staff:create', { name: '李伟', password: 'approver-pass' });
    await as('boss', 'staff:create', { name: '王芳', password: 'editor-pass', role: 'editor' });
    expect(await as('ed', 'auth:signIn', { name: '王芳', password: 'editor-pass' })).toMatchObject({
      ok: true,
    });
    const city = path.join(dir, 'city.db');
    for (const [channel, input] of [
      ['registries:open', { file: city, create: true }],
      ['registries:sample', {}],
      ['registries:pick', { mode: 'create' }],
    ] as const) {
      const refused = await as('ed', channel, input);
      expect(refused, channel).toMatchObject({
        ok: false,
        error: { code: 'forbidden', key: 'auth.needs.approver' },
      });
      if (!refused.ok) expect(refused.error.message).toMatch(/needs the role Approver; 王芳/);
      // A tab that never signed in is refused before anything happens.
      expect(await as('stranger', channel, input)).toMatchObject({
        ok: false,
        error: { code: 'forbidden', key: 'auth.signInNeeded' },
      });
    }
    const current = await as('boss', 'registries:current');
    expect(current.ok && (current.value as RegistriesInfo).file).toBe(
      path.join(dir, 'province.db'),
    );
    expect(await as('boss', 'registries:open', { file: city, create: true })).toMatchObject({
      ok: true,
      value: { file: city },
    });
    await w.close();
  });

  it('is unavailable where the host cannot switch (the CLI)', async () => {
    const registry = await testRegistry();
    const current = await registry.door('registries:current', {}, { trusted: true });
    expect(current).toMatchObject({ ok: true, value: { canSwitch: false, recent: [] } });
    const open = await registry.door('registries:open', { file: '/tmp/x.db' }, { trusted: true });
    expect(open).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    await registry.close();
  });
});

describe('a switch in shared mode', () => {
  it('tells each client it signed out why, until it signs in again', async () => {
    const dir = tmp();
    const city = path.join(dir, 'city.db');
    const w = await workspaceIn(dir, city);
    const as = async <T>(client: string, channel: string, input: unknown = {}) =>
      (await w.door(channel, input, { trusted: true, lang: 'en', client })) as WireResult<T>;
    const staffOf = async () => {
      // The first account is an approver, signed in on the tab that made it.
      await as('tab-a', 'staff:create', { name: '李伟', password: 'approver-pass-1' });
      await as('tab-a', 'staff:create', {
        name: '王芳',
        password: 'editor-pass-1',
        role: 'editor',
      });
    };
    await staffOf();
    // To a registry without staff: nobody needs to sign in there, and nobody is told anything.
    const province = path.join(dir, 'province.db');
    expect((await as('tab-a', 'registries:open', { file: province, create: true })).ok).toBe(true);
    const open = await as<Whoami>('tab-a', 'auth:whoami');
    expect(open.ok && open.value).toMatchObject({ shared: false });
    expect(open.ok && open.value.signedOut).toBeUndefined();

    await staffOf();
    const signedIn = await as<Whoami>('tab-b', 'auth:signIn', {
      name: '王芳',
      password: 'editor-pass-1',
    });
    expect(signedIn.ok).toBe(true);
    expect((await as('tab-a', 'registries:open', { file: city })).ok).toBe(true);
    const told = await as<Whoami>('tab-b', 'auth:whoami');
    expect(told.ok && told.value).toMatchObject({
      shared: true,
      staff: null,
      signedOut: { from: 'province.db', by: '李伟' },
    });
    // A tab that was not signed in is told nothing.
    const stranger = await as<Whoami>('tab-c', 'auth:whoami');
    expect(stranger.ok && stranger.value.signedOut).toBeUndefined();
    // Signed in again, the notice is gone.
    await as('tab-b', 'auth:signIn', { name: '王芳', password: 'editor-pass-1' });
    const after = await as<Whoami>('tab-b', 'auth:whoami');
    expect(after.ok && after.value).toMatchObject({ staff: { name: '王芳' } });
    expect(after.ok && after.value.signedOut).toBeUndefined();
    await w.current().close();
  });
});
