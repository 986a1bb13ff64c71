import { describe, expect, it } from 'vitest';
import { layoutDocument, ReceiptDocument } from '../receipt';
import { ShiftClose } from '../schemas/shifts';
import { shiftXReport, shiftZReport } from './shift-reports';
import { shiftTotals, type ShiftActivity, type ShiftSale } from './shift-totals';

type Payment = { tender: 'cash' | 'bank_card' | 'voucher'; amountMinor: number; tenderedMinor: number | null };

/** A sale as far as the shift reads it: one line, its discount and rounding, and how it was paid. */
function sale(grossMinor: number, payments: Payment[], discountMinor = 0, roundingMinor = 0, quantity = 1): ShiftSale {
  return { lines: [{ quantity }], payments, subtotalMinor: grossMinor, discountMinor, roundingMinor };
}

const activity: ShiftActivity = {
  floatMinor: 50_000,
  sales: [
    sale(1_250, [{ tender: 'cash', amountMinor: 1_250, tenderedMinor: 2_000 }], 0, 0, 2),
    sale(3_333, [{ tender: 'cash', amountMinor: 3_030, tenderedMinor: 5_000 }], 300, -3),
    sale(8_800, [{ tender: 'bank_card', amountMinor: 6_800, tenderedMinor: null }, { tender: 'cash', amountMinor: 2_000, tenderedMinor: 2_000 }]),
  ],
  movements: [
    { direction: 'out', amountMinor: 20_000 },
    { direction: 'in', amountMinor: 5_000 },
    { direction: 'out', amountMinor: 1_000 },
  ],
};

describe('shiftTotals', () => {
  it('expects float + cash kept from sales + cash in − cash out in the drawer', () => {
    const totals = shiftTotals(activity);
    expect(totals.cashSalesMinor).toBe(1_250 + 3_030 + 2_000);
    expect(totals.cashInMinor).toBe(5_000);
    expect(totals.cashOutMinor).toBe(21_000);
    expect(totals.expectedCashMinor).toBe(50_000 + 6_280 + 5_000 - 21_000);
  });

  it('adds sales up by tender, counting each sale once per tender it used', () => {
    const totals = shiftTotals(activity);
    expect(totals.byTender).toEqual([
      { tender: 'cash', amountMinor: 6_280, count: 3 },
      { tender: 'bank_card', amountMinor: 6_800, count: 1 },
    ]);
    expect(totals.byTender.reduce((n, t) => n + t.amountMinor, 0)).toBe(totals.salesMinor);
  });

  it('counts tickets, items, discounts and rounding, and nets refunds', () => {
    const totals = shiftTotals(activity);
    expect(totals).toMatchObject({ ticketCount: 3, itemCount: 4, grossMinor: 13_383, discountMinor: 300, roundingMinor: -3, salesMinor: 13_080 });
    expect(totals.netMinor).toBe(13_080);
    expect(totals.refundCount).toBe(0);
  });

  it('takes refunds by tender: cash refunded leaves the drawer', () => {
    const totals = shiftTotals({ ...activity, refunds: [{ refunds: [{ tender: 'cash', amountMinor: 500 }], payments: [] }, { refunds: [{ tender: 'bank_card', amountMinor: 800 }], payments: [] }] });
    expect(totals.refundsMinor).toBe(1_300);
    expect(totals.netMinor).toBe(13_080 - 1_300);
    expect(totals.cashRefundsMinor).toBe(500);
    expect(totals.expectedCashMinor).toBe(50_000 + 6_280 - 500 + 5_000 - 21_000);
  });

  it('nets an exchange the customer paid on against the refunds of its tender: the cash it took stays in the drawer', () => {
    const refund = { refunds: [{ tender: 'cash' as const, amountMinor: 500 }], payments: [] };
    const exchange = { refunds: [], payments: [{ tender: 'cash' as const, amountMinor: 300 }] };
    const totals = shiftTotals({ ...activity, refunds: [refund, exchange] });
    expect(totals).toMatchObject({ refundCount: 2, refundsMinor: 200, cashRefundsMinor: 200, netMinor: 13_080 - 200 });
    expect(totals.refundsByTender).toEqual([{ tender: 'cash', amountMinor: 200, count: 2 }]);
    expect(totals.expectedCashMinor).toBe(50_000 + 6_280 - 500 + 300 + 5_000 - 21_000);
  });

  it('holds just the float for a shift with nothing in it', () => {
    const totals = shiftTotals({ floatMinor: 30_000, sales: [], movements: [] });
    expect(totals).toMatchObject({ ticketCount: 0, salesMinor: 0, byTender: [], expectedCashMinor: 30_000 });
  });
});

