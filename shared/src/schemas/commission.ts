import { z } from 'zod';
import { NonNegativeMinor } from '../money/money';
import { LocalDate, SafeText } from './common';

/** What a percentage is taken of: the line's net sales, or its gross margin (net less the cost price at the time of sale). */
export const CommissionBasis = z.enum(['net', 'margin']);
export type CommissionBasis = z.infer<typeof CommissionBasis>;

/** A rate in basis points of the basis: 100 is 1%. */
const RateBp = z.number().int().min(0).max(10_000);

/** One step of a tiered rate: from this share of the monthly target (basis points of it: 10000 is the target itself), this rate. */
export const CommissionTier = z.object({ fromTargetBp: z.number().int().min(0).max(1_000_000), bp: RateBp });
export type CommissionTier = z.infer<typeof CommissionTier>;

/**
 * What a line earns (提成比率): a percentage of its net or margin; a fixed amount per unit sold;
 * or a rate tiered by the month's sales against a target (多级别提成比率), of the clerk or of the
 * counter, paid on the whole month at the tier reached (`whole`) or only on the sales above each
 * step at that step's rate (`above`).
 */
export const CommissionRate = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('percent'), basis: CommissionBasis, bp: RateBp }),
  z.object({ kind: z.literal('per_unit'), amountMinor: NonNegativeMinor.refine((v) => v <= 1_000_000, 'must be at most 10,000.00') }),
  z.object({
    kind: z.literal('tiered'),
    basis: CommissionBasis,
    measure: z.enum(['clerk', 'counter']),
    apply: z.enum(['whole', 'above']),
    tiers: z
      .array(CommissionTier)
      .min(1)
      .max(10)
      .refine((tiers) => tiers[0]?.fromTargetBp === 0, 'the first tier must start at 0% of the target')
      .refine((tiers) => tiers.every((t, i) => i === 0 || t.fromTargetBp > tiers[i - 1]!.fromTargetBp), 'tiers must start at rising shares of the target'),
  }),
]);
export type CommissionRate = z.infer<typeof CommissionRate>;

/**
 * A rule of a plan: which lines it covers (any of product, category with the categories under
 * it, brand, supplier and the clerk's grade; none named covers every line), whether the line pays
 * its clerk (私拥, personal) or the counter's pool (公拥, pooled), and its rate. For each line the
 * most specific rule wins (`commissionRuleFor`).
 */
export const CommissionRuleBody = z.object({
  productId: z.uuid().nullable(),
  categoryId: z.uuid().nullable(),
  brandId: z.uuid().nullable(),
  supplierId: z.uuid().nullable(),
  grade: SafeText.trim().min(1).max(20).nullable(),
  mode: z.enum(['personal', 'pooled']),
  rate: CommissionRate,
});
export type CommissionRuleBody = z.infer<typeof CommissionRuleBody>;
export const CommissionRule = CommissionRuleBody.extend({ id: z.uuid() });
export type CommissionRule = z.infer<typeof CommissionRule>;

/** How a pool is divided among the clerks on duty that day: equally, by the hours each worked, or by the weight of each one's grade. */
export const PoolShareRule = z.enum(['equal', 'hours', 'grade']);
export type PoolShareRule = z.infer<typeof PoolShareRule>;

/** Lines that earn nothing: gifts (赠品), lines sold with a discount (promotion items), and sales to members tagged as staff. */
export const CommissionExclusions = z.object({
  gifts: z.boolean(),
  discounted: z.boolean(),
  staffTags: z.array(SafeText.trim().min(1).max(20)).max(10),
});
export type CommissionExclusions = z.infer<typeof CommissionExclusions>;

/**
 * A version of the chain's commission plan (提成方案), in force for the business days from
 * `validFrom` to `validTo` (open when null). Versions never overlap; a sale is paid by the version
 * of its business day.
 */
const CommissionPlanFields = z.object({
  name: SafeText.trim().min(1).max(80),
  validFrom: LocalDate,
  validTo: LocalDate.nullable(),
  exclusions: CommissionExclusions,
  poolShare: PoolShareRule,
  /** A grade's weight when pools are divided by grade; a grade not listed weighs 1. */
  gradeWeights: z.record(SafeText.trim().min(1).max(20), z.number().int().min(1).max(100)),
});
const endsAfterStart = { message: 'must not end before it starts', path: ['validTo'] };

export const CommissionPlanBody = CommissionPlanFields.extend({ rules: z.array(CommissionRuleBody).max(500) }).refine((p) => p.validTo === null || p.validFrom <= p.validTo, endsAfterStart);
export type CommissionPlanBody = z.infer<typeof CommissionPlanBody>;

export const CommissionPlan = CommissionPlanFields.extend({ id: z.uuid(), rules: z.array(CommissionRule) });
export type CommissionPlan = z.infer<typeof CommissionPlan>;
export const CommissionPlanList = z.object({ items: z.array(CommissionPlan) });
export type CommissionPlanList = z.infer<typeof CommissionPlanList>;

