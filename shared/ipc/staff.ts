import { z } from 'zod';
import { id, name, version } from '../schemas';
import { MIN_PASSWORD, ROLES, type StaffMember, type Whoami } from '../staff';
import { command, query } from './channel';

const password = z
  .string()
  .max(200, { message: 'errors.validation.tooLong' })
  .superRefine((v, ctx) => {
    if (v.length < MIN_PASSWORD)
      ctx.addIssue({
        code: 'custom',
        message: 'errors.validation.passwordShort',
        params: { min: MIN_PASSWORD },
      });
  });

const role = z.enum(ROLES);

/** A password typed twice: the second must be the first, or the form says so by the field. */
const typedTwice = {
  check: (v: { password: string; confirm?: string | undefined }) =>
    v.confirm === undefined || v.confirm === v.password,
  message: { path: ['confirm'], message: 'errors.validation.passwordMismatch' },
};
const confirm = z.string().max(200);

/** One change in the registry since a cursor: which record of which entity. */
export interface Change {
  readonly seq: number;
  readonly entity: string;
  readonly id: string;
}

export interface ChangesPage {
  /** Pass it back as `since` on the next call. */
  readonly cursor: number;
  readonly changes: readonly Change[];
  /** More changed than one answer carries: reload everything rather than row by row. */
  readonly truncated: boolean;
}

export const staffChannels = {
  // Sign-in changes nothing in the registry: it binds this client (window, browser tab) to a
  // staff member for the calls that follow.
  'auth:signIn': query(
    z.strictObject({ name: name(100), password: z.string().min(1).max(200) }),
  ).returns<Whoami>(),
  'auth:signOut': query(z.strictObject({})).returns<Whoami>(),
  'auth:whoami': query(z.strictObject({})).returns<Whoami>(),
  'staff:list': query(z.strictObject({})).returns<StaffMember[]>(),
  'staff:create': command(
    z
      .strictObject({
        name: name(100),
        password,
        confirm: confirm.optional(),
        role: role.default('editor'),
      })
      .refine(typedTwice.check, typedTwice.message),
  ).returns<StaffMember>(),
  'staff:update': command(
    z.strictObject({
      id,
      version,
      patch: z
        .strictObject({ name: name(100), role, active: z.boolean() })
        .partial()
        .refine((p) => Object.keys(p).length > 0, { message: 'errors.validation.invalid' }),
    }),
  ).returns<StaffMember>(),
  /** `confirm`, the password typed again, is checked when given (the app always gives it). */
  'staff:setPassword': command(
    z
      .strictObject({ id, version, password, confirm: confirm.optional() })
      .refine(typedTwice.check, typedTwice.message),
  ).returns<StaffMember>(),
  /** A signed-in member's own password: the old one, then the new one twice. */
  'auth:changePassword': command(
    z
      .strictObject({ old: z.string().min(1).max(200), password, confirm })
      .refine(typedTwice.check, typedTwice.message),
  ).returns<Whoami>(),
  /** Lifts the lock that too many failed sign-ins put on an account (an approver's). */
  'staff:unlock': command(z.strictObject({ id })).returns<StaffMember>(),
  /**
   * What changed since `since` (an audit sequence number; null for just the current cursor).
   * Polled by open grids every second: the same on SQLite and PostgreSQL.
   */
  'changes:since': query(
    z.strictObject({ since: z.number().int().min(0).nullable().default(null) }),
  ).returns<ChangesPage>(),
};
