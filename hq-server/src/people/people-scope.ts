import { permissionsWithin, type UserRole } from '@pos/shared';
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { OfficePrincipal } from '../http/app-env';
import { AppError } from '../http/errors';
import { storesInScope } from '../http/scope';
import { franchisees, regions, users } from '../org/org.tables';
import { officePermissionsOf, resolveOfficePermissions } from '../roles/office-permissions';
import { permissionRoles } from '../roles/roles.tables';

/** What decides whether a caller may see or manage an office user: where that user works. */
export interface UserPlace {
  level: UserRole;
  franchiseeId: string | null;
  regionId: string | null;
  storeId: string | null;
}

const storeIdsInScope = async (db: Db, principal: OfficePrincipal) => (await storesInScope(db, principal)).map((s) => s.id);

/**
 * The office users a caller sees: HQ the chain's; a franchisee their franchisee's users and the
 * managers of their stores; a region manager the managers of their regions' stores; anyone else
 * themselves. A condition on `users`, always within the chain.
 */
export async function visibleUsersCondition(db: Db, principal: OfficePrincipal): Promise<SQL> {
  const inChain = eq(users.chainId, principal.chainId);
  if (principal.role === 'hq_admin') return inChain;
  const self = eq(users.id, principal.userId);
  const storeIds = await storeIdsInScope(db, principal);
  const managers = storeIds.length ? and(eq(users.role, 'store_manager'), inArray(users.storeId, storeIds)) : sql`false`;
  if (principal.role === 'franchisee' && principal.franchiseeId) return and(inChain, or(self, eq(users.franchiseeId, principal.franchiseeId), managers))!;
  if (principal.role === 'region_manager') return and(inChain, or(self, managers))!;
  return and(inChain, self)!;
}

/** Whether a caller may manage (create, change, deactivate) a user working at `place`; never themselves. */
export async function mayManageUser(db: Db, principal: OfficePrincipal, place: UserPlace): Promise<boolean> {
  if (principal.role === 'hq_admin') return true;
  if (principal.role === 'franchisee' && place.level === 'franchisee') return place.franchiseeId !== null && place.franchiseeId === principal.franchiseeId;
  if ((principal.role === 'franchisee' || principal.role === 'region_manager') && place.level === 'store_manager') {
    return place.storeId !== null && (await storeIdsInScope(db, principal)).includes(place.storeId);
  }
  return false;
}

/** Refuses a user's place the caller may not give, and a franchisee or region that is not the chain's. */
export async function checkUserPlace(db: Db, principal: OfficePrincipal, place: UserPlace): Promise<void> {
  if (place.franchiseeId) {
    const [found] = await db.select({ id: franchisees.id }).from(franchisees).where(and(eq(franchisees.chainId, principal.chainId), eq(franchisees.id, place.franchiseeId)));
    if (!found) throw new AppError('NOT_FOUND', 'no such franchisee', { field: 'franchiseeId' });
  }
  if (place.regionId) {
    const [found] = await db.select({ id: regions.id }).from(regions).where(and(eq(regions.chainId, principal.chainId), eq(regions.id, place.regionId)));
    if (!found) throw new AppError('NOT_FOUND', 'no such region', { field: 'regionId' });
  }
  if (place.storeId && !(await storeIdsInScope(db, principal)).includes(place.storeId)) throw new AppError('NOT_FOUND', 'no such store', { field: 'storeId' });
  if (!(await mayManageUser(db, principal, place))) throw new AppError('FORBIDDEN', `you may not give someone the ${place.level} level there`);
}

/**
 * Checks a role the caller hands to someone: it must be the chain's, active and of the right kind;
 * an office role handed out by anyone but HQ must grant nothing beyond the caller's own permissions.
 */
export async function checkRoleToAssign(db: Db, principal: OfficePrincipal, roleId: string | null, kind: 'office' | 'till'): Promise<void> {
  if (roleId === null) return;
  const [role] = await db
    .select({ kind: permissionRoles.kind, active: permissionRoles.active, permissions: permissionRoles.permissions })
    .from(permissionRoles)
    .where(and(eq(permissionRoles.chainId, principal.chainId), eq(permissionRoles.id, roleId)));
  if (!role || !role.active || role.kind !== kind) throw new AppError('NOT_FOUND', `no such active ${kind} role`, { field: 'permissionRoleId' });
  if (kind === 'office' && principal.role !== 'hq_admin') {
    const own = await officePermissionsOf(db, principal);
    if (!permissionsWithin(resolveOfficePermissions('hq_admin', role), own)) throw new AppError('FORBIDDEN', 'that role grants more than your own', { field: 'permissionRoleId' });
  }
}
