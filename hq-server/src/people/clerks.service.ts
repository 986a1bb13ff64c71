import type { ClerkListQuery, ClerkPage, ClerkRecord, CreateClerkBody, UpdateClerkBody } from '@pos/shared';
import { and, asc, count, desc, eq, ilike, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import { hashPin } from '../auth/secrets';
import type { Db } from '../db/client';
import type { Deps, OfficePrincipal } from '../http/app-env';
import { AppError } from '../http/errors';
import { storesInScope } from '../http/scope';
import { newId } from '../ids';
import { clerkSessions, clerks } from '../org/org.tables';
import { likeText } from './like-text';
import { checkRoleToAssign } from './people-scope';

type ClerkRow = typeof clerks.$inferSelect;

const toClerkRecord = (c: ClerkRow): ClerkRecord => ({
  id: c.id, code: c.code, name: c.name, storeId: c.storeId, role: c.role, badgeCode: c.badgeCode, commissionGrade: c.commissionGrade,
  permissionRoleId: c.permissionRoleId, active: c.active, lockedUntil: c.lockedUntil?.toISOString() ?? null,
});

/** The clerks a caller sees: HQ the chain's (chain-wide ones too), anyone else those of the stores in their scope. */
async function visibleClerks(db: Db, principal: OfficePrincipal): Promise<SQL> {
  const inChain = eq(clerks.chainId, principal.chainId);
  if (principal.role === 'hq_admin') return inChain;
  const storeIds = (await storesInScope(db, principal)).map((s) => s.id);
  return storeIds.length ? and(inChain, inArray(clerks.storeId, storeIds))! : sql`false`;
}

const sortColumns = { code: clerks.code, name: clerks.name, role: clerks.role } as const;

export async function listClerks({ db }: Deps, principal: OfficePrincipal, q: ClerkListQuery): Promise<ClerkPage> {
  const where = and(
    await visibleClerks(db, principal),
    q.q ? or(ilike(clerks.name, likeText(q.q)), ilike(clerks.code, likeText(q.q)), ilike(clerks.badgeCode, likeText(q.q))) : undefined,
    q.storeId ? eq(clerks.storeId, q.storeId) : undefined,
    q.role?.length ? inArray(clerks.role, q.role) : undefined,
    q.active === undefined ? undefined : eq(clerks.active, q.active),
  );
  const order = q.order === 'desc' ? desc : asc;
  const [rows, [total]] = await Promise.all([
    db.select().from(clerks).where(where).orderBy(order(sortColumns[q.sort]), asc(clerks.id)).limit(q.limit).offset(q.offset),
    db.select({ n: count() }).from(clerks).where(where),
  ]);
  return { items: rows.map(toClerkRecord), total: total?.n ?? 0 };
}

/**
 * Whether the caller may give a clerk this store and clerk role: HQ anything (a clerk of no store
 * works chain-wide); others a store in their scope; a store manager only cashiers and sales clerks.
 */
async function checkClerkPlace(db: Db, principal: OfficePrincipal, storeId: string | null, role: ClerkRecord['role']): Promise<void> {
  if (principal.role === 'hq_admin') {
    if (storeId && !(await storesInScope(db, principal)).some((s) => s.id === storeId)) throw new AppError('NOT_FOUND', 'no such store', { field: 'storeId' });
    return;
  }
  if (storeId === null) throw new AppError('FORBIDDEN', 'only HQ makes clerks who work in every store', { field: 'storeId' });
  if (!(await storesInScope(db, principal)).some((s) => s.id === storeId)) throw new AppError('NOT_FOUND', 'no such store', { field: 'storeId' });
  if (principal.role === 'store_manager' && role === 'store_manager') throw new AppError('FORBIDDEN', 'a store manager makes cashiers and sales clerks only', { field: 'role' });
}

/** A clerk the caller may manage, locked for the change; one out of scope is "not found". */
async function managedClerk(tx: Db, principal: OfficePrincipal, id: string): Promise<ClerkRow> {
  const [clerk] = await tx.select().from(clerks).where(and(await visibleClerks(tx, principal), eq(clerks.id, id))).for('update');
  if (!clerk) throw new AppError('NOT_FOUND', 'no such clerk');
  if (principal.role === 'store_manager' && clerk.role === 'store_manager') throw new AppError('FORBIDDEN', 'a store manager manages cashiers and sales clerks only');
  return clerk;
}

async function checkUnique(tx: Db, chainId: string, body: UpdateClerkBody, exceptId: string | null): Promise<void> {
  const others = exceptId ? ne(clerks.id, exceptId) : undefined;
  const [code] = await tx.select({ id: clerks.id }).from(clerks).where(and(eq(clerks.chainId, chainId), eq(clerks.code, body.code), others));
  if (code) throw new AppError('CONFLICT', 'another clerk of the chain has this code', { field: 'code' });
  if (body.badgeCode) {
    const [badge] = await tx.select({ id: clerks.id }).from(clerks).where(and(eq(clerks.chainId, chainId), eq(clerks.badgeCode, body.badgeCode), others));
    if (badge) throw new AppError('CONFLICT', 'another clerk of the chain has this badge barcode', { field: 'badgeCode' });
  }
}

const fieldsOf = (body: UpdateClerkBody) => ({
  code: body.code, name: body.name, storeId: body.storeId, role: body.role, badgeCode: body.badgeCode, commissionGrade: body.commissionGrade, permissionRoleId: body.permissionRoleId,
});

export async function createClerk({ db, clock }: Deps, principal: OfficePrincipal, body: CreateClerkBody): Promise<ClerkRecord> {
  const pin = await hashPin(body.pin);
  return db.transaction(async (tx) => {
    await checkClerkPlace(tx, principal, body.storeId, body.role);
    await checkRoleToAssign(tx, principal, body.permissionRoleId, 'till');
    await checkUnique(tx, principal.chainId, body, null);
    const [row] = await tx
      .insert(clerks)
      .values({ chainId: principal.chainId, id: newId(clock), ...fieldsOf(body), pinSalt: pin.salt, pinHash: pin.hash, pinIterations: pin.iterations })
      .returning();
    const created = toClerkRecord(row!);
    await recordAudit(tx, principal, clock, { entity: 'clerk', entityId: created.id, action: 'create', before: null, after: created });
    return created;
  });
}

export async function updateClerk({ db, clock }: Deps, principal: OfficePrincipal, id: string, body: UpdateClerkBody): Promise<ClerkRecord> {
  return db.transaction(async (tx) => {
    const before = await managedClerk(tx, principal, id);
    await checkClerkPlace(tx, principal, body.storeId, body.role);
    if (body.permissionRoleId !== before.permissionRoleId) await checkRoleToAssign(tx, principal, body.permissionRoleId, 'till');
    await checkUnique(tx, principal.chainId, body, id);
    const [row] = await tx.update(clerks).set(fieldsOf(body)).where(and(eq(clerks.chainId, principal.chainId), eq(clerks.id, id))).returning();
    const after = toClerkRecord(row!);
    await recordAudit(tx, principal, clock, { entity: 'clerk', entityId: id, action: 'update', before: toClerkRecord(before), after });
    return after;
  });
}

async function endClerkSessions(tx: Db, chainId: string, clerkId: string, at: Date): Promise<void> {
  await tx.update(clerkSessions).set({ revokedAt: at }).where(and(eq(clerkSessions.chainId, chainId), eq(clerkSessions.clerkId, clerkId), isNull(clerkSessions.revokedAt)));
}

/**
 * A manager sets a clerk's new PIN (HQ, the store's franchisee or its manager): hashed as every
 * PIN is, with the wrong-PIN count and lock-out cleared. The till gets the new hash by pull.
 */
export async function resetClerkPin({ db, clock }: Deps, principal: OfficePrincipal, id: string, newPin: string): Promise<ClerkRecord> {
  const pin = await hashPin(newPin);
  return db.transaction(async (tx) => {
    const before = await managedClerk(tx, principal, id);
    const [row] = await tx
      .update(clerks)
      .set({ pinSalt: pin.salt, pinHash: pin.hash, pinIterations: pin.iterations, failedPinAttempts: 0, lockedUntil: null })
      .where(and(eq(clerks.chainId, principal.chainId), eq(clerks.id, id)))
      .returning();
    const after = toClerkRecord(row!);
    await recordAudit(tx, principal, clock, { entity: 'clerk', entityId: id, action: 'reset_pin', before: toClerkRecord(before), after });
    return after;
  });
}

/** Deactivates a clerk and ends their sessions at once (tills learn by pull that they are inactive), or reactivates them. */
export async function setClerkActive({ db, clock }: Deps, principal: OfficePrincipal, id: string, active: boolean): Promise<ClerkRecord> {
  return db.transaction(async (tx) => {
    const before = await managedClerk(tx, principal, id);
    const [row] = await tx
      .update(clerks)
      .set(active ? { active, failedPinAttempts: 0, lockedUntil: null } : { active })
      .where(and(eq(clerks.chainId, principal.chainId), eq(clerks.id, id)))
      .returning();
    if (!active) await endClerkSessions(tx, principal.chainId, id, clock());
    const after = toClerkRecord(row!);
    if (before.active !== active) await recordAudit(tx, principal, clock, { entity: 'clerk', entityId: id, action: active ? 'reactivate' : 'deactivate', before: toClerkRecord(before), after });
    return after;
  });
}
