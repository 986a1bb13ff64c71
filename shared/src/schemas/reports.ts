import { z } from 'zod';
import { LocalDate } from './common';

/** A day a report may ask for: a real calendar day from 2000 to 2100, the span the business can have data in. */
export const ReportDate = LocalDate.refine((date) => date >= '2000-01-01' && date <= '2100-12-31', 'must be a day from 2000-01-01 to 2100-12-31');

export const StoreDayQuery = z
  .object({
    from: ReportDate,
    to: ReportDate,
    storeId: z.uuid().optional(),
  })
  .refine((q) => q.from <= q.to, { message: '`from` must not be after `to`', path: ['from'] });
export type StoreDayQuery = z.infer<typeof StoreDayQuery>;

export const StoreDayRow = z.object({
  storeId: z.uuid(),
  storeCode: z.string(),
  storeName: z.string(),
  businessDate: LocalDate,
  salesMinor: z.number().int(),
  tickets: z.number().int(),
  items: z.number().int(),
  averageBasketMinor: z.number().int(),
});
export type StoreDayRow = z.infer<typeof StoreDayRow>;

export const StoreDayReport = z.object({
  from: LocalDate,
  to: LocalDate,
  rows: z.array(StoreDayRow),
  totals: z.object({ salesMinor: z.number().int(), tickets: z.number().int(), items: z.number().int(), averageBasketMinor: z.number().int() }),
});
export type StoreDayReport = z.infer<typeof StoreDayReport>;

