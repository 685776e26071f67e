import { describe, expect, it } from 'vitest';
import { windowClient, bindContract } from '../../main/electron/ipc';
import { hashPassword, parseHash, verifyPassword } from '../../main/staff/passwords';
import {
  APPROVER_CHANNELS,
  OPEN_CHANNELS,
  roleAllows,
  roleNeeded,
  ROLES,
} from '../../shared/staff';
import { CHANNELS, contract } from '../../shared/ipc/contract';
import type { CallMeta } from '../../main/core/door';

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
      else expect(needed).toBe(contract[c].writes ? 'editor' : 'viewer');
    }
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
