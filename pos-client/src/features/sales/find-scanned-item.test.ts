import { describe, expect, it } from 'vitest';
import { minor } from '@pos/shared';
import { cola, colaPrice, createTestDb, ids } from '../../db/test-db.fixture';
import { findScannedItem } from './find-scanned-item';

const code = '6901234567892';
const place = { storeId: ids.store, timeZone: 'Asia/Shanghai' };
const priceId = (n: number) => `0195505c-0000-7000-8000-0000000001${String(n).padStart(2, '0')}`;
const category = (id: string, parentId: string | null) => ({ id, parentId, code: id.slice(-4), nameZh: id, nameEn: id });

async function dbWith(prices: object[]) {
  const db = createTestDb();
  const drinks = '0195505c-0000-7000-8000-000000000c01';
  const beverages = '0195505c-0000-7000-8000-000000000c02';
  await db.categories.bulkPut([category(drinks, beverages), category(beverages, null)]);
  await db.products.put({ ...cola, categoryId: drinks, brand: 'Fizz' });
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
    expect(found).toMatchObject({ ok: true, item: { categoryId: '0195505c-0000-7000-8000-000000000c01', ancestorCategoryIds: ['0195505c-0000-7000-8000-000000000c02'], brandId: 'Fizz' } });
  });

  it('answers PRICE_MISSING when no price applies here', async () => {
    const db = await dbWith([]);
    await db.prices.clear();
    expect(await priceAt(db, '2025-03-01T10:00:00Z')).toBe('PRICE_MISSING');
  });
});
