import { roleAllows, type Role } from '../../shared/staff';
import { AppError } from './errors';

/**
 * Refuses a write its actor's role does not include. Outside shared mode there is no role and
 * the one local user may do anything. Checked where the write happens, so every path to it (a
 * channel, a paste, a bulk edit, an import) is held to the same rule as the door.
 */
export function requireRole(env: { readonly role?: Role; readonly actor: string }, needed: Role) {
  if (env.role && !roleAllows(env.role, needed))
    throw new AppError('forbidden', `auth.needs.${needed}`, { name: env.actor, role: env.role });
}
