import type { OwnershipChange } from '@pos/shared';
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../db/client';
import { storeEvents, stores } from './org.tables';

export interface OwnedStore {
  storeId: string;
  /** The store's owner now; null is HQ. */
  franchiseeId: string | null;
  timeZone: string;
}

/**
 * Every store a franchisee runs now or ever ran (by `store_events`), with the changes of owner of
 * those stores, for working out which days each was theirs (`franchiseeSpans`).
 */
export async function franchiseeStoreHistory(db: Db, chainId: string, franchiseeId: string): Promise<{ stores: OwnedStore[]; changes: OwnershipChange[] }> {
  const named = db.select({ id: storeEvents.storeId }).from(storeEvents).where(and(
    eq(storeEvents.chainId, chainId), eq(storeEvents.kind, 'franchisee_changed'),
    or(eq(storeEvents.fromFranchiseeId, franchiseeId), eq(storeEvents.toFranchiseeId, franchiseeId)),
  ));
  const owned = await db.select({ storeId: stores.id, franchiseeId: stores.franchiseeId, timeZone: stores.timeZone }).from(stores)
    .where(and(eq(stores.chainId, chainId), or(eq(stores.franchiseeId, franchiseeId), inArray(stores.id, named))));
  if (owned.length === 0) return { stores: [], changes: [] };
  const changes = await db.select({
    storeId: storeEvents.storeId, effectiveOn: storeEvents.effectiveOn, at: storeEvents.at,
    fromFranchiseeId: storeEvents.fromFranchiseeId, toFranchiseeId: storeEvents.toFranchiseeId,
  }).from(storeEvents)
    .where(and(eq(storeEvents.chainId, chainId), eq(storeEvents.kind, 'franchisee_changed'), inArray(storeEvents.storeId, owned.map((s) => s.storeId))))
    .orderBy(asc(storeEvents.effectiveOn), asc(storeEvents.at));
  return { stores: owned, changes: changes.map((c) => ({ ...c, at: c.at.toISOString() })) };
}
