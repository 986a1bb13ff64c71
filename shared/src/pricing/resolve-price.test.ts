import { describe, expect, it } from 'vitest';
import { compilePriceBook } from './price-book';
import type { z } from 'zod';
import { PriceListEntry } from './pricing.schemas';
import { resolvePrice, type PriceQuery } from './resolve-price';

const entry = (id: string, fields: Partial<z.input<typeof PriceListEntry>>): PriceListEntry =>
  PriceListEntry.parse({ id, productId: 'tea', storeId: null, kind: 'retail', memberLevelId: null, amountMinor: 1000, effectiveFrom: null, ...fields });

const book = compilePriceBook({
  products: [
    { id: 'tea', active: true, weighed: false },
    { id: 'old', active: false, weighed: false },
    { id: 'bare', active: true, weighed: false },
  ],
  prices: [
    entry('chain', { amountMinor: 1000 }),
    entry('chain-rise', { amountMinor: 1100, effectiveFrom: '2025-06-01T08:00' }),
    entry('store-b', { storeId: 'b', amountMinor: 950 }),
    entry('member-all', { kind: 'member', amountMinor: 900 }),
    entry('member-gold', { kind: 'member', memberLevelId: 'gold', amountMinor: 850 }),
    entry('wholesale', { kind: 'wholesale', amountMinor: 700 }),
  ],
  assortments: [{ storeId: 'c', mode: 'listed', productIds: ['bare'] }],
});

const query = (fields: Partial<PriceQuery>): PriceQuery => ({
  productId: 'tea', storeId: 'a', memberLevelId: null, channel: 'retail', instant: '2025-05-20T10:00:00+08:00', timeZone: 'Asia/Shanghai', ...fields,
});

describe('resolvePrice', () => {
  it('charges the chain retail price by default', () => {
    expect(resolvePrice(book, query({}))).toMatchObject({ ok: true, unitPriceMinor: 1000, source: 'retail', priceEntryId: 'chain' });
  });

  it('lets a store price override the chain price', () => {
    expect(resolvePrice(book, query({ storeId: 'b' }))).toMatchObject({ unitPriceMinor: 950, priceEntryId: 'store-b' });
  });

  it('applies a scheduled change from its local start time in the store time zone', () => {
    expect(resolvePrice(book, query({ instant: '2025-05-31T23:59:00Z' }))).toMatchObject({ unitPriceMinor: 1000 });
    expect(resolvePrice(book, query({ instant: '2025-06-01T00:00:00Z' }))).toMatchObject({ unitPriceMinor: 1100 });
  });

  it('gives members the price of their level, else the all-levels member price', () => {
    expect(resolvePrice(book, query({ memberLevelId: 'gold' }))).toMatchObject({ unitPriceMinor: 850, source: 'member', retailPriceMinor: 1000 });
    expect(resolvePrice(book, query({ memberLevelId: 'silver' }))).toMatchObject({ unitPriceMinor: 900, priceEntryId: 'member-all' });
  });

  it('never charges a member more than retail', () => {
    expect(resolvePrice(book, query({ storeId: 'b', memberLevelId: 'silver' }))).toMatchObject({ unitPriceMinor: 900 });
    const cheapRetail = compilePriceBook({
      products: [{ id: 'tea', active: true, weighed: false }],
      prices: [entry('r', { amountMinor: 500 }), entry('m', { kind: 'member', amountMinor: 600 })],
    });
    expect(resolvePrice(cheapRetail, query({ memberLevelId: 'gold' }))).toMatchObject({ unitPriceMinor: 500, source: 'retail' });
  });

  it('charges wholesale customers the wholesale price', () => {
    expect(resolvePrice(book, query({ channel: 'wholesale' }))).toMatchObject({ unitPriceMinor: 700, source: 'wholesale' });
  });

  it('refuses unknown, retired, unpriced and uncarried products with a reason', () => {
    expect(resolvePrice(book, query({ productId: 'nope' }))).toMatchObject({ ok: false, code: 'ITEM_NOT_FOUND' });
    expect(resolvePrice(book, query({ productId: 'old' }))).toMatchObject({ ok: false, code: 'ITEM_INACTIVE' });
    expect(resolvePrice(book, query({ productId: 'bare' }))).toMatchObject({ ok: false, code: 'NO_PRICE' });
    expect(resolvePrice(book, query({ storeId: 'c' }))).toMatchObject({ ok: false, code: 'NOT_IN_ASSORTMENT' });
  });

  it('sells a discontinued product until its business date in the store’s time zone, then refuses it', () => {
    const ending = compilePriceBook({ products: [{ id: 'tea', active: true, weighed: false, discontinuedFrom: '2025-05-21' }], prices: [entry('r', {})] });
    expect(resolvePrice(ending, query({ instant: '2025-05-20T15:59:59Z' }))).toMatchObject({ ok: true, unitPriceMinor: 1000 });
    expect(resolvePrice(ending, query({ instant: '2025-05-20T16:00:00Z' }))).toMatchObject({ ok: false, code: 'PRODUCT_DISCONTINUED' });
    expect(resolvePrice(ending, query({ instant: '2025-06-20T10:00:00Z' }))).toMatchObject({ ok: false, code: 'PRODUCT_DISCONTINUED' });
  });
  it('keeps an ended store price for sales made before its end, and the chain price after it', () => {
    const ended = compilePriceBook({
      products: [{ id: 'tea', active: true, weighed: false }],
      prices: [entry('chain', { amountMinor: 1000 }), entry('store-b', { storeId: 'b', amountMinor: 950, effectiveUntil: '2025-05-20T02:30:00Z' })],
    });
    expect(resolvePrice(ended, query({ storeId: 'b', instant: '2025-05-20T10:29:59+08:00' }))).toMatchObject({ unitPriceMinor: 950, priceEntryId: 'store-b' });
    expect(resolvePrice(ended, query({ storeId: 'b', instant: '2025-05-20T10:30:00+08:00' }))).toMatchObject({ unitPriceMinor: 1000, priceEntryId: 'chain' });
  });

  it('never applies an entry ended before it started (a cancelled scheduled change)', () => {
    const cancelled = compilePriceBook({
      products: [{ id: 'tea', active: true, weighed: false }],
      prices: [entry('chain', { amountMinor: 1000 }), entry('rise', { amountMinor: 1200, effectiveFrom: '2025-06-01', effectiveUntil: '2025-05-10T00:00:00Z' })],
    });
    expect(resolvePrice(cancelled, query({ instant: '2025-06-02T10:00:00+08:00' }))).toMatchObject({ unitPriceMinor: 1000, priceEntryId: 'chain' });
  });
});
