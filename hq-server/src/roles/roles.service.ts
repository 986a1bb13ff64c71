import type { PermissionRole, PermissionRoleBody, PermissionRoleListQuery, PermissionRolePage } from '@pos/shared';
import { PermissionRole as PermissionRoleSchema } from '@pos/shared';
import { and, asc, count, desc, eq, ilike, ne, or, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import type { Deps, OfficePrincipal } from '../http/app-env';
import { AppError } from '../http/errors';
import { newId } from '../ids';
import { clerks, users } from '../org/org.tables';
import { likeText } from '../people/like-text';
import { permissionRoles } from './roles.tables';

type RoleRow = typeof permissionRoles.$inferSelect;

/** How many users or clerks name a role. */
const inUse = sql<number>`(
  (select count(*) from ${users} u where u.chain_id = "permission_roles"."chain_id" and u.permission_role_id = "permission_roles"."id")
  + (select count(*) from ${clerks} k where k.chain_id = "permission_roles"."chain_id" and k.permission_role_id = "permission_roles"."id"))::int`;

const toRole = (row: RoleRow & { inUse: number }): PermissionRole =>
  PermissionRoleSchema.parse({
    id: row.id, kind: row.kind, code: row.code, nameZh: row.nameZh, nameEn: row.nameEn, active: row.active,
    permissions: row.permissions, updatedAt: row.updatedAt.toISOString(), inUse: Number(row.inUse),
  });

const sortColumns = { code: permissionRoles.code, nameZh: permissionRoles.nameZh, nameEn: permissionRoles.nameEn } as const;

/** A page of the chain's roles; every office user who may see people or roles reads them, to choose one. */
export async function listRoles({ db }: Deps, principal: OfficePrincipal, q: PermissionRoleListQuery): Promise<PermissionRolePage> {
  const where = and(
    eq(permissionRoles.chainId, principal.chainId),
    q.kind ? eq(permissionRoles.kind, q.kind) : undefined,
    q.active === undefined ? undefined : eq(permissionRoles.active, q.active),
    q.q ? or(ilike(permissionRoles.code, likeText(q.q)), ilike(permissionRoles.nameZh, likeText(q.q)), ilike(permissionRoles.nameEn, likeText(q.q))) : undefined,
  );
  const order = q.order === 'desc' ? desc : asc;
  const [rows, [total]] = await Promise.all([
    db.select({ row: permissionRoles, inUse }).from(permissionRoles).where(where).orderBy(order(sortColumns[q.sort]), asc(permissionRoles.id)).limit(q.limit).offset(q.offset),
    db.select({ n: count() }).from(permissionRoles).where(where),
  ]);
  return { items: rows.map((r) => toRole({ ...r.row, inUse: r.inUse })), total: total?.n ?? 0 };
}

async function checkCodeFree(tx: Db, chainId: string, code: string, exceptId: string | null): Promise<void> {
  const [taken] = await tx.select({ id: permissionRoles.id }).from(permissionRoles).where(and(eq(permissionRoles.chainId, chainId), eq(permissionRoles.code, code), exceptId ? ne(permissionRoles.id, exceptId) : undefined));
  if (taken) throw new AppError('CONFLICT', 'another role of the chain has this code', { field: 'code' });
}

export async function createRole({ db, clock }: Deps, principal: OfficePrincipal, body: PermissionRoleBody): Promise<PermissionRole> {
  return db.transaction(async (tx) => {
    await checkCodeFree(tx, principal.chainId, body.code, null);
    const [row] = await tx.insert(permissionRoles).values({ chainId: principal.chainId, id: newId(clock), ...body, updatedAt: clock() }).returning();
    const created = toRole({ ...row!, inUse: 0 });
    await recordAudit(tx, principal, clock, { entity: 'permission_role', entityId: created.id, action: 'create', before: null, after: created });
    return created;
  });
}

/**
 * Changes a role; its kind stays as made. A role people still hold cannot be deactivated: they
 * would fall back to their level's defaults, which may grant more than the role did.
 */
export async function updateRole({ db, clock }: Deps, principal: OfficePrincipal, id: string, body: PermissionRoleBody): Promise<PermissionRole> {
  return db.transaction(async (tx) => {
    const [found] = await tx.select({ row: permissionRoles, inUse }).from(permissionRoles).where(and(eq(permissionRoles.chainId, principal.chainId), eq(permissionRoles.id, id))).for('update');
    if (!found) throw new AppError('NOT_FOUND', 'no such role');
    if (found.row.kind !== body.kind) throw new AppError('CONFLICT', `this is a${found.row.kind === 'office' ? 'n office' : ' till'} role; its kind cannot change`, { field: 'kind' });
    if (!body.active && Number(found.inUse) > 0) throw new AppError('CONFLICT', `${found.inUse} people hold this role; give them another before deactivating it`, { field: 'active' });
    await checkCodeFree(tx, principal.chainId, body.code, id);
    const [row] = await tx.update(permissionRoles).set({ ...body, updatedAt: clock() }).where(and(eq(permissionRoles.chainId, principal.chainId), eq(permissionRoles.id, id))).returning();
    const before = toRole({ ...found.row, inUse: found.inUse });
    const after = toRole({ ...row!, inUse: found.inUse });
    await recordAudit(tx, principal, clock, { entity: 'permission_role', entityId: id, action: 'update', before: { ...before, updatedAt: undefined }, after: { ...after, updatedAt: undefined } });
    return after;
  });
}
