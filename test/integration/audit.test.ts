import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Registry } from '../../main/registry';
import { contract, CHANNELS, type Channel } from '../../shared/ipc/contract';
import type { AuditRow } from '../../shared/model';
import { populate, type Populated } from '../support/populate';
import { call, TEST_ENGINE, testRegistry } from '../support/registry';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Every change through any path lands in the audit log with who and when, and nothing can
 * alter or delete the log.
 */

type Scenario = (r: Registry, made: Populated) => Promise<unknown>;

/** One call of each write channel on a populated registry. */
const SCENARIOS: Record<string, Scenario> = {
  'localities:create': async () => ({ name: '鼓楼区', level: 'county' }),
  'localities:update': async (r) => {
    const [l] = await call<{ id: string; version: number }[]>(r, 'localities:list', {});
    return { id: l!.id, version: l!.version, patch: { name_en: 'Jiangsu' } };
  },
  'partners:update': async (r) => {
    const [p] = await call<{ id: string; version: number }[]>(r, 'partners:list', {});
    return { id: p!.id, version: p!.version, patch: { name_en: 'Audited' } };
  },
  'places:merge': async (r) => {
    const a = await call<{ id: string }>(r, 'localities:create', { name: '甲镇', level: 'county' });
    const b = await call<{ id: string }>(r, 'localities:create', { name: '乙镇', level: 'county' });
    return { of: 'locality', keep: a.id, remove: b.id };
  },
  'settings:update': async () => ({ patch: { officeName: '江苏省外办' } }),
  'ties:create': async () => ({ local: '南京市', partner: 'Malmö', country: 'SE' }),
  'ties:update': async (_r, m) => ({
    id: m.ties[0]!.id,
    version: m.ties[0]!.version,
    patch: { notes: 'audited' },
  }),
  'ties:delete': async (_r, m) => ({ id: m.ties[2]!.id, version: m.ties[2]!.version }),
  'ties:restore': async (r, m) => {
    const t = await call<{ version: number }>(r, 'ties:delete', {
      id: m.ties[3]!.id,
      version: m.ties[3]!.version,
    });
    return { id: m.ties[3]!.id, version: t.version };
  },
  'letters:create': async (_r, m) => ({ tie_id: m.ties[0]!.id, title: 'MoU', doc_type: 'MoU' }),
  'letters:update': async (_r, m) => ({
    id: m.letters[0]!.id,
    version: m.letters[0]!.version,
    patch: { notes: 'audited' },
  }),
  'letters:delete': async (_r, m) => ({ id: m.letters[0]!.id, version: m.letters[0]!.version }),
  'letters:restore': async (r, m) => {
    const l = await call<{ version: number }>(r, 'letters:delete', {
      id: m.letters[0]!.id,
      version: m.letters[0]!.version,
    });
    return { id: m.letters[0]!.id, version: l.version };
  },
  'steps:create': async (_r, m) => ({ tie_id: m.ties[1]!.id, authority: 'Jiangsu FAO' }),
  'steps:update': async (_r, m) => ({
    id: m.steps[0]!.id,
    version: m.steps[0]!.version,
    patch: { reference_no: '苏外〔2026〕1号' },
  }),
  'steps:delete': async (_r, m) => ({ id: m.steps[0]!.id, version: m.steps[0]!.version }),
  'steps:restore': async (r, m) => {
    const s = await call<{ version: number }>(r, 'steps:delete', {
      id: m.steps[0]!.id,
      version: m.steps[0]!.version,
    });
    return { id: m.steps[0]!.id, version: s.version };
  },
  'visits:create': async () => ({ direction: 'incoming', country: 'JP', leader: '山田' }),
  'visits:update': async (_r, m) => ({
    id: m.visits[0]!.id,
    version: m.visits[0]!.version,
    patch: { size: 14 },
  }),
  'visits:delete': async (_r, m) => ({ id: m.visits[0]!.id, version: m.visits[0]!.version }),
  'visits:restore': async (r, m) => {
    const v = await call<{ version: number }>(r, 'visits:delete', {
      id: m.visits[0]!.id,
      version: m.visits[0]!.version,
    });
    return { id: m.visits[0]!.id, version: v.version };
  },
  'letters:attach': async (_r, m) => ({
    id: m.letters[0]!.id,
    version: m.letters[0]!.version,
    name: 'scan.pdf',
    base64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64'),
  }),
  'letters:detach': async (r, m) => {
    const l = await call<{ version: number }>(r, 'letters:attach', {
      id: m.letters[0]!.id,
      version: m.letters[0]!.version,
      name: 'scan.pdf',
      base64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64'),
    });
    return { id: m.letters[0]!.id, version: l.version };
  },
  'chains:set': async () => ({ level: 'city', steps: [{ zh: '市政府', en: 'City government' }] }),
  'grid:paste': async (_r, m) => ({
    grid: 'ties',
    columns: ['notes'],
    rows: [{ id: m.ties[0]!.id, version: m.ties[0]!.version }],
    text: 'pasted',
  }),
  'grid:bulk': async (_r, m) => ({
    grid: 'ties',
    column: 'region',
    value: 'Kanto',
    rows: [{ id: m.ties[0]!.id, version: m.ties[0]!.version }],
  }),
  'grid:delete': async (_r, m) => ({
    grid: 'letters',
    rows: [{ id: m.letters[0]!.id, version: m.letters[0]!.version }],
    deleted: true,
  }),
  'undo:undo': async (r, m) => {
    await call(r, 'ties:update', {
      id: m.ties[0]!.id,
      version: m.ties[0]!.version,
      patch: { notes: 'to undo' },
    });
    return { scope: 'ties' };
  },
  'undo:redo': async (r, m) => {
    await call(r, 'ties:update', {
      id: m.ties[0]!.id,
      version: m.ties[0]!.version,
      patch: { notes: 'to redo' },
    });
    await call(r, 'undo:undo', { scope: 'ties' });
    return { scope: 'ties' };
  },
  'followups:mark': async (_r, m) => ({
    item: `letters:${m.letters[0]!.id}`,
    action: 'snoozed',
    until: '2027-01-31',
    reason: '对方换届，待新市长到任后再联系',
  }),
  'followups:unmark': async (r, m) => {
    const item = `letters:${m.letters[0]!.id}`;
    await call(r, 'followups:mark', { item, action: 'dismissed', reason: '已电话跟进' });
    return { item };
  },
  'views:save': async () => ({ grid: 'ties', name: '日本', state: { quick: '日本' } }),
  'views:delete': async (r) => ({
    id: (await call<{ id: string }>(r, 'views:save', { grid: 'letters', name: 'all', state: {} }))
      .id,
  }),
  'workflow:advance': async (_r, m) => ({
    id: m.ties[0]!.id,
    version: m.ties[0]!.version,
    to: 'suspended',
    on: '2020-01-01',
    reason: 'audited',
  }),
  'workflow:submit': async (_r, m) => ({
    id: m.ties[3]!.id,
    version: m.ties[3]!.version,
    submitted_on: '2026-01-02',
  }),
  'workflow:decide': async (_r, m) => ({
    id: m.steps[0]!.id,
    version: m.steps[0]!.version,
    outcome: 'approved',
    decided_on: '2026-01-10',
  }),
  'workflow:upgrade': async (r) => {
    const tie = await call<{ id: string; version: number }>(r, 'ties:create', {
      local: '南京市',
      partner: 'Uppsala',
      country: 'SE',
      kind: 'exchange',
      stage: 'established',
      established_on: '2010',
    });
    return { id: tie.id, version: tie.version, on: '2020-05' };
  },
  'import:run': async (r) => {
    const csv =
      'local,local_level,partner,country,kind,stage,established_on\n南京市,city,Aarhus,Denmark,friendship,established,1999\n';
    const { fileId } = await call<{ fileId: string }>(r, 'import:upload', {
      name: 'ties.csv',
      base64: Buffer.from(csv).toString('base64'),
    });
    return { fileId, dryRun: false };
  },
  'backups:restore': async (r) => ({
    name: (await call<{ name: string }>(r, 'backups:create', {})).name,
  }),
  // The first account makes the registry shared and signs its maker (this client) in as it.
  'staff:create': async () => ({ name: '王芳', password: 'correct horse', role: 'editor' }),
  'staff:update': async (r) => {
    await call(r, 'staff:create', { name: '李伟', password: 'correct horse' });
    const s = await call<{ id: string; version: number }>(r, 'staff:create', {
      name: '王芳',
      password: 'correct horse',
      role: 'editor',
    });
    return { id: s.id, version: s.version, patch: { role: 'viewer' } };
  },
  'staff:setPassword': async (r) => {
    await call(r, 'staff:create', { name: '李伟', password: 'correct horse' });
    const s = await call<{ id: string; version: number }>(r, 'staff:create', {
      name: '王芳',
      password: 'correct horse',
    });
    return { id: s.id, version: s.version, password: 'battery staple' };
  },
  // The first account signs this client in as 李伟, who then changes their own password.
  'auth:changePassword': async (r) => {
    await call(r, 'staff:create', { name: '李伟', password: 'correct horse' });
    return { old: 'correct horse', password: 'battery staple', confirm: 'battery staple' };
  },
  'staff:unlock': async (r) => {
    await call(r, 'staff:create', { name: '李伟', password: 'correct horse' });
    const s = await call<{ id: string }>(r, 'staff:create', {
      name: '王芳',
      password: 'correct horse',
    });
    return { id: s.id };
  },
};

