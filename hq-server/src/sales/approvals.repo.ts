import type { ApprovalDocumentKind, ApprovalList, ApprovalsQuery, TillKey } from '@pos/shared';
import { and, asc, count, type AnyColumn, desc, eq, gte, inArray, isNotNull, lte, sql, type SQL } from 'drizzle-orm';
import { alias, unionAll } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client';
import type { StoreInScope } from '../http/scope';
import { clerks } from '../org/org.tables';
import { returnApprovals, returns } from '../returns/returns.tables';
import { tillEvents } from '../till-events/till-events.tables';
import { saleApprovals, saleLines, sales } from './sales.tables';

const requester = alias(clerks, 'requester');
const approver = alias(clerks, 'approver');

/** The filters both kinds of override share, on the columns each kind keeps them in. */
function filters(stores: readonly StoreInScope[], q: ApprovalsQuery, columns: { storeId: AnyColumn; day: AnyColumn; key: AnyColumn }): SQL[] {
  const conditions: SQL[] = [inArray(columns.storeId, stores.map((s) => s.id))];
  if (q.from) conditions.push(gte(columns.day, q.from));
  if (q.to) conditions.push(lte(columns.day, q.to));
  if (q.key && q.key.length > 0) conditions.push(inArray(columns.key, q.key));
  return conditions;
}

/**
 * Every override of these stores as one list: those given on sales (with the sale's receipt
 * number and business day), those given on returns (with the return's number), and those given on till events (a drawer opened without a sale, a
 * ticket voided, a receipt printed again), which have no receipt of their own.
 */
function overridesOf(db: Db, chainId: string, stores: readonly StoreInScope[], q: ApprovalsQuery) {
  const onSales = db.select({
    id: saleApprovals.id, key: saleApprovals.key, at: saleApprovals.at,
    documentKind: sql<ApprovalDocumentKind>`'sale'::text`.as('document_kind'), documentId: saleApprovals.saleId,
    receiptNo: sql<string | null>`${sales.receiptNo}`.as('receipt_no'), businessDate: sales.businessDate, storeId: saleApprovals.storeId,
    lineId: saleApprovals.lineId, requestedBy: saleApprovals.requestedBy, approvedBy: saleApprovals.approvedBy,
  }).from(saleApprovals)
    .innerJoin(sales, and(eq(sales.chainId, saleApprovals.chainId), eq(sales.id, saleApprovals.saleId)))
    .where(and(eq(saleApprovals.chainId, chainId), ...filters(stores, q, { storeId: saleApprovals.storeId, day: sales.businessDate, key: saleApprovals.key })));
  const onEvents = db.select({
    id: sql<string>`${tillEvents.approvalId}`.as('id'), key: tillEvents.event, at: sql<Date>`${tillEvents.approvedAt}`.as('at'),
    documentKind: sql<ApprovalDocumentKind>`'till_event'::text`.as('document_kind'), documentId: tillEvents.id,
    receiptNo: sql<string | null>`null::text`.as('receipt_no'), businessDate: tillEvents.businessDate, storeId: tillEvents.storeId,
    lineId: sql<string | null>`null::uuid`.as('line_id'), requestedBy: tillEvents.clerkId, approvedBy: sql<string>`${tillEvents.approvedBy}`.as('approved_by'),
  }).from(tillEvents)
    .where(and(eq(tillEvents.chainId, chainId), isNotNull(tillEvents.approvalId), ...filters(stores, q, { storeId: tillEvents.storeId, day: tillEvents.businessDate, key: tillEvents.event })));
  const onReturns = db.select({
    id: returnApprovals.id, key: returnApprovals.key, at: returnApprovals.at,
    documentKind: sql<ApprovalDocumentKind>`'return'::text`.as('document_kind'), documentId: returnApprovals.returnId,
    receiptNo: sql<string | null>`${returns.returnNo}`.as('receipt_no'), businessDate: returns.businessDate, storeId: returnApprovals.storeId,
    lineId: sql<string | null>`null::uuid`.as('line_id'), requestedBy: returnApprovals.requestedBy, approvedBy: returnApprovals.approvedBy,
  }).from(returnApprovals)
    .innerJoin(returns, and(eq(returns.chainId, returnApprovals.chainId), eq(returns.id, returnApprovals.returnId)))
    .where(and(eq(returnApprovals.chainId, chainId), ...filters(stores, q, { storeId: returnApprovals.storeId, day: returns.businessDate, key: returnApprovals.key })));
  return unionAll(onSales, onEvents, onReturns).as('overrides');
}

/**
 * Manager overrides of these stores, on sales and on till events, joined to the line they were
 * on and the two clerks. Filtered by the business day of their document, which is the store's
 * own calendar day; ties are broken by id so pages never repeat a row.
 */
export async function findApprovals(db: Db, chainId: string, stores: readonly StoreInScope[], q: ApprovalsQuery): Promise<ApprovalList> {
  if (stores.length === 0) return { items: [], total: 0 };
  const overrides = overridesOf(db, chainId, stores, q);
  const sortColumns = { at: overrides.at, key: overrides.key, receiptNo: overrides.receiptNo } as const;
  const direction = q.order === 'asc' ? asc : desc;
  const [rows, [counted]] = await Promise.all([
    db.select({
      id: overrides.id, key: overrides.key, at: overrides.at, documentKind: overrides.documentKind, documentId: overrides.documentId,
      receiptNo: overrides.receiptNo, businessDate: overrides.businessDate, storeId: overrides.storeId, lineNameZh: saleLines.nameZh, lineNameEn: saleLines.nameEn,
      requesterId: requester.id, requesterCode: requester.code, requesterName: requester.name,
      approverId: approver.id, approverCode: approver.code, approverName: approver.name,
    }).from(overrides)
      .innerJoin(requester, and(eq(requester.chainId, chainId), eq(requester.id, overrides.requestedBy)))
      .innerJoin(approver, and(eq(approver.chainId, chainId), eq(approver.id, overrides.approvedBy)))
      .leftJoin(saleLines, and(eq(saleLines.chainId, chainId), eq(saleLines.id, overrides.lineId)))
      .orderBy(direction(sortColumns[q.sort]), direction(overrides.id))
      .limit(q.limit).offset(q.offset),
    db.select({ n: count() }).from(overridesOf(db, chainId, stores, q)),
  ]);
  const storeCode = new Map(stores.map((s) => [s.id, s.code]));
  return {
    total: counted?.n ?? 0,
    items: rows.map((r) => ({
      id: r.id, key: r.key as TillKey, at: new Date(r.at).toISOString(), documentKind: r.documentKind, documentId: r.documentId,
      receiptNo: r.receiptNo, businessDate: r.businessDate, storeId: r.storeId, storeCode: storeCode.get(r.storeId) ?? '',
      lineName: r.lineNameZh !== null && r.lineNameEn !== null ? { nameZh: r.lineNameZh, nameEn: r.lineNameEn } : null,
      requestedBy: { id: r.requesterId, code: r.requesterCode, name: r.requesterName },
      approvedBy: { id: r.approverId, code: r.approverCode, name: r.approverName },
    })),
  };
}
