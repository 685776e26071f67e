import {
  clearFailedSignIns,
  countActiveApprovers,
  countUnlockedApprovers,
  findStaffByName,
  getStaff,
  hasActiveStaff,
  insertStaff,
  listStaff,
  recordFailedSignIn,
  staffFrom,
  staffNameKey,
  updateStaff,
} from '../../db/staff.repository';
import type { Executor, Row } from '../../db/schema';
import type { Channel, ParsedInputOf } from '../../shared/ipc/contract';
import { contract } from '../../shared/ipc/contract';
import {
  roleAllows,
  roleNeeded,
  type Role,
  type StaffMember,
  type Whoami,
} from '../../shared/staff';
import type { CallContext } from '../core/context';
import { AppError, conflict, notFound, rule } from '../core/errors';
import { decoyHash, hashPassword, verifyPassword } from './passwords';
import { createThrottle, LOCK_AFTER } from './throttle';
import { inWriteTransaction, type ServiceDeps } from '../core/transaction';
import { audit, type WriteEnv } from '../core/write-env';

/** Who a call is from once the gate has let it through. */
export interface Admitted {
  readonly actor: string;
  readonly role?: Role;
}

/**
 * Staff, their sign-in and what their role lets them call. A client (an Electron window, a
 * browser tab, the CLI) is bound to at most one staff member; the binding lives in this
 * process only, so a restart signs everyone out. The staff row is read again on every call, so
 * a role changed or an account deactivated takes effect on the next call of every client.
 */
