import type { OpenStoreBody, StoreList, StoreListQuery, StoreRecord, UpdateStoreBody } from '@pos/shared';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import { unchanged } from '../db/unchanged';
import type { Deps, Principal } from '../http/app-env';
import { AppError } from '../http/errors';
import { storeInScope, storesInScope } from '../http/scope';
import { newId } from '../ids';
import { franchisees, regions, storeEvents, stores } from './org.tables';
import { findStoreRecord, findStoreRecords } from './store-records.repo';

const isHq = (principal: Principal) => principal.kind === 'office' && principal.role === 'hq_admin';

/** A page of the stores in the caller's scope (`storesInScope`): HQ all, a region manager their regions', a franchisee their own, a store manager theirs. */
export async function listStoreRecords(db: Db, principal: Principal, query: StoreListQuery): Promise<StoreList> {
  const visible = isHq(principal) ? null : (await storesInScope(db, principal)).map((s) => s.id);
  return findStoreRecords(db, principal.chainId, visible, query);
}

/** One store in the caller's scope; out of scope answers 404 as a missing one does. */
export async function getStoreRecord(db: Db, principal: Principal, id: string): Promise<StoreRecord> {
  await storeInScope(db, principal, id);
  return (await findStoreRecord(db, principal.chainId, id))!;
}

export const refused = (path: string, message: string) => new AppError('VALIDATION_FAILED', message, [{ path, message }]);

/** A franchisee a store can be given to: an active one of the chain. */
export async function checkFranchisee(db: Db, chainId: string, franchiseeId: string | null): Promise<void> {
  if (franchiseeId === null) return;
  const [row] = await db.select({ active: franchisees.active }).from(franchisees).where(and(eq(franchisees.chainId, chainId), eq(franchisees.id, franchiseeId)));
  if (!row?.active) throw refused('franchiseeId', row ? 'the franchisee is no longer active' : 'no such franchisee in this chain');
}

/** A region a store can be put in: an active one of the chain. */
export async function checkRegion(db: Db, chainId: string, regionId: string | null): Promise<void> {
  if (regionId === null) return;
  const [row] = await db.select({ active: regions.active }).from(regions).where(and(eq(regions.chainId, chainId), eq(regions.id, regionId)));
  if (!row?.active) throw refused('regionId', row ? 'the region is not in use' : 'no such region in this chain');
}

/** Opens a store (开店): franchised when the body names a franchisee, run directly otherwise; its history starts with `opened`. */
export async function openStore({ db, clock }: Deps, principal: Principal & { kind: 'office' }, body: OpenStoreBody): Promise<StoreRecord> {
  const { chainId } = principal;
  await checkFranchisee(db, chainId, body.franchiseeId);
  await checkRegion(db, chainId, body.regionId);
  const id = newId(clock);
  return db.transaction(async (tx) => {
    const operation = body.franchiseeId ? ('franchise' as const) : ('direct' as const);
    const inserted = await tx.insert(stores).values({ chainId, id, ...body, operation }).onConflictDoNothing().returning({ id: stores.id });
    if (inserted.length === 0) throw new AppError('CONFLICT', `store code ${body.code} is taken`, [{ path: 'code', message: 'already used by another store' }]);
    await tx.insert(storeEvents).values({
      chainId, id: newId(clock), storeId: id, kind: 'opened', effectiveOn: body.openedOn, toFranchiseeId: body.franchiseeId, toRegionId: body.regionId, byUserId: principal.userId, at: clock(),
    });
    const after = (await findStoreRecord(tx, chainId, id))!;
    await recordAudit(tx, principal, clock, { entity: 'store', entityId: id, action: 'create', before: null, after });
    return after;
  });
}

/** Changes a store's names, address, time zone, currency or connectivity; franchisee, region and state change through their own actions. */
export async function updateStore({ db, clock }: Deps, principal: Principal, id: string, body: UpdateStoreBody): Promise<StoreRecord> {
  return db.transaction(async (tx) => {
    const before = await findStoreRecord(tx, principal.chainId, id);
    if (!before) throw new AppError('NOT_FOUND', 'no such store');
    if (unchanged(before, body)) return before;
    await tx.update(stores).set(body).where(and(eq(stores.chainId, principal.chainId), eq(stores.id, id)));
    const after = (await findStoreRecord(tx, principal.chainId, id))!;
    await recordAudit(tx, principal, clock, { entity: 'store', entityId: id, action: 'update', before, after });
    return after;
  });
}
