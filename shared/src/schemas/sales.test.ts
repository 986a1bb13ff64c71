import { describe, expect, it } from 'vitest';
import { SALE_LIMITS, saleTimeIssue } from './sale-limits';
import { Sale } from './sales';

const id = (n: number) => `0192f0e4-0000-7000-8000-${String(n).padStart(12, '0')}`;

function sale(unitPriceMinor = 350, quantity = 2, lines = 1) {
  const gross = unitPriceMinor * quantity;
  const total = gross * lines;
  return {
    kind: 'sale', id: id(1), storeId: id(2), deviceId: id(3), cashierId: id(4), receiptNo: 'T1-1', currency: 'CNY',
    startedAt: '2026-11-22T04:00:00Z', completedAt: '2026-11-22T04:01:00Z',
    lines: Array.from({ length: lines }, (_, i) => ({
      id: id(100 + i), lineNo: i + 1, productId: id(5), barcode: '6901234567892', nameZh: '可乐', nameEn: 'Cola',
      quantity, unitPriceMinor, grossMinor: gross, discountMinor: 0, netMinor: gross, clerkId: null,
    })),
    payments: [{ id: id(900), tender: 'bank_card', amountMinor: total, tenderedMinor: null, reference: '004512' }],
    subtotalMinor: total, discountMinor: 0, totalMinor: total, roundingMinor: 0, changeMinor: 0,
  };
}

const paths = (input: unknown) => {
  const parsed = Sale.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
};

