/**
 * Staff roles of a shared registry and what each may do. Pure, so the door enforces it and the
 * renderer hides what a role cannot use from the same table.
 */

export const ROLES = ['viewer', 'editor', 'approver'] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { viewer: 0, editor: 1, approver: 2 };

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Whether `role` includes `needed` (an approver can also edit, an editor also view). */
export function roleAllows(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

/**
 * What a screen offers, by the least role it needs: `edit` is any write (Save, New, Import,
 * Undo, Delete, Paste, a drag on the pipeline, a follow-up's dismissal), `decide` an approval
 * step's outcome, `administer` staff, chains and restoring backups. The renderer shows a control
 * only when `can` says so; the door refuses the channel behind it all the same.
 */
export const ACTIONS = {
  edit: 'editor',
  decide: 'approver',
  administer: 'approver',
} as const satisfies Record<string, Role>;
export type Action = keyof typeof ACTIONS;

/** Whether a member of `role` may do `action`; no role (a local registry) may do anything. */
export function can(role: Role | null | undefined, action: Action): boolean {
  return role == null || roleAllows(role, ACTIONS[action]);
}

/** Channels anyone may call before signing in: the sign-in itself and what the screen needs. */
export const OPEN_CHANNELS: ReadonlySet<string> = new Set([
  'app:info',
  'auth:signIn',
  'auth:signOut',
  'auth:whoami',
]);

/**
 * Channels only an approver may call: deciding an approval step, administering staff, the
 * approval chains every tie must pass, restoring a backup over everyone's work, and switching
 * the host to another registry (every client of the host follows, and is signed out).
 */
export const APPROVER_CHANNELS: ReadonlySet<string> = new Set([
  'workflow:decide',
  'staff:list',
  'staff:create',
  'staff:update',
  'staff:setPassword',
  'staff:unlock',
  'chains:set',
  'backups:restore',
  'registries:open',
  'registries:pick',
  'registries:sample',
]);

/** Writes any signed-in member may make: their own password, which concerns no record. */
export const SELF_CHANNELS: ReadonlySet<string> = new Set(['auth:changePassword']);

/**
 * Which registry the desktop app opens is its machine user's choice, as `--db` is: it moves no
 * other client, so in the desktop app these need no sign-in (the sign-in screen opens another
 * registry). The browser host's switch moves every tab of it, so there it stays an approver's.
 */
export const DESKTOP_OPEN_CHANNELS: ReadonlySet<string> = new Set([
  'registries:current',
  'registries:open',
  'registries:pick',
  'registries:forget',
  'registries:sample',
]);

/**
 * The least role a channel needs in shared mode; null when it needs no sign-in at all.
 * A write needs an editor, a read a viewer.
 */
export function roleNeeded(
  channel: string,
  writes: boolean,
  host: 'electron' | 'browser' | 'cli' = 'browser',
): Role | null {
  if (OPEN_CHANNELS.has(channel)) return null;
  if (host === 'electron' && DESKTOP_OPEN_CHANNELS.has(channel)) return null;
  if (APPROVER_CHANNELS.has(channel)) return 'approver';
  if (SELF_CHANNELS.has(channel)) return 'viewer';
  return writes ? 'editor' : 'viewer';
}

/** A staff member as the wire carries them: never the password hash. */
export interface StaffMember {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly active: boolean;
  /** Too many failed sign-ins locked the account; an approver unlocks it. */
  readonly locked: boolean;
  readonly version: number;
  readonly created_at: string;
  readonly updated_at: string;
}

/** Who this client is: shared mode (staff exist) or not, and the signed-in staff member. */
export interface Whoami {
  readonly shared: boolean;
  readonly staff: StaffMember | null;
  /** The name the audit log records for this client's changes (null: must sign in first). */
  readonly actor: string | null;
  /**
   * Why this client must sign in again though it was signed in: someone switched the host to
   * another registry (`from`, by `by`), which signs every client out.
   */
  readonly signedOut?: { readonly from: string; readonly by: string | null };
}

export const MIN_PASSWORD = 8;
