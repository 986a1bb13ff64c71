import { z } from 'zod';
import { IsoDateTime, SafeText } from './common';
import { StockLevel, uniqueProducts, Units } from './stock';

/**
 * A store sends goods straight to another store (门店间直调). The id is made by the sender, so a
 * retry of the same transfer ships it once. Between stores of different owners each line may
 * carry its transfer price (配送价); a line without one takes the product's current cost.
 */
export const TransferBody = z.object({
  id: z.uuid(),
  fromStoreId: z.uuid(),
  toStoreId: z.uuid(),
  lines: z.array(z.object({ productId: z.uuid(), quantity: Units.min(1), unitPriceMinor: z.number().int().min(0).max(100_000_000).optional() }))
    .min(1).max(500).refine(uniqueProducts, 'each product may be sent once'),
  note: SafeText.max(200).optional(),
}).refine((t) => t.fromStoreId !== t.toStoreId, { message: 'a transfer goes to another store', path: ['toStoreId'] });
export type TransferBody = z.infer<typeof TransferBody>;

export const TransferStatus = z.enum(['in_transit', 'received']);
export type TransferStatus = z.infer<typeof TransferStatus>;

export const TransferLine = z.object({
  productId: z.uuid(),
  sku: z.string(),
  barcode: z.string().nullable(),
  nameZh: z.string(),
  nameEn: z.string(),
  quantity: z.number().int(),
  received: z.number().int().nullable(),
  /** Received less sent once confirmed: below zero short, above zero over. */
  difference: z.number().int().nullable(),
  /** What the receiving owner pays a unit, when the owners differ. */
  unitPriceMinor: z.number().int().nullable(),
});
export type TransferLine = z.infer<typeof TransferLine>;

const StoreRef = z.object({ id: z.uuid(), code: z.string(), nameZh: z.string(), nameEn: z.string() });

/** The chain's open stores a transfer may go to, whoever owns them. */
export const TransferDestinationList = z.object({ items: z.array(StoreRef) });

export const Transfer = z.object({
  id: z.uuid(),
  no: z.string(),
  from: StoreRef,
  to: StoreRef,
  status: TransferStatus,
  /** The stores have different owners, so the goods are sold at the transfer price. */
  crossOwner: z.boolean(),
  note: z.string().nullable(),
  shippedBy: z.string(),
  shippedAt: IsoDateTime,
  receivedAt: IsoDateTime.nullable(),
  /** What the receiving owner pays for what arrived, at the transfer price (null between stores of one owner). */
  valueMinor: z.number().int().nullable(),
  lines: z.array(TransferLine),
});
export type Transfer = z.infer<typeof Transfer>;
export const TransferList = z.object({ items: z.array(Transfer) });

/** `out`: transfers the store sent; `in`: those sent to it; absent: both. */
export const TransfersQuery = z.object({
  storeId: z.uuid().optional(),
  direction: z.enum(['in', 'out']).optional(),
  status: TransferStatus.optional(),
});

export const StockCountScope = z.enum(['store', 'category', 'shelf']);
export type StockCountScope = z.infer<typeof StockCountScope>;
export const StockCountStatus = z.enum(['open', 'posted', 'cancelled']);
export type StockCountStatus = z.infer<typeof StockCountStatus>;

/** Open a count sheet (盘点单): the whole store, a category (with those under it), or a shelf whose products are scanned as found. */
export const StockCountBody = z.discriminatedUnion('scope', [
  z.object({ storeId: z.uuid(), scope: z.literal('store'), note: SafeText.max(200).optional() }),
  z.object({ storeId: z.uuid(), scope: z.literal('category'), categoryId: z.uuid(), note: SafeText.max(200).optional() }),
  z.object({ storeId: z.uuid(), scope: z.literal('shelf'), shelf: SafeText.min(1).max(40), note: SafeText.max(200).optional() }),
]);
export type StockCountBody = z.infer<typeof StockCountBody>;

/**
 * Counts entered for products: `set` says how many are there (typed in the office), `add` adds
 * to what was counted so far (one scan, one unit). A product not yet on the sheet joins it.
 */
export const StockCountEntryBody = z.object({
  lines: z.array(z.object({ productId: z.uuid(), quantity: Units, mode: z.enum(['set', 'add']).default('set') }))
    .min(1).max(1000).refine(uniqueProducts, 'each product once per entry'),
});
export type StockCountEntryBody = z.infer<typeof StockCountEntryBody>;