export function createStaffService(deps: ServiceDeps, fallbackActor: () => Promise<string>) {
  const sessions = new Map<string, string>();

  const throttle = createThrottle();
  const guessKeys = (name: string, client: string) => [
    `name:${staffNameKey(name)}`,
    `client:${client}`,
  ];

  async function member(db: Executor, client: string): Promise<Row<'staff'> | null> {
    const id = sessions.get(client);
    if (id === undefined) return null;
    const row = await getStaff(db, id);
    if (!row || Number(row.active) !== 1 || row.locked_at !== null) {
      sessions.delete(client);
      return null;
    }
    return row;
  }

  async function whoami(client: string): Promise<Whoami> {
    const shared = await hasActiveStaff(deps.db);
    if (!shared) return { shared, staff: null, actor: await fallbackActor() };
    const row = await member(deps.db, client);
    return { shared, staff: row ? staffFrom(row) : null, actor: row?.name ?? null };
  }

  function byId(db: Executor, id: string) {
    return getStaff(db, id).then((row) => {
      if (!row) throw notFound('staff', id);
      return row;
    });
  }

  async function nameFree(db: Executor, name: string, except?: string): Promise<void> {
    const other = await findStaffByName(db, name);
    if (other && other.id !== except) throw rule('staff.errors.duplicate', { name: other.name });
  }

  /**
   * A failed sign-in, in the audit log (who tried which name from which client), counted for
   * the name and the client, and for the account if the name is one: at LOCK_AFTER it locks,
   * unless it is the last approver who could unlock it (whose tries stay slowed instead).
   * Returns whether this failure locked the account.
   */
  async function failed(
    name: string,
    client: string,
    row: Row<'staff'> | undefined,
    keys: readonly string[],
  ): Promise<boolean> {
    const failures = throttle.fail(keys, deps.clock.now().getTime());
    // Its own transaction, not the door's: a refused sign-in is recorded as the unknown client.
    const tried = { actor: `(${client || 'no client'})`, lang: 'en' as const };
    return inWriteTransaction(deps, tried, async (env) => {
      let lockedNow = false;
      let count = failures;
      if (row && row.locked_at === null) {
        const due = Number(row.failed_signins) + 1 >= LOCK_AFTER;
        const keepOpen =
          due && row.role === 'approver' && (await countUnlockedApprovers(env.trx)) <= 1;
        lockedNow = due && !keepOpen;
        count = await recordFailedSignIn(env.trx, row.id, lockedNow ? env.at : null);
      }
      const attempt = { name, client, failures: count };
      await audit(
        env,
        'staff',
        row?.id ?? `name:${staffNameKey(name)}`,
        'signInFailed',
        null,
        attempt,
      );
      if (lockedNow) await audit(env, 'staff', row!.id, 'lock', null, attempt);
      return lockedNow;
    });
  }

  return {
    /**
     * Runs before every call: outside shared mode everyone is the one local user; in it, a
     * client must be signed in and its role must include what the channel needs.
     */
    async admit(channel: Channel, client: string): Promise<Admitted> {
      if (!(await hasActiveStaff(deps.db))) return { actor: await fallbackActor() };
      const needed = roleNeeded(channel, contract[channel].writes);
      const row = await member(deps.db, client);
      if (needed === null) return { actor: row?.name ?? '' };
      if (!row) throw new AppError('forbidden', 'auth.signInNeeded');
      const role = staffFrom(row).role;
      if (!roleAllows(role, needed))
        throw new AppError('forbidden', `auth.needs.${needed}`, { name: row.name, role });
      return { actor: row.name, role };
    },

    whoami: (ctx: CallContext) => whoami(ctx.client ?? ''),

    async signIn(input: ParsedInputOf<'auth:signIn'>, ctx: CallContext): Promise<Whoami> {
      const client = ctx.client ?? '';
      if (!(await hasActiveStaff(deps.db))) throw rule('auth.notShared');
      const keys = guessKeys(input.name, client);
      const wait = throttle.waitMs(keys, deps.clock.now().getTime());
      if (wait > 0) {
        sessions.delete(client);
        throw new AppError('forbidden', 'auth.tooMany', { seconds: Math.ceil(wait / 1000) });
      }
      const row = await findStaffByName(deps.db, input.name);
      // An unknown name costs the same hash as a wrong password: timing does not tell names.
      const ok = await verifyPassword(input.password, row?.password_hash ?? (await decoyHash()));
      const locked = row !== undefined && row.locked_at !== null;
      if (!row || !ok || Number(row.active) !== 1 || locked) {
        sessions.delete(client);
        const lockedNow = await failed(input.name, client, row, keys);
        throw new AppError('forbidden', locked || lockedNow ? 'auth.locked' : 'auth.wrongPassword');
      }
      throttle.clear(keys);
      if (Number(row.failed_signins) > 0) await clearFailedSignIns(deps.db, row.id);
      sessions.set(client, row.id);
      return whoami(client);
    },

    /** The clients signed in now: a host switching registries tells them why they must sign in again. */
    signedInClients(): string[] {
      return [...sessions.keys()];
    },

    signOut(ctx: CallContext): Promise<Whoami> {
      sessions.delete(ctx.client ?? '');
      return whoami(ctx.client ?? '');
    },

    async list(): Promise<StaffMember[]> {
      return (await listStaff(deps.db)).map(staffFrom);
    },

    // Its own transaction: the hash is made before it (slow on purpose, it must not hold the
    // write lock) and the first account signs its client in after it commits.
    async create(input: ParsedInputOf<'staff:create'>, ctx: CallContext): Promise<StaffMember> {
      const hash = await hashPassword(input.password);
      const { created, first } = await inWriteTransaction(deps, ctx, async (env) => {
        await nameFree(env.trx, input.name);
        // The first account turns the registry shared; it must be able to administer the rest.
        const first = !(await hasActiveStaff(env.trx));
        const row: Row<'staff'> = {
          id: env.ids.next(),
          name: input.name,
          name_key: staffNameKey(input.name),
          password_hash: hash,
          role: first ? 'approver' : input.role,
          active: 1,
          version: 1,
          created_at: env.at,
          updated_at: env.at,
          failed_signins: 0,
          locked_at: null,
        };
        await insertStaff(env.trx, row);
        await audit(env, 'staff', row.id, 'create', null, staffFrom(row));
        return { created: staffFrom(row), first };
      });
      // Whoever makes the first account is that person: this client stays signed in as them.
      if (first && ctx.client !== undefined) sessions.set(ctx.client, created.id);
      return created;
    },

    // The write blocks: the door's `write` runs each in its transaction.
    async updateIn(env: WriteEnv, input: ParsedInputOf<'staff:update'>): Promise<StaffMember> {
      const before = await byId(env.trx, input.id);
      if (Number(before.version) !== input.version) throw conflict('staff', staffFrom(before));
      const { name, role, active } = input.patch;
      if (name !== undefined) await nameFree(env.trx, name, before.id);
      const patch = {
        ...(name !== undefined ? { name, name_key: staffNameKey(name) } : {}),
        ...(role !== undefined ? { role } : {}),
        ...(active !== undefined ? { active: active ? 1 : 0 } : {}),
        updated_at: env.at,
      };
      if (!(await updateStaff(env.trx, before.id, input.version, patch)))
        throw conflict('staff', staffFrom(await byId(env.trx, input.id)));
      // Nobody could administer staff again: the last active approver stays one.
      if (before.role === 'approver' && (await countActiveApprovers(env.trx)) === 0)
        throw rule('staff.errors.lastApprover', { name: before.name });
      const after = await byId(env.trx, input.id);
      await audit(env, 'staff', before.id, 'update', staffFrom(before), staffFrom(after));
      return staffFrom(after);
    },

    async unlockIn(env: WriteEnv, input: ParsedInputOf<'staff:unlock'>): Promise<StaffMember> {
      const before = await byId(env.trx, input.id);
      await clearFailedSignIns(env.trx, before.id);
      const after = await byId(env.trx, input.id);
      await audit(env, 'staff', before.id, 'unlock', staffFrom(before), staffFrom(after));
      throttle.clear([`name:${before.name_key}`]);
      return staffFrom(after);
    },

    async setPassword(
      input: ParsedInputOf<'staff:setPassword'>,
      ctx: CallContext,
    ): Promise<StaffMember> {
      // Its own transaction: the hash is made before it, slow on purpose, outside the write lock.
      const hash = await hashPassword(input.password);
      return inWriteTransaction(deps, ctx, async (env) => {
        const before = await byId(env.trx, input.id);
        if (Number(before.version) !== input.version) throw conflict('staff', staffFrom(before));
        const patch = { password_hash: hash, updated_at: env.at };
        if (!(await updateStaff(env.trx, before.id, input.version, patch)))
          throw conflict('staff', staffFrom(await byId(env.trx, input.id)));
        const after = await byId(env.trx, input.id);
        // The log says the password changed, never what it is (not even its hash).
        await audit(
          env,
          'staff',
          before.id,
          'password',
          { ...staffFrom(before), password: 'old' },
          { ...staffFrom(after), password: 'new' },
        );
        return staffFrom(after);
      });
    },
  };
}
export type StaffService = ReturnType<typeof createStaffService>;
