import { STATEMENT_FIGURES } from '@pos/shared';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import {
  franchiseStatementFigures as figures, franchiseStatementLines as lines, franchiseStatementSales as sales, franchiseStatements as statements,
  franchiseStatementStoredValue as storedValue,
} from './settlement.tables';
import type { StatementContent } from './statement-view';
import { ownFigures, storedLines, type StatementRow } from './statements.repo';
import type { WorkedStatement } from './work-out-statement';

interface Approval {
  row: StatementRow;
  worked: WorkedStatement;
  royaltyRateBp: number;
  approvedBy: string;
  at: Date;
  newId: () => string;
}

/**
 * Writes what an approved statement bills, in the approving transaction: the lines worked out from
 * the figures in their order (fees and adjustments are already there), the rows by store, the
 * figures it fixes of its period and of earlier ones, and its header's rate and totals.
 */
export async function writeApproved(tx: Db, { row, worked, royaltyRateBp, approvedBy, at, newId }: Approval): Promise<void> {
  const { chainId, id: statementId } = row;
  const { composed } = worked;
  const computed = composed.lines.filter((l) => l.enteredId === null).map((l, position) => ({
    chainId, id: newId(), statementId, kind: l.kind, position, amountMinor: l.amountMinor, baseMinor: l.baseMinor, rateBp: l.rateBp, figure: l.figure,
    periodKey: l.periodKey, storeId: l.storeId, otherStoreId: l.otherStoreId, documentId: l.documentId, documentNo: l.documentNo, businessDate: l.date, createdAt: at,
  }));
  if (computed.length) await tx.insert(lines).values(computed);
  if (worked.sales.length) await tx.insert(sales).values(worked.sales.map((s) => ({ chainId, statementId, storeId: s.storeId, fromDate: s.from, toDate: s.to, netSalesMinor: s.netSalesMinor })));
  if (worked.storedValue.length) await tx.insert(storedValue).values(worked.storedValue.map((s) => ({ chainId, statementId, ...s })));
  const fixed = composed.fixes.flatMap((fix) => STATEMENT_FIGURES.flatMap((figure) => {
    const amountMinor = fix.figures[figure];
    return amountMinor === undefined ? [] : [{ chainId, statementId, franchiseeId: row.franchiseeId, periodFrom: fix.periodFrom, figure, amountMinor }];
  }));
  await tx.insert(figures).values(fixed);
  const { totals } = composed;
  await tx.update(statements).set({
    status: 'approved', royaltyRateBp, royaltyMinor: totals.royaltyMinor, goodsMinor: totals.goodsMinor, storedValueMinor: totals.storedValueMinor,
    lateMinor: totals.lateMinor, feesMinor: totals.feesMinor, adjustmentsMinor: totals.adjustmentsMinor, netMinor: composed.netMinor, approvedBy, approvedAt: at,
  }).where(and(eq(statements.chainId, chainId), eq(statements.id, statementId)));
}

/** An approved statement as it was fixed: nothing is worked out again. */
export async function readApproved(db: Db, row: StatementRow): Promise<StatementContent> {
  const { chainId, id } = row;
  const [salesRows, storedValueRows, stored, own] = await Promise.all([
    db.select().from(sales).where(and(eq(sales.chainId, chainId), eq(sales.statementId, id))).orderBy(asc(sales.storeId), asc(sales.fromDate)),
    db.select().from(storedValue).where(and(eq(storedValue.chainId, chainId), eq(storedValue.statementId, id))).orderBy(asc(storedValue.storeId)),
    storedLines(db, chainId, id),
    ownFigures(db, chainId, row),
  ]);
  return {
    royaltyRateBp: row.royaltyRateBp!,
    sales: salesRows.map((s) => ({ storeId: s.storeId, from: s.fromDate, to: s.toDate, netSalesMinor: s.netSalesMinor })),
    storedValue: storedValueRows.map(({ chainId: _chain, statementId: _statement, ...s }) => s),
    figures: own,
    lines: stored,
    totals: {
      royaltyMinor: row.royaltyMinor!, goodsMinor: row.goodsMinor!, storedValueMinor: row.storedValueMinor!,
      lateMinor: row.lateMinor!, feesMinor: row.feesMinor!, adjustmentsMinor: row.adjustmentsMinor!,
    },
    netMinor: row.netMinor!,
  };
}
