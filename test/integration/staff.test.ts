import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { startHost } from '../../main/host/server';
import type { Registry } from '../../main/registry';
import { parseHash, verifyPassword } from '../../main/staff/passwords';
import { contract, CHANNELS, type Channel } from '../../shared/ipc/contract';
import type { AuditRow, StepRow } from '../../shared/model';
import {
  ROLES,
  roleAllows,
  roleNeeded,
  SELF_CHANNELS,
  type Role,
  type StaffMember,
} from '../../shared/staff';
import type { WireResult } from '../../shared/result';
import { populate, type Populated } from '../support/populate';
import { testRegistry } from '../support/registry';

/**
 * Shared mode: once the registry has staff, every client signs in, the role is enforced at the
 * door for every channel of the contract, and the audit log names the signed-in member.
 */

// Each office signs five scrypt hashes (32 MiB, ~0.1 s alone); on a loaded machine and on
// PostgreSQL a test takes far longer than the default 30 s allows.
vi.setConfig({ testTimeout: 180_000 });

let registry: Registry;
let made: Populated;
beforeEach(async () => {
  registry = await testRegistry();
  made = await populate(registry);
  return () => registry.close();
});

const as = (client: string, channel: string, input: unknown = {}, lang: 'en' | 'zh' = 'en') =>
  registry.door(channel, input, { trusted: true, client, lang });

async function ok<T>(result: Promise<WireResult<unknown>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`${r.error.code} ${r.error.key}: ${r.error.message}`);
  return r.value as T;
}

/** The approver 李伟 (first account, signed in on `boss`), an editor and a viewer. */
async function office(): Promise<Record<Role, string>> {
  await ok(as('boss', 'staff:create', { name: '李伟', password: 'approver-pass' }));
  await ok(as('boss', 'staff:create', { name: '王芳', password: 'editor-pass', role: 'editor' }));
  await ok(
    as('boss', 'staff:create', { name: 'Zhang Min', password: 'viewer-pass', role: 'viewer' }),
  );
  await ok(as('ed', 'auth:signIn', { name: '王芳', password: 'editor-pass' }));
  await ok(as('view', 'auth:signIn', { name: 'zhang min', password: 'viewer-pass' }));
  return { approver: 'boss', editor: 'ed', viewer: 'view' };
}

describe('single-user mode (no staff)', () => {
  it('needs no sign-in and records the local user', async () => {
    expect(await ok(as('x', 'auth:whoami'))).toEqual({
      shared: false,
      staff: null,
      actor: 'tester',
    });
    expect(await ok(as('x', 'ties:list', {}))).toMatchObject({ total: made.ties.length });
    const refused = await as('x', 'auth:signIn', { name: 'a', password: 'b' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'rule', key: 'auth.notShared' } });
  });
});

