import type { ApprovalList, ApprovalsQuery, TillKey } from '@pos/shared';
import { and, asc, count, desc, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client';
import type { StoreInScope } from '../http/scope';
import { clerks } from '../org/org.tables';
import { saleApprovals, saleLines, sales } from './sales.tables';

const requester = alias(clerks, 'requester');
const approver = alias(clerks, 'approver');

const sortColumns = { at: saleApprovals.at, key: saleApprovals.key, receiptNo: sales.receiptNo } as const;

/**
 * Manager overrides of these stores, joined to their sale (receipt number, business day), the
 * line they were on and the two clerks. Filtered by the sale's business day, which is the
 * store's own calendar day; ties are broken by id so pages never repeat a row.
 */
export async function findApprovals(db: Db, chainId: string, stores: readonly StoreInScope[], q: ApprovalsQuery): Promise<ApprovalList> {
  if (stores.length === 0) return { items: [], total: 0 };
  const conditions: SQL[] = [eq(saleApprovals.chainId, chainId), inArray(saleApprovals.storeId, stores.map((s) => s.id))];
  if (q.from) conditions.push(gte(sales.businessDate, q.from));
  if (q.to) conditions.push(lte(sales.businessDate, q.to));
  if (q.key && q.key.length > 0) conditions.push(inArray(saleApprovals.key, q.key));
  const where = and(...conditions);
  const direction = q.order === 'asc' ? asc : desc;
  const [rows, [counted]] = await Promise.all([
    db.select({
      id: saleApprovals.id, key: saleApprovals.key, at: saleApprovals.at, saleId: sales.id, receiptNo: sales.receiptNo, businessDate: sales.businessDate,
      storeId: saleApprovals.storeId, lineNameZh: saleLines.nameZh, lineNameEn: saleLines.nameEn,
      requesterId: requester.id, requesterCode: requester.code, requesterName: requester.name,
      approverId: approver.id, approverCode: approver.code, approverName: approver.name,
    }).from(saleApprovals)
      .innerJoin(sales, and(eq(sales.chainId, saleApprovals.chainId), eq(sales.id, saleApprovals.saleId)))
      .innerJoin(requester, and(eq(requester.chainId, saleApprovals.chainId), eq(requester.id, saleApprovals.requestedBy)))
      .innerJoin(approver, and(eq(approver.chainId, saleApprovals.chainId), eq(approver.id, saleApprovals.approvedBy)))
      .leftJoin(saleLines, and(eq(saleLines.chainId, saleApprovals.chainId), eq(saleLines.id, saleApprovals.lineId)))
      .where(where)
      .orderBy(direction(sortColumns[q.sort]), direction(saleApprovals.id))
      .limit(q.limit).offset(q.offset),
    db.select({ n: count() }).from(saleApprovals)
      .innerJoin(sales, and(eq(sales.chainId, saleApprovals.chainId), eq(sales.id, saleApprovals.saleId)))
      .where(where),
  ]);
  const storeCode = new Map(stores.map((s) => [s.id, s.code]));
  return {
    total: counted?.n ?? 0,
    items: rows.map((r) => ({
      id: r.id, key: r.key as TillKey, at: r.at.toISOString(), saleId: r.saleId, receiptNo: r.receiptNo, businessDate: r.businessDate,
      storeId: r.storeId, storeCode: storeCode.get(r.storeId) ?? '',
      lineName: r.lineNameZh !== null && r.lineNameEn !== null ? { nameZh: r.lineNameZh, nameEn: r.lineNameEn } : null,
      requestedBy: { id: r.requesterId, code: r.requesterCode, name: r.requesterName },
      approvedBy: { id: r.approverId, code: r.approverCode, name: r.approverName },
    })),
  };
}
