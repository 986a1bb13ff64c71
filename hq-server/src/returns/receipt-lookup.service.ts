import { minor, Sale, type LineClerkShare, type ReceiptLookup, type ReturnHistory } from '@pos/shared';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { AppError } from '../http/errors';
import { stores } from '../org/org.tables';
import { saleLineClerks, saleLines, salePayments, sales } from '../sales/sales.tables';
import { returnLines, returnRefunds, returns } from './returns.tables';

/** What HQ's returns already took from a sale: per line, per payment, and the value owed and settled. */
export async function returnHistoryAtHq(db: Db, chainId: string, saleId: string): Promise<ReturnHistory> {
  const [docs, lines, payments] = await Promise.all([
    db.select({ id: returns.id, owed: sql<string>`${returns.backMinor} - ${returns.clawbackMinor}`, settled: sql<string>`${returns.refundedMinor} + ${returns.creditMinor}` })
      .from(returns).where(and(eq(returns.chainId, chainId), eq(returns.originalSaleId, saleId))),
    db.select({ saleLineId: returnLines.saleLineId, quantity: sql<number>`sum(${returnLines.quantity})::int`, refund: sql<string>`sum(${returnLines.amountMinor})` })
      .from(returnLines).innerJoin(returns, and(eq(returns.chainId, returnLines.chainId), eq(returns.id, returnLines.returnId)))
      .where(and(eq(returnLines.chainId, chainId), eq(returns.originalSaleId, saleId), eq(returnLines.direction, 'back'))).groupBy(returnLines.saleLineId),
    db.select({ salePaymentId: returnRefunds.salePaymentId, amount: sql<string>`sum(${returnRefunds.amountMinor})` })
      .from(returnRefunds).innerJoin(returns, and(eq(returns.chainId, returnRefunds.chainId), eq(returns.id, returnRefunds.returnId)))
      .where(and(eq(returnRefunds.chainId, chainId), eq(returns.originalSaleId, saleId), eq(returnRefunds.direction, 'refund'))).groupBy(returnRefunds.salePaymentId),
  ]);
  return {
    returnIds: docs.map((d) => d.id),
    lines: lines.flatMap((l) => (l.saleLineId ? [{ saleLineId: l.saleLineId, quantity: Number(l.quantity), refundMinor: minor(Number(l.refund)) }] : [])),
    payments: payments.flatMap((p) => (p.salePaymentId ? [{ salePaymentId: p.salePaymentId, amountMinor: minor(Number(p.amount)) }] : [])),
    owedMinor: minor(docs.reduce((n, d) => n + Number(d.owed), 0)),
    settledMinor: minor(docs.reduce((n, d) => n + Number(d.settled), 0)),
  };
}

/**
 * A sale of the chain by its receipt number, as a till takes goods back against it: any store of
 * the chain (a customer may return where they like), with what earlier returns took. Answered as
 * the sale document, so the till plans the refund with the same shared maths as for its own
 * sales; HQ keeps no itemised discounts, so a claw-back of promotions applies to the till's own sales only.
 */
export async function lookUpReceipt(db: Db, chainId: string, receiptNo: string): Promise<ReceiptLookup> {
  const [header] = await db.select({ sale: sales, storeCode: stores.code }).from(sales)
    .innerJoin(stores, and(eq(stores.chainId, sales.chainId), eq(stores.id, sales.storeId)))
    .where(and(eq(sales.chainId, chainId), eq(sales.receiptNo, receiptNo))).orderBy(desc(sales.completedAt)).limit(1);
  if (!header) throw new AppError('NOT_FOUND', `no sale with receipt ${receiptNo}`);
  const s = header.sale;
  const [lines, payments, clerkRows] = await Promise.all([
    db.select().from(saleLines).where(and(eq(saleLines.chainId, chainId), eq(saleLines.saleId, s.id))).orderBy(asc(saleLines.lineNo)),
    db.select().from(salePayments).where(and(eq(salePayments.chainId, chainId), eq(salePayments.saleId, s.id))).orderBy(asc(salePayments.id)),
    db.select({ lineId: saleLineClerks.lineId, clerkId: saleLineClerks.clerkId, shareBp: saleLineClerks.shareBp }).from(saleLineClerks)
      .where(and(eq(saleLineClerks.chainId, chainId), eq(saleLineClerks.saleId, s.id))),
  ]);
  const sharesOf = sharesByLine(clerkRows, lines);
  const sale = Sale.parse({
    kind: 'sale', id: s.id, storeId: s.storeId, deviceId: s.deviceId, cashierId: s.cashierId, receiptNo: s.receiptNo, currency: s.currency,
    startedAt: s.startedAt.toISOString(), completedAt: s.completedAt.toISOString(),
    lines: lines.map((l) => ({
      id: l.id, lineNo: l.lineNo, productId: l.productId, barcode: l.barcode, nameZh: l.nameZh, nameEn: l.nameEn, quantity: l.quantity,
      unitPriceMinor: l.unitPriceMinor, grossMinor: l.grossMinor, discountMinor: l.discountMinor, netMinor: l.netMinor, clerkId: l.clerkId, giftRuleId: l.giftRuleId,
      ...sharesOf(l.id),
    })),
    payments: payments.map((p) => ({ id: p.id, tender: p.tender, amountMinor: p.amountMinor, tenderedMinor: p.tenderedMinor, reference: p.reference })),
    subtotalMinor: s.subtotalMinor, discountMinor: s.discountMinor, totalMinor: s.totalMinor, roundingMinor: s.roundingMinor, changeMinor: s.changeMinor,
  });
  return { sale, storeCode: header.storeCode, returned: await returnHistoryAtHq(db, chainId, s.id) };
}

/**
 * A shared line's clerks as the sale carried them, the line's own clerk first: HQ stores the
 * shares as rows, and the document names `clerkShares` only for a line two clerks share.
 */
function sharesByLine(rows: readonly { lineId: string; clerkId: string; shareBp: number }[], lines: readonly { id: string; clerkId: string | null }[]) {
  const firstClerk = new Map(lines.map((l) => [l.id, l.clerkId]));
  const byLine = new Map<string, LineClerkShare[]>();
  for (const r of rows) byLine.set(r.lineId, [...(byLine.get(r.lineId) ?? []), { clerkId: r.clerkId, shareBp: r.shareBp }]);
  return (lineId: string) => {
    const shares = byLine.get(lineId);
    if (!shares || shares.length < 2) return {};
    const first = firstClerk.get(lineId);
    const ordered = shares.sort((a, b) => Number(b.clerkId === first) - Number(a.clerkId === first));
    return { clerkShares: ordered };
  };
}
