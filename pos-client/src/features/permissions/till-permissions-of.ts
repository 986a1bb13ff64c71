import { defaultTillPermissions, managerForEveryKey, type ClerkRole, type TillPermissions } from '@pos/shared';
import type { TillDb } from '../../db/till-db';

/**
 * What a clerk's function keys may do on this till: the till role their clerk record names, as
 * pulled, or the defaults of their clerk role when it names none or one HQ has since retired.
 * A role the till has not pulled yet may be stricter than any default, so until it arrives every
 * key asks for a manager (and such a clerk approves nothing).
 */
export async function tillPermissionsOf(db: TillDb, clerkId: string, fallbackRole: ClerkRole): Promise<TillPermissions> {
  const clerk = await db.clerks.get(clerkId);
  const roleId = clerk?.permissionRoleId ?? null;
  if (roleId === null) return defaultTillPermissions(clerk?.role ?? fallbackRole);
  const role = await db.tillRoles.get(roleId);
  if (!role) return managerForEveryKey;
  return role.active ? role.permissions : defaultTillPermissions(clerk?.role ?? fallbackRole);
}