/** Sales by product and by category over a range of business days, for one store or all the caller's stores. */
export const ProductSalesQuery = z
  .object({
    from: ReportDate,
    to: ReportDate,
    storeId: z.uuid().optional(),
    /** How many of the best-selling products to list. */
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((q) => q.from <= q.to, { message: '`from` must not be after `to`', path: ['from'] });
export type ProductSalesQuery = z.infer<typeof ProductSalesQuery>;

/** One product's quantity (units, or grams of a weighed item) and net sales over the range. */
export const ProductSalesRow = z.object({
  productId: z.uuid(),
  sku: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  categoryId: z.uuid().nullable(),
  quantity: z.number().int(),
  salesMinor: z.number().int(),
});
export type ProductSalesRow = z.infer<typeof ProductSalesRow>;

export const CategorySalesRow = z.object({
  categoryId: z.uuid().nullable(),
  nameZh: z.string().nullable(),
  nameEn: z.string().nullable(),
  salesMinor: z.number().int(),
});
export type CategorySalesRow = z.infer<typeof CategorySalesRow>;

/**
 * The best-selling products and the sales of each category (the product's own category), only of
 * the categories the caller's role sees; `totals` add up what is shown.
 */
export const ProductSalesReport = z.object({
  from: LocalDate,
  to: LocalDate,
  products: z.array(ProductSalesRow),
  categories: z.array(CategorySalesRow),
  totals: z.object({ salesMinor: z.number().int() }),
});
export type ProductSalesReport = z.infer<typeof ProductSalesReport>;

/** A print of the store-day report HQ has counted: the report to print and how many more prints and exports the role allows today (null: no limit). */
export const StoreDayPrint = z.object({ report: StoreDayReport, remaining: z.number().int().nonnegative().nullable() });
export type StoreDayPrint = z.infer<typeof StoreDayPrint>;

/** What a sales analysis (决策分析) groups by: who and where, what, how it was paid, when. */
export const SalesGrouping = z.enum([
  'store', 'region', 'franchisee', 'category', 'brand', 'product', 'supplier', 'clerk', 'member_level', 'tender', 'hour', 'day', 'week', 'month',
]);
export type SalesGrouping = z.infer<typeof SalesGrouping>;

const salesQuestion = {
  from: ReportDate,
  to: ReportDate,
  by: SalesGrouping,
  storeId: z.uuid().optional(),
  regionId: z.uuid().optional(),
  franchiseeId: z.uuid().optional(),
  /** The category and every category under it; grouping by category then shows the categories just under it. */
  categoryId: z.uuid().optional(),
  brandId: z.uuid().optional(),
  supplierId: z.uuid().optional(),
  productId: z.uuid().optional(),
};

function addYears(day: string, years: number): string {
  return `${String(Number(day.slice(0, 4)) + years).padStart(4, '0')}${day.slice(4)}`;
}

/** A range that runs forwards and covers at most three years. */
const rangeChecked = <T extends z.ZodType<{ from: string; to: string }>>(schema: T) => schema
  .refine((q) => q.from <= q.to, { message: '`from` must not be after `to`', path: ['from'] })
  .refine((q) => q.from >= addYears(q.to, -3), { message: 'a range covers at most three years', path: ['from'] });

/** How many rows to list, the biggest by sales first; the rest are summed in `others`. */
const rowLimit = z.number().int().min(1).max(1000);

export const SalesAnalysisQuery = rangeChecked(z.object({ ...salesQuestion, limit: z.coerce.number().pipe(rowLimit).default(200) }));
export type SalesAnalysisQuery = z.infer<typeof SalesAnalysisQuery>;

export const ReportPeriod = z.object({ from: LocalDate, to: LocalDate });

/**
 * One period's figures. Sales are net of discounts and of what was refunded for goods back;
 * `tickets` is null where a ticket may fall in several parts and the parts would not add up
 * (categories, brands, suppliers), and `returnsMinor` where returns are not broken down that way.
 * Margin (毛利) is null unless the caller's role sees cost; it leaves out the sales of goods that
 * had no cost on record, which `uncostedMinor` shows.
 */
export const SalesFigures = z.object({
  salesMinor: z.number().int(),
  /** Units (grams of weighed goods); null by tender. */
  quantity: z.number().int().nullable(),
  tickets: z.number().int().nullable(),
  averageBasketMinor: z.number().int().nullable(),
  discountMinor: z.number().int(),
  returnsMinor: z.number().int().nullable(),
  marginMinor: z.number().int().nullable(),
  /** Margin over the sales it covers, in basis points. */
  marginRateBp: z.number().int().nullable(),
  uncostedMinor: z.number().int().nullable(),
});
export type SalesFigures = z.infer<typeof SalesFigures>;

export const ComparedFigures = z.object({ current: SalesFigures, previous: SalesFigures, lastYear: SalesFigures });
export type ComparedFigures = z.infer<typeof ComparedFigures>;

/** Where a row leads: the same analysis one level down, or (for a product) the tickets it was sold on. */
export const SalesDrill = z.object({
  by: z.union([SalesGrouping, z.literal('tickets')]),
  filter: z.enum(['storeId', 'regionId', 'franchiseeId', 'categoryId', 'brandId', 'supplierId', 'productId']),
  value: z.uuid(),
});
export type SalesDrill = z.infer<typeof SalesDrill>;

export const SalesAnalysisRow = ComparedFigures.extend({
  /** The id, tender, level id, `00`–`23`, or the bucket's first day; `none` for no clerk, no member or no category. */
  key: z.string(),
  code: z.string().nullable(),
  nameZh: z.string(),
  nameEn: z.string(),
  /** For a store opened inside one of the periods: the day it opened, so a comparison is not read as like for like. */
  openedOn: LocalDate.nullable(),
  drill: SalesDrill.nullable(),
});
export type SalesAnalysisRow = z.infer<typeof SalesAnalysisRow>;

export const SalesAnalysis = z.object({
  by: SalesGrouping,
  periods: z.object({ current: ReportPeriod, previous: ReportPeriod, lastYear: ReportPeriod }),
  seeCost: z.boolean(),
  rows: z.array(SalesAnalysisRow),
  /** The rows past `limit`, summed; null when every row is listed. */
  others: ComparedFigures.extend({ count: z.number().int() }).nullable(),
  totals: ComparedFigures,
  /** By hour only: this period's sales by weekday (1 Monday … 7 Sunday) and hour, for a heat map; null otherwise. */
  heat: z.array(z.object({ weekday: z.number().int().min(1).max(7), hour: z.string(), salesMinor: z.number().int(), tickets: z.number().int() })).nullable(),
});
export type SalesAnalysis = z.infer<typeof SalesAnalysis>;

/** The analysis to export: the same question and the file wanted. */
export const SalesAnalysisExport = z.object({ query: rangeChecked(z.object({ ...salesQuestion, limit: rowLimit.default(200) })), format: z.enum(['xlsx', 'csv']), language: z.enum(['zh', 'en']).default('zh') });
export type SalesAnalysisExport = z.infer<typeof SalesAnalysisExport>;

export const PromotionReturnQuery = z
  .object({ from: ReportDate, to: ReportDate, storeId: z.uuid().optional() })
  .refine((q) => q.from <= q.to, { message: '`from` must not be after `to`', path: ['from'] })
  .refine((q) => q.from >= addYears(q.to, -3), { message: 'a range covers at most three years', path: ['from'] });
export type PromotionReturnQuery = z.infer<typeof PromotionReturnQuery>;

/** The promoted goods' figures over a span of days: net sales, units and (for roles that see cost) margin. */
export const PromotedFigures = z.object({ salesMinor: z.number().int(), quantity: z.number().int(), marginMinor: z.number().int().nullable() });
export type PromotedFigures = z.infer<typeof PromotedFigures>;

/**
 * One promotion's return (促销活动投资收益率) over the days it gave something in the range: what
 * it cost (its discounts, and its gifts at cost), the promoted goods — the products it touched, in
 * the stores it touched them — during those days and over as many days just before, and what it
 * brought: the uplift in sales and margin, and the margin uplift per yuan it cost.
 */
export const PromotionReturn = z.object({
  promotionId: z.uuid(),
  name: z.string(),
  kind: z.string(),
  during: ReportPeriod,
  before: ReportPeriod,
  products: z.number().int(),
  stores: z.number().int(),
  discountMinor: z.number().int(),
  giftUnits: z.number().int(),
  /** Null for a role that does not see cost. */
  giftCostMinor: z.number().int().nullable(),
  /** Discounts plus gifts at cost; discounts only for a role that does not see cost. */
  costMinor: z.number().int(),
  promoted: z.object({ during: PromotedFigures, before: PromotedFigures }),
  upliftSalesMinor: z.number().int(),
  /** Sales during over sales before, in basis points; null with no sales before. */
  upliftBp: z.number().int().nullable(),
  upliftMarginMinor: z.number().int().nullable(),
  /** Margin uplift over cost, in basis points (10000: each yuan spent brought a yuan of margin); null without cost or margin. */
  returnBp: z.number().int().nullable(),
});
export type PromotionReturn = z.infer<typeof PromotionReturn>;

export const PromotionReturnReport = z.object({ from: LocalDate, to: LocalDate, seeCost: z.boolean(), items: z.array(PromotionReturn) });
export type PromotionReturnReport = z.infer<typeof PromotionReturnReport>;

export const PromotionReturnExport = z.object({
  query: z.object({ from: ReportDate, to: ReportDate, storeId: z.uuid().optional() }).refine((q) => q.from <= q.to, { message: '`from` must not be after `to`', path: ['from'] }),
  format: z.enum(['xlsx', 'csv']),
  language: z.enum(['zh', 'en']).default('zh'),
});
export type PromotionReturnExport = z.infer<typeof PromotionReturnExport>;
