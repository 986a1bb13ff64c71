import { describe, expect, it } from 'vitest';
import { Return } from './returns';

const id = (n: number) => `0192f0e4-0000-7000-8000-${String(n).padStart(12, '0')}`;

function exchange() {
  return {
    kind: 'return', id: id(1), storeId: id(2), deviceId: id(3), cashierId: id(4), returnNo: 'T01-R1', currency: 'CNY', completedAt: '2026-03-02T02:00:00Z',
    original: { saleId: id(10), receiptNo: 'T01-7' }, reason: 'wrong_item',
    lines: [{ id: id(20), saleLineId: id(11), productId: id(5), barcode: null, nameZh: '可乐', nameEn: 'Cola', quantity: 2, refundMinor: 700 }],
    outLines: [{ id: id(30), lineNo: 1, productId: id(6), barcode: null, nameZh: '雪碧', nameEn: 'Sprite', quantity: 1, unitPriceMinor: 500, grossMinor: 500, discountMinor: 0, netMinor: 500, clerkId: null }],
    creditMinor: 500,
    refunds: [{ id: id(40), tender: 'cash', amountMinor: 200, salePaymentId: id(12), reference: null }],
    roundingMinor: 0,
  };
}

const paths = (input: unknown) => {
  const parsed = Return.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
};

describe('Return', () => {
  it('takes an exchange whose refund is the goods back less the goods out', () => {
    expect(paths(exchange())).toEqual([]);
    expect(Return.parse(exchange()).approvals).toEqual([]);
  });

  it('refuses money that does not add up, or a credit beyond the goods out', () => {
    expect(paths({ ...exchange(), roundingMinor: 1 })).toEqual(['refunds']);
    expect(paths({ ...exchange(), creditMinor: 600 })).toEqual(['creditMinor']);
    expect(paths({ ...exchange(), clawbackMinor: 800, refunds: [], roundingMinor: 600 })).toEqual(['clawbackMinor']);
  });

  it('refuses refunding and taking payment in one return', () => {
    const doc = { ...exchange(), payments: [{ id: id(50), tender: 'cash', amountMinor: 100, tenderedMinor: 100, reference: null }], roundingMinor: -100 };
    expect(paths(doc)).toEqual(['payments']);
  });

  it('ties the lines to the receipt: sale lines with one, none without, each sale line once', () => {
    const noReceipt = { ...exchange(), original: null };
    expect(paths(noReceipt)).toEqual(['lines.0.saleLineId', 'refunds.0.salePaymentId']);
    const twice = exchange();
    twice.lines = [twice.lines[0]!, { ...twice.lines[0]!, id: id(21) }];
    expect(paths({ ...twice, refunds: [{ ...twice.refunds[0]!, amountMinor: 900 }] })).toEqual(['lines.1.saleLineId']);
  });

  it('refuses repeated ids and self-approval', () => {
    const doc = exchange();
    expect(paths({ ...doc, refunds: [{ ...doc.refunds[0]!, id: id(20) }] })).toEqual(['refunds.0.id']);
    const approval = { id: id(60), key: 'refund', lineId: null, requestedBy: id(4), approvedBy: id(4), at: '2026-03-02T02:00:00Z' };
    expect(paths({ ...doc, approvals: [approval] })).toEqual(['approvals.0.approvedBy']);
  });
});