describe('signing in', () => {
  it('makes the first account an approver and signs its maker in', async () => {
    const first = await ok<StaffMember>(
      as('boss', 'staff:create', { name: '李伟', password: 'approver-pass', role: 'viewer' }),
    );
    expect(first).toMatchObject({ name: '李伟', role: 'approver', active: true });
    expect(await ok(as('boss', 'auth:whoami'))).toMatchObject({
      shared: true,
      actor: '李伟',
      staff: { name: '李伟', role: 'approver' },
    });
    // Another client of the same registry is not signed in.
    expect(await ok(as('other', 'auth:whoami'))).toEqual({
      shared: true,
      staff: null,
      actor: null,
    });
  });

  it('refuses every other channel before sign-in, with a message in both languages', async () => {
    await office();
    for (const channel of CHANNELS) {
      const result = await as('stranger', channel, {});
      if (roleNeeded(channel, contract[channel].writes) === null) continue;
      expect(result, channel).toMatchObject({
        ok: false,
        error: { code: 'forbidden', key: 'auth.signInNeeded' },
      });
    }
    const zh = await as('stranger', 'ties:list', {}, 'zh');
    expect(zh.ok ? '' : zh.error.message).toContain('请先登录');
    expect((await ok<{ actor: string }>(as('stranger', 'app:info'))).actor).toBe('');
  });

  it('refuses a wrong password or an unknown name alike, and a deactivated account', async () => {
    const { approver } = await office();
    for (const [name, password] of [
      ['王芳', 'wrong-pass'],
      ['Nobody', 'editor-pass'],
    ]) {
      expect(await as('c', 'auth:signIn', { name, password })).toMatchObject({
        ok: false,
        error: { code: 'forbidden', key: 'auth.wrongPassword' },
      });
    }
    const list = await ok<StaffMember[]>(as(approver, 'staff:list'));
    const wang = list.find((s) => s.name === '王芳')!;
    await ok(as('c', 'auth:signIn', { name: '王芳', password: 'editor-pass' }));
    await ok(
      as(approver, 'staff:update', {
        id: wang.id,
        version: wang.version,
        patch: { active: false },
      }),
    );
    // The session ends on the next call, and the account no longer signs in.
    expect(await as('c', 'ties:list', {})).toMatchObject({ error: { key: 'auth.signInNeeded' } });
    expect(await as('c', 'auth:signIn', { name: '王芳', password: 'editor-pass' })).toMatchObject({
      error: { key: 'auth.wrongPassword' },
    });
  });

  it('signs out one client only', async () => {
    const { editor, viewer } = await office();
    await ok(as(editor, 'auth:signOut'));
    expect(await as(editor, 'ties:list', {})).toMatchObject({ ok: false });
    expect(await as(viewer, 'ties:list', {})).toMatchObject({ ok: true });
  });

  it('stores passwords as salted scrypt hashes with their parameters, never in the audit log', async () => {
    await office();
    const rows = await registry.db.selectFrom('staff').select(['name', 'password_hash']).execute();
    const salts = new Set<string>();
    for (const row of rows) {
      const parsed = parseHash(row.password_hash);
      expect(parsed?.cost).toEqual({ N: 32768, r: 8, p: 1 });
      salts.add(parsed!.salt.toString('hex'));
      expect(row.password_hash).not.toContain('pass');
    }
    expect(salts.size).toBe(rows.length);
    expect(
      await verifyPassword('editor-pass', rows.find((r) => r.name === '王芳')!.password_hash),
    ).toBe(true);
    const audit = JSON.stringify(await registry.db.selectFrom('audit_log').selectAll().execute());
    expect(audit).not.toContain('scrypt$');
    expect(audit).not.toContain('editor-pass');
  });
});