const context = { store: { name: '好邻居便利 S001', address: null, phone: null }, cashierName: '李娜 Li Na', openedAt: '2026-11-22T09:00:00+08:00' };
const id = (n: number) => `0192f0e4-0000-7000-8000-${String(n).padStart(12, '0')}`;

const printed = (doc: unknown) =>
  layoutDocument(ReceiptDocument.parse(doc)).blocks.flatMap((b) => (b.kind === 'pair' ? [`${b.left}|${b.right}`] : b.kind === 'text' ? [b.text] : []));

describe('X and Z reports', () => {
  const totals = shiftTotals(activity);

  it('prints the X report with the cash expected so far and no count', () => {
    const lines = printed(shiftXReport(id(1), context, totals, '2026-11-22T13:00:00+08:00'));
    expect(lines).toContain('班中报表 X REPORT');
    expect(lines).toContain('应有现金 Expected|402.80');
    expect(lines).toContain('现金 Cash|62.80');
    expect(lines).toContain('抹零 Rounding|-0.03');
    expect(lines.some((l) => l.startsWith('实点现金'))).toBe(false);
  });

  it('prints the Z report with the expected, counted and difference of the close', () => {
    const close = { id: id(2), totals, countedCashMinor: 40_300 } as const;
    const lines = printed(shiftZReport(close as never, context, '2026-11-22T21:00:00+08:00'));
    expect(lines).toContain('日结 Z REPORT');
    expect(lines).toContain('净额 Net|130.80');
    expect(lines).toContain('取出 Cash out|-210.00');
    expect(lines).toContain('应有现金 Expected|402.80');
    expect(lines).toContain('实点现金 Counted|403.00');
    expect(lines).toContain('差额 Variance|0.20');
  });
});

describe('ShiftClose', () => {
  const totals = shiftTotals(activity);
  const close = {
    kind: 'shift_close', id: id(3), storeId: id(4), deviceId: id(5), completedAt: '2026-11-22T13:00:00Z', shiftId: id(6), cashierId: id(7),
    openedAt: '2026-11-22T01:00:00Z', countedCashMinor: 40_300, denominations: [{ faceMinor: 10_000, quantity: 4 }, { faceMinor: 100, quantity: 3 }],
    expectedCashMinor: totals.expectedCashMinor, differenceMinor: 40_300 - totals.expectedCashMinor, totals, approval: null,
  };
  const paths = (input: unknown) => {
    const parsed = ShiftClose.safeParse(input);
    return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
  };

  it('takes a close whose count, expected cash and difference agree', () => {
    expect(paths(close)).toEqual([]);
  });

  it('refuses a difference that is not counted − expected, or an expected cash not the totals’', () => {
    expect(paths({ ...close, differenceMinor: 0 })).toEqual(['differenceMinor']);
    expect(paths({ ...close, expectedCashMinor: 1, differenceMinor: 40_299 })).toEqual(['expectedCashMinor']);
  });

  it('refuses denominations that do not come to the count, or a face counted twice', () => {
    expect(paths({ ...close, denominations: [{ faceMinor: 10_000, quantity: 4 }] })).toEqual(['countedCashMinor']);
    expect(paths({ ...close, denominations: [{ faceMinor: 100, quantity: 3 }, { faceMinor: 100, quantity: 400 }] })).toEqual(['denominations.1.faceMinor']);
  });

  it('refuses a manager approving their own close, and a close before the open', () => {
    const approval = { id: id(8), key: 'shift_close', requestedBy: id(7), approvedBy: id(7), at: close.completedAt };
    expect(paths({ ...close, approval })).toEqual(['approval.approvedBy']);
    expect(paths({ ...close, openedAt: '2026-11-23T01:00:00Z' })).toEqual(['completedAt']);
  });
});
