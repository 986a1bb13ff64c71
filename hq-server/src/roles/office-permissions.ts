import { defaultOfficePermissions, OfficePermissions, type UserRole } from '@pos/shared';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { OfficePrincipal } from '../http/app-env';
import { users } from '../org/org.tables';
import { permissionRoles } from './roles.tables';

/**
 * What a user's office role grants, or their level's defaults when they have none (or theirs is a
 * till role, inactive or unreadable): the rule is the same for every check, so it lives here.
 */
export function resolveOfficePermissions(level: UserRole, role: { kind: 'office' | 'till'; active: boolean; permissions: unknown } | null): OfficePermissions {
  if (!role || role.kind !== 'office' || !role.active) return defaultOfficePermissions(level);
  const parsed = OfficePermissions.safeParse(role.permissions);
  return parsed.success ? parsed.data : defaultOfficePermissions(level);
}

/** Loaded once per request: the principal object lives as long as the request. */
const loaded = new WeakMap<OfficePrincipal, Promise<OfficePermissions>>();

/** The caller's effective office permissions, read from their user row's role. */
export function officePermissionsOf(db: Db, principal: OfficePrincipal): Promise<OfficePermissions> {
  let permissions = loaded.get(principal);
  if (!permissions) {
    permissions = loadPermissions(db, principal);
    loaded.set(principal, permissions);
  }
  return permissions;
}

async function loadPermissions(db: Db, principal: OfficePrincipal): Promise<OfficePermissions> {
  const [row] = await db
    .select({ kind: permissionRoles.kind, active: permissionRoles.active, permissions: permissionRoles.permissions })
    .from(users)
    .leftJoin(permissionRoles, and(eq(permissionRoles.chainId, users.chainId), eq(permissionRoles.id, users.permissionRoleId)))
    .where(and(eq(users.chainId, principal.chainId), eq(users.id, principal.userId)));
  return resolveOfficePermissions(principal.role, row?.kind ? { kind: row.kind, active: row.active ?? false, permissions: row.permissions } : null);
}
