import { minor } from '../../money/money';
import type { Return } from '../../schemas/returns';
import type { Sale, Tender } from '../../schemas/sales';
import type { RefundPlan } from '../plan-refund';

export const fixtureId = (n: number) => `0192f0e4-0000-7000-8000-${String(n).padStart(12, '0')}`;

export interface LineSpec {
  unitPriceMinor: number;
  quantity: number;
  discountMinor?: number;
}

/** A sale of these lines paid by these tenders (amounts add up to the total plus rounding). */
export function fixtureSale(lines: readonly LineSpec[], payments: readonly { tender: Tender; amountMinor: number; reference?: string }[], roundingMinor = 0): Sale {
  const saleLines = lines.map((l, i) => {
    const gross = l.unitPriceMinor * l.quantity;
    const discount = l.discountMinor ?? 0;
    return {
      id: fixtureId(100 + i), lineNo: i + 1, productId: fixtureId(500 + i), barcode: null, nameZh: `商品${i}`, nameEn: `Item ${i}`,
      quantity: l.quantity, unitPriceMinor: minor(l.unitPriceMinor), grossMinor: minor(gross), discountMinor: minor(discount), netMinor: minor(gross - discount), clerkId: null,
    };
  });
  const total = saleLines.reduce((n, l) => n + l.netMinor, 0);
  const subtotal = saleLines.reduce((n, l) => n + l.grossMinor, 0);
  return {
    kind: 'sale', id: fixtureId(1), storeId: fixtureId(2), deviceId: fixtureId(3), cashierId: fixtureId(4), receiptNo: 'T01-1', currency: 'CNY',
    startedAt: '2026-03-01T02:00:00Z', completedAt: '2026-03-01T02:01:00Z', lines: saleLines,
    payments: payments.map((p, i) => ({ id: fixtureId(900 + i), tender: p.tender, amountMinor: minor(p.amountMinor), tenderedMinor: null, reference: p.reference ?? null })),
    subtotalMinor: minor(subtotal), discountMinor: minor(subtotal - total), totalMinor: minor(total), roundingMinor, changeMinor: minor(0), approvals: [],
  };
}

/** The return document a plan stands for, as a till would write it (ids numbered from `seq`). */
export function fixtureReturn(sale: Sale, plan: RefundPlan, seq: number): Return {
  return {
    kind: 'return', id: fixtureId(10_000 + seq * 100), storeId: sale.storeId, deviceId: sale.deviceId, cashierId: sale.cashierId, returnNo: `R01-${seq}`,
    currency: 'CNY', completedAt: '2026-03-02T02:00:00Z', original: { saleId: sale.id, receiptNo: sale.receiptNo }, reason: 'changed_mind',
    lines: plan.lines.map((l, i) => {
      const line = sale.lines.find((s) => s.id === l.saleLineId)!;
      return { id: fixtureId(10_000 + seq * 100 + 1 + i), saleLineId: l.saleLineId, productId: line.productId, barcode: null, nameZh: line.nameZh, nameEn: line.nameEn, quantity: l.quantity, refundMinor: l.refundMinor };
    }),
    clawbackMinor: plan.clawbackMinor, outLines: [], creditMinor: plan.creditMinor,
    refunds: plan.refunds.map((r, i) => ({ id: fixtureId(10_000 + seq * 100 + 60 + i), ...r })),
    payments: [], roundingMinor: plan.roundingMinor, changeMinor: minor(0), approvals: [],
  };
}
