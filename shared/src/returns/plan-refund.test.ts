import { describe, expect, it } from 'vitest';
import { minor } from '../money/money';
import { emptyReturnHistory, Return } from '../schemas/returns';
import { linePaidAmounts, unitsRefund } from './line-refunds';
import { planRefund, planWithoutReceipt, type RefundInput, type RefundPlan } from './plan-refund';
import { withReturns } from './return-history';
import { fixtureId, fixtureReturn, fixtureSale } from './testing/return-fixtures';

const fen = { unitMinor: 1, mode: 'half_up' } as const;
const jiao = { unitMinor: 10, mode: 'half_up' } as const;
const policy = { vouchersAsCash: false };

function plan(input: Partial<RefundInput> & Pick<RefundInput, 'sale' | 'picks'>): RefundPlan {
  const result = planRefund({ history: emptyReturnHistory, policy, rounding: fen, ...input });
  if (!result.ok) throw new Error(result.code);
  return result;
}

describe('line refunds', () => {
  it('refunds a unit its share of the line as sold, after promotions, and every unit the whole line', () => {
    expect(unitsRefund(minor(1000), 3, 0, 1)).toBe(333);
    expect(unitsRefund(minor(1000), 3, 1, 1)).toBe(333);
    expect(unitsRefund(minor(1000), 3, 2, 1)).toBe(334);
    expect(unitsRefund(minor(1000), 3, 0, 3)).toBe(1000);
  });

  it('spreads the sale’s cash rounding over its lines so they add up to what was paid', () => {
    const sale = fixtureSale([{ unitPriceMinor: 333, quantity: 1 }, { unitPriceMinor: 664, quantity: 1 }], [{ tender: 'cash', amountMinor: 990 }], -7);
    const paid = linePaidAmounts(sale);
    expect([...paid.values()].reduce((a, b) => a + b, 0)).toBe(990);
    expect(paid.get(fixtureId(100))).toBe(331);
  });
});

