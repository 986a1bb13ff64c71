import { z } from 'zod';
import { MinorSchema } from '../money/money';
import { STATEMENT_FIGURES } from '../settlement/statement-figures';
import { IsoDateTime, LocalDate, QueryText, SafeText } from './common';
import { SettlementCycle } from './org-admin';
import { pageOf, pageQuery } from './paging';

/** A statement HQ is still working on (its figures worked out afresh whenever read), or approved and fixed. */
export const StatementStatus = z.enum(['draft', 'approved']);
export type StatementStatus = z.infer<typeof StatementStatus>;

/** A settlement period's name: a month `2026-11` or a quarter `2026-Q4`, as the franchisee's cycle has them. */
export const SettlementPeriodKey = QueryText(7).regex(/^20\d{2}-(0[1-9]|1[0-2]|Q[1-4])$/, 'must be a month as YYYY-MM or a quarter as YYYY-Qn, from 2000 on');

export const FranchiseStatementsQuery = pageQuery(['period', 'no']).extend({
  franchiseeId: z.uuid().optional(),
  status: StatementStatus.optional(),
});
export type FranchiseStatementsQuery = z.infer<typeof FranchiseStatementsQuery>;

/** Which franchisee and period a draft is for (or would be, for a preview). */
export const StatementPeriodQuery = z.object({ franchiseeId: z.uuid(), period: SettlementPeriodKey });
export type StatementPeriodQuery = z.infer<typeof StatementPeriodQuery>;
export const DraftStatementBody = StatementPeriodQuery;
export type DraftStatementBody = z.infer<typeof DraftStatementBody>;

/** A fee HQ charges (positive) or an adjustment either way (positive: the franchisee owes more), with the reason the franchisee will read. */
export const StatementLineBody = z.object({
  kind: z.enum(['fee', 'adjustment']),
  amountMinor: MinorSchema.refine((v) => v !== 0 && Math.abs(v) <= 100_000_000_000, 'must not be 0, and at most 1,000,000,000.00 either way'),
  reason: SafeText.trim().min(1).max(200),
}).refine((body) => body.kind !== 'fee' || body.amountMinor > 0, { message: 'a fee is charged to the franchisee: enter it as a positive amount', path: ['amountMinor'] });
export type StatementLineBody = z.infer<typeof StatementLineBody>;

export const StatementLineParams = z.object({ id: z.uuid({ message: 'must be a UUID' }), lineId: z.uuid({ message: 'must be a UUID' }) });

export const StatementExportBody = z.object({ format: z.enum(['xlsx', 'csv']), language: z.enum(['zh', 'en']).default('zh') });
export type StatementExportBody = z.infer<typeof StatementExportBody>;

export const StatementFigure = z.enum(STATEMENT_FIGURES);
export type StatementFigure = z.infer<typeof StatementFigure>;
export const StatementFigures = z.object(Object.fromEntries(STATEMENT_FIGURES.map((f) => [f, z.number().int()])) as Record<(typeof STATEMENT_FIGURES)[number], z.ZodNumber>);

export const StatementLineKind = z.enum(['royalty', 'goods_supplied', 'goods_returned', 'stored_value', 'late', 'fee', 'adjustment']);
export type StatementLineKind = z.infer<typeof StatementLineKind>;

/** One line of a statement; `amountMinor` is positive when the franchisee owes it to HQ and negative when HQ owes it. */
export const StatementLine = z.object({
  /** The fee's or adjustment's id, to remove it from a draft; null for the lines worked out from the figures. */
  id: z.uuid().nullable(),
  kind: StatementLineKind,
  amountMinor: z.number().int(),
  baseMinor: z.number().int().nullable(),
  rateBp: z.number().int().nullable(),
  figure: StatementFigure.nullable(),
  /** The earlier period a late line carries. */
  periodKey: z.string().nullable(),
  storeId: z.uuid().nullable(),
  otherStoreId: z.uuid().nullable(),
  documentNo: z.string().nullable(),
  date: LocalDate.nullable(),
  reason: z.string().nullable(),
  enteredByName: z.string().nullable(),
});
export type StatementLine = z.infer<typeof StatementLine>;

const Franchisee = z.object({ id: z.uuid(), code: z.string(), name: z.string() });
const Period = z.object({ key: z.string(), from: LocalDate, to: LocalDate });

/** A store a statement names: one of the franchisee's, or the other store of a transfer. */
export const StatementStore = z.object({ id: z.uuid(), code: z.string(), nameZh: z.string(), nameEn: z.string() });

export const StatementTotals = z.object({
  royaltyMinor: z.number().int(), goodsMinor: z.number().int(), storedValueMinor: z.number().int(),
  lateMinor: z.number().int(), feesMinor: z.number().int(), adjustmentsMinor: z.number().int(),
});
export type StatementTotals = z.infer<typeof StatementTotals>;

/**
 * A franchise statement (加盟店结算单) for one franchisee and settlement period: net sales by store
 * and the royalty on them, goods supplied less returned, stored value by store, late lines, HQ's
 * fees and adjustments, and the net: positive, the franchisee pays HQ; negative, HQ pays them.
 * A preview is what a draft would be, not saved (`id` null).
 */
export const FranchiseStatement = z.object({
  id: z.uuid().nullable(),
  no: z.string().nullable(),
  status: z.enum(['preview', 'draft', 'approved']),
  franchisee: Franchisee,
  cycle: SettlementCycle,
  period: Period,
  royaltyRateBp: z.number().int(),
  stores: z.array(StatementStore),
  sales: z.array(z.object({ storeId: z.uuid(), from: LocalDate, to: LocalDate, netSalesMinor: z.number().int() })),
  storedValue: z.array(z.object({
    storeId: z.uuid(), toppedUpMinor: z.number().int(), spentMinor: z.number().int(), paidOutMinor: z.number().int(), receivablesPaidMinor: z.number().int(),
  })),
  figures: StatementFigures,
  lines: z.array(StatementLine),
  totals: StatementTotals,
  netMinor: z.number().int(),
  createdAt: IsoDateTime.nullable(),
  createdByName: z.string().nullable(),
  approvedAt: IsoDateTime.nullable(),
  approvedByName: z.string().nullable(),
});
export type FranchiseStatement = z.infer<typeof FranchiseStatement>;

/** A statement in a list: the net only once approved (a draft's is worked out when it is opened). */
export const FranchiseStatementSummary = z.object({
  id: z.uuid(),
  no: z.string(),
  status: StatementStatus,
  franchisee: Franchisee,
  cycle: SettlementCycle,
  period: Period,
  netMinor: z.number().int().nullable(),
  createdAt: IsoDateTime,
  approvedAt: IsoDateTime.nullable(),
});
export type FranchiseStatementSummary = z.infer<typeof FranchiseStatementSummary>;
export const FranchiseStatementList = pageOf(FranchiseStatementSummary);
export type FranchiseStatementList = z.infer<typeof FranchiseStatementList>;