describe('roles at the door', () => {
  // Every channel of the contract, for every role: allowed exactly when the role includes what
  // the channel needs; a refusal names the role needed. Sign-out is left out (it would end the
  // session the rest of the table runs in).
  const channels = CHANNELS.filter((c) => c !== 'auth:signOut');

  it.each(ROLES)(
    'enforces what a %s may call, channel by channel',
    async (role) => {
      const clients = await office();
      const client = clients[role];
      const refused: string[] = [];
      for (const channel of channels) {
        const needed = roleNeeded(channel, contract[channel].writes);
        const result = await as(client, channel, {});
        const forbidden = !result.ok && result.error.code === 'forbidden';
        if (needed === null || roleAllows(role, needed)) {
          expect(forbidden, `${role} may call ${channel}`).toBe(false);
        } else {
          refused.push(channel);
          expect(result, `${role} may not call ${channel}`).toMatchObject({
            ok: false,
            error: { code: 'forbidden', key: `auth.needs.${needed}` },
          });
        }
      }
      // A member's own password is the one write every role makes.
      const writes = CHANNELS.filter((c) => contract[c].writes && !SELF_CHANNELS.has(c));
      if (role === 'viewer') expect(writes.every((c) => refused.includes(c))).toBe(true);
      if (role === 'editor')
        expect(refused.sort()).toEqual(
          [
            'backups:restore',
            'chains:set',
            'registries:open',
            'registries:pick',
            'registries:sample',
            'staff:create',
            'staff:list',
            'staff:setPassword',
            'staff:unlock',
            'staff:update',
            'workflow:decide',
          ].sort(),
        );
      if (role === 'approver') expect(refused).toEqual([]);
      // Every channel of the contract, three times over; PostgreSQL under load takes its time.
    },
    120_000,
  );

  it('names the role needed, in Chinese too', async () => {
    const { editor, viewer } = await office();
    const step = made.steps[0]!;
    const decide = {
      id: step.id,
      version: step.version,
      outcome: 'approved',
      decided_on: '2026-01-10',
    };
    const zh = await as(editor, 'workflow:decide', decide, 'zh');
    expect(zh.ok ? '' : zh.error.message).toBe('此操作需要“审批人”角色；王芳 当前角色为“编辑”。');
    const en = await as(viewer, 'ties:update', { id: 'x', version: 1, patch: { notes: 'n' } });
    expect(en.ok ? '' : en.error.message).toBe(
      'This needs the role Editor (or Approver); Zhang Min is signed in as Viewer, who can only view.',
    );
  });

  it('keeps an editor from deciding a step by typing or pasting its outcome', async () => {
    const { editor, approver } = await office();
    const step = made.steps[0]!;
    const typed = await as(editor, 'steps:update', {
      id: step.id,
      version: step.version,
      patch: { outcome: 'approved' },
    });
    expect(typed).toMatchObject({
      ok: false,
      error: { code: 'forbidden', key: 'auth.needs.approver' },
    });
    const pasted = await as(editor, 'grid:paste', {
      grid: 'steps',
      columns: ['outcome'],
      rows: [{ id: step.id, version: step.version }],
      text: 'approved',
    });
    const outcome = async () =>
      (
        await registry.db
          .selectFrom('approval_steps')
          .select('outcome')
          .where('id', '=', step.id)
          .executeTakeFirstOrThrow()
      ).outcome;
    expect(
      pasted.ok &&
        JSON.stringify(pasted.value).includes('approved') &&
        (await outcome()) === 'approved',
    ).toBe(false);
    expect(await outcome()).toBeNull();
    // An editor still edits the step's other columns; the approver decides.
    await ok(
      as(editor, 'steps:update', {
        id: step.id,
        version: step.version,
        patch: { reference_no: '1号' },
      }),
    );
    const decided = await ok<StepRow>(
      as(approver, 'workflow:decide', {
        id: step.id,
        version: step.version + 1,
        outcome: 'approved',
        decided_on: '2026-01-10',
      }),
    );
    expect(decided.outcome).toBe('approved');
  });

  it('records the signed-in member as the actor of every audit row', async () => {
    const { editor } = await office();
    const since = Number(
      (
        await registry.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.max('seq').as('seq'))
          .executeTakeFirst()
      )?.seq ?? 0,
    );
    const tie = made.ties[0]!;
    await ok(
      as(editor, 'ties:update', { id: tie.id, version: tie.version, patch: { notes: 'by 王芳' } }),
    );
    const rows = (await ok<AuditRow[]>(as(editor, 'audit:list', { limit: 50 }))).filter(
      (r) => r.seq > since,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.actor))).toEqual(new Set(['王芳']));
  });
});

