import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { regions, stores } from '../org/org.tables';
import type { Principal } from './app-env';
import { AppError } from './errors';

export interface StoreInScope {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  timeZone: string;
  franchiseeId: string | null;
}

/**
 * The stores a caller may see: all of the chain for HQ, a region's and its sub-regions' for a region manager, the franchisee's own for a franchisee,
 * one store for a store manager, cashier or till. Every report and store look-up goes through here.
 */
export async function storesInScope(db: Db, principal: Principal): Promise<StoreInScope[]> {
  const columns = { id: stores.id, code: stores.code, nameZh: stores.nameZh, nameEn: stores.nameEn, timeZone: stores.timeZone, franchiseeId: stores.franchiseeId };
  const inChain = eq(stores.chainId, principal.chainId);
  if (principal.kind === 'device') return db.select(columns).from(stores).where(and(inChain, eq(stores.id, principal.storeId)));
  switch (principal.role) {
    case 'hq_admin':
      return db.select(columns).from(stores).where(inChain).orderBy(stores.code);
    case 'region_manager':
      if (!principal.regionId) return [];
      return db.select(columns).from(stores).where(and(inChain, inArray(stores.regionId, regionAndBelowQuery(principal.chainId, principal.regionId)))).orderBy(stores.code);
    case 'franchisee':
      if (!principal.franchiseeId) return [];
      return db.select(columns).from(stores).where(and(inChain, eq(stores.franchiseeId, principal.franchiseeId))).orderBy(stores.code);
    case 'store_manager':
    case 'cashier':
      if (!principal.storeId) return [];
      return db.select(columns).from(stores).where(and(inChain, inArray(stores.id, [principal.storeId])));
  }
}

/** A region's id and the ids of every region under it, as a sub-select. */
export const regionAndBelowQuery = (chainId: string, regionId: string) => sql`(
  with recursive below(id) as (
    select ${regions.id} from ${regions} where ${regions.chainId} = ${chainId} and ${regions.id} = ${regionId}
    union select r.id from ${regions} r join below on r.parent_id = below.id where r.chain_id = ${chainId}
  ) select id from below)`;

/** One store the caller may see, or 404: a store out of scope is indistinguishable from one that does not exist. */
export async function storeInScope(db: Db, principal: Principal, storeId: string): Promise<StoreInScope> {
  const store = (await storesInScope(db, principal)).find((s) => s.id === storeId);
  if (!store) throw new AppError('NOT_FOUND', 'no such store');
  return store;
}
