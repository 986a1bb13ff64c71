import { describe, expect, it } from 'vitest';
import { PromotionRule, Sale, compileRules, minor, uuidv7, type RoundingPolicy } from '@pos/shared';
import { cola, colaPrice, colaPromotion, ids, pairedDevice, sellingTillDb } from '../../db/test-db.fixture';
import { openShift } from '../shifts/shift-records';
import { addItem, emptyBasket, type Basket } from './basket';
import { completeSale } from './complete-sale';
import { findScannedItem } from './find-scanned-item';
import { newTicket, ticketReducer, type Ticket, type TicketPayment } from './ticket';
import { loadOpenTicket, saveOpenTicket } from './ticket-store';

const now = () => new Date('2025-03-01T10:00:30.000Z');
const randomBytes = (length: number) => crypto.getRandomValues(new Uint8Array(length));
const place = { storeId: ids.store, timeZone: 'Asia/Shanghai' };
const noRounding: RoundingPolicy = { unitMinor: 1, mode: 'half_up' };
const pricingWith = (rules: readonly PromotionRule[], rounding = noRounding, member: { id: string; levelId: string; birthday: string | null } | null = null) =>
  ({ rules: compileRules(rules), rounding, member, vouchers: [], manualDiscounts: [] });
const noRules = pricingWith([]);
const otherClerk = '0195505c-0000-7000-8000-0000000000c2';

async function readyDb() {
  const db = await sellingTillDb(now().toISOString());
  await openShift({ db, now, randomBytes }, { totalMinor: minor(0), denominations: null });
  return db;
}

const saleDocuments = (db: Awaited<ReturnType<typeof readyDb>>) => db.outbox.filter((entry) => entry.kind === 'sale').count();

async function scannedTwice(db: Awaited<ReturnType<typeof readyDb>>): Promise<Basket> {
  let basket = emptyBasket;
  for (const lineId of ['a', 'b']) {
    const found = await findScannedItem(db, '6901234567892', place, now());
    if (!found.ok) throw new Error(found.code);
    basket = addItem(basket, found.item, lineId, '2025-03-01T10:00:00.000Z');
  }
  return basket;
}

const ticketOf = (basket: Basket): Ticket => ({ ...newTicket(uuidv7(now().getTime(), randomBytes(10)), ids.clerk), basket });
const card = (amount: number, declined = false): TicketPayment => ({
  id: uuidv7(now().getTime(), randomBytes(10)), tender: 'bank_card', amountMinor: minor(amount), tenderedMinor: null, reference: declined ? 'DECLINED-1' : 'T0045-118', declined, at: now().toISOString(),
});
const paidWith = (ticket: Ticket, ...payments: TicketPayment[]) => payments.reduce((t, payment) => ticketReducer(t, { type: 'payment_taken', payment }), ticket);

async function sell(pricing: ReturnType<typeof pricingWith>, tendered: number) {
  const db = await readyDb();
  return { db, result: await completeSale({ db, now, randomBytes }, ticketOf(await scannedTwice(db)), pricing, minor(tendered)) };
}

