import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { compilePriceBook, storePriceBook } from './price-book';
import { PriceListEntry } from './pricing.schemas';
import { resolvePrice, type PriceQuery } from './resolve-price';

const entry = (id: string, fields: Partial<z.input<typeof PriceListEntry>>): PriceListEntry =>
  PriceListEntry.parse({ id, productId: 'tea', storeId: null, kind: 'retail', memberLevelId: null, amountMinor: 1000, effectiveFrom: null, ...fields });

const products = [
  { id: 'tea', active: true, weighed: false },
  { id: 'rice', active: true, weighed: false },
];
const chainPrices = [entry('chain-tea', {}), entry('member-tea', { kind: 'member', amountMinor: 900 }), entry('chain-rice', { productId: 'rice', amountMinor: 3000 })];
const storeBPrices = [entry('store-b-tea', { storeId: 'b', amountMinor: 950 }), entry('store-b-member', { storeId: 'b', kind: 'member', amountMinor: 800, effectiveFrom: '2025-06-01T00:00' })];
const assortment = { storeId: 'b', mode: 'listed' as const, productIds: ['tea'] };

const query = (fields: Partial<PriceQuery>): PriceQuery => ({
  productId: 'tea', storeId: 'b', memberLevelId: null, channel: 'retail', instant: '2025-05-20T10:00:00+08:00', timeZone: 'Asia/Shanghai', ...fields,
});

describe('storePriceBook', () => {
  const chain = compilePriceBook({ products, prices: chainPrices });
  const layered = storePriceBook(chain, storeBPrices, assortment);
  const whole = compilePriceBook({ products, prices: [...chainPrices, ...storeBPrices], assortments: [assortment] });

  it('prices every query of the store as the book compiled from the chain’s and the store’s rows together', () => {
    const queries = ['tea', 'rice'].flatMap((productId) => [null, 'gold'].flatMap((memberLevelId) =>
      ['2025-05-20T10:00:00+08:00', '2025-06-02T10:00:00+08:00'].map((instant) => query({ productId, memberLevelId, instant }))));
    for (const q of queries) expect(resolvePrice(layered, q)).toEqual(resolvePrice(whole, q));
    expect(resolvePrice(layered, query({}))).toMatchObject({ ok: true, unitPriceMinor: 950, priceEntryId: 'store-b-tea' });
    expect(resolvePrice(layered, query({ memberLevelId: 'gold', instant: '2025-06-02T10:00:00+08:00' }))).toMatchObject({ unitPriceMinor: 800, source: 'member' });
    expect(resolvePrice(layered, query({ productId: 'rice' }))).toMatchObject({ ok: false, code: 'NOT_IN_ASSORTMENT' });
  });

  it('shares the chain’s maps and leaves the chain’s book as it was', () => {
    expect(layered.products).toBe(chain.products);
    expect(chain.pricesByProduct.get('tea')!.map((e) => e.id)).toEqual(['chain-tea', 'member-tea']);
    expect(resolvePrice(chain, query({}))).toMatchObject({ unitPriceMinor: 1000, priceEntryId: 'chain-tea' });
    expect(resolvePrice(chain, query({ productId: 'rice' }))).toMatchObject({ ok: true, unitPriceMinor: 3000 });
    expect(resolvePrice(storePriceBook(chain, [], null), query({ productId: 'rice' }))).toMatchObject({ ok: true, unitPriceMinor: 3000 });
  });
});
