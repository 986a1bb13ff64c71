import { describe, expect, it } from 'vitest';
import { compileRules, defaultPricingSettings, emptyReturnHistory, Return, uuidv7, withReturns } from '@pos/shared';
import { cola, colaPrice, createTestDb, ids, pairedDevice } from '../../db/test-db.fixture';
import { addItem, emptyBasket } from '../sales/basket';
import { completeSale } from '../sales/complete-sale';
import { findScannedItem } from '../sales/find-scanned-item';
import { newTicket } from '../sales/ticket';
import { completeReturn } from './complete-return';
import { localReturnsOf } from './find-original-sale';
import type { ReturnDraft } from './till-return-plan';

const now = () => new Date('2025-03-01T10:05:00.000Z');
const randomBytes = (length: number) => crypto.getRandomValues(new Uint8Array(length));
const place = { storeId: ids.store, timeZone: 'Asia/Shanghai' };

/** A till that sold two colas for cash, with the sale in its journal. */
async function tillWithSale() {
  const db = createTestDb();
  await db.putMeta('pairing', pairedDevice);
  await db.putMeta('session', { clerkId: ids.clerk, code: '1001', name: 'Li Na', role: 'cashier', token: null, signedInAt: now().toISOString() });
  await db.products.put(cola);
  await db.prices.put(colaPrice);
  await db.barcodes.put({ code: '6901234567892', productId: ids.cola, active: true });
  let basket = emptyBasket;
  for (const lineId of ['a', 'b']) {
    const found = await findScannedItem(db, '6901234567892', place, now());
    if (!found.ok) throw new Error(found.code);
    basket = addItem(basket, found.item, lineId, '2025-03-01T10:00:00.000Z');
  }
  const ticket = { ...newTicket(uuidv7(now().getTime(), randomBytes(10)), ids.clerk), basket };
  const sold = await completeSale({ db, now, randomBytes }, ticket, { rules: compileRules([]), rounding: { unitMinor: 1, mode: 'half_up' }, member: null, vouchers: [], manualDiscounts: [] }, colaPrice.amountMinor * 2 as typeof colaPrice.amountMinor);
  if (!sold.ok) throw new Error(sold.code);
  return { db, sale: sold.sale };
}

const draftOf = async (db: Awaited<ReturnType<typeof tillWithSale>>['db'], sale: Awaited<ReturnType<typeof tillWithSale>>['sale'], quantity: number): Promise<ReturnDraft> => ({
  original: { sale, storeCode: 'S001', history: withReturns(emptyReturnHistory, await localReturnsOf(db, sale.id)), source: 'journal' },
  picks: [{ saleLineId: sale.lines[0]!.id, quantity }], unreceipted: emptyBasket, exchange: emptyBasket,
});

describe('completeReturn', () => {
  it('writes the return to the till’s journal of returns and the outbox together, refunding the cash paid for the unit', async () => {
    const { db, sale } = await tillWithSale();
    const result = await completeReturn({ db, now, randomBytes }, await draftOf(db, sale, 1), defaultPricingSettings, { reason: 'faulty', tenderedMinor: null, approvals: [] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Return.safeParse(result.doc).success).toBe(true);
    expect(result.doc).toMatchObject({ returnNo: `${pairedDevice.device.code}-R1`, original: { saleId: sale.id, receiptNo: sale.receiptNo } });
    expect(result.doc.refunds).toEqual([expect.objectContaining({ tender: 'cash', amountMinor: colaPrice.amountMinor, salePaymentId: sale.payments[0]!.id })]);
    expect(await db.returns.get(result.doc.id)).toEqual(result.doc);
    expect(await db.outbox.get(result.doc.id)).toMatchObject({ kind: 'return', state: 'pending' });
  });

  it('refuses, offline, a unit this till already took back, and finds its own sale by receipt number', async () => {
    const { db, sale } = await tillWithSale();
    expect((await db.journal.where('receiptNo').equals(sale.receiptNo).first())?.id).toBe(sale.id);
    // Both drafts read the journal before either return was written, as two screens open at once would.
    const [whole, one] = [await draftOf(db, sale, 2), await draftOf(db, sale, 1)];
    const first = await completeReturn({ db, now, randomBytes }, whole, defaultPricingSettings, { reason: 'faulty', tenderedMinor: null, approvals: [] });
    expect(first.ok).toBe(true);
    const again = await completeReturn({ db, now, randomBytes }, one, defaultPricingSettings, { reason: 'faulty', tenderedMinor: null, approvals: [] });
    expect(again).toEqual({ ok: false, code: 'OVER_RETURN' });
    expect(await db.returns.count()).toBe(1);
  });
});
