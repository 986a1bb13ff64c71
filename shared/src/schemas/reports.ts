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