describe('administering staff', () => {
  it('keeps the last approver, refuses a second account of the same name, and applies a new role at once', async () => {
    const { approver, editor } = await office();
    const list = await ok<StaffMember[]>(as(approver, 'staff:list'));
    const boss = list.find((s) => s.name === '李伟')!;
    expect(
      await as(approver, 'staff:update', {
        id: boss.id,
        version: boss.version,
        patch: { role: 'editor' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'rule', key: 'staff.errors.lastApprover' } });
    expect(
      await as(approver, 'staff:create', { name: ' 王芳 ', password: 'another-pass' }),
    ).toMatchObject({ ok: false, error: { code: 'rule', key: 'staff.errors.duplicate' } });
    expect(await as(approver, 'staff:create', { name: 'Li', password: 'short' })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    const wang = list.find((s) => s.name === '王芳')!;
    await ok(
      as(approver, 'staff:update', {
        id: wang.id,
        version: wang.version,
        patch: { role: 'approver' },
      }),
    );
    expect(await ok<StaffMember[]>(as(editor, 'staff:list'))).toHaveLength(3);
    const after = (await ok<StaffMember[]>(as(editor, 'staff:list'))).find(
      (s) => s.name === '王芳',
    )!;
    await ok(
      as(approver, 'staff:setPassword', {
        id: wang.id,
        version: after.version,
        password: 'new-password',
      }),
    );
    expect(await as('c', 'auth:signIn', { name: '王芳', password: 'editor-pass' })).toMatchObject({
      ok: false,
    });
    expect(await as('c', 'auth:signIn', { name: '王芳', password: 'new-password' })).toMatchObject({
      ok: true,
    });
  });
});

describe('passwords typed twice, and one’s own', () => {
  it('refuses a set password whose second typing differs, naming the field, in both languages', async () => {
    const { approver } = await office();
    const wang = (await ok<StaffMember[]>(as(approver, 'staff:list'))).find(
      (s) => s.name === '王芳',
    )!;
    const typo = {
      id: wang.id,
      version: wang.version,
      password: 'new-password',
      confirm: 'new-pasword',
    };
    for (const lang of ['en', 'zh'] as const) {
      const r = await as(approver, 'staff:setPassword', typo, lang);
      expect(r).toMatchObject({ ok: false, error: { code: 'validation' } });
      if (r.ok) return;
      expect(r.error.details).toEqual([
        expect.objectContaining({
          path: ['confirm'],
          message:
            lang === 'en'
              ? 'The two passwords differ: type the same password twice.'
              : '两次输入的密码不一致：请输入相同的密码。',
        }),
      ]);
    }
    expect(
      await as(approver, 'staff:create', {
        name: 'Chen',
        password: 'chen-password',
        confirm: 'chen-passwort',
      }),
    ).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await ok<StaffMember[]>(as(approver, 'staff:list'))).toHaveLength(3);
    // Nothing changed: the old password still signs in.
    await ok(as('c', 'auth:signIn', { name: '王芳', password: 'editor-pass' }));
  });

  it('lets every member change their own password, the old one required, audited without it', async () => {
    const { viewer, editor } = await office();
    const change = { old: 'viewer-pass', password: 'viewer-pass-2', confirm: 'viewer-pass-2' };
    // A wrong old password, then a mismatch: both refused by field, nothing changed.
    const wrong = await as(viewer, 'auth:changePassword', { ...change, old: 'editor-pass' }, 'zh');
    expect(wrong).toMatchObject({ ok: false, error: { code: 'validation' } });
    if (!wrong.ok)
      expect(wrong.error.details).toEqual([
        expect.objectContaining({ path: ['old'], message: '当前密码不正确。' }),
      ]);
    expect(
      await as(viewer, 'auth:changePassword', { ...change, confirm: 'viewer-pass-3' }),
    ).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await as('nobody', 'auth:changePassword', change)).toMatchObject({
      ok: false,
      error: { code: 'forbidden', key: 'auth.signInNeeded' },
    });
    await ok(as('c', 'auth:signIn', { name: 'Zhang Min', password: 'viewer-pass' }));

    const who = await ok<{ staff: StaffMember }>(as(viewer, 'auth:changePassword', change));
    expect(who.staff.name).toBe('Zhang Min');
    expect(
      await as('d', 'auth:signIn', { name: 'Zhang Min', password: 'viewer-pass' }),
    ).toMatchObject({ ok: false });
    await ok(as('d', 'auth:signIn', { name: 'Zhang Min', password: 'viewer-pass-2' }));
    // An editor changes only their own: the input names no account.
    await ok(
      as(editor, 'auth:changePassword', {
        old: 'editor-pass',
        password: 'editor-pass-2',
        confirm: 'editor-pass-2',
      }),
    );
    const audit = await registry.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'staff')
      .where('action', '=', 'password')
      .execute();
    expect(audit.map((a) => a.actor).sort()).toEqual(['Zhang Min', '王芳'].sort());
    for (const a of audit) {
      expect(JSON.stringify(a)).not.toMatch(/viewer-pass|editor-pass|scrypt/);
    }
  });
});

it('lists every channel in the contract exactly once in the role table', () => {
  for (const c of CHANNELS)
    expect(['viewer', 'editor', 'approver', null]).toContain(
      roleNeeded(c as Channel, contract[c].writes),
    );
});

