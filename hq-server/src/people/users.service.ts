import type { CreateOfficeUserBody, OfficeUser, OfficeUserListQuery, OfficeUserPage, UpdateOfficeUserBody } from '@pos/shared';
import { and, asc, count, desc, eq, ilike, inArray, isNull, ne, or } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import { hashPassword } from '../auth/secrets';
import type { Db } from '../db/client';
import type { Deps, OfficePrincipal } from '../http/app-env';
import { AppError } from '../http/errors';
import { newId } from '../ids';
import { officeSessions, users } from '../org/org.tables';
import { checkRoleToAssign, checkUserPlace, mayManageUser, visibleUsersCondition } from './people-scope';
import { likeText } from './like-text';

type UserRow = typeof users.$inferSelect;

export const toOfficeUser = (u: UserRow): OfficeUser => ({
  id: u.id, email: u.email, name: u.name, level: u.role, franchiseeId: u.franchiseeId, regionId: u.regionId, storeId: u.storeId,
  permissionRoleId: u.permissionRoleId, active: u.active, lockedUntil: u.lockedUntil?.toISOString() ?? null,
});

const sortColumns = { name: users.name, email: users.email, level: users.role } as const;

/** A page of the office users the caller sees, sorted, searched by name or e-mail, filtered by level and state. */
export async function listUsers({ db }: Deps, principal: OfficePrincipal, q: OfficeUserListQuery): Promise<OfficeUserPage> {
  const where = and(
    await visibleUsersCondition(db, principal),
    q.q ? or(ilike(users.name, likeText(q.q)), ilike(users.email, likeText(q.q))) : undefined,
    q.level?.length ? inArray(users.role, q.level) : undefined,
    q.active === undefined ? undefined : eq(users.active, q.active),
  );
  const order = q.order === 'desc' ? desc : asc;
  const [rows, [total]] = await Promise.all([
    db.select().from(users).where(where).orderBy(order(sortColumns[q.sort]), asc(users.id)).limit(q.limit).offset(q.offset),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { items: rows.map(toOfficeUser), total: total?.n ?? 0 };
}

/** A user the caller may manage, locked for the change; one they may not see is "not found", themselves is refused. */
async function managedUser(tx: Db, principal: OfficePrincipal, id: string): Promise<UserRow> {
  const [user] = await tx.select().from(users).where(and(await visibleUsersCondition(tx, principal), eq(users.id, id))).for('update');
  if (!user) throw new AppError('NOT_FOUND', 'no such user');
  if (user.id === principal.userId) throw new AppError('FORBIDDEN', 'you cannot change your own account here; ask another administrator');
  if (!(await mayManageUser(tx, principal, { level: user.role, franchiseeId: user.franchiseeId, regionId: user.regionId, storeId: user.storeId }))) {
    throw new AppError('FORBIDDEN', 'you may see this user but not change them');
  }
  return user;
}

async function checkEmailFree(tx: Db, chainId: string, email: string, exceptId: string | null): Promise<void> {
  const [taken] = await tx.select({ id: users.id }).from(users).where(and(eq(users.chainId, chainId), eq(users.email, email), exceptId ? ne(users.id, exceptId) : undefined));
  if (taken) throw new AppError('CONFLICT', 'another user of the chain has this e-mail', { field: 'email' });
}

const placeOf = (body: UpdateOfficeUserBody) => ({ level: body.level, franchiseeId: body.franchiseeId, regionId: body.regionId, storeId: body.storeId });

export async function createUser({ db, clock }: Deps, principal: OfficePrincipal, body: CreateOfficeUserBody): Promise<OfficeUser> {
  const email = body.email.toLowerCase();
  const passwordHash = await hashPassword(body.password);
  return db.transaction(async (tx) => {
    await checkUserPlace(tx, principal, placeOf(body));
    await checkRoleToAssign(tx, principal, body.permissionRoleId, 'office');
    await checkEmailFree(tx, principal.chainId, email, null);
    const [row] = await tx
      .insert(users)
      .values({ chainId: principal.chainId, id: newId(clock), email, name: body.name, role: body.level, passwordHash, franchiseeId: body.franchiseeId, regionId: body.regionId, storeId: body.storeId, permissionRoleId: body.permissionRoleId })
      .returning();
    const created = toOfficeUser(row!);
    await recordAudit(tx, principal, clock, { entity: 'user', entityId: created.id, action: 'create', before: null, after: created });
    return created;
  });
}

export async function updateUser({ db, clock }: Deps, principal: OfficePrincipal, id: string, body: UpdateOfficeUserBody): Promise<OfficeUser> {
  const email = body.email.toLowerCase();
  return db.transaction(async (tx) => {
    const before = await managedUser(tx, principal, id);
    await checkUserPlace(tx, principal, placeOf(body));
    if (body.permissionRoleId !== before.permissionRoleId) await checkRoleToAssign(tx, principal, body.permissionRoleId, 'office');
    await checkEmailFree(tx, principal.chainId, email, id);
    const [row] = await tx
      .update(users)
      .set({ email, name: body.name, role: body.level, franchiseeId: body.franchiseeId, regionId: body.regionId, storeId: body.storeId, permissionRoleId: body.permissionRoleId })
      .where(and(eq(users.chainId, principal.chainId), eq(users.id, id)))
      .returning();
    const after = toOfficeUser(row!);
    await recordAudit(tx, principal, clock, { entity: 'user', entityId: id, action: 'update', before: toOfficeUser(before), after });
    return after;
  });
}

/** Ends every open session of a user: their next request is refused. */
async function endSessions(tx: Db, chainId: string, userId: string, at: Date): Promise<void> {
  await tx.update(officeSessions).set({ revokedAt: at }).where(and(eq(officeSessions.chainId, chainId), eq(officeSessions.userId, userId), isNull(officeSessions.revokedAt)));
}

/**
 * Sets a new password for a user (HQ, or a franchisee for their people): it clears the lock-out and
 * ends the user's sessions, so whoever knew the old one is signed out.
 */
export async function resetPassword({ db, clock }: Deps, principal: OfficePrincipal, id: string, password: string): Promise<OfficeUser> {
  if (principal.role !== 'hq_admin' && principal.role !== 'franchisee') throw new AppError('FORBIDDEN', 'only HQ or a franchisee resets passwords');
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const before = await managedUser(tx, principal, id);
    const [row] = await tx.update(users).set({ passwordHash, failedPasswordAttempts: 0, lockedUntil: null }).where(and(eq(users.chainId, principal.chainId), eq(users.id, id))).returning();
    await endSessions(tx, principal.chainId, id, clock());
    const after = toOfficeUser(row!);
    await recordAudit(tx, principal, clock, { entity: 'user', entityId: id, action: 'reset_password', before: toOfficeUser(before), after });
    return after;
  });
}

/** Deactivates a user and ends their sessions at once, or reactivates them with a clean lock-out count. */
export async function setUserActive({ db, clock }: Deps, principal: OfficePrincipal, id: string, active: boolean): Promise<OfficeUser> {
  return db.transaction(async (tx) => {
    const before = await managedUser(tx, principal, id);
    const [row] = await tx
      .update(users)
      .set(active ? { active, failedPasswordAttempts: 0, lockedUntil: null } : { active })
      .where(and(eq(users.chainId, principal.chainId), eq(users.id, id)))
      .returning();
    if (!active) await endSessions(tx, principal.chainId, id, clock());
    const after = toOfficeUser(row!);
    if (before.active !== active) await recordAudit(tx, principal, clock, { entity: 'user', entityId: id, action: active ? 'reactivate' : 'deactivate', before: toOfficeUser(before), after });
    return after;
  });
}
