import type { Change, PullResponse } from '@pos/shared';
import { putChainRow } from './chain-rows';
import type { SyncMeta, TillDb } from '../db/till-db';

/**
 * Writes every change of one pull page and the new cursor in one transaction, so a crash
 * never leaves half a page applied with the old cursor (or the new cursor with half a page).
 * Changes are applied in `seq` order: rows are upserts, `active: false` removes the row.
 */
export async function applyPullPage(db: TillDb, page: PullResponse, now: string): Promise<SyncMeta> {
  const changes = [...page.changes].sort((a, b) => a.seq - b.seq);
  return db.transaction('rw', [...db.catalogTables, db.meta], async () => {
    for (const change of changes) await applyChange(db, change);
    const previous = await db.getSyncMeta();
    const next: SyncMeta = {
      ...previous,
      cursor: page.cursor,
      headSeq: page.headSeq,
      lastPullAt: now,
      initialPullDoneAt: previous.initialPullDoneAt ?? (page.hasMore ? null : now),
    };
    await db.putMeta('sync', next);
    const pairing = await db.getMeta('pairing');
    const ownStore = changes.findLast((c) => c.entity === 'store' && c.data.id === pairing?.store.id);
    if (pairing && ownStore?.entity === 'store') await db.putMeta('pairing', { ...pairing, store: ownStore.data });
    return next;
  });
}

async function applyChange(db: TillDb, change: Change): Promise<void> {
  switch (change.entity) {
    case 'store':
      return upsertOrDelete(db.stores, change.data, change.data.id);
    case 'category':
      return upsertOrDelete(db.categories, change.data, change.data.id);
    case 'product':
      return upsertOrDelete(db.products, change.data, change.data.id);
    case 'clerk':
      return upsertOrDelete(db.clerks, change.data, change.data.id);
    case 'member_level':
      return upsertOrDelete(db.memberLevels, change.data, change.data.id);
    case 'promotion':
      await db.promotions.put(change.data);
      return;
    case 'price':
      return upsertOrDelete(db.prices, { ...change.data, memberLevelId: change.data.memberLevelId ?? null }, change.data.id);
    case 'pricing_settings':
      await db.pricingSettings.put(change.data);
      return;
    case 'store_assortment':
      await db.storeAssortments.put(change.data);
      return;
    case 'till_role':
      return upsertOrDelete(db.tillRoles, change.data, change.data.id);
    case 'cash_reason':
      return upsertOrDelete(db.cashReasons, change.data, change.data.id);
    case 'till_shortcuts':
    case 'stored_value_allowance':
    case 'points_earning':
      return putChainRow(db, change);
    case 'assortment_item':
      return upsertOrDelete(db.assortmentItems, change.data, [change.data.storeId, change.data.productId]);
    case 'barcode': {
      if (change.data.active) {
        await db.barcodes.put(change.data);
        return;
      }
      // A code moved to another product may be retired after its new row was written.
      const stored = await db.barcodes.get(change.data.code);
      if (stored?.productId === change.data.productId) await db.barcodes.delete(change.data.code);
      return;
    }
  }
}

interface KeyedTable<T, K> {
  put(row: T): Promise<unknown>;
  delete(key: K): Promise<void>;
}

async function upsertOrDelete<T extends { active: boolean }, K>(table: KeyedTable<T, K>, row: T, key: K): Promise<void> {
  if (row.active) await table.put(row);
  else await table.delete(key);
}
