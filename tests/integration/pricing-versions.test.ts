import { pricingDiscrepancies } from '@pos/hq-server/pricing/pricing.tables';
import { PushResponse, type PairedDevice, type Promotion, type Sale } from '@pos/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createSeededFixture, json, pairTill, signInOffice, testClock, type Fixture } from '../support/fixture';
import { createPromotion, ruleOf } from '../support/pricing-setup';
import type { TestDatabase } from '../support/test-db';
import { priceSaleOnTill, pullEverything, tillPricer } from '../support/till-pricing';

const HOUR = 3_600_000;
let database: TestDatabase;
let f: Fixture;
let till: PairedDevice;
let hq: string;
const clock = testClock('2026-11-22T02:00:00Z');

beforeAll(async () => {
  ({ database, f } = await createSeededFixture(clock));
  till = await pairTill(f, 'S001');
  hq = await signInOffice(f, 'hq@demo.pos');
});
afterAll(() => database.close());

async function push(sale: Sale) {
  const res = await f.app.request('/sync/push', json({ documents: [sale] }, till.deviceToken));
  return PushResponse.parse(await res.json()).results[0]!.status;
}

async function save(promotion: Promotion, percentBp: number, status: 'active' | 'paused' = 'active') {
  const rule = { ...promotion.rule, args: { ...promotion.rule.args, offer: { type: 'percent_off', percentBp } } };
  const res = await f.app.request(`/promotions/${promotion.id}`, { ...json({ status, rule }, hq), method: 'PUT' });
  expect(res.status).toBe(200);
}

const discrepanciesOf = (saleId: string) => f.deps.db.select().from(pricingDiscrepancies).where(eq(pricingDiscrepancies.saleId, saleId));

describe('HQ prices a sale with the promotions and prices as they stood when it was made', () => {
  it('judges a late sale by the promotion before the edit, and a stale till after it as behind', async () => {
    const item = f.catalog[10]!;
    const promotion = await createPromotion(f, hq, ruleOf('item_discount', 'Ten off', { productIds: [item.id], offer: { type: 'percent_off', percentBp: 1000 }, unitLimit: null }));
    const before = await pullEverything(f.app, till.deviceToken);
    const stale = tillPricer(before.catalog);
    const sellAt = (at: Date, pricer = stale, dataSeq = before.cursor) =>
      priceSaleOnTill(pricer, till, f.clerkIds['0012']!, { at, items: [{ productId: item.id, quantity: 2 }], member: null, vouchers: [], manual: [], dataSeq }, `V-${at.getTime()}`);

    clock.advance(HOUR);
    const offline = sellAt(clock());
    expect(offline.discountMinor).toBeGreaterThan(0);
    clock.advance(HOUR);
    await save(promotion, 2000);

    expect(await push(offline)).toBe('accepted');
    expect(await discrepanciesOf(offline.id)).toEqual([]);

    clock.advance(HOUR);
    const behind = sellAt(clock());
    expect(await push(behind)).toBe('accepted');
    const [row] = await discrepanciesOf(behind.id);
    expect(row).toMatchObject({ tillMinor: offline.totalMinor, hqMinor: expect.any(Number) });
    expect(row!.hqMinor).toBeLessThan(row!.tillMinor);
    expect(row!.detail).toMatchObject({ tillDataSeq: before.cursor, tillBehind: true });

    const after = await pullEverything(f.app, till.deviceToken, undefined, 0);
    const current = sellAt(clock(), tillPricer(after.catalog), after.cursor);
    expect(await push(current)).toBe('accepted');
    expect(await discrepanciesOf(current.id)).toEqual([]);
  });

  it('keeps judging sales made while a promotion ran after it is paused or deleted', async () => {
    const item = f.catalog[11]!;
    const promotion = await createPromotion(f, hq, ruleOf('item_discount', 'Five off', { productIds: [item.id], offer: { type: 'percent_off', percentBp: 500 }, unitLimit: null }));
    const pulled = await pullEverything(f.app, till.deviceToken);
    clock.advance(HOUR);
    const sell = () => priceSaleOnTill(tillPricer(pulled.catalog), till, f.clerkIds['0012']!, { at: clock(), items: [{ productId: item.id, quantity: 1 }], member: null, vouchers: [], manual: [] }, `W-${clock().getTime()}`);
    const whileRunning = sell();
    clock.advance(HOUR);
    await save(promotion, 500, 'paused');
    const whilePaused = sell();
    clock.advance(HOUR);
    expect((await f.app.request(`/promotions/${promotion.id}`, { ...bearer(hq), method: 'DELETE' })).status).toBe(200);

    expect(await push(whileRunning)).toBe('accepted');
    expect(await discrepanciesOf(whileRunning.id)).toEqual([]);
    expect(await push(whilePaused)).toBe('accepted');
    expect(await discrepanciesOf(whilePaused.id)).toHaveLength(1);
  });
  it('judges a sale rung at a store price by that price though HQ cleared it before the sale arrived', async () => {
    const item = f.catalog[12]!;
    const storePrice = `/pricing/store-prices/${f.storeIds.S001}/${item.id}`;
    const amountMinor = item.priceMinor - 20;
    expect((await f.app.request(storePrice, { ...json({ amountMinor }, hq), method: 'PUT' })).status).toBe(200);
    const pulled = await pullEverything(f.app, till.deviceToken);
    const sell = () => priceSaleOnTill(tillPricer(pulled.catalog), till, f.clerkIds['0012']!, { at: clock(), items: [{ productId: item.id, quantity: 3 }], member: null, vouchers: [], manual: [], dataSeq: pulled.cursor }, `S-${clock().getTime()}`);
    clock.advance(HOUR);
    const beforeClearing = sell();
    expect(beforeClearing.lines[0]).toMatchObject({ unitPriceMinor: amountMinor });
    clock.advance(HOUR);
    expect(await (await f.app.request(storePrice, { ...bearer(hq), method: 'DELETE' })).json()).toEqual({ cleared: 1 });
    clock.advance(HOUR);
    const afterClearing = sell();

    expect(await push(beforeClearing)).toBe('accepted');
    expect(await discrepanciesOf(beforeClearing.id)).toEqual([]);
    expect(await push(afterClearing)).toBe('accepted');
    const [row] = await discrepanciesOf(afterClearing.id);
    expect(row?.detail).toMatchObject({ tillUnitPriceMinor: amountMinor, hqUnitPriceMinor: item.priceMinor, tillBehind: true });
  });
});
