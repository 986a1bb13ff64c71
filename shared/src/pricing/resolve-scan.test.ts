import { describe, expect, it } from 'vitest';
import { ean13CheckDigit } from './ean13';
import { compilePriceBook } from './price-book';
import { PriceListEntry } from './pricing.schemas';
import { resolveScan } from './resolve-scan';

const withCheck = (first12: string) => `${first12}${ean13CheckDigit(first12)}`;

const book = compilePriceBook({
  products: [
    { id: 'apples', active: true, weighed: true },
    { id: 'cheese', active: true, weighed: true },
    { id: 'milk', active: true, weighed: false },
  ],
  prices: [
    ['p1', 'apples', 1280],
    ['p2', 'cheese', 9900],
    ['p3', 'milk', 650],
  ].map(([id, productId, amountMinor]) =>
    PriceListEntry.parse({ id, productId, storeId: null, kind: 'retail', memberLevelId: null, amountMinor, effectiveFrom: null }),
  ),
  barcodes: [{ code: '6901234567892', productId: 'milk' }],
  scaleItems: [{ itemCode: '00042', productId: 'apples' }, { itemCode: '00043', productId: 'cheese' }],
  scaleLayouts: [
    { id: 'weight', pattern: '28PPPPPVVVVVC', value: 'weight' },
    { id: 'price', pattern: '2FPPPPPVVVVVC', value: 'price' },
  ],
  assortments: [{ storeId: 'small', mode: 'all_except', productIds: ['cheese'] }],
});

const query = { storeId: 'a', memberLevelId: null, channel: 'retail' as const, instant: '2025-05-20T10:00:00Z', timeZone: 'Asia/Shanghai' };

describe('resolveScan', () => {
  it('prices a weighed label by weight × price per kilogram, half up', () => {
    expect(resolveScan(book, withCheck('280004200755'), query)).toMatchObject({
      ok: true, productId: 'apples', quantity: 1, weightGrams: 755, unitPriceMinor: 966,
    });
  });

  it('takes the price printed on a price label', () => {
    expect(resolveScan(book, withCheck('200004302480'), query)).toMatchObject({ productId: 'cheese', unitPriceMinor: 2480, weightGrams: null });
  });

  it('looks up ordinary barcodes', () => {
    expect(resolveScan(book, '6901234567892', query)).toMatchObject({ productId: 'milk', unitPriceMinor: 650 });
  });

  it('refuses a damaged label, an unknown item code and goods the store does not carry', () => {
    expect(resolveScan(book, '2800042007551', query)).toMatchObject({ ok: false, code: 'BAD_BARCODE' });
    expect(resolveScan(book, withCheck('280009900100'), query)).toMatchObject({ ok: false, code: 'ITEM_NOT_FOUND' });
    expect(resolveScan(book, withCheck('200004302480'), { ...query, storeId: 'small' })).toMatchObject({ ok: false, code: 'NOT_IN_ASSORTMENT' });
    expect(resolveScan(book, 'abc', query)).toMatchObject({ ok: false, code: 'BAD_BARCODE' });
  });
});
