import type { ReturnList, ReturnRecord, ReturnsQuery, TillKey } from '@pos/shared';
import { and, asc, count, desc, eq, exists, gte, inArray, lte, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { StoreInScope } from '../http/scope';
import { clerks, stores } from '../org/org.tables';
import { sales } from '../sales/sales.tables';
import { returnApprovals, returnDifferences, returnLines, returnRefunds, returns } from './returns.tables';

const sortColumns = { completedAt: returns.completedAt, returnNo: returns.returnNo, refundedMinor: returns.refundedMinor } as const;

type OfficeDifference = ReturnRecord['differences'][number];

/**
 * A return's differences as the office reads them. Stored value the card was not credited
 * (`STORED_VALUE_REFUND`) shows on its own, but not beside an over-refund already found for the
 * same payment, which says the same.
 */
function officeDifferences(rows: readonly { problem: string; salePaymentId: string | null; excess: number; lineName: string | null }[]): OfficeDifference[] {
  const overRefunded = new Set(rows.filter((d) => d.problem === 'OVER_REFUND').map((d) => d.salePaymentId));
  return rows
    .filter((d) => d.problem !== 'STORED_VALUE_REFUND' || !overRefunded.has(d.salePaymentId))
    .map((d) => ({ problem: d.problem === 'OVER_RETURN' || d.problem === 'STORED_VALUE_REFUND' ? d.problem : 'OVER_REFUND', excess: d.excess, lineName: d.lineName }));
}

/**
 * Returns of these stores, a page at a time, by the return's business day, each with its lines,
 * refunds, overrides and differences (read for the page's ids only). The original sale's store is
 * named by code even when it lies outside the caller's stores: it is the chain's, and the return
 * is theirs.
 */
export async function findReturns(db: Db, chainId: string, visible: readonly StoreInScope[], q: ReturnsQuery): Promise<ReturnList> {
  if (visible.length === 0) return { items: [], total: 0 };
  const conditions: SQL[] = [eq(returns.chainId, chainId), inArray(returns.storeId, visible.map((s) => s.id))];
  if (q.from) conditions.push(gte(returns.businessDate, q.from));
  if (q.to) conditions.push(lte(returns.businessDate, q.to));
  if (q.differences) conditions.push(exists(db.select({ id: returnDifferences.id }).from(returnDifferences).where(and(eq(returnDifferences.chainId, returns.chainId), eq(returnDifferences.returnId, returns.id)))));
  const where = and(...conditions);
  const direction = q.order === 'asc' ? asc : desc;
  const [headers, [counted]] = await Promise.all([
    db.select({ r: returns, cashierCode: clerks.code, cashierName: clerks.name, originalStoreId: sales.storeId }).from(returns)
      .innerJoin(clerks, and(eq(clerks.chainId, returns.chainId), eq(clerks.id, returns.cashierId)))
      .leftJoin(sales, and(eq(sales.chainId, returns.chainId), eq(sales.id, returns.originalSaleId)))
      .where(where).orderBy(direction(sortColumns[q.sort ?? 'completedAt']), direction(returns.id)).limit(q.limit).offset(q.offset),
    db.select({ n: count() }).from(returns).where(where),
  ]);
  const ids = headers.map((h) => h.r.id);
  if (ids.length === 0) return { items: [], total: counted?.n ?? 0 };
  const [lines, money, approvals, differences, storeCodes] = await Promise.all([
    db.select().from(returnLines).where(and(eq(returnLines.chainId, chainId), inArray(returnLines.returnId, ids))).orderBy(asc(returnLines.id)),
    db.select().from(returnRefunds).where(and(eq(returnRefunds.chainId, chainId), inArray(returnRefunds.returnId, ids), eq(returnRefunds.direction, 'refund'))).orderBy(asc(returnRefunds.id)),
    db.select({ a: returnApprovals, code: clerks.code, name: clerks.name }).from(returnApprovals)
      .innerJoin(clerks, and(eq(clerks.chainId, returnApprovals.chainId), eq(clerks.id, returnApprovals.approvedBy)))
      .where(and(eq(returnApprovals.chainId, chainId), inArray(returnApprovals.returnId, ids))).orderBy(asc(returnApprovals.at)),
    db.select({ d: returnDifferences, nameZh: returnLines.nameZh }).from(returnDifferences)
      .leftJoin(returnLines, and(eq(returnLines.chainId, returnDifferences.chainId), eq(returnLines.returnId, returnDifferences.returnId), eq(returnLines.saleLineId, returnDifferences.saleLineId)))
      .where(and(eq(returnDifferences.chainId, chainId), inArray(returnDifferences.returnId, ids))),
    db.select({ id: stores.id, code: stores.code }).from(stores).where(eq(stores.chainId, chainId)),
  ]);
  const codeOf = new Map(storeCodes.map((s) => [s.id, s.code]));
  const items = headers.map(({ r, cashierCode, cashierName, originalStoreId }): ReturnRecord => ({
    id: r.id, returnNo: r.returnNo, storeId: r.storeId, storeCode: codeOf.get(r.storeId) ?? '', businessDate: r.businessDate, completedAt: r.completedAt.toISOString(),
    cashier: { id: r.cashierId, code: cashierCode, name: cashierName },
    original: r.originalSaleId && r.originalReceiptNo ? { saleId: r.originalSaleId, receiptNo: r.originalReceiptNo, storeCode: originalStoreId ? (codeOf.get(originalStoreId) ?? null) : null } : null,
    reason: r.reason as ReturnRecord['reason'],
    lines: lines.filter((l) => l.returnId === r.id).map((l) => ({ direction: l.direction, nameZh: l.nameZh, nameEn: l.nameEn, quantity: l.quantity, amountMinor: l.amountMinor })),
    backMinor: r.backMinor, clawbackMinor: r.clawbackMinor, outMinor: r.outMinor, refundedMinor: r.refundedMinor, paidMinor: r.paidMinor,
    refunds: money.filter((m) => m.returnId === r.id).map((m) => ({ tender: m.tender, amountMinor: m.amountMinor, reference: m.reference })),
    approvals: approvals.filter((a) => a.a.returnId === r.id).map((a) => ({ key: a.a.key as TillKey, at: a.a.at.toISOString(), approvedBy: { id: a.a.approvedBy, code: a.code, name: a.name } })),
    differences: officeDifferences(differences.filter((d) => d.d.returnId === r.id).map((d) => ({ ...d.d, lineName: d.nameZh }))),
  }));
  return { items, total: counted?.n ?? 0 };
}
