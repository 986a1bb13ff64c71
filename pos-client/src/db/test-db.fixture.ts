import 'fake-indexeddb/auto';
import { PromotionRule, defaultReturnPolicy, minor, type Clerk, type PairedDevice, type Product, type Promotion } from '@pos/shared';
import { TillDb, type PulledPricingSettings } from './till-db';

let counter = 0;

/** A fresh, empty till database in fake-indexeddb, one per test. */
export function createTestDb(): TillDb {
  counter += 1;
  return new TillDb(`till-test-${counter}-${Date.now()}`);
}

/** A till paired to its store with Li Na signed in, and a cola priced with its barcode: ready to sell once a shift is open. */
export async function sellingTillDb(signedInAt: string): Promise<TillDb> {
  const db = createTestDb();
  await db.putMeta('pairing', pairedDevice);
  await db.putMeta('session', { clerkId: ids.clerk, code: '1001', name: 'Li Na', role: 'cashier', token: null, signedInAt });
  await db.products.put(cola);
  await db.prices.put(colaPrice);
  await db.barcodes.put({ code: '6901234567892', productId: ids.cola, active: true });
  return db;
}

export const ids = {
  chain: '0195505c-0000-7000-8000-000000000c00',
  store: '0195505c-0000-7000-8000-0000000000b1',
  device: '0195505c-0000-7000-8000-0000000000d1',
  clerk: '0195505c-0000-7000-8000-0000000000c1',
  cola: '0195505c-0000-7000-8000-0000000000a1',
  colaPrice: '0195505c-0000-7000-8000-0000000000a2',
};

export const pairedDevice: PairedDevice = {
  deviceToken: 'device-token',
  device: { id: ids.device, storeId: ids.store, code: 'T01', name: 'Till 1', pairedAt: '2025-03-01T08:00:00.000Z' },
  store: {
    id: ids.store,
    code: 'S001',
    nameZh: '人民路店',
    nameEn: 'Renmin Road',
    operation: 'direct',
    connectivity: 'online',
    franchiseeId: null,
    timeZone: 'Asia/Shanghai',
    currency: 'CNY',
    active: true,
  },
  chain: { id: ids.chain, name: 'Demo Mart' },
};

export const cola: Product = {
  id: ids.cola,
  sku: 'COLA-330',
  nameZh: '可乐 330毫升',
  nameEn: 'Cola 330 ml',
  categoryId: null,
  brandId: null,
  unit: 'bottle',
  weighed: false,
  scaleItemCode: null,
  status: 'normal',
  discontinuedFrom: null,
  pinyin: 'kele330haosheng',
  pinyinInitials: 'kl330hs',
  active: true,
};

export const colaPrice = { id: ids.colaPrice, productId: ids.cola, storeId: null, kind: 'retail' as const, amountMinor: minor(350), effectiveFrom: null, active: true };

export function clerkWithPin(pin: Clerk['pin']): Clerk {
  return { id: ids.clerk, storeId: ids.store, code: '1001', name: 'Li Na', role: 'cashier', active: true, pin };
}

/** An active promotion: 10% off cola. */
export const colaPromotion: Promotion = {
  id: '0195505c-0000-7000-8000-0000000000e1',
  status: 'active',
  updatedAt: '2025-03-01T08:00:00.000Z',
  rule: PromotionRule.parse({
    id: '0195505c-0000-7000-8000-0000000000e1', name: '可乐九折 Cola 10% off', priority: 0, combination: 'stackable', group: null,
    validFrom: null, validTo: null, weekdays: [], hours: [], storeIds: [], memberLevelIds: [],
    kind: 'item_discount', args: { productIds: [ids.cola], offer: { type: 'percent_off', percentBp: 1000 }, unitLimit: null },
  }),
};

/** Loose nuts sold by weight: the scale prints item code 10001 on its labels; ¥89.90 a kilogram. */
export const looseNuts: Product = {
  id: '0195505c-0000-7000-8000-0000000000a4',
  sku: 'NUTS-LOOSE',
  nameZh: '散称混合坚果',
  nameEn: 'Loose Mixed Nuts',
  categoryId: null,
  brandId: null,
  unit: 'kg',
  weighed: true,
  scaleItemCode: '10001',
  status: 'normal',
  discontinuedFrom: null,
  pinyin: 'sanchenghunhejianguo',
  pinyinInitials: 'schhjg',
  active: true,
};

export const looseNutsPrice = { ...colaPrice, id: '0195505c-0000-7000-8000-0000000000a5', productId: looseNuts.id, amountMinor: minor(8990) };

/** Weight labels start 22; every other 2x label carries its price. */
export const scaleSettings: PulledPricingSettings = {
  chainId: ids.chain,
  cashRounding: { unitMinor: 1, mode: 'half_up' },
  returns: defaultReturnPolicy,
  scaleLayouts: [
    { id: 'weight', pattern: '22PPPPPVVVVVC', value: 'weight' },
    { id: 'price', pattern: '2FPPPPPVVVVVC', value: 'price' },
  ],
};
