import { describe, expect, it } from 'vitest';
import { ean13CheckDigit, minor } from '@pos/shared';
import { cola, colaPrice, createTestDb, ids, looseNuts, looseNutsPrice, scaleSettings } from '../../db/test-db.fixture';
import { findScannedItem } from './find-scanned-item';

const code = '6901234567892';
const place = { storeId: ids.store, timeZone: 'Asia/Shanghai' };
const priceId = (n: number) => `0195505c-0000-7000-8000-0000000001${String(n).padStart(2, '0')}`;
const category = (id: string, parentId: string | null) => ({ id, parentId, code: id.slice(-4), nameZh: id, nameEn: id, sortOrder: 0, active: true });

async function dbWith(prices: object[]) {
  const db = createTestDb();
  const drinks = '0195505c-0000-7000-8000-000000000c01';
  const beverages = '0195505c-0000-7000-8000-000000000c02';
  await db.categories.bulkPut([category(drinks, beverages), category(beverages, null)]);
  await db.products.put({ ...cola, categoryId: drinks, brandId: '0195505c-0000-7000-8000-0000000b0001' });
  await db.barcodes.put({ code, productId: ids.cola, active: true });
  await db.prices.bulkPut([colaPrice, ...prices].map((p) => ({ ...colaPrice, ...p })));
  return db;
}

const priceAt = async (db: Awaited<ReturnType<typeof dbWith>>, instant: string) => {
  const found = await findScannedItem(db, code, place, new Date(instant));
  return found.ok ? found.item.unitPriceMinor : found.code;
};

describe('findScannedItem', () => {
  it("takes the store's own price over the chain's and ignores member prices for a walk-in customer", async () => {
    const db = await dbWith([
      { id: priceId(1), storeId: ids.store, amountMinor: minor(330) },
      { id: priceId(2), kind: 'member', memberLevelId: null, amountMinor: minor(100) },
    ]);
    expect(await priceAt(db, '2025-03-01T10:00:00Z')).toBe(330);
  });

  it("switches to a scheduled price at the store's local midnight", async () => {
    const db = await dbWith([{ id: priceId(3), amountMinor: minor(380), effectiveFrom: '2025-03-02T00:00:00+08:00' }]);
    expect(await priceAt(db, '2025-03-01T15:59:59Z')).toBe(350);
    expect(await priceAt(db, '2025-03-01T16:00:00Z')).toBe(380);
  });

  it('carries the category tree and brand that promotions match on', async () => {
    const found = await findScannedItem(await dbWith([]), code, place, new Date('2025-03-01T10:00:00Z'));
    expect(found).toMatchObject({ ok: true, item: { categoryId: '0195505c-0000-7000-8000-000000000c01', ancestorCategoryIds: ['0195505c-0000-7000-8000-000000000c02'], brandId: '0195505c-0000-7000-8000-0000000b0001' } });
  });

  it('answers PRICE_MISSING when no price applies here', async () => {
    const db = await dbWith([]);
    await db.prices.clear();
    expect(await priceAt(db, '2025-03-01T10:00:00Z')).toBe('PRICE_MISSING');
  });
});

const withCheck = (first12: string) => `${first12}${ean13CheckDigit(first12)}`;
const at = new Date('2025-03-01T10:00:00Z');

/** The catalog of `dbWith` plus loose nuts with a scale item code, and the chain's scale layouts. */
async function dbWithScale() {
  const db = await dbWith([]);
  await db.products.put(looseNuts);
  await db.prices.put(looseNutsPrice);
  await db.pricingSettings.put(scaleSettings);
  return db;
}

describe('findScannedItem with scale labels and assortments', () => {
  it('puts the price a scale label prints on the line', async () => {
    const label = withCheck('201000101250');
    expect(await findScannedItem(await dbWithScale(), label, place, at)).toMatchObject({
      ok: true, item: { productId: looseNuts.id, barcode: label, unitPriceMinor: 1250, weightGrams: null, nameEn: 'Loose Mixed Nuts' },
    });
  });

  it('prices a weight label as its weight times the price per kilogram, and keeps the weight', async () => {
    // 0.555 kg at ¥89.90 a kilogram is 4,989.45 fen: ¥49.89.
    expect(await findScannedItem(await dbWithScale(), withCheck('221000100555'), place, at)).toMatchObject({
      ok: true, item: { productId: looseNuts.id, unitPriceMinor: 4989, weightGrams: 555 },
    });
  });

  it('refuses a product the store does not carry, by barcode or by label', async () => {
    const db = await dbWithScale();
    await db.storeAssortments.put({ storeId: ids.store, mode: 'all_except' });
    await db.assortmentItems.bulkPut([{ storeId: ids.store, productId: ids.cola, active: true }, { storeId: ids.store, productId: looseNuts.id, active: true }]);
    expect(await findScannedItem(db, code, place, at)).toEqual({ ok: false, code: 'NOT_IN_ASSORTMENT' });
    expect(await findScannedItem(db, withCheck('201000101250'), place, at)).toEqual({ ok: false, code: 'NOT_IN_ASSORTMENT' });
  });

  it('sells only the listed products in a store that lists them', async () => {
    const db = await dbWithScale();
    await db.storeAssortments.put({ storeId: ids.store, mode: 'listed' });
    await db.assortmentItems.put({ storeId: ids.store, productId: looseNuts.id, active: true });
    expect(await findScannedItem(db, code, place, at)).toEqual({ ok: false, code: 'NOT_IN_ASSORTMENT' });
    expect(await findScannedItem(db, withCheck('201000101250'), place, at)).toMatchObject({ ok: true });
  });

  it('answers unknown codes, unknown scale items and misread labels as not found, and non-digits as invalid', async () => {
    const db = await dbWithScale();
    expect(await findScannedItem(db, '6900000000000', place, at)).toEqual({ ok: false, code: 'ITEM_NOT_FOUND' });
    expect(await findScannedItem(db, withCheck('209999901250'), place, at)).toEqual({ ok: false, code: 'ITEM_NOT_FOUND' });
    const misread = `201000101250${(ean13CheckDigit('201000101250') + 1) % 10}`;
    expect(await findScannedItem(db, misread, place, at)).toEqual({ ok: false, code: 'ITEM_NOT_FOUND' });
    expect(await findScannedItem(db, '20-1000', place, at)).toEqual({ ok: false, code: 'BARCODE_INVALID' });
  });

  it('reads a 2x code as an ordinary barcode until the chain\'s scale layouts are pulled', async () => {
    const db = await dbWith([]);
    await db.products.put(looseNuts);
    await db.prices.put(looseNutsPrice);
    const label = withCheck('201000101250');
    expect(await findScannedItem(db, label, place, at)).toEqual({ ok: false, code: 'ITEM_NOT_FOUND' });
    await db.barcodes.put({ code: label, productId: looseNuts.id, active: true });
    expect(await findScannedItem(db, label, place, at)).toMatchObject({ ok: true, item: { unitPriceMinor: 8990, weightGrams: null } });
  });

  it('refuses a discontinued product from its discontinued-from date in the store’s business day, and sells it the day before', async () => {
    const db = await dbWith([]);
    await db.products.update(ids.cola, { status: 'discontinued', discontinuedFrom: '2025-03-02' });
    expect(await findScannedItem(db, code, place, new Date('2025-03-01T15:59:00Z'))).toMatchObject({ ok: true });
    expect(await findScannedItem(db, code, place, new Date('2025-03-01T16:00:00Z'))).toEqual({ ok: false, code: 'PRODUCT_DISCONTINUED' });
  });
});
