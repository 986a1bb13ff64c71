import { z } from 'zod';
import { IsoDateTime, LocalDate } from './common';
import { ReportDate } from './reports';

/** `GET /sales/journal`: the sales (销售流水) of the stores in scope, or of one, by business day, newest first. */
export const SalesJournalQuery = z
  .object({
    storeId: z.uuid().optional(),
    from: ReportDate.optional(),
    to: ReportDate.optional(),
    /** Only sales with a line of this product: a sales analysis drilling from a product to its tickets. */
    productId: z.uuid().optional(),
    /** Only sales with a line of a product in this category or one under it. */
    categoryId: z.uuid().optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '`from` must not be after `to`', path: ['from'] });
export type SalesJournalQuery = z.infer<typeof SalesJournalQuery>;

/** A sales clerk a line is credited to (营业员), with their share of it in basis points. */
export const JournalLineClerk = z.object({
  clerkId: z.uuid(),
  code: z.string(),
  name: z.string(),
  shareBp: z.number().int(),
});
export type JournalLineClerk = z.infer<typeof JournalLineClerk>;

/** A line of a sale as HQ took it in. */
export const JournalLine = z.object({
  lineNo: z.number().int(),
  productId: z.uuid(),
  barcode: z.string().nullable(),
  nameZh: z.string(),
  nameEn: z.string(),
  quantity: z.number().int(),
  unitPriceMinor: z.number().int(),
  netMinor: z.number().int(),
  /** The promotion that gave the line as a gift, when it is one. */
  giftRuleId: z.string().nullable(),
  /** The clerks the line is credited to, the first (the line's clerk) first; absent when the cashier sold it. */
  clerks: z.array(JournalLineClerk).optional(),
});
export type JournalLine = z.infer<typeof JournalLine>;

/** A sale as HQ holds it: the header, its lines in order, and how many pricing differences HQ found on it. */
export const JournalSale = z.object({
  id: z.uuid(),
  storeId: z.uuid(),
  storeCode: z.string(),
  deviceId: z.uuid(),
  receiptNo: z.string(),
  businessDate: LocalDate,
  completedAt: IsoDateTime,
  totalMinor: z.number().int(),
  discrepancies: z.number().int(),
  lines: z.array(JournalLine),
});
export type JournalSale = z.infer<typeof JournalSale>;

export const SalesJournal = z.object({ items: z.array(JournalSale), total: z.number().int() });
export type SalesJournal = z.infer<typeof SalesJournal>;