describe('completeSale', () => {
  it('writes a valid sale to the journal and the outbox together, numbering receipts per device', async () => {
    const db = await readyDb();
    const deps = { db, now, randomBytes };
    const first = await completeSale(deps, ticketOf(await scannedTwice(db)), noRules, minor(1000));
    const second = await completeSale(deps, ticketOf(await scannedTwice(db)), noRules, minor(700));
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

  it('credits each line to the clerks the ticket names: a shared one with its shares, a whole one by clerkId alone', async () => {
    const db = await readyDb();
    const [ann, bob] = ['0195505c-0000-7000-8000-0000000000d1', '0195505c-0000-7000-8000-0000000000d2'];
    const found = await findScannedItem(db, '6901234567892', place, now());
    if (!found.ok) throw new Error(found.code);
    let basket = addItem(emptyBasket, { ...found.item, clerkShares: [{ clerkId: ann, shareBp: 6000 }, { clerkId: bob, shareBp: 4000 }] }, 'a', '2025-03-01T10:00:00.000Z');
    basket = addItem(basket, { ...found.item, clerkShares: [{ clerkId: bob, shareBp: 10_000 }] }, 'b', '2025-03-01T10:00:01.000Z');
    basket = addItem(basket, found.item, 'c', '2025-03-01T10:00:02.000Z');
    const result = await completeSale({ db, now, randomBytes }, ticketOf(basket), noRules, minor(2000));
    if (!result.ok) throw new Error(result.code);
    const [shared, whole, cashiers] = result.sale.lines;
    expect(shared).toMatchObject({ clerkId: ann, clerkShares: [{ clerkId: ann, shareBp: 6000 }, { clerkId: bob, shareBp: 4000 }] });
    expect(whole).toMatchObject({ clerkId: bob });
    expect(whole && 'clerkShares' in whole).toBe(false);
    expect(cashiers).toMatchObject({ clerkId: null });
    expect(() => Sale.parse(result.sale)).not.toThrow();
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
    expect(result.pointsEarned).toBeNull();
  });

  it('counts the points a member’s sale earns by the pulled rules, and none for a walk-in customer', async () => {
    const member = { id: '0195505c-0000-7000-8000-0000000000f1', levelId: '0195505c-0000-7000-8000-0000000000f2', birthday: null };
    const db = await readyDb();
    const everyLevel = { id: '0195505c-0000-7000-8000-0000000000e1', memberLevelId: null, categoryId: null, rateBp: 10_000, validFrom: null, validTo: null };
    const thisLevel = { ...everyLevel, id: '0195505c-0000-7000-8000-0000000000e2', memberLevelId: member.levelId, rateBp: 30_000, validFrom: '2025-03-01' };
    await db.putMeta('pointsEarning', { chainId: ids.chain, rules: [everyLevel, thisLevel] });
    const deps = { db, now, randomBytes };
    const withMember = await completeSale(deps, ticketOf(await scannedTwice(db)), pricingWith([], noRounding, member), minor(700));
    const walkIn = await completeSale(deps, ticketOf(await scannedTwice(db)), noRules, minor(700));
    if (!withMember.ok || !walkIn.ok) throw new Error('sale not completed');
    expect(withMember.sale.totalMinor).toBe(700);
    expect(withMember.pointsEarned).toBe(21);
    expect(walkIn.pointsEarned).toBeNull();
  });

  it('takes a card and then cash, rounding only the cash that settles, and leaves the declined card off', async () => {
    const db = await readyDb();
    const ticket = paidWith(ticketOf(await scannedTwice(db)), card(200, true), card(201));
    const result = await completeSale({ db, now, randomBytes }, ticket, pricingWith([], { unitMinor: 10, mode: 'half_up' }), minor(1000));
    if (!result.ok) throw new Error(result.code);
    expect(result.sale.payments.map((p) => [p.tender, p.amountMinor, p.tenderedMinor, p.reference])).toEqual([['bank_card', 201, null, 'T0045-118'], ['cash', 500, 1000, null]]);
    expect(result.sale).toMatchObject({ totalMinor: 700, roundingMinor: 1, changeMinor: 500 });
    expect(result.sale.payments[0]!.id).toBe(ticket.payments[1]!.id);
  });

  it('completes a ticket a card paid in full with no cash, and refuses one a card paid beyond its total', async () => {
    const db = await readyDb();
    const deps = { db, now, randomBytes };
    const paid = await completeSale(deps, paidWith(ticketOf(await scannedTwice(db)), card(700)), noRules, null);
    expect(paid.ok && paid.sale.payments).toHaveLength(1);
    expect(await completeSale(deps, paidWith(ticketOf(await scannedTwice(db)), card(900)), noRules, null)).toEqual({ ok: false, code: 'CARD_OVERPAID' });
    expect(await completeSale(deps, paidWith(ticketOf(await scannedTwice(db)), card(300)), noRules, null)).toEqual({ ok: false, code: 'NOT_PAID' });
  });

  it('closes the open ticket with the sale, and never makes two sales of one ticket', async () => {
    const db = await readyDb();
    const deps = { db, now, randomBytes };
    const ticket = ticketOf(await scannedTwice(db));
    await saveOpenTicket(db, ticket);
    const first = await completeSale(deps, ticket, noRules, minor(700));
    expect(first.ok && first.sale.id).toBe(ticket.id);
    expect(await loadOpenTicket(db, ids.clerk)).toBeUndefined();
    await expect(completeSale(deps, ticket, noRules, minor(700))).rejects.toThrow();
    expect(await db.journal.count()).toBe(1);
    expect(await saleDocuments(db)).toBe(1);
    expect(await db.getMeta('receiptCounter')).toEqual({ deviceId: pairedDevice.device.id, last: 1 });
  });

  it('sells only in the signed-in clerk’s open shift, and writes nothing without one', async () => {
    const db = await sellingTillDb(now().toISOString());
    const deps = { db, now, randomBytes };
    const ticket = ticketOf(await scannedTwice(db));
    expect(await completeSale(deps, ticket, noRules, minor(700))).toEqual({ ok: false, code: 'NO_OPEN_SHIFT' });
    const opened = await openShift(deps, { totalMinor: minor(0), denominations: null });
    if (!opened.ok) throw new Error(opened.code);
    await db.putMeta('session', { clerkId: otherClerk, code: '1002', name: 'Wang Fang', role: 'store_manager', token: null, signedInAt: now().toISOString() });
    expect(await completeSale(deps, ticket, noRules, minor(700))).toEqual({ ok: false, code: 'NO_OPEN_SHIFT' });
    expect(await db.journal.count()).toBe(0);
    expect(await saleDocuments(db)).toBe(0);
    await db.putMeta('session', { clerkId: ids.clerk, code: '1001', name: 'Li Na', role: 'cashier', token: null, signedInAt: now().toISOString() });
    const sold = await completeSale(deps, ticket, noRules, minor(700));
    expect(sold.ok && sold.sale.shiftId).toBe(opened.value.id);
  });

  it('writes nothing and keeps the open ticket when the cash tendered is short', async () => {
    const db = await readyDb();
    const ticket = ticketOf(await scannedTwice(db));
    await saveOpenTicket(db, ticket);
    const result = await completeSale({ db, now, randomBytes }, ticket, noRules, minor(700 - 1));
    expect(result).toEqual({ ok: false, code: 'TENDERED_TOO_LOW' });
    expect(await loadOpenTicket(db, ids.clerk)).toEqual(ticket);
    expect(await db.journal.count()).toBe(0);
    expect(await saleDocuments(db)).toBe(0);
    expect(await db.getMeta('receiptCounter')).toBeUndefined();
  });

  it('refuses to sell an unknown barcode', async () => {
    const db = await readyDb();
    expect(await findScannedItem(db, '6900000000000', place, now())).toEqual({ ok: false, code: 'ITEM_NOT_FOUND' });
    expect(await findScannedItem(db, '12ab', place, now())).toEqual({ ok: false, code: 'BARCODE_INVALID' });
  });
});
