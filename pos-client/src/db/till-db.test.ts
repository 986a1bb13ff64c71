import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { cola, colaPrice, colaPromotion, looseNuts } from './test-db.fixture';
import { TillDb } from './till-db';

const versionOneStores = {
  stores: 'id', categories: 'id', products: 'id', barcodes: 'code, productId', prices: 'id, productId',
  clerks: 'id, code', meta: 'key', outbox: 'id, state', journal: 'id, completedAt', pinAttempts: 'clerkCode',
};

describe('TillDb upgrade to version 2', () => {
  it('keeps the data, gives old prices a null member level and pulls again from the start', async () => {
    const name = `till-upgrade-${Date.now()}`;
    const old = new Dexie(name);
    old.version(1).stores(versionOneStores);
    await old.table('prices').put(colaPrice);
    const sync = { cursor: 42, headSeq: 42, initialPullDoneAt: '2025-03-01T08:00:00.000Z', lastPullAt: null, lastPushAt: null };
    await old.table('meta').put({ key: 'sync', value: sync });
    old.close();

    const db = new TillDb(name);
    expect(await db.prices.get(colaPrice.id)).toEqual({ ...colaPrice, memberLevelId: null });
    expect(await db.getSyncMeta()).toEqual({ ...sync, cursor: 0 });
    await db.promotions.put(colaPromotion);
    expect(await db.promotions.count()).toBe(1);
    db.close();
  });
});

describe('TillDb upgrade to version 3', () => {
  it('keeps the data, finds products by scale item code and pulls again from the start', async () => {
    const name = `till-upgrade-3-${Date.now()}`;
    const old = new Dexie(name);
    old.version(1).stores(versionOneStores);
    old.version(2).stores({ memberLevels: 'id', promotions: 'id' });
    const { scaleItemCode: _dropped, ...pulledByVersionTwo } = cola;
    await old.table('products').put(pulledByVersionTwo);
    const sync = { cursor: 77, headSeq: 80, initialPullDoneAt: '2025-03-01T08:00:00.000Z', lastPullAt: null, lastPushAt: null };
    await old.table('meta').put({ key: 'sync', value: sync });
    old.close();

    const db = new TillDb(name);
    expect(await db.products.get(cola.id)).toEqual(pulledByVersionTwo);
    expect(await db.getSyncMeta()).toEqual({ ...sync, cursor: 0 });
    await db.products.put(looseNuts);
    expect(await db.products.where('scaleItemCode').equals('10001').toArray()).toEqual([looseNuts]);
    await db.assortmentItems.put({ storeId: 's', productId: looseNuts.id, active: true });
    expect(await db.assortmentItems.get(['s', looseNuts.id])).toMatchObject({ productId: looseNuts.id });
    db.close();
  });
});
