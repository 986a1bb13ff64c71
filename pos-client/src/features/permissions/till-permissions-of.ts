import { defaultTillPermissions, type ClerkRole, type TillPermissions } from '@pos/shared';
import type { TillDb } from '../../db/till-db';

/**
 * What a clerk's function keys may do on this till: the till role their clerk record names, as
 * pulled, or the defaults of their clerk role when it names none or one HQ has since retired.
 */
export async function tillPermissionsOf(db: TillDb, clerkId: string, fallbackRole: ClerkRole): Promise<TillPermissions> {
  const clerk = await db.clerks.get(clerkId);
  const roleId = clerk?.permissionRoleId ?? null;
  const role = roleId === null ? undefined : await db.tillRoles.get(roleId);
  return role?.active ? role.permissions : defaultTillPermissions(clerk?.role ?? fallbackRole);
}