/** The chain's commission cycle: periods start on this day of the month (1: calendar months). */
export const CommissionSettings = z.object({ cycleStartDay: z.number().int().min(1).max(28) });
export type CommissionSettings = z.infer<typeof CommissionSettings>;

/** A period's key, as periods are named: the month it ends in. */
export const PeriodKey = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM');
export const PeriodParams = z.object({ period: PeriodKey });
export const PeriodClerkParams = z.object({ period: PeriodKey, clerkId: z.uuid() });
export const PeriodScopeQuery = z.object({ storeId: z.uuid().optional() });

/** What a clerk got in a period, by kind: their lines, what returns took back, late sales of closed periods, their part of pools, adjustments. */
export const CommissionFigures = z.object({
  salesMinor: z.number().int(),
  personalMinor: z.number().int(),
  clawbackMinor: z.number().int(),
  lateMinor: z.number().int(),
  poolShareMinor: z.number().int(),
  adjustmentMinor: z.number().int(),
  totalMinor: z.number().int(),
});
export type CommissionFigures = z.infer<typeof CommissionFigures>;

export const CommissionStoreStatus = z.object({
  storeId: z.uuid(), code: z.string(), name: z.string(),
  status: z.enum(['open', 'closed']),
  computedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});

/** A period's commission over the stores a caller sees (营业员结算): a preview while open, fixed once closed. */
export const CommissionPeriodOverview = z.object({
  period: z.object({ key: PeriodKey, from: LocalDate, to: LocalDate }),
  stores: z.array(CommissionStoreStatus),
  clerks: z.array(CommissionFigures.extend({ clerkId: z.uuid(), code: z.string(), name: z.string(), storeId: z.uuid().nullable(), targetMinor: z.number().int().nullable() })),
  pools: z.array(z.object({ poolId: z.uuid(), storeId: z.uuid(), name: z.string(), takenMinor: z.number().int(), clawbackMinor: z.number().int(), unassignedMinor: z.number().int(), targetMinor: z.number().int().nullable() })),
  totals: z.object({ clerksMinor: z.number().int(), unassignedMinor: z.number().int() }),
});
export type CommissionPeriodOverview = z.infer<typeof CommissionPeriodOverview>;

export const ClosePeriodBody = z.object({ storeIds: z.array(z.uuid()).min(1).max(1000) });
export const ClosePeriodResult = z.object({ closed: z.number().int() });

/** Why a line paid what it did, as a statement shows it (`CommissionWhy` of the engine). */
export const CommissionWhyView = z.union([
  z.object({ excluded: z.enum(['gift', 'discounted', 'staff', 'no_plan', 'no_rule']) }),
  z.object({
    excluded: z.null(), planId: z.string(), ruleId: z.string(), ruleNo: z.number().int(),
    matchedOn: z.array(z.enum(['product', 'category', 'brand', 'supplier', 'grade'])), categoryDistance: z.number().int().nullable(),
    rate: CommissionRate, noCost: z.boolean(), noTarget: z.boolean(),
    tiers: z.array(z.object({ bp: z.number().int(), baseMinor: z.number().int().nullable() })).nullable(),
  }),
]);

const StatementLine = z.object({
  saleId: z.uuid(), lineId: z.uuid(), receiptNo: z.string(), businessDate: LocalDate, nameZh: z.string(), nameEn: z.string(),
  shareBp: z.number().int(), netMinor: z.number().int(), baseMinor: z.number().int(), amountMinor: z.number().int(),
  /** `pool`: the line paid the counter's pool, shared among the clerks on duty, not this clerk alone. */
  paidTo: z.enum(['clerk', 'pool']),
  why: CommissionWhyView,
});

/** A clerk's statement for a period (营业员结算单): their lines with the rule behind each, what returns took back, late sales, their part of pools, adjustments, and how the month stands against the target. */
export const ClerkStatement = z.object({
  period: z.object({ key: PeriodKey, from: LocalDate, to: LocalDate }),
  clerk: z.object({ id: z.uuid(), code: z.string(), name: z.string(), grade: z.string().nullable(), storeId: z.uuid() }),
  status: z.enum(['open', 'closed']),
  figures: CommissionFigures,
  target: z.object({ amountMinor: z.number().int().nullable(), reachedBp: z.number().int().nullable() }),
  lines: z.array(StatementLine),
  clawbacks: z.array(z.object({ returnId: z.uuid(), returnNo: z.string(), businessDate: LocalDate, saleLineId: z.uuid(), nameZh: z.string(), nameEn: z.string(), amountMinor: z.number().int() })),
  late: z.array(StatementLine.extend({ originPeriod: PeriodKey })),
  poolShares: z.array(z.object({ poolId: z.uuid(), date: LocalDate, poolAmountMinor: z.number().int(), weight: z.number(), amountMinor: z.number().int() })),
  adjustments: z.array(z.object({ id: z.uuid(), amountMinor: z.number().int(), reason: z.string(), originPeriod: PeriodKey, createdAt: z.string() })),
  /** The same clerk's sales and commission the period before and the same period a year before, where they were worked out. */
  compare: z.object({
    previous: z.object({ key: PeriodKey, salesMinor: z.number().int(), totalMinor: z.number().int() }).nullable(),
    lastYear: z.object({ key: PeriodKey, salesMinor: z.number().int(), totalMinor: z.number().int() }).nullable(),
  }),
});
export type ClerkStatement = z.infer<typeof ClerkStatement>;