/** Write channels that change nothing in the registry itself, and why. */
const NO_REGISTRY_CHANGE: Record<string, string> = {
  'backups:create': 'copies the registry to a new file; the registry itself is unchanged',
  'import:upload':
    'stores the chosen file in a temporary folder; the registry is unchanged until import:run',
  'letters:attachPick':
    'opens a native dialog (the desktop app only); the write it leads to is letters:attach’s, audited above',
  'import:pick':
    'opens a native dialog (the desktop app only) and stores the chosen file; the registry is unchanged',
  'registries:open':
    'opens or makes another registry file and remembers it in the user-data folder; no registry changes (test/integration/workspace.test.ts)',
  'registries:pick': 'a native dialog choosing the file registries:open then opens',
  'registries:forget': 'drops a file from the recent list in the user-data folder',
  'registries:sample':
    'opens the sample registry; the import that makes it is audited in that registry (workspace.test.ts)',
};

const WRITES = CHANNELS.filter((c) => contract[c].writes);

let registry: Registry;
let made: Populated;
/** Restoring a backup is a file's: on PostgreSQL backups are the server's (postgres.test.ts). */
const FILE_ONLY = new Set(TEST_ENGINE === 'postgres' ? ['backups:restore'] : []);

beforeEach(async () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'yc-audit-')), 'registry.db');
  registry = await testRegistry({
    ...(TEST_ENGINE === 'postgres' ? {} : { file }),
    unnamedActor: 'os-login',
  });
  made = await populate(registry);
  await call(registry, 'settings:update', { patch: { staffName: '李伟' } });
  return () => registry.close();
});

