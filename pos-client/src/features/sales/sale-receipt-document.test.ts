import { describe, expect, it } from 'vitest';
import { SaleReceiptDocument, layoutDocument } from '@pos/shared/receipt/index';
import { minor, type Sale } from '@pos/shared';
import { createTestDb, pairedDevice } from '../../db/test-db.fixture';
import { sampleSale } from './sample-sale.fixture';
import { cardAfterPayments, promotionSavings, receiptClerksOf, receiptMemberOf, saleReceiptDocument } from './sale-receipt-document';
import type { TicketPayment } from './ticket';

function discountedSale(): Sale {
  const sale = sampleSale('0195505c-0000-7000-8000-000000000101');
  const line = sale.lines[0]!;
  const adjustments = [
    { ruleId: 'cola-10', ruleName: '可乐九折 Cola 10%', amountMinor: minor(70) },
    { ruleId: 'spend', ruleName: '满5减1', amountMinor: minor(100) },
  ];
  return {
    ...sale,
    lines: [{ ...line, discountMinor: minor(170), netMinor: minor(530), adjustments }],
    discountMinor: minor(170),
    totalMinor: minor(530),
    payments: [{ ...sale.payments[0]!, amountMinor: minor(530) }],
    changeMinor: minor(470),
  };
}

describe('the sale receipt', () => {
  it("names each promotion with what it saved and prints the total saving", () => {
    const sale = discountedSale();
    expect(promotionSavings(sale)).toEqual([{ name: '可乐九折 Cola 10%', savedMinor: 70 }, { name: '满5减1', savedMinor: 100 }]);
    const document = saleReceiptDocument(sale, pairedDevice.store, 'Li Na');
    expect(() => SaleReceiptDocument.parse(document)).not.toThrow();
    const texts = layoutDocument(document).blocks.flatMap((b) => (b.kind === 'pair' ? [`${b.left}|${b.right}`] : []));
    expect(texts).toEqual(expect.arrayContaining(['可乐九折 Cola 10%|-0.70', '满5减1|-1.00', '优惠 Discount|-1.70']));
  });

  it("prints the time on the store's clock, not UTC", () => {
    const document = saleReceiptDocument(sampleSale('0195505c-0000-7000-8000-000000000102'), pairedDevice.store, 'Li Na');
    const time = layoutDocument(document).blocks.find((b) => b.kind === 'pair' && b.left.includes('Time'));
    expect(time).toMatchObject({ right: '2025-03-01 18:00:30' });
  });

  const found = {
    id: '0195505c-0000-7000-8000-0000000000f1', cardNo: '888800018', name: '王小明', phoneMasked: '138****5678', birthday: null,
    level: { id: '0195505c-0000-7000-8000-0000000000f2', code: 'GOLD', nameZh: '金卡会员', nameEn: 'Gold card' },
  };
  const pairsOf = (member: ReturnType<typeof receiptMemberOf>) =>
    layoutDocument(SaleReceiptDocument.parse(saleReceiptDocument(discountedSale(), pairedDevice.store, 'Li Na', false, member))).blocks.flatMap((b) => (b.kind === 'pair' ? [`${b.left} ${b.right}`] : []));

  it('prints the member found at the till: card masked but for the last four, name and level, and no balance the sale did not touch', () => {
    const member = receiptMemberOf(found);
    expect(member).toEqual({ cardNoMasked: '****0018', name: '王小明', level: '金卡会员 Gold card', pointsEarned: null, pointsBalance: null, storedValueBalanceMinor: null });
    const texts = pairsOf(member);
    expect(texts).toEqual(expect.arrayContaining(['会员 Member ****0018', ' 王小明', '级别 Level 金卡会员 Gold card']));
    expect(texts.some((t) => t.includes('Points') || t.includes('储值'))).toBe(false);
  });

  it('prints what the card holds after the stored value and points the sale took, as HQ last answered', () => {
    const at = '2026-12-02T03:00:00.000Z';
    const paid = (tender: 'stored_value' | 'points', card: TicketPayment['card'], declined = false): TicketPayment =>
      ({ id: `0195505c-0000-7000-8000-00000000000${tender === 'points' ? 2 : 1}`, tender, amountMinor: minor(300), tenderedMinor: null, reference: null, declined, at, card });
    const after = cardAfterPayments([
      paid('stored_value', { cardNo: '888800018', storedValueAfterMinor: 9_000 }),
      paid('stored_value', { cardNo: '888800018', storedValueAfterMinor: 8_700 }),
      paid('points', { cardNo: '888800018', points: 300, pointsAfter: 1_200 }),
    ]);
    expect(after).toEqual({ storedValueMinor: 8_700, points: 1_200 });
    expect(pairsOf(receiptMemberOf(found, after))).toEqual(expect.arrayContaining(['储值余额 Balance 87.00', '积分余额 Points balance 1200']));
    expect(cardAfterPayments([])).toEqual({ storedValueMinor: null, points: null });
  });

  it('prints the points the sale earns, in the balance after it when HQ answered one, alone when it did not', () => {
    expect(pairsOf(receiptMemberOf(found, { storedValueMinor: null, points: 1_200, pointsEarned: 35 })))
      .toEqual(expect.arrayContaining(['本次积分 Points earned 35', '积分余额 Points balance 1235']));
    const alone = pairsOf(receiptMemberOf(found, { storedValueMinor: null, points: null, pointsEarned: 12 }));
    expect(alone).toEqual(expect.arrayContaining(['本次积分 Points earned 12']));
    expect(alone.some((t) => t.startsWith('积分余额'))).toBe(false);
  });

  it('stays a valid document when the sale started and ended within one second', () => {
    const sale = { ...sampleSale('0195505c-0000-7000-8000-000000000102'), startedAt: '2025-03-01T10:00:30.800Z', completedAt: '2025-03-01T10:00:30.900Z' };
    const document = saleReceiptDocument(sale, pairedDevice.store, 'Li Na');
    expect(() => SaleReceiptDocument.parse(document)).not.toThrow();
    expect(document.sale).toMatchObject({ startedAt: '2025-03-01T18:00:30+08:00', completedAt: '2025-03-01T18:00:30+08:00' });
  });

  it('prints the codes of the sales clerks a line is credited to, read from the pulled clerks', async () => {
    const db = createTestDb();
    const pin = { algorithm: 'pbkdf2-sha256' as const, iterations: 1, salt: 's', hash: 'h' };
    const [ann, bob] = ['0195505c-0000-7000-8000-0000000000d1', '0195505c-0000-7000-8000-0000000000d2'];
    await db.clerks.bulkPut([ann, bob].map((id, i) => ({ id, storeId: pairedDevice.store.id, code: `001${4 + i}`, name: `Clerk ${i}`, role: 'sales_clerk' as const, active: true, pin })));
    const sale = sampleSale('0195505c-0000-7000-8000-000000000103');
    const shared = { ...sale, lines: [{ ...sale.lines[0]!, clerkId: ann, clerkShares: [{ clerkId: ann, shareBp: 7000 }, { clerkId: bob, shareBp: 3000 }] }] };
    const clerks = await receiptClerksOf(db, shared);
    expect(clerks).toEqual([{ id: ann, code: '0014' }, { id: bob, code: '0015' }]);
    const document = SaleReceiptDocument.parse(saleReceiptDocument(shared, pairedDevice.store, 'Li Na', false, null, clerks));
    const texts = layoutDocument(document).blocks.flatMap((b) => (b.kind === 'pair' ? [`${b.left}|${b.right}`] : []));
    expect(texts).toContain('营业员 Clerk|0014 70% 0015 30%');
    expect(saleReceiptDocument(sale, pairedDevice.store, 'Li Na')).not.toHaveProperty('clerks');
  });
});