describe('the browser host', () => {
  it('keeps one sign-in per tab, named by its client header', async () => {
    await office();
    const dir = mkdtempSync(path.join(tmpdir(), 'yc-staff-host-'));
    writeFileSync(path.join(dir, 'index.html'), '<html><head></head></html>');
    const host = await startHost({ door: registry.door, staticDir: dir });
    try {
      const post = async (tab: string | null, channel: string, input: unknown = {}) => {
        const res = await fetch(`${host.origin}/api/call/${channel}`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            Authorization: `Bearer ${host.token}`,
            ...(tab ? { 'X-Youcheng-Client': tab } : {}),
          },
          body: JSON.stringify(input),
        });
        return (await res.json()) as WireResult<unknown>;
      };
      const tabA = 'a'.repeat(24);
      const tabB = 'b'.repeat(24);
      expect(
        await post(tabA, 'auth:signIn', { name: '王芳', password: 'editor-pass' }),
      ).toMatchObject({ ok: true, value: { actor: '王芳' } });
      expect(await post(tabA, 'ties:list')).toMatchObject({ ok: true });
      expect(await post(tabB, 'ties:list')).toMatchObject({
        ok: false,
        error: { key: 'auth.signInNeeded' },
      });
      // A header that is not a tab id is no way into another tab's session.
      expect(await post(`${tabA}!`, 'ties:list')).toMatchObject({ ok: false });
      expect(await post(null, 'ties:list')).toMatchObject({ ok: false });
    } finally {
      await host.close();
    }
  });
});

describe('sign-in that resists guessing', () => {
  /** A registry whose clock moves only when told: waits are tested without waiting. */
  let t: number;
  let guarded: Registry;
  beforeEach(async () => {
    t = Date.parse('2026-03-01T09:00:00Z');
    guarded = await testRegistry({ clock: { now: () => new Date(t) } });
    const as = (client: string, channel: string, input: unknown) =>
      guarded.door(channel, input, { trusted: true, client });
    await as('boss', 'staff:create', { name: '李伟', password: 'approver-pass' });
    await as('boss', 'staff:create', { name: '王芳', password: 'editor-pass', role: 'editor' });
    return () => guarded.close();
  });
  const signIn = (client: string, name: string, password: string) =>
    guarded.door('auth:signIn', { name, password }, { trusted: true, client, lang: 'en' });
  const key = async (client: string, name: string, password: string) => {
    const r = await signIn(client, name, password);
    return r.ok ? 'ok' : r.error.key;
  };
  const auditOf = (action: string) =>
    guarded.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();

  it('refuses each try after 5 failures until a wait that doubles has passed, by name and by client', async () => {
    for (let i = 0; i < 5; i++) expect(await key('x', '王芳', 'guess')).toBe('auth.wrongPassword');
    // The right password too: the try is refused before any password is looked at.
    const early = await signIn('x', '王芳', 'editor-pass');
    expect(early).toMatchObject({ ok: false, error: { code: 'forbidden', key: 'auth.tooMany' } });
    if (!early.ok) expect(early.error.message).toMatch(/try again in 1 s/);
    // The same name from another client, and another name from the same client, wait too.
    expect(await key('y', '王芳', 'editor-pass')).toBe('auth.tooMany');
    expect(await key('x', '李伟', 'approver-pass')).toBe('auth.tooMany');
    t += 1000;
    expect(await key('x', '王芳', 'guess')).toBe('auth.wrongPassword');
    t += 1000;
    const longer = await signIn('x', '王芳', 'editor-pass');
    if (!longer.ok) expect(longer.error.message).toMatch(/try again in 1 s/);
    expect(longer.ok).toBe(false);
    t += 1000;
    expect(await key('x', '王芳', 'editor-pass')).toBe('ok');
    // A good sign-in starts the count again.
    expect(await key('x', '王芳', 'guess')).toBe('auth.wrongPassword');
    expect(await key('x', '王芳', 'editor-pass')).toBe('ok');
    const zh = await guarded.door(
      'auth:signIn',
      { name: '王芳', password: 'x' },
      { trusted: true, client: 'z', lang: 'zh' },
    );
    expect(!zh.ok && zh.error.message).toBe('姓名与密码不符，或该账户已停用。');
  });

  it('locks an account after 20 failures until an approver unlocks it, all in the audit log', async () => {
    expect(await key('ed', '王芳', 'editor-pass')).toBe('ok');
    const answers: string[] = [];
    for (let i = 0; i < 20; i++) {
      t += 15 * 60 * 1000; // past the longest wait
      answers.push(await key(`guesser-${i}`, '王芳', `guess-${i}`));
    }
    expect(answers.slice(0, 19).every((a) => a === 'auth.wrongPassword')).toBe(true);
    expect(answers[19]).toBe('auth.locked');
    t += 15 * 60 * 1000;
    const locked = await signIn('fresh', '王芳', 'editor-pass');
    expect(!locked.ok && locked.error.message).toMatch(/locked after too many failed sign-ins/);
    // The session the account had ends with the lock.
    expect(await guarded.door('ties:list', {}, { trusted: true, client: 'ed' })).toMatchObject({
      ok: false,
      error: { key: 'auth.signInNeeded' },
    });

    const staff = (
      await ok<StaffMember[]>(guarded.door('staff:list', {}, { trusted: true, client: 'boss' }))
    ).find((m) => m.name === '王芳')!;
    expect(staff.locked).toBe(true);
    const failures = await auditOf('signInFailed');
    expect(failures.filter((r) => r.entity_id === staff.id)).toHaveLength(21);
    expect(JSON.parse(String(failures[0]!.after))).toMatchObject({
      name: '王芳',
      client: 'guesser-0',
    });
    expect((await auditOf('lock')).map((r) => r.entity_id)).toEqual([staff.id]);
    // An unknown name is in the log too, by the name that was tried.
    t += 15 * 60 * 1000;
    await signIn('q', 'Nobody', 'x');
    expect((await auditOf('signInFailed')).at(-1)?.entity_id).toBe('name:nobody');

    const unlocked = await ok<StaffMember>(
      guarded.door('staff:unlock', { id: staff.id }, { trusted: true, client: 'boss' }),
    );
    expect(unlocked.locked).toBe(false);
    expect(await auditOf('unlock')).toHaveLength(1);
    expect(await key('fresh', '王芳', 'editor-pass')).toBe('ok');
  });

  it('never locks the last approver, who alone could unlock the others: their tries stay slowed', async () => {
    for (let i = 0; i < 22; i++) {
      t += 15 * 60 * 1000;
      expect(await key(`g${i}`, '李伟', 'guess')).toBe('auth.wrongPassword');
    }
    expect(await key('x', '李伟', 'approver-pass')).toBe('auth.tooMany');
    t += 15 * 60 * 1000;
    expect(await key('x', '李伟', 'approver-pass')).toBe('ok');
    expect(await auditOf('lock')).toEqual([]);
  });
});