describe('planRefund', () => {
  const promoted = fixtureSale([{ unitPriceMinor: 1000, quantity: 3, discountMinor: 1000 }, { unitPriceMinor: 450, quantity: 2 }], [{ tender: 'cash', amountMinor: 2900 }]);

  it('refunds a partial return of a promoted line what those units were paid, to the cash it was paid in', () => {
    const result = plan({ sale: promoted, picks: [{ saleLineId: fixtureId(100), quantity: 1 }] });
    expect(result.lines).toEqual([{ saleLineId: fixtureId(100), quantity: 1, refundMinor: 666 }]);
    expect(result.refunds).toEqual([{ salePaymentId: fixtureId(900), tender: 'cash', amountMinor: 666, reference: null }]);
    expect(result.complete).toBe(false);
  });

  it('refuses more units than are left after earlier returns, and lines not on the sale', () => {
    const first = plan({ sale: promoted, picks: [{ saleLineId: fixtureId(100), quantity: 2 }] });
    const history = withReturns(emptyReturnHistory, [fixtureReturn(promoted, first, 1)]);
    expect(planRefund({ sale: promoted, history, policy, rounding: fen, picks: [{ saleLineId: fixtureId(100), quantity: 2 }] })).toMatchObject({ ok: false, code: 'OVER_RETURN' });
    expect(planRefund({ sale: promoted, history, policy, rounding: fen, picks: [{ saleLineId: fixtureId(199), quantity: 1 }] })).toMatchObject({ ok: false, code: 'UNKNOWN_LINE' });
    expect(planRefund({ sale: promoted, history, policy, rounding: fen, picks: [] })).toMatchObject({ ok: false, code: 'NOTHING_PICKED' });
  });

  it('splits a refund over mixed tenders by what each holds, the card with its terminal reference, the voucher as a voucher', () => {
    const sale = fixtureSale([{ unitPriceMinor: 1000, quantity: 4 }], [
      { tender: 'bank_card', amountMinor: 2000, reference: 'AUTH123' }, { tender: 'cash', amountMinor: 1000 }, { tender: 'voucher', amountMinor: 1000 },
    ]);
    const result = plan({ sale, picks: [{ saleLineId: fixtureId(100), quantity: 2 }] });
    expect(result.refunds).toEqual([
      { salePaymentId: fixtureId(900), tender: 'bank_card', amountMinor: 1000, reference: 'AUTH123' },
      { salePaymentId: fixtureId(901), tender: 'cash', amountMinor: 500, reference: null },
      { salePaymentId: fixtureId(902), tender: 'voucher', amountMinor: 500, reference: null },
    ]);
    const asCash = planRefund({ sale, history: emptyReturnHistory, rounding: fen, policy: { vouchersAsCash: true }, picks: [{ saleLineId: fixtureId(100), quantity: 2 }] });
    expect(asCash.ok && asCash.refunds.map((r) => r.tender)).toEqual(['bank_card', 'cash', 'cash']);
  });

  it('rounds a partial cash refund down to the chain’s unit and pays what it held back with the last return', () => {
    const sale = fixtureSale([{ unitPriceMinor: 333, quantity: 3 }], [{ tender: 'cash', amountMinor: 1000 }], 1);
    const first = plan({ sale, rounding: jiao, picks: [{ saleLineId: fixtureId(100), quantity: 1 }] });
    expect(first.lines[0]!.refundMinor).toBe(333);
    expect(first.refunds[0]!.amountMinor).toBe(330);
    expect(first.roundingMinor).toBe(-3);
    expect(Return.safeParse(fixtureReturn(sale, first, 1)).success).toBe(true);
    const history = withReturns(emptyReturnHistory, [fixtureReturn(sale, first, 1)]);
    const last = plan({ sale, history, rounding: jiao, picks: [{ saleLineId: fixtureId(100), quantity: 2 }] });
    expect(last.complete).toBe(true);
    expect(last.refunds[0]!.amountMinor).toBe(670);
    expect(first.refunds[0]!.amountMinor + last.refunds[0]!.amountMinor).toBe(1000);
    expect(Return.safeParse(fixtureReturn(sale, last, 2)).success).toBe(true);
  });

  it('puts the goods back towards an exchange’s goods out: refunds the rest, or the customer pays the difference', () => {
    const smaller = plan({ sale: promoted, picks: [{ saleLineId: fixtureId(101), quantity: 2 }], outMinor: minor(300) });
    expect(smaller).toMatchObject({ backMinor: 900, creditMinor: 300, payMinor: 0 });
    expect(smaller.refunds.map((r) => r.amountMinor)).toEqual([600]);
    const dearer = plan({ sale: promoted, picks: [{ saleLineId: fixtureId(101), quantity: 1 }], outMinor: minor(1234), rounding: jiao });
    expect(dearer).toMatchObject({ backMinor: 450, creditMinor: 450, payMinor: 780, refunds: [] });
    expect(dearer.roundingMinor).toBe(-780 - (450 - 1234));
  });

  it('takes a claw-back off the refund but never below nothing', () => {
    const result = plan({ sale: promoted, picks: [{ saleLineId: fixtureId(100), quantity: 1 }], clawbackMinor: minor(5000) });
    expect(result).toMatchObject({ backMinor: 666, clawbackMinor: 666, refunds: [] });
  });
});

describe('planWithoutReceipt', () => {
  it('refunds the goods back in cash rounded down, after paying for any goods out', () => {
    expect(planWithoutReceipt(minor(1234), minor(0), jiao)).toEqual({ creditMinor: 0, cashMinor: 1230, payMinor: 0, roundingMinor: -4 });
    expect(planWithoutReceipt(minor(1000), minor(1234), jiao)).toEqual({ creditMinor: 1000, cashMinor: 0, payMinor: 230, roundingMinor: 4 });
  });
});
