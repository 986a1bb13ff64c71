import { describe, expect, it } from 'vitest';
import { PromotionRule, Sale, compileRules, minor, type RoundingPolicy } from '@pos/shared';
import { cola, colaPrice, colaPromotion, createTestDb, ids, pairedDevice } from '../../db/test-db.fixture';
import { addItem, emptyBasket, type Basket } from './basket';
import { completeCashSale } from './complete-sale';
import { findScannedItem } from './find-scanned-item';

const now = () => new Date('2025-03-01T10:00:30.000Z');
const randomBytes = (length: number) => crypto.getRandomValues(new Uint8Array(length));
const place = { storeId: ids.store, timeZone: 'Asia/Shanghai' };
const noRounding: RoundingPolicy = { unitMinor: 1, mode: 'half_up' };
const pricingWith = (rules: readonly PromotionRule[], rounding = noRounding, member: { id: string; levelId: string; birthday: string | null } | null = null) =>
  ({ rules: compileRules(rules), rounding, member, vouchers: [], manualDiscounts: [] });
const noRules = pricingWith([]);

async function readyDb() {
  const db = createTestDb();
  await db.putMeta('pairing', pairedDevice);
  await db.putMeta('session', { clerkId: ids.clerk, code: '1001', name: 'Li Na', role: 'cashier', token: null, signedInAt: now().toISOString() });
  await db.products.put(cola);
  await db.prices.put(colaPrice);
  await db.barcodes.put({ code: '6901234567892', productId: ids.cola, active: true });
  return db;
}

async function scannedTwice(db: Awaited<ReturnType<typeof readyDb>>): Promise<Basket> {
  let basket = emptyBasket;
  for (const lineId of ['a', 'b']) {
    const found = await findScannedItem(db, '6901234567892', place, now());
    if (!found.ok) throw new Error(found.code);
    basket = addItem(basket, found.item, lineId, '2025-03-01T10:00:00.000Z');
  }
  return basket;
}

async function sell(pricing: ReturnType<typeof pricingWith>, tendered: number) {
  const db = await readyDb();
  return { db, result: await completeCashSale({ db, now, randomBytes }, await scannedTwice(db), minor(tendered), pricing) };
}

describe('completeCashSale', () => {
  it('writes a valid sale to the journal and the outbox together, numbering receipts per device', async () => {
    const db = await readyDb();
    const deps = { db, now, randomBytes };
    const first = await completeCashSale(deps, await scannedTwice(db), minor(1000), noRules);
    const second = await completeCashSale(deps, await scannedTwice(db), minor(700), noRules);
    if (!first.ok || !second.ok) throw new Error('sale not completed');
    expect(() => Sale.parse(first.sale)).not.toThrow();
    expect(first.sale.receiptNo).toBe('T01-1');
    expect(second.sale.receiptNo).toBe('T01-2');
    expect(first.sale.totalMinor).toBe(700);
    expect(first.sale.changeMinor).toBe(300);
    expect(first.sale.lines[0]).toMatchObject({ lineNo: 1, quantity: 2, unitPriceMinor: 350, grossMinor: 700, netMinor: 700, clerkId: null, adjustments: [] });
    expect(await db.journal.count()).toBe(2);
    expect((await db.outbox.get(first.sale.id))?.state).toBe('pending');
  });

  it('records the promotion on the line, the totals net of it and the pricing context HQ prices it again with', async () => {
    const { result } = await sell(pricingWith([colaPromotion.rule]), 1000);
    if (!result.ok) throw new Error(result.code);
    const { sale } = result;
    expect(() => Sale.parse(sale)).not.toThrow();
    expect(sale.lines[0]).toMatchObject({
      grossMinor: 700, discountMinor: 70, netMinor: 630,
      adjustments: [{ ruleId: colaPromotion.id, ruleName: colaPromotion.rule.name, amountMinor: 70 }],
    });
    expect(sale).toMatchObject({ subtotalMinor: 700, discountMinor: 70, totalMinor: 630, changeMinor: 370 });
    expect(sale.payments[0]).toMatchObject({ amountMinor: 630, tenderedMinor: 1000 });
    expect(sale.pricing).toEqual({ channel: 'retail', member: null, vouchers: [], manualDiscounts: [], dataSeq: 0 });
  });

  it('adds the gift a promotion gives as a line that nets to nothing, named from the catalog', async () => {
    const gift = PromotionRule.parse({
      ...colaPromotion.rule, id: '0195505c-0000-7000-8000-0000000000e2', name: '满5元送可乐', kind: 'spend_gift',
      args: { scope: { productIds: [], categoryIds: [], brandIds: [] }, minSpendMinor: 500, gift: { productId: ids.cola, quantity: 1, valueMinor: 350 } },
    });
    const { result } = await sell(pricingWith([gift]), 1000);
    if (!result.ok) throw new Error(result.code);
    const { sale } = result;
    expect(sale.lines[1]).toMatchObject({
      lineNo: 2, productId: ids.cola, barcode: '6901234567892', nameZh: cola.nameZh, quantity: 1, unitPriceMinor: 350, grossMinor: 350, discountMinor: 350, netMinor: 0,
      giftRuleId: gift.id, adjustments: [{ ruleId: gift.id, ruleName: '满5元送可乐', amountMinor: 350 }],
    });
    expect(sale).toMatchObject({ subtotalMinor: 1050, discountMinor: 350, totalMinor: 700, changeMinor: 300 });
  });

  it('rounds a cash sale to the chain unit and records the difference', async () => {
    const { result } = await sell(pricingWith([colaPromotion.rule], { unitMinor: 100, mode: 'down' }), 1000);
    if (!result.ok) throw new Error(result.code);
    expect(result.sale).toMatchObject({ totalMinor: 630, roundingMinor: -30, changeMinor: 400 });
    expect(result.sale.payments[0]).toMatchObject({ amountMinor: 600, tenderedMinor: 1000 });
  });

  it('records the member the basket was priced for', async () => {
    const member = { id: '0195505c-0000-7000-8000-0000000000f1', levelId: '0195505c-0000-7000-8000-0000000000f2', birthday: '03-01' };
    const { result } = await sell(pricingWith([], noRounding, member), 700);
    if (!result.ok) throw new Error(result.code);
    expect(result.sale.pricing?.member).toEqual(member);
  });

  it('writes nothing when the cash tendered is short', async () => {
    const { db, result } = await sell(noRules, 500);
    expect(result).toEqual({ ok: false, code: 'TENDERED_TOO_LOW' });
    expect(await db.journal.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.getMeta('receiptCounter')).toBeUndefined();
  });

  it('refuses to sell an unknown barcode', async () => {
    const db = await readyDb();
    expect(await findScannedItem(db, '6900000000000', place, now())).toEqual({ ok: false, code: 'ITEM_NOT_FOUND' });
    expect(await findScannedItem(db, '12ab', place, now())).toEqual({ ok: false, code: 'BARCODE_INVALID' });
  });
});
