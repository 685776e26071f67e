import { isRole, type StaffMember } from '../shared/staff';
import type { Executor, NewRow, Row, RowPatch } from './schema';

/** The name as compared: `Wang Fang`, `wang fang` and full-width forms are one person. */
export function staffNameKey(name: string): string {
  return name.normalize('NFKC').trim().toLowerCase();
}

export function staffFrom(row: Row<'staff'>): StaffMember {
  return {
    id: row.id,
    name: row.name,
    role: isRole(row.role) ? row.role : 'viewer',
    active: Number(row.active) === 1,
    locked: row.locked_at !== null && row.locked_at !== undefined,
    version: Number(row.version),
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export function getStaff(db: Executor, id: string): Promise<Row<'staff'> | undefined> {
  return db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findStaffByName(db: Executor, name: string): Promise<Row<'staff'> | undefined> {
  return db
    .selectFrom('staff')
    .selectAll()
    .where('name_key', '=', staffNameKey(name))
    .executeTakeFirst();
}

export function listStaff(db: Executor): Promise<Row<'staff'>[]> {
  return db.selectFrom('staff').selectAll().orderBy('name_key').execute();
}

/** Whether any staff member can sign in: the registry is then shared and every client signs in. */
export async function hasActiveStaff(db: Executor): Promise<boolean> {
  const row = await db
    .selectFrom('staff')
    .select('id')
    .where('active', '=', 1)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function countActiveApprovers(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('staff')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('active', '=', 1)
    .where('role', '=', 'approver')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function insertStaff(db: Executor, row: NewRow<'staff'>): Promise<void> {
  await db.insertInto('staff').values(row).execute();
}

/** Applies a patch only at `version`; false when someone saved first. */
export async function updateStaff(
  db: Executor,
  id: string,
  version: number,
  patch: RowPatch<'staff'>,
): Promise<boolean> {
  const result = await db
    .updateTable('staff')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Active approvers who can still sign in (not locked): who could unlock the others. */
export async function countUnlockedApprovers(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('staff')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('active', '=', 1)
    .where('role', '=', 'approver')
    .where('locked_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * Counts one more failed sign-in of an account, locking it at `lockAt` when given; returns the
 * count. Not a change of the record its editors see: its version stays.
 */
export async function recordFailedSignIn(
  db: Executor,
  id: string,
  lockAt: string | null,
): Promise<number> {
  await db
    .updateTable('staff')
    .set((eb) => ({
      failed_signins: eb('failed_signins', '+', 1),
      ...(lockAt !== null ? { locked_at: lockAt } : {}),
    }))
    .where('id', '=', id)
    .execute();
  const row = await db
    .selectFrom('staff')
    .select('failed_signins')
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(row?.failed_signins ?? 0);
}

/** A good sign-in, or an approver's unlock: the count starts again and the lock is lifted. */
export async function clearFailedSignIns(db: Executor, id: string): Promise<void> {
  await db
    .updateTable('staff')
    .set({ failed_signins: 0, locked_at: null })
    .where('id', '=', id)
    .execute();
}
