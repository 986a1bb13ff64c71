import { describe, expect, it } from 'vitest';
import { minor } from '../money/money';
import type { RoundingPolicy } from '../promotions/promotions.schemas';
import { settlementOf, settlingRounding, takeCash, takeExact, type TakenTender } from './settlement';

const tenFen: RoundingPolicy = { unitMinor: 10, mode: 'half_up' };
const downToYuan: RoundingPolicy = { unitMinor: 100, mode: 'down' };
const cash = (amountMinor: number, tenderedMinor = amountMinor): TakenTender => ({ tender: 'cash', amountMinor, tenderedMinor });
const card = (amountMinor: number): TakenTender => ({ tender: 'bank_card', amountMinor, tenderedMinor: null });

describe('settlementOf', () => {
  it('rounds a sale paid in cash alone on its whole total and gives change from the cash', () => {
    const s = settlementOf(minor(1234), [cash(1230, 2000)], tenFen);
    expect(s).toMatchObject({ roundingMinor: -4, settled: true, remainingMinor: 0, changeMinor: 770, overpaidMinor: 0 });
  });

  it('shows what is left, and the cash due rounded, at each step of a split payment', () => {
    const start = settlementOf(minor(1234), [], tenFen);
    expect(start).toMatchObject({ remainingMinor: 1234, cashDueMinor: 1230, settled: false });
    const afterCard = settlementOf(minor(1234), [card(501)], tenFen);
    expect(afterCard).toMatchObject({ paidMinor: 501, remainingMinor: 733, cashDueMinor: 730, roundingMinor: 0, settled: false });
    const settled = settlementOf(minor(1234), [card(501), cash(730, 1000)], tenFen);
    expect(settled).toMatchObject({ roundingMinor: -3, settled: true, changeMinor: 270 });
  });

  it('does not round when a card settles what cash left', () => {
    const s = settlementOf(minor(1234), [cash(1000), card(234)], tenFen);
    expect(s).toMatchObject({ roundingMinor: 0, settled: true, changeMinor: 0 });
    expect(settlingRounding(1234, [cash(1000), card(234)], tenFen)).toBe(0);
  });

  it('says by how much a card paid beyond a basket that shrank', () => {
    expect(settlementOf(minor(800), [card(1000)], tenFen)).toMatchObject({ overpaidMinor: 200, settled: false, remainingMinor: 0 });
  });
});

describe('takeCash', () => {
  it('settles with change at or above the cash due', () => {
    const s = settlementOf(minor(1234), [], downToYuan);
    expect(takeCash(s, 2000)).toEqual({ ok: true, settles: true, payment: cash(1200, 2000) });
    expect(takeCash(s, 1200)).toEqual({ ok: true, settles: true, payment: cash(1200, 1200) });
  });

  it('takes less as part of the payment, without change', () => {
    expect(takeCash(settlementOf(minor(1234), [], tenFen), 500)).toEqual({ ok: true, settles: false, payment: cash(500, 500) });
  });

  it('refuses cash between the exact remainder and a cash due rounded up, nothing, and a paid sale', () => {
    const s = settlementOf(minor(1235), [], tenFen);
    expect(s.cashDueMinor).toBe(1240);
    expect(takeCash(s, 1236)).toEqual({ ok: false, code: 'TENDERED_TOO_LOW' });
    expect(takeCash(s, 0)).toEqual({ ok: false, code: 'TENDERED_TOO_LOW' });
    expect(takeCash(s, -1)).toEqual({ ok: false, code: 'TENDERED_INVALID' });
    expect(takeCash(settlementOf(minor(1235), [cash(1240)], tenFen), 10)).toEqual({ ok: false, code: 'ALREADY_PAID' });
  });
});

describe('takeExact', () => {
  it('refuses a card payment beyond what is left', () => {
    const s = settlementOf(minor(1234), [cash(1000)], tenFen);
    expect(takeExact(s, 234)).toEqual({ ok: true, settles: true });
    expect(takeExact(s, 100)).toEqual({ ok: true, settles: false });
    expect(takeExact(s, 235)).toEqual({ ok: false, code: 'AMOUNT_OVER_REMAINING' });
    expect(takeExact(s, 0)).toEqual({ ok: false, code: 'AMOUNT_INVALID' });
  });
});