/** A monthly sales target (销售目标) of a clerk, or of a pool (a counter's id, or the store's for its own). */
export const CommissionTarget = z.object({ kind: z.enum(['clerk', 'pool']), subjectId: z.uuid(), amountMinor: z.number().int().min(1).max(100_000_000_000) });
export type CommissionTarget = z.infer<typeof CommissionTarget>;
export const CommissionTargetsQuery = z.object({ period: PeriodKey, storeId: z.uuid() });
export const CommissionTargets = z.object({ period: PeriodKey, storeId: z.uuid(), targets: z.array(CommissionTarget).max(2000) })
  .refine((b) => new Set(b.targets.map((t) => `${t.kind}:${t.subjectId}`)).size === b.targets.length, { message: 'each clerk or pool once', path: ['targets'] });
export type CommissionTargets = z.infer<typeof CommissionTargets>;

/** Who was on duty in which pool on a day of a store, and for how many minutes (出勤): the day's pools are divided by it. */
export const DutyEntryBody = z.object({ poolId: z.uuid(), clerkId: z.uuid(), minutes: z.number().int().min(1).max(1440) });
export const CommissionDutyQuery = z.object({ storeId: z.uuid(), date: LocalDate });
export const CommissionDutyDay = z.object({ storeId: z.uuid(), date: LocalDate, entries: z.array(DutyEntryBody).max(500) })
  .refine((b) => new Set(b.entries.map((e) => `${e.poolId}:${e.clerkId}`)).size === b.entries.length, { message: 'each clerk once in each pool', path: ['entries'] });
export type CommissionDutyDay = z.infer<typeof CommissionDutyDay>;

/** The clerk's session token, proving which clerk of this till asks. */
export const MyMonthBody = z.object({ clerkToken: z.string().min(1).max(200) });

/** A signed-in clerk's own month at the till (我的业绩): their sales against their target and their commission so far, with the month before and a year before. */
export const MyMonth = z.object({
  period: z.object({ key: PeriodKey, from: LocalDate, to: LocalDate }),
  clerk: z.object({ code: z.string(), name: z.string() }),
  figures: CommissionFigures,
  target: z.object({ amountMinor: z.number().int().nullable(), reachedBp: z.number().int().nullable() }),
  previous: z.object({ key: PeriodKey, salesMinor: z.number().int(), totalMinor: z.number().int() }).nullable(),
  lastYear: z.object({ key: PeriodKey, salesMinor: z.number().int(), totalMinor: z.number().int() }).nullable(),
});
export type MyMonth = z.infer<typeof MyMonth>;

/** A change by hand to what a clerk or pool got in a closed period, carried into an open one with its reason (调整). */
export const CommissionAdjustmentBody = z.object({
  period: PeriodKey,
  originPeriod: PeriodKey,
  storeId: z.uuid(),
  beneficiary: z.object({ kind: z.enum(['clerk', 'pool']), id: z.uuid() }),
  amountMinor: z.number().int().min(-100_000_000).max(100_000_000).refine((v) => v !== 0, 'must not be zero'),
  reason: SafeText.trim().min(2).max(200),
}).refine((b) => b.originPeriod < b.period, { message: 'must be a period before the one it goes into', path: ['originPeriod'] });
export type CommissionAdjustmentBody = z.infer<typeof CommissionAdjustmentBody>;
export const CommissionAdjustment = z.object({ id: z.uuid(), createdAt: z.string() }).extend({
  period: PeriodKey, originPeriod: PeriodKey, storeId: z.uuid(), beneficiary: z.object({ kind: z.enum(['clerk', 'pool']), id: z.uuid() }), amountMinor: z.number().int(), reason: z.string(),
});
export type CommissionAdjustment = z.infer<typeof CommissionAdjustment>;

/** A counter (柜组) of a store: the categories it sells; lines of them pay its pool. */
export const CounterBody = z.object({
  storeId: z.uuid(),
  code: SafeText.trim().min(1).max(20),
  name: SafeText.trim().min(1).max(60),
  categoryIds: z.array(z.uuid()).min(1).max(200),
  active: z.boolean(),
});
export type CounterBody = z.infer<typeof CounterBody>;
export const Counter = CounterBody.extend({ id: z.uuid() });
export type Counter = z.infer<typeof Counter>;
export const CounterList = z.object({ items: z.array(Counter) });
export const CountersQuery = z.object({ storeId: z.uuid() });