describe('Sale', () => {
  it('takes a well-formed sale', () => {
    expect(paths(sale())).toEqual([]);
  });

  it('takes an old sale without approvals as having none, and checks the ones it has', () => {
    expect(Sale.parse(sale()).approvals).toEqual([]);
    const approval = { id: id(700), key: 'line_discount', lineId: id(100), requestedBy: id(4), approvedBy: id(6), at: '2026-11-22T04:00:30Z' };
    expect(paths({ ...sale(), approvals: [approval, { ...approval, id: id(701), lineId: null, key: 'void_line' }] })).toEqual([]);
    expect(paths({ ...sale(), approvals: [{ ...approval, lineId: id(199) }] })).toEqual(['approvals.0.lineId']);
    expect(paths({ ...sale(), approvals: [{ ...approval, approvedBy: id(4) }] })).toEqual(['approvals.0.approvedBy']);
    expect(paths({ ...sale(), approvals: [approval, approval] })).toEqual(['approvals.1.id']);
    expect(paths({ ...sale(), approvals: [{ ...approval, key: 'open_safe' }] })).toEqual(['approvals.0.key']);
    expect(paths({ ...sale(), approvals: Array.from({ length: SALE_LIMITS.approvals + 1 }, (_, i) => ({ ...approval, id: id(1000 + i) })) })).toEqual(['approvals']);
  });

  it('takes a card and cash on one sale, and refuses a card payment without the terminal\'s reference', () => {
    const total = sale().totalMinor;
    const split = {
      ...sale(),
      payments: [
        { id: id(901), tender: 'bank_card', amountMinor: 300, tenderedMinor: null as number | null, reference: 'T0045-118' as string | null },
        { id: id(902), tender: 'cash', amountMinor: total - 300, tenderedMinor: total as number | null, reference: null as string | null },
      ],
      changeMinor: 300,
    };
    expect(paths(split)).toEqual([]);
    expect(paths({ ...split, payments: [{ ...split.payments[0]!, reference: null }, split.payments[1]!] })).toEqual(['payments.0.reference']);
    expect(paths({ ...split, payments: [{ ...split.payments[0]!, reference: '  ' }, split.payments[1]!] })).toEqual(['payments.0.reference']);
    expect(paths({ ...split, payments: [{ ...split.payments[0]!, tenderedMinor: 400 }, split.payments[1]!] })).toContain('payments.0.tenderedMinor');
  });

  it('takes a line shared between two clerks whose shares make the whole, the first being the line\'s clerk, and keeps old lines valid', () => {
    const withShares = (line: Record<string, unknown>) => ({ ...sale(), lines: [{ ...sale().lines[0], ...line }] });
    const shared = [{ clerkId: id(14), shareBp: 6000 }, { clerkId: id(15), shareBp: 4000 }];
    expect(paths(withShares({ clerkId: id(14) }))).toEqual([]);
    expect(paths(withShares({ clerkId: id(14), clerkShares: shared }))).toEqual([]);
    expect(paths(withShares({ clerkId: id(14), clerkShares: [{ clerkId: id(14), shareBp: 10_000 }] }))).toEqual([]);
    expect(paths(withShares({ clerkId: id(15), clerkShares: shared }))).toEqual(['lines.0.clerkShares.0.clerkId']);
    expect(paths(withShares({ clerkId: null, clerkShares: shared }))).toEqual(['lines.0.clerkShares.0.clerkId']);
    expect(paths(withShares({ clerkId: id(14), clerkShares: [shared[0], { ...shared[1], shareBp: 3000 }] }))).toEqual(['lines.0.clerkShares']);
    expect(paths(withShares({ clerkId: id(14), clerkShares: [{ ...shared[0], shareBp: 5000 }, { ...shared[0], shareBp: 5000 }] }))).toEqual(['lines.0.clerkShares']);
    expect(paths(withShares({ clerkId: id(14), clerkShares: [{ ...shared[0], shareBp: 10_000 }, { ...shared[1], shareBp: 0 }] }))).toEqual(['lines.0.clerkShares.1.shareBp']);
    expect(paths(withShares({ clerkId: id(14), clerkShares: [...shared, { clerkId: id(16), shareBp: 0 }] }))).toContain('lines.0.clerkShares');
    expect(paths(withShares({ clerkId: id(14), clerkShares: [] }))).toContain('lines.0.clerkShares');
  });

  it('never takes two payments or two lines under one id', () => {
    const twoPayments = sale();
    twoPayments.payments = [{ ...twoPayments.payments[0]!, amountMinor: 300 }, { ...twoPayments.payments[0]!, amountMinor: 400 }];
    expect(paths(twoPayments)).toEqual(['payments.1.id']);
    const twoLines = sale(350, 2, 2);
    twoLines.lines[1]!.id = twoLines.lines[0]!.id;
    expect(paths(twoLines)).toEqual(['lines.1.id']);
  });

  it('never takes ids in upper case, which HQ would read as the same UUID as the lower-case one', () => {
    const upper = sale();
    upper.lines[0]!.id = upper.lines[0]!.id.toUpperCase();
    expect(paths(upper)).toEqual(['lines.0.id']);
  });

  it('never takes control characters or lone surrogates in its text', () => {
    const bad = sale();
    bad.lines[0]!.nameEn = 'Co\u0000la';
    bad.lines[0]!.nameZh = '\udc00';
    bad.payments[0]!.reference = 'x\u001by' as never;
    expect(paths(bad).sort()).toEqual(['lines.0.nameEn', 'lines.0.nameZh', 'payments.0.reference']);
  });

  it('takes a line just under 10 million yuan and a sale just under 100 million, nothing beyond', () => {
    expect(paths(sale(SALE_LIMITS.lineMinor, 1, 10))).toEqual([]);
    expect(paths(sale(SALE_LIMITS.lineMinor + 1, 1))).toEqual(expect.arrayContaining(['lines.0.unitPriceMinor', 'lines.0.grossMinor']));
    expect(paths(sale(Number.MAX_SAFE_INTEGER, 1))).toContain('totalMinor');
    expect(paths(sale(SALE_LIMITS.lineMinor, 1, 11))).toEqual(expect.arrayContaining(['subtotalMinor', 'totalMinor', 'payments.0.amountMinor']));
    expect(paths(sale(1, SALE_LIMITS.quantity + 1))).toContain('lines.0.quantity');
  });

  it('never takes a sale whose scanning took more than a day, or ended before it began', () => {
    expect(paths({ ...sale(), startedAt: '2026-11-20T04:00:00Z' })).toEqual(['startedAt']);
    expect(paths({ ...sale(), startedAt: '2026-11-22T05:00:00Z' })).toEqual(['completedAt']);
  });
});

describe('saleTimeIssue', () => {
  const now = new Date('2026-11-22T04:00:00Z');

  it('takes a sale from a till offline for weeks, or whose clock runs a little ahead', () => {
    expect(saleTimeIssue('2026-09-01T04:00:00Z', now)).toBeNull();
    expect(saleTimeIssue('2025-10-19T04:00:00Z', now)).toBeNull();
    expect(saleTimeIssue('2026-11-22T20:00:00Z', now)).toBeNull();
  });

  it('never takes a sale dated 1970, 9999, or more than a day ahead of the clock', () => {
    for (const at of ['1970-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2026-11-23T04:00:01Z', '2025-10-17T04:00:00Z']) expect(saleTimeIssue(at, now)).not.toBeNull();
  });

  it('holds a day of sales at the bound far inside bigint, and exact as a number', () => {
    const busyDay = 10_000 * SALE_LIMITS.saleMinor;
    expect(BigInt(busyDay) < 2n ** 63n - 1n).toBe(true);
    expect(Number.isSafeInteger(busyDay)).toBe(true);
  });
});