describe('sessions of the browser host', () => {
  it('belong to the tab id and the run’s token together; a call without an id is alone', async () => {
    await office();
    const dir = mkdtempSync(path.join(tmpdir(), 'yc-staff-host-'));
    writeFileSync(path.join(dir, 'index.html'), '<html><head></head></html>');
    const one = await startHost({ door: registry.door, staticDir: dir });
    const two = await startHost({ door: registry.door, staticDir: dir });
    try {
      const post = async (
        host: typeof one,
        tab: string | null,
        channel: string,
        input: unknown = {},
      ) => {
        const res = await fetch(`${host.origin}/api/call/${channel}`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            Authorization: `Bearer ${host.token}`,
            ...(tab ? { 'X-Youcheng-Client': tab } : {}),
          },
          body: JSON.stringify(input),
        });
        return (await res.json()) as WireResult<unknown>;
      };
      const tab = 'c'.repeat(24);
      const signIn = { name: '王芳', password: 'editor-pass' };
      expect(await post(one, tab, 'auth:signIn', signIn)).toMatchObject({ ok: true });
      expect(await post(one, tab, 'ties:list')).toMatchObject({ ok: true });
      // The same tab id on another run of the host is nobody there.
      expect(await post(two, tab, 'ties:list')).toMatchObject({
        ok: false,
        error: { key: 'auth.signInNeeded' },
      });
      // Without an id, or with a malformed one, a sign-in serves no later call.
      for (const bad of [null, 'short', `${'d'.repeat(20)}!`]) {
        expect(await post(one, bad, 'auth:signIn', signIn)).toMatchObject({ ok: true });
        expect(await post(one, bad, 'ties:list')).toMatchObject({
          ok: false,
          error: { key: 'auth.signInNeeded' },
        });
      }
    } finally {
      await one.close();
      await two.close();
    }
  });
});