const lastSeq = async () =>
  (await call<AuditRow[]>(registry, 'audit:list', { limit: 1 }))[0]?.seq ?? 0;

describe('the audit log', () => {
  it('has a scenario for every write channel', () => {
    expect(
      WRITES.filter((c) => !(c in SCENARIOS) && !(c in NO_REGISTRY_CHANGE)),
      'write channels without an audit scenario',
    ).toEqual([]);
  });

  it.each(WRITES.filter((c) => c in SCENARIOS && !FILE_ONLY.has(c)))(
    '%s records who changed what, and when',
    async (channel) => {
      const input = await SCENARIOS[channel]!(registry, made);
      const since = await lastSeq();
      await call(registry, channel as Channel, input);
      const rows = (await call<AuditRow[]>(registry, 'audit:list', { limit: 10_000 })).filter(
        (r) => r.seq > since,
      );
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row.actor).toBe('李伟');
        expect(row.at).toMatch(/^2026-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
        expect(row.before !== null || row.after !== null).toBe(true);
      }
    },
  );

  it('changes only the settings a patch names (a patch once reset all the others)', async () => {
    await call(registry, 'settings:update', { patch: { language: 'zh' } });
    expect(await call(registry, 'settings:get', {})).toMatchObject({
      language: 'zh',
      staffName: '李伟',
      officeName: '南京市外办',
    });
  });

  it('names the OS user when no staff name is set', async () => {
    await call(registry, 'settings:update', { patch: { staffName: null } });
    await call(registry, 'ties:create', { local: '南京市', partner: 'Malmö', country: 'SE' });
    const [row] = await call<AuditRow[]>(registry, 'audit:list', { limit: 1 });
    expect(row!.actor).toBe('os-login');
  });

  it('refuses any UPDATE or DELETE of its rows, from anyone', async () => {
    const count = async (table: 'audit_log' | 'settings', key?: string) => {
      let q = registry.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n'));
      if (key) q = q.where('key' as never, '=', key as never);
      return Number((await q.executeTakeFirstOrThrow()).n);
    };
    const before = await count('audit_log');
    await expect(sql`update audit_log set actor = 'nobody'`.execute(registry.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_log`.execute(registry.db)).rejects.toThrow(/append-only/);
    await expect(
      registry.db.transaction().execute(async (trx) => {
        await sql`insert into settings values ('x', '1', 'now')`.execute(trx);
        await sql`delete from audit_log where seq = 1`.execute(trx);
      }),
    ).rejects.toThrow(/append-only/);
    expect(await count('audit_log')).toBe(before);
    expect(await count('settings', 'x')).toBe(0);
  });

  it('offers no channel that edits or deletes it', () => {
    expect(CHANNELS.filter((c) => c.startsWith('audit:'))).toEqual(['audit:list']);
    expect(contract['audit:list'].writes).toBe(false);
  });
});
