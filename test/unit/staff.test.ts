import { describe, expect, it } from 'vitest';
import { windowClient, bindContract } from '../../main/electron/ipc';
import { hashPassword, parseHash, verifyPassword } from '../../main/staff/passwords';
import {
  APPROVER_CHANNELS,
  can,
  DESKTOP_OPEN_CHANNELS,
  OPEN_CHANNELS,
  SELF_CHANNELS,
  roleAllows,
  roleNeeded,
  ROLES,
} from '../../shared/staff';
import { CHANNELS, contract, type Channel } from '../../shared/ipc/contract';
import type { CallMeta } from '../../main/core/door';
import { createThrottle, MAX_WAIT_MS, waitAfter } from '../../main/staff/throttle';

/** Passwords, the role table and the per-window client, as small pure pieces. */
describe('password hashes', () => {
  const cheap = { N: 1024, r: 8, p: 1 };

  it('verify the password they were made from, and nothing else', async () => {
    const stored = await hashPassword('correct horse 马', cheap);
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword('correct horse 马', stored)).toBe(true);
    expect(await verifyPassword('correct horse', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salt each hash, so one password hashes differently twice', async () => {
    const [a, b] = await Promise.all([hashPassword('same', cheap), hashPassword('same', cheap)]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same', a)).toBe(true);
    expect(await verifyPassword('same', b)).toBe(true);
  });

  it('compare full-width and half-width forms alike (NFKC)', async () => {
    const stored = await hashPassword('ｐａｓｓ１２３４', cheap);
    expect(await verifyPassword('pass1234', stored)).toBe(true);
  });

  it.each([
    ['', 'empty'],
    ['bcrypt$10$abc', 'another scheme'],
    ['scrypt$1000$8$1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5', 'N not a power of two'],
    ['scrypt$2097152$8$1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5', 'N too large to compute'],
    ['scrypt$1024$8$1$$a2V5a2V5a2V5a2V5a2V5', 'no salt'],
  ])('refuse a stored value that is not one of ours (%s: %s)', async (stored) => {
    expect(parseHash(stored)).toBeNull();
    expect(await verifyPassword('anything', stored)).toBe(false);
  });
});

describe('the role table', () => {
  it('orders the roles: an approver can also edit, an editor also view', () => {
    expect(
      ROLES.flatMap((r) => ROLES.filter((n) => roleAllows(r, n)).map((n) => `${r}>${n}`)),
    ).toEqual([
      'viewer>viewer',
      'editor>viewer',
      'editor>editor',
      'approver>viewer',
      'approver>editor',
      'approver>approver',
    ]);
  });

  it('names only channels of the contract', () => {
    for (const c of [...OPEN_CHANNELS, ...APPROVER_CHANNELS]) expect(CHANNELS).toContain(c);
  });

  it('asks an editor for every write, a viewer for every read, except the listed ones', () => {
    for (const c of CHANNELS) {
      const needed = roleNeeded(c, contract[c].writes);
      if (OPEN_CHANNELS.has(c)) expect(needed).toBeNull();
      else if (APPROVER_CHANNELS.has(c)) expect(needed).toBe('approver');
      else if (SELF_CHANNELS.has(c)) expect(needed).toBe('viewer');
      else expect(needed).toBe(contract[c].writes ? 'editor' : 'viewer');
    }
  });

  it('opens the desktop app’s registry switch before sign-in, and only there', () => {
    for (const c of DESKTOP_OPEN_CHANNELS as ReadonlySet<Channel>) {
      expect(CHANNELS).toContain(c);
      expect(roleNeeded(c, contract[c].writes, 'electron')).toBeNull();
      expect(roleNeeded(c, contract[c].writes, 'browser')).not.toBeNull();
    }
    expect(roleNeeded('registries:open', true, 'browser')).toBe('approver');
    expect(roleNeeded('ties:update', true, 'electron')).toBe('editor');
  });

  it.each([
    [undefined, 'edit', true],
    [undefined, 'decide', true],
    [null, 'administer', true],
    ['viewer', 'edit', false],
    ['viewer', 'decide', false],
    ['editor', 'edit', true],
    ['editor', 'decide', false],
    ['editor', 'administer', false],
    ['approver', 'decide', true],
    ['approver', 'administer', true],
  ] as const)('lets %s %s: %s (what the screens show)', (role, action, allowed) => {
    expect(can(role, action)).toBe(allowed);
  });
});

describe('Electron windows', () => {
  it('are each their own client, so each signs in on its own', async () => {
    const seen: (string | undefined)[] = [];
    const handlers = new Map<string, (event: unknown, input: unknown) => unknown>();
    bindContract(
      {
        handle: (c: string, h: never) => handlers.set(c, h),
        removeHandler: () => undefined,
      } as never,
      (_channel, _input, meta: CallMeta) => {
        seen.push(meta.client);
        return Promise.resolve({ ok: true, value: null });
      },
      () => new Set([3, 4]),
      () => 'en',
    );
    const frame = { url: 'app://youcheng/index.html', parent: null };
    await handlers.get('auth:whoami')?.({ sender: { id: 3 }, senderFrame: frame }, {});
    await handlers.get('auth:whoami')?.({ sender: { id: 4 }, senderFrame: frame }, {});
    expect(seen).toEqual([windowClient(3), windowClient(4)]);
    expect(windowClient(3)).not.toBe(windowClient(4));
  });
});

describe('the sign-in throttle', () => {
  it('lets 5 failures go, then doubles the wait after each, up to its cap', () => {
    expect([0, 4].map(waitAfter)).toEqual([0, 0]);
    expect([5, 6, 7, 8].map(waitAfter)).toEqual([1000, 2000, 4000, 8000]);
    expect(waitAfter(14)).toBe(512_000);
    expect(waitAfter(15)).toBe(MAX_WAIT_MS);
    expect(waitAfter(400)).toBe(MAX_WAIT_MS);
  });

  it('holds a key until its wait is over, and forgets the oldest keys first', () => {
    const t = createThrottle(3);
    for (let i = 0; i < 5; i++) t.fail(['name:a', 'client:x'], 1000);
    expect(t.waitMs(['name:a'], 1000)).toBe(1000);
    expect(t.waitMs(['name:b', 'client:x'], 1500)).toBe(500);
    expect(t.waitMs(['name:a'], 2000)).toBe(0);
    t.fail(['name:b'], 0);
    t.fail(['name:c'], 0);
    // Four keys in a throttle of three: the oldest (name:a) went.
    expect(t.waitMs(['name:a'], 1000)).toBe(0);
    expect(t.waitMs(['client:x'], 1000)).toBe(1000);
    t.clear(['client:x']);
    expect(t.waitMs(['client:x'], 1000)).toBe(0);
  });
});
