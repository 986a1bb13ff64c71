import { STATEMENT_FIGURES } from '@pos/shared';
import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, pgEnum, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { chainId, instant, money } from '../db/columns';
import { franchisees, settlementCycle, stores } from '../org/org.tables';

export const franchiseStatementStatus = pgEnum('franchise_statement_status', ['draft', 'approved']);
export const franchiseStatementLineKind = pgEnum('franchise_statement_line_kind', ['royalty', 'goods_supplied', 'goods_returned', 'stored_value', 'late', 'fee', 'adjustment']);
export const franchiseStatementFigure = pgEnum('franchise_statement_figure', STATEMENT_FIGURES);

/**
 * Franchise statements (加盟店结算单): one per franchisee and settlement period. A draft holds only
 * who made it and HQ's fees and adjustments, its figures worked out afresh whenever it is read; once
 * approved its rate, totals, lines and figures are written and never worked out again.
 */
export const franchiseStatements = pgTable(
  'franchise_statements',
  {
    chainId: chainId(),
    id: uuid('id').notNull(),
    /** `F000001`, numbered per chain with the other documents. */
    no: text('no').notNull(),
    franchiseeId: uuid('franchisee_id').notNull(),
    cycle: settlementCycle('cycle').notNull(),
    periodKey: text('period_key').notNull(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    status: franchiseStatementStatus('status').notNull(),
    /** The rate billed, fixed when approved; a draft bills the franchisee's rate of the moment. */
    royaltyRateBp: integer('royalty_rate_bp'),
    royaltyMinor: money('royalty_minor'),
    goodsMinor: money('goods_minor'),
    storedValueMinor: money('stored_value_minor'),
    lateMinor: money('late_minor'),
    feesMinor: money('fees_minor'),
    adjustmentsMinor: money('adjustments_minor'),
    /** Positive: the franchisee pays HQ; negative: HQ pays the franchisee. */
    netMinor: money('net_minor'),
    createdBy: uuid('created_by').notNull(),
    createdAt: instant('created_at').notNull(),
    approvedBy: uuid('approved_by'),
    approvedAt: instant('approved_at'),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    unique('franchise_statements_chain_no').on(t.chainId, t.no),
    unique('franchise_statements_period').on(t.chainId, t.franchiseeId, t.periodFrom),
    foreignKey({ columns: [t.chainId, t.franchiseeId], foreignColumns: [franchisees.chainId, franchisees.id] }),
    check('franchise_statements_period_order', sql`${t.periodFrom} <= ${t.periodTo}`),
    check('franchise_statements_approved', sql`(${t.status} = 'approved') = (${t.approvedAt} is not null and ${t.netMinor} is not null and ${t.royaltyRateBp} is not null)`),
  ],
);

/**
 * A statement's lines: HQ's fees and adjustments (with their reason) from the draft on, and on
 * approval the lines worked out from the figures, in the statement's order (`position`).
 */
export const franchiseStatementLines = pgTable(
  'franchise_statement_lines',
  {
    chainId: chainId(),
    id: uuid('id').notNull(),
    statementId: uuid('statement_id').notNull(),
    kind: franchiseStatementLineKind('kind').notNull(),
    /** Where a worked-out line stands in the statement; null for a fee or adjustment, which follow in the order entered. */
    position: integer('position'),
    amountMinor: money('amount_minor').notNull(),
    baseMinor: money('base_minor'),
    rateBp: integer('rate_bp'),
    figure: franchiseStatementFigure('figure'),
    periodKey: text('period_key'),
    storeId: uuid('store_id'),
    otherStoreId: uuid('other_store_id'),
    documentId: uuid('document_id'),
    documentNo: text('document_no'),
    businessDate: date('business_date', { mode: 'string' }),
    reason: text('reason'),
    createdBy: uuid('created_by'),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    foreignKey({ columns: [t.chainId, t.statementId], foreignColumns: [franchiseStatements.chainId, franchiseStatements.id] }),
    index('franchise_statement_lines_statement').on(t.chainId, t.statementId),
    check('franchise_statement_lines_reason', sql`${t.kind} not in ('fee', 'adjustment') or ${t.reason} is not null`),
  ],
);

/** An approved statement's net sales by store, over the days of the period each store was the franchisee's. */
export const franchiseStatementSales = pgTable(
  'franchise_statement_sales',
  {
    chainId: chainId(),
    statementId: uuid('statement_id').notNull(),
    storeId: uuid('store_id').notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }).notNull(),
    netSalesMinor: money('net_sales_minor').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.statementId, t.storeId, t.fromDate] }),
    foreignKey({ columns: [t.chainId, t.statementId], foreignColumns: [franchiseStatements.chainId, franchiseStatements.id] }),
    foreignKey({ columns: [t.chainId, t.storeId], foreignColumns: [stores.chainId, stores.id] }),
  ],
);

/** An approved statement's stored value by store. */
export const franchiseStatementStoredValue = pgTable(
  'franchise_statement_stored_value',
  {
    chainId: chainId(),
    statementId: uuid('statement_id').notNull(),
    storeId: uuid('store_id').notNull(),
    toppedUpMinor: money('topped_up_minor').notNull(),
    spentMinor: money('spent_minor').notNull(),
    paidOutMinor: money('paid_out_minor').notNull(),
    receivablesPaidMinor: money('receivables_paid_minor').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.statementId, t.storeId] }),
    foreignKey({ columns: [t.chainId, t.statementId], foreignColumns: [franchiseStatements.chainId, franchiseStatements.id] }),
    foreignKey({ columns: [t.chainId, t.storeId], foreignColumns: [stores.chainId, stores.id] }),
  ],
);

/**
 * What approved statements billed of each period, figure by figure: an approved statement fixes its
 * own period's figures and the difference it billed of each earlier period. A period's figures
 * now, less the sum of these, is what reached HQ since: the next draft bills it as late lines.
 */
export const franchiseStatementFigures = pgTable(
  'franchise_statement_figures',
  {
    chainId: chainId(),
    statementId: uuid('statement_id').notNull(),
    franchiseeId: uuid('franchisee_id').notNull(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    figure: franchiseStatementFigure('figure').notNull(),
    amountMinor: money('amount_minor').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.statementId, t.periodFrom, t.figure] }),
    foreignKey({ columns: [t.chainId, t.statementId], foreignColumns: [franchiseStatements.chainId, franchiseStatements.id] }),
    index('franchise_statement_figures_period').on(t.chainId, t.franchiseeId, t.periodFrom),
  ],
);
