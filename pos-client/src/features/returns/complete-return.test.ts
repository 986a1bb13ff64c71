import { describe, expect, it } from 'vitest';
import { defaultPricingSettings, emptyReturnHistory, Return, withReturns } from '@pos/shared';
import { colaPrice, pairedDevice } from '../../db/test-db.fixture';
import { emptyBasket } from '../sales/basket';
import { completeReturn } from './complete-return';
import { openShiftOf, shiftTotalsOf } from '../shifts/shift-records';
import { localReturnsOf } from './find-original-sale';
import type { ReturnDraft } from './till-return-plan';
import { now, randomBytes, tillWithSale } from './till-with-sale.fixture';

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

  it('pays the refund from the open shift, whose figures count it, and refuses without one', async () => {
    const { db, sale } = await tillWithSale();
    const shift = await openShiftOf(db);
    if (!shift) throw new Error('no open shift');
    const result = await completeReturn({ db, now, randomBytes }, await draftOf(db, sale, 1), defaultPricingSettings, { reason: 'faulty', tenderedMinor: null, approvals: [] });
    expect(result.ok && result.doc.shiftId).toBe(shift.id);
    const totals = await shiftTotalsOf(db, shift);
    expect(totals).toMatchObject({ refundCount: 1, refundsMinor: colaPrice.amountMinor, cashRefundsMinor: colaPrice.amountMinor });
    expect(totals.expectedCashMinor).toBe(shift.open.floatMinor + sale.totalMinor - colaPrice.amountMinor);
    await db.meta.delete('openShift');
    expect(await completeReturn({ db, now, randomBytes }, await draftOf(db, sale, 1), defaultPricingSettings, { reason: 'faulty', tenderedMinor: null, approvals: [] })).toEqual({ ok: false, code: 'NO_OPEN_SHIFT' });
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