/** Posting the differences (a manager's approval): products on the sheet nobody counted are left as they are, or counted as none there. */
export const StockCountPostBody = z.object({ uncounted: z.enum(['keep', 'zero']) });
export type StockCountPostBody = z.infer<typeof StockCountPostBody>;

export const StockCountLine = z.object({
  productId: z.uuid(),
  sku: z.string(),
  barcode: z.string().nullable(),
  nameZh: z.string(),
  nameEn: z.string(),
  /** The book when the count started. */
  book: z.number().int(),
  counted: z.number().int().nullable(),
  countedAt: IsoDateTime.nullable(),
  /**
   * What the book says was there when the line was counted: the book at the start and every
   * movement that happened before the count of it. Once posted, as posted; before, as it stands now.
   */
  expected: z.number().int().nullable(),
  difference: z.number().int().nullable(),
});
export type StockCountLine = z.infer<typeof StockCountLine>;

export const StockCount = z.object({
  id: z.uuid(),
  no: z.string(),
  storeId: z.uuid(),
  storeCode: z.string(),
  scope: StockCountScope,
  category: z.object({ id: z.uuid(), nameZh: z.string(), nameEn: z.string() }).nullable(),
  shelf: z.string().nullable(),
  status: StockCountStatus,
  note: z.string().nullable(),
  startedAt: IsoDateTime,
  postedAt: IsoDateTime.nullable(),
  postedBy: z.string().nullable(),
  /** How many lines are counted, and the sum of the differences (units). */
  counted: z.number().int(),
  differenceUnits: z.number().int(),
  /**
   * While open: documents the store's tills said in their last report they still hold. A sale
   * made before a product was counted and not yet at HQ would post as a loss, so post after they arrive.
   */
  waitingOnTills: z.number().int(),
  lines: z.array(StockCountLine),
});
export type StockCount = z.infer<typeof StockCount>;

export const StockCountSummary = StockCount.omit({ lines: true, waitingOnTills: true }).extend({ lineCount: z.number().int() });
export type StockCountSummary = z.infer<typeof StockCountSummary>;
export const StockCountList = z.object({ items: z.array(StockCountSummary) });
export const StockCountsQuery = z.object({ storeId: z.uuid().optional(), status: StockCountStatus.optional() });

/** HQ's and the stores' stock look-up (库存查询): by store, category (with those under it), supplier or text. */
export const StockOverviewQuery = z.object({
  storeId: z.uuid().optional(),
  categoryId: z.uuid().optional(),
  supplierId: z.uuid().optional(),
  q: SafeText.max(60).optional(),
});
export type StockOverviewQuery = z.infer<typeof StockOverviewQuery>;

export const StockOverviewRow = StockLevel.omit({ placeId: true, placeCode: true }).extend({
  storeId: z.uuid(),
  storeCode: z.string(),
  /** The cost of a unit and the stock's value at it, for callers who may see cost (null otherwise, or with no cost). */
  unitCostMinor: z.number().int().nullable(),
  valueMinor: z.number().int().nullable(),
  /** Units sold a day over the last 28 days, and how many days what is on hand lasts at that pace (null: nothing sold). */
  soldPerDay: z.number(),
  daysOfCover: z.number().nullable(),
});
export type StockOverviewRow = z.infer<typeof StockOverviewRow>;

export const StockOverview = z.object({
  rows: z.array(StockOverviewRow),
  /** Every matching row, though at most 1,000 are listed; units and value over all of them. */
  total: z.object({ rows: z.number().int(), units: z.number().int(), valueMinor: z.number().int().nullable() }),
  costShown: z.boolean(),
});
export type StockOverview = z.infer<typeof StockOverview>;

/** A count as the till shows it while a clerk scans into it: the sheet, and the lines counted so far, last counted first. */
export const TillStockCount = z.object({
  count: StockCount.pick({ id: true, no: true, scope: true, category: true, shelf: true, startedAt: true }).extend({
    lines: z.array(StockCountLine.pick({ productId: true, sku: true, nameZh: true, nameEn: true, counted: true })),
  }).nullable(),
});
export type TillStockCount = z.infer<typeof TillStockCount>;

/** One scan at the till: one more of a product (or a few, typed), into the store's open count. */
export const TillCountScanBody = z.object({ productId: z.uuid(), quantity: z.number().int().min(1).max(10_000).default(1) });
export type TillCountScanBody = z.infer<typeof TillCountScanBody>;
