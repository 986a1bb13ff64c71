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

describe('TillDb upgrade to version 4', () => {
  it('gives old products and categories neutral lifecycle and pinyin values, finds products by pinyin and pulls again', async () => {
    const name = `till-upgrade-4-${Date.now()}`;
    const old = new Dexie(name);
    old.version(1).stores(versionOneStores);
    old.version(2).stores({ memberLevels: 'id', promotions: 'id' });
    old.version(3).stores({ products: 'id, scaleItemCode', pricingSettings: 'chainId', storeAssortments: 'storeId', assortmentItems: '[storeId+productId]' });
    const { status: _s, discontinuedFrom: _d, pinyin: _p, pinyinInitials: _i, ...pulledByVersionThree } = cola;
    await old.table('products').put(pulledByVersionThree);
    await old.table('categories').put({ id: 'c1', parentId: null, code: 'DRK', nameZh: '饮料', nameEn: 'Drinks' });
    const sync = { cursor: 90, headSeq: 95, initialPullDoneAt: '2025-03-01T08:00:00.000Z', lastPullAt: null, lastPushAt: null };
    await old.table('meta').put({ key: 'sync', value: sync });
    old.close();

    const db = new TillDb(name);
    expect(await db.products.get(cola.id)).toEqual({ ...pulledByVersionThree, status: 'normal', discontinuedFrom: null, pinyin: '', pinyinInitials: '' });
    expect(await db.categories.get('c1')).toMatchObject({ sortOrder: 0, active: true });
    expect(await db.getSyncMeta()).toEqual({ ...sync, cursor: 0 });
    await db.products.put(cola);
    expect(await db.products.where('pinyinInitials').startsWith('kl').primaryKeys()).toEqual([cola.id]);
    expect(await db.products.where('pinyin').startsWith('kele').primaryKeys()).toEqual([cola.id]);
    db.close();
  });
});
