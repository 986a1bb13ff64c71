import { businessDate, emptyReturnHistory, minor, planRefund, uuidv7, type Return, type Sale } from '@pos/shared';
import { and, desc, eq, gte } from 'drizzle-orm';
import type { Deps } from '../http/app-env';
import { clerks, stores } from '../org/org.tables';
import { lookUpReceipt } from '../returns/receipt-lookup.service';
import { writeReturn } from '../returns/write-return';
import { saleLines, sales } from '../sales/sales.tables';
import type { Random } from './random';

/** The store the demo returns are made in, and the chain's cash rounding at the fen. */
const STORE = 'S001';
const fen = { unitMinor: 1, mode: 'half_up' } as const;

/** Two recent sales of the store with a line of two or more units, newest first. */
async function recentSales({ db }: Deps, chainId: string, storeId: string): Promise<Sale[]> {
  const rows = await db.selectDistinct({ receiptNo: sales.receiptNo, completedAt: sales.completedAt }).from(sales)
    .innerJoin(saleLines, and(eq(saleLines.chainId, sales.chainId), eq(saleLines.saleId, sales.id)))
    .where(and(eq(sales.chainId, chainId), eq(sales.storeId, storeId), gte(saleLines.quantity, 2)))
    .orderBy(desc(sales.completedAt)).limit(2);
  return Promise.all(rows.map(async (r) => (await lookUpReceipt(db, chainId, r.receiptNo)).sale));
}

/**
 * A partial return (one unit of a line, a cashier asking the store manager) and an exchange (a
 * line back, another product out, the customer paying the difference in cash) at S001, the day
 * after their sales, written as ingest writes them, so the office's returns screen and manager
 * overrides show them at first start.
 */
export async function seedDemoReturns(deps: Deps, chainId: string, random: Random, outProduct: { id: string; nameZh: string; nameEn: string; barcode: string; priceMinor: number }): Promise<number> {
  const [store] = await deps.db.select().from(stores).where(and(eq(stores.chainId, chainId), eq(stores.code, STORE)));
  if (!store) return 0;
  const staff = await deps.db.select({ id: clerks.id, role: clerks.role }).from(clerks).where(and(eq(clerks.chainId, chainId), eq(clerks.storeId, store.id)));
  const manager = staff.find((c) => c.role === 'store_manager');
  const cashier = staff.find((c) => c.role === 'cashier');
  if (!manager || !cashier) return 0;
  const [partial, exchanged] = await recentSales(deps, chainId, store.id);
  const made: Return[] = [];
  for (const [index, sale] of [partial, exchanged].entries()) {
    if (!sale) continue;
    const line = sale.lines.find((l) => l.quantity >= 2)!;
    const at = Math.min(deps.clock().getTime() - 3_600_000, Date.parse(sale.completedAt) + 86_400_000);
    const id = () => uuidv7(at, random.bytes(10));
    const isExchange = index === 1;
    const out = isExchange ? [{ id: id(), lineNo: 1, productId: outProduct.id, barcode: outProduct.barcode, nameZh: outProduct.nameZh, nameEn: outProduct.nameEn, quantity: 1, unitPriceMinor: minor(outProduct.priceMinor), grossMinor: minor(outProduct.priceMinor), discountMinor: minor(0), netMinor: minor(outProduct.priceMinor), clerkId: null }] : [];
    const plan = planRefund({ sale, history: emptyReturnHistory, picks: [{ saleLineId: line.id, quantity: isExchange ? line.quantity : 1 }], outMinor: minor(out.reduce((n, l) => n + l.netMinor, 0)), policy: { vouchersAsCash: false }, rounding: fen });
    if (!plan.ok) continue;
    const returnId = id();
    const tendered = plan.payMinor > 0 ? Math.ceil(plan.payMinor / 1000) * 1000 : null;
    made.push({
      kind: 'return', id: returnId, storeId: store.id, deviceId: sale.deviceId, cashierId: cashier.id, returnNo: `${STORE}-R${index + 1}`, currency: store.currency,
      completedAt: new Date(at).toISOString(), original: { saleId: sale.id, receiptNo: sale.receiptNo }, reason: isExchange ? 'wrong_item' : 'faulty',
      lines: plan.lines.map((l) => ({ id: id(), saleLineId: line.id, productId: line.productId, barcode: line.barcode, nameZh: line.nameZh, nameEn: line.nameEn, quantity: l.quantity, refundMinor: l.refundMinor })),
      clawbackMinor: plan.clawbackMinor, outLines: out, creditMinor: plan.creditMinor,
      refunds: plan.refunds.map((r) => ({ id: id(), ...r })),
      payments: tendered === null ? [] : [{ id: id(), tender: 'cash', amountMinor: plan.payMinor, tenderedMinor: minor(tendered), reference: null }],
      roundingMinor: plan.roundingMinor, changeMinor: minor(tendered === null ? 0 : tendered - plan.payMinor),
      approvals: isExchange ? [] : [{ id: id(), key: 'refund', lineId: null, requestedBy: cashier.id, approvedBy: manager.id, at: new Date(at - 20_000).toISOString() }],
    });
  }
  for (const doc of made) {
    const original = await lookUpReceipt(deps.db, chainId, doc.original!.receiptNo);
    await writeReturn(deps.db, deps.clock, chainId, {
      doc, businessDate: businessDate(doc.completedAt, store.timeZone),
      original: {
        id: original.sale.id, storeId: original.sale.storeId,
        lines: new Map(original.sale.lines.map((l) => [l.id, { quantity: l.quantity, productId: l.productId }])),
        payments: new Map(original.sale.payments.map((p) => [p.id, { amountMinor: p.amountMinor }])),
      },
    });
  }
  return made.length;
}
