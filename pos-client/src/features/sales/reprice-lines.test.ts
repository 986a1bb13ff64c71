import { minor } from '@pos/shared';
import { describe, expect, it } from 'vitest';
import { cola, colaPrice, createTestDb, ids } from '../../db/test-db.fixture';
import type { BasketLine } from './basket';
import { repriceLines } from './reprice-lines';

const place = { storeId: ids.store, timeZone: 'Asia/Shanghai' };
const gold = '0195505c-0000-7000-8000-0000000000f2';
const nuts = { ...cola, id: '0195505c-0000-7000-8000-0000000000a7', sku: 'NUTS', weighed: true, unit: 'kg' as const, scaleItemCode: '10001' };
const line = (productId: string, unitPriceMinor: number, weightGrams: number | null = null): BasketLine => ({
  id: `l-${productId}-${unitPriceMinor}`, productId, barcode: null, nameZh: 'x', nameEn: 'x', quantity: 1, unitPriceMinor: minor(unitPriceMinor), weightGrams,
  categoryId: null, ancestorCategoryIds: [], brandId: null,
});

async function catalog() {
  const db = createTestDb();
  await db.products.bulkPut([cola, nuts]);
  await db.prices.bulkPut([
    colaPrice,
    { ...colaPrice, id: '0195505c-0000-7000-8000-0000000000a3', kind: 'member', memberLevelId: gold, amountMinor: minor(300) },
    { ...colaPrice, id: '0195505c-0000-7000-8000-0000000000a4', amountMinor: minor(380), effectiveFrom: '2025-03-02T00:00:00.000Z' },
    { ...colaPrice, id: '0195505c-0000-7000-8000-0000000000a8', productId: nuts.id, amountMinor: minor(6000) },
    { ...colaPrice, id: '0195505c-0000-7000-8000-0000000000a9', productId: nuts.id, kind: 'member', memberLevelId: gold, amountMinor: minor(5000) },
  ]);
  return db;
}

describe('repriceLines', () => {
  it("prices every line for the member's level: per piece, and a weight label by its weight", async () => {
    const db = await catalog();
    const lines = await repriceLines(db, [line(ids.cola, 350), line(nuts.id, 1500, 250), line(nuts.id, 1234)], place, '2025-03-01T10:00:00.000Z', gold);
    expect(lines.map((l) => l.unitPriceMinor)).toEqual([300, 1250, 1234]);
  });

  it('goes back to the walk-in price when the member is removed, and takes a change that started since the scan', async () => {
    const db = await catalog();
    expect((await repriceLines(db, [line(ids.cola, 300)], place, '2025-03-01T10:00:00.000Z', null))[0]!.unitPriceMinor).toBe(350);
    expect((await repriceLines(db, [line(ids.cola, 350)], place, '2025-03-02T10:00:00.000Z', null))[0]!.unitPriceMinor).toBe(380);
  });

  it('keeps the price of a line the catalog can no longer price', async () => {
    const db = await catalog();
    const unknown = line('0195505c-0000-7000-8000-0000000000aa', 999);
    expect(await repriceLines(db, [unknown], place, '2025-03-01T10:00:00.000Z', gold)).toEqual([unknown]);
  });
});
