import { storeLocalTime, type CloseStoreBody, type MoveStoreFranchiseeBody, type MoveStoreRegionBody, type ReopenStoreBody, type StoreEvent, type StoreRecord } from '@pos/shared';
import { and, desc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import type { Deps, OfficePrincipal, Principal } from '../http/app-env';
import { AppError } from '../http/errors';
import { storeInScope } from '../http/scope';
import { newId } from '../ids';
import { clerkSessions, franchisees, regions, storeEvents, stores, tillDevices } from './org.tables';
import { checkFranchisee, checkRegion, refused } from './store-admin.service';
import { findStoreRecord } from './store-records.repo';

type EventKind = StoreEvent['kind'];
type EventFields = Partial<Pick<typeof storeEvents.$inferInsert, 'fromFranchiseeId' | 'toFranchiseeId' | 'fromRegionId' | 'toRegionId'>>;

/**
 * Applies one dated HQ action to a store: its columns change now, a `store_events` row keeps the
 * history and the audit trail the before and after, all in one transaction. The date is a business
 * date in the store's time zone, not after its today (nothing is scheduled ahead) and not before it opened.
 */
async function actOnStore(
  { db, clock }: Deps, principal: OfficePrincipal, storeId: string, kind: EventKind, effectiveOn: string, note: string | null,
  change: (store: StoreRecord) => { set: Partial<typeof stores.$inferInsert>; event: EventFields },
): Promise<StoreRecord> {
  return db.transaction(async (tx) => {
    const before = await findStoreRecord(tx, principal.chainId, storeId);
    if (!before) throw new AppError('NOT_FOUND', 'no such store');
    const today = storeLocalTime(clock().toISOString(), before.timeZone).date;
    const dateField = kind === 'closed' ? 'closedOn' : 'effectiveOn';
    if (effectiveOn > today) throw refused(dateField, `must not be after the store’s today, ${today}`);
    if (before.openedOn && effectiveOn < before.openedOn) throw refused(dateField, `must not be before the store opened, ${before.openedOn}`);
    const { set, event } = change(before);
    const store = and(eq(stores.chainId, principal.chainId), eq(stores.id, storeId));
    await tx.update(stores).set(set).where(store);
    await tx.insert(storeEvents).values({ chainId: principal.chainId, id: newId(clock), storeId, kind, effectiveOn, note, byUserId: principal.userId, at: clock(), ...event });
    const after = (await findStoreRecord(tx, principal.chainId, storeId))!;
    await recordAudit(tx, principal, clock, { entity: 'store', entityId: storeId, action: kind, before, after });
    if (kind === 'closed') await endClerkSessions(tx, principal.chainId, storeId, clock());
    return after;
  });
}

/** The online clerk sessions on a closed store's tills end, and codes its tills waited on to pair stop working. */
async function endClerkSessions(tx: Db, chainId: string, storeId: string, now: Date): Promise<void> {
  const tills = tx.select({ id: tillDevices.id }).from(tillDevices).where(and(eq(tillDevices.chainId, chainId), eq(tillDevices.storeId, storeId)));
  await tx.update(clerkSessions).set({ revokedAt: now }).where(and(eq(clerkSessions.chainId, chainId), inArray(clerkSessions.deviceId, tills), isNull(clerkSessions.revokedAt)));
  await tx.update(tillDevices).set({ pairingCodeHash: null, pairingExpiresAt: null })
    .where(and(eq(tillDevices.chainId, chainId), eq(tillDevices.storeId, storeId), isNotNull(tillDevices.pairingCodeHash)));
}

const conflict = (message: string) => new AppError('CONFLICT', message);

/** Closes a store on a date: it is inactive from then on, its tills may still push what they sold but pull nothing (see pull). */
export const closeStore = (deps: Deps, principal: OfficePrincipal, id: string, body: CloseStoreBody) =>
  actOnStore(deps, principal, id, 'closed', body.closedOn, body.note, (store) => {
    if (!store.active) throw conflict('the store is already closed');
    return { set: { active: false, closedOn: body.closedOn }, event: {} };
  });

export const reopenStore = (deps: Deps, principal: OfficePrincipal, id: string, body: ReopenStoreBody) =>
  actOnStore(deps, principal, id, 'reopened', body.effectiveOn, body.note, (store) => {
    if (store.active) throw conflict('the store is open');
    if (store.closedOn && body.effectiveOn < store.closedOn) throw refused('effectiveOn', `must not be before the store closed, ${store.closedOn}`);
    return { set: { active: true, closedOn: null }, event: {} };
  });

/** Gives an open store to another franchisee, or to direct operation (`franchiseeId` null). */
export async function moveStoreFranchisee(deps: Deps, principal: OfficePrincipal, id: string, body: MoveStoreFranchiseeBody) {
  await checkFranchisee(deps.db, principal.chainId, body.franchiseeId);
  return actOnStore(deps, principal, id, 'franchisee_changed', body.effectiveOn, body.note, (store) => {
    if (!store.active) throw conflict('the store is closed');
    if (store.franchiseeId === body.franchiseeId) throw refused('franchiseeId', 'the store is already run so');
    const operation = body.franchiseeId ? ('franchise' as const) : ('direct' as const);
    return { set: { franchiseeId: body.franchiseeId, operation }, event: { fromFranchiseeId: store.franchiseeId, toFranchiseeId: body.franchiseeId } };
  });
}

/** Puts a store in another region, or in none (`regionId` null). */
export async function moveStoreRegion(deps: Deps, principal: OfficePrincipal, id: string, body: MoveStoreRegionBody) {
  await checkRegion(deps.db, principal.chainId, body.regionId);
  return actOnStore(deps, principal, id, 'region_changed', body.effectiveOn, body.note, (store) => {
    if (store.regionId === body.regionId) throw refused('regionId', 'the store is already in this region');
    return { set: { regionId: body.regionId }, event: { fromRegionId: store.regionId, toRegionId: body.regionId } };
  });
}

const fromFranchisee = alias(franchisees, 'from_franchisee');
const toFranchisee = alias(franchisees, 'to_franchisee');
const fromRegion = alias(regions, 'from_region');
const toRegion = alias(regions, 'to_region');

/**
 * A store's history, latest first, for a caller who may see the store. A franchisee sees the names
 * of other franchisees as null: their own record is all they may read.
 */
export async function listStoreEvents(db: Db, principal: Principal, storeId: string): Promise<StoreEvent[]> {
  await storeInScope(db, principal, storeId);
  const { chainId } = principal;
  const rows = await db.select({
    id: storeEvents.id, storeId: storeEvents.storeId, kind: storeEvents.kind, effectiveOn: storeEvents.effectiveOn, note: storeEvents.note, at: storeEvents.at,
    fromFranchiseeId: storeEvents.fromFranchiseeId, toFranchiseeId: storeEvents.toFranchiseeId,
    fromFranchiseeName: fromFranchisee.name, toFranchiseeName: toFranchisee.name, fromRegionNameZh: fromRegion.nameZh, fromRegionNameEn: fromRegion.nameEn, toRegionNameZh: toRegion.nameZh, toRegionNameEn: toRegion.nameEn,
  }).from(storeEvents)
    .leftJoin(fromFranchisee, and(eq(fromFranchisee.chainId, storeEvents.chainId), eq(fromFranchisee.id, storeEvents.fromFranchiseeId)))
    .leftJoin(toFranchisee, and(eq(toFranchisee.chainId, storeEvents.chainId), eq(toFranchisee.id, storeEvents.toFranchiseeId)))
    .leftJoin(fromRegion, and(eq(fromRegion.chainId, storeEvents.chainId), eq(fromRegion.id, storeEvents.fromRegionId)))
    .leftJoin(toRegion, and(eq(toRegion.chainId, storeEvents.chainId), eq(toRegion.id, storeEvents.toRegionId)))
    .where(and(eq(storeEvents.chainId, chainId), eq(storeEvents.storeId, storeId)))
    .orderBy(desc(storeEvents.effectiveOn), desc(storeEvents.at), desc(storeEvents.id));
  const own = principal.kind === 'office' && principal.role === 'franchisee' ? principal.franchiseeId : undefined;
  const shown = (id: string | null, name: string | null) => (own === undefined || id === own ? name : null);
  return rows.map(({ fromFranchiseeId, toFranchiseeId, at, ...r }) => ({
    ...r, at: at.toISOString(), fromFranchiseeName: shown(fromFranchiseeId, r.fromFranchiseeName), toFranchiseeName: shown(toFranchiseeId, r.toFranchiseeName),
  }));
}
