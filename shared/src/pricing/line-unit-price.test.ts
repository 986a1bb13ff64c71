import { describe, expect, it } from 'vitest';
import { minor } from '../money/money';
import { lineUnitPrice } from './line-unit-price';
import { compilePriceBook } from './price-book';
import type { PriceQuery } from './resolve-price';

const book = compilePriceBook({
  products: [
    { id: 'tea', active: true, weighed: false },
    { id: 'nuts', active: true, weighed: true },
  ],
  prices: [
    { id: 'tea-retail', productId: 'tea', storeId: null, kind: 'retail', memberLevelId: null, amountMinor: minor(1000), effectiveFrom: null },
    { id: 'tea-gold', productId: 'tea', storeId: null, kind: 'member', memberLevelId: 'gold', amountMinor: minor(900), effectiveFrom: null },
    { id: 'nuts-kg', productId: 'nuts', storeId: null, kind: 'retail', memberLevelId: null, amountMinor: minor(6000), effectiveFrom: null },
  ],
  assortments: [{ storeId: 'small', mode: 'listed', productIds: ['tea'] }],
});

const query = (productId: string, fields: Partial<PriceQuery> = {}): PriceQuery => ({
  productId, storeId: 'a', memberLevelId: null, channel: 'retail', instant: '2025-05-20T10:00:00+08:00', timeZone: 'Asia/Shanghai', ...fields,
});
const line = (unitPriceMinor: number, weightGrams: number | null = null) => ({ unitPriceMinor: minor(unitPriceMinor), weightGrams });

describe('lineUnitPrice', () => {
  it('takes the price that applies per piece, whatever the line carried', () => {
    expect(lineUnitPrice(book, query('tea'), line(1))).toEqual({ ok: true, unitPriceMinor: 1000 });
    expect(lineUnitPrice(book, query('tea', { memberLevelId: 'gold' }), line(1000))).toEqual({ ok: true, unitPriceMinor: 900 });
  });

  it("prices a weight label by its weight and keeps a price label's printed price", () => {
    expect(lineUnitPrice(book, query('nuts'), line(1, 255))).toEqual({ ok: true, unitPriceMinor: 1530 });
    expect(lineUnitPrice(book, query('nuts'), line(1234))).toEqual({ ok: true, unitPriceMinor: 1234 });
  });

  it('passes on why a line cannot be priced', () => {
    expect(lineUnitPrice(book, query('nuts', { storeId: 'small' }), line(1234))).toMatchObject({ ok: false, code: 'NOT_IN_ASSORTMENT' });
    expect(lineUnitPrice(book, query('gone'), line(100))).toMatchObject({ ok: false, code: 'ITEM_NOT_FOUND' });
  });
});
