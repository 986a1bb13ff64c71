import type { StoreListQuery, StoreRecord } from '@pos/shared';
import { and, count, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { containing, orderOf } from '../db/list-query';
import { franchisees, regions, stores } from './org.tables';

const columns = {
  id: stores.id, code: stores.code, nameZh: stores.nameZh, nameEn: stores.nameEn, operation: stores.operation, connectivity: stores.connectivity,
  franchiseeId: stores.franchiseeId, timeZone: stores.timeZone, currency: stores.currency, active: stores.active, regionId: stores.regionId,
  address: stores.address, openedOn: stores.openedOn, closedOn: stores.closedOn, franchiseeName: franchisees.name, regionNameZh: regions.nameZh, regionNameEn: regions.nameEn,
};

const selectStores = (db: Db, where: SQL | undefined) =>
  db.select(columns).from(stores)
    .leftJoin(franchisees, and(eq(franchisees.chainId, stores.chainId), eq(franchisees.id, stores.franchiseeId)))
    .leftJoin(regions, and(eq(regions.chainId, stores.chainId), eq(regions.id, stores.regionId)))
    .where(where);

export async function findStoreRecord(db: Db, chainId: string, id: string): Promise<StoreRecord | undefined> {
  const [row] = await selectStores(db, and(eq(stores.chainId, chainId), eq(stores.id, id)));
  return row;
}

/**
 * A page of the chain's stores, limited to `visibleIds` unless that is null (HQ sees every store),
 * by code or name (any part) or address, filtered by region, franchisee, operation and state.
 */
export async function findStoreRecords(db: Db, chainId: string, visibleIds: string[] | null, query: StoreListQuery): Promise<{ items: StoreRecord[]; total: number }> {
  if (visibleIds?.length === 0) return { items: [], total: 0 };
  const filters: (SQL | undefined)[] = [eq(stores.chainId, chainId), visibleIds ? inArray(stores.id, visibleIds) : undefined];
  if (query.q) {
    const text = containing(query.q);
    filters.push(or(ilike(stores.code, text), ilike(stores.nameZh, text), ilike(stores.nameEn, text), ilike(stores.address, text)));
  }
  if (query.regionId) filters.push(eq(stores.regionId, query.regionId));
  if (query.franchiseeId) filters.push(eq(stores.franchiseeId, query.franchiseeId));
  if (query.operation) filters.push(eq(stores.operation, query.operation));
  if (query.active !== undefined) filters.push(eq(stores.active, query.active));
  const where = and(...filters);
  const order = orderOf({ code: stores.code, name: stores.nameZh, openedOn: stores.openedOn }, query.sort, 'code', query.order, stores.id);
  const [rows, [counted]] = await Promise.all([
    selectStores(db, where).orderBy(...order).limit(query.limit).offset(query.offset),
    db.select({ n: count() }).from(stores).where(where),
  ]);
  return { items: rows, total: counted?.n ?? 0 };
}
