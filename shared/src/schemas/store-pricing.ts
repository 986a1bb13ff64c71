import { z } from 'zod';
import { NonNegativeMinor } from '../money/money';
import { Product } from './catalog';
import { IsoDateTime, SearchText } from './common';

/**
 * Who may set a store's own retail price (门店自主定价) besides HQ: nobody (`hq_only`), a
 * franchisee for their stores, or also a store manager for their store.
 */
export const StorePricingPolicy = z.enum(['hq_only', 'franchisee', 'franchisee_and_store_manager']);
export type StorePricingPolicy = z.infer<typeof StorePricingPolicy>;

/** The chain's store-pricing policy and its default band, in basis points either side of the chain price (1,000 = ±10%). Tills do not pull it. */
export const StorePricingSettings = z.object({
  storePricingPolicy: StorePricingPolicy,
  storePriceBandBp: z.number().int().min(0).max(10_000),
});
export type StorePricingSettings = z.infer<typeof StorePricingSettings>;

/** The band HQ sets for one product, in fen, both ends included. */
export const PriceBandBody = z
  .object({ minMinor: NonNegativeMinor, maxMinor: NonNegativeMinor })
  .refine((b) => b.minMinor <= b.maxMinor, { message: 'the lowest price must not exceed the highest', path: ['maxMinor'] });
export type PriceBandBody = z.infer<typeof PriceBandBody>;

export const PriceBand = z.object({ productId: z.uuid(), minMinor: z.number().int(), maxMinor: z.number().int() });
export type PriceBand = z.infer<typeof PriceBand>;

/** A band as a store price is checked against: the product's own, or the chain price ± the default. */
export const ResolvedPriceBand = z.object({ minMinor: z.number().int(), maxMinor: z.number().int(), source: z.enum(['product', 'default']) });
export type ResolvedPriceBand = z.infer<typeof ResolvedPriceBand>;

/** The products of a search with one store's prices, a page at a time (the office paging contract). */
export const StorePriceQuery = z.object({
  storeId: z.uuid(),
  q: SearchText(60).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type StorePriceQuery = z.infer<typeof StorePriceQuery>;

/** A store price entry, in force or scheduled. */
export const StorePriceEntry = z.object({ id: z.uuid(), amountMinor: z.number().int(), effectiveFrom: IsoDateTime.nullable() });
export type StorePriceEntry = z.infer<typeof StorePriceEntry>;

export const StorePriceRow = z.object({
  product: Product.pick({ id: true, sku: true, nameZh: true, nameEn: true, unit: true, weighed: true, active: true }),
  /** The chain's retail price now; null when it has none. */
  chainPriceMinor: z.number().int().nullable(),
  /** The band a store price set now must fall in; null when there is no band and no chain price. */
  band: ResolvedPriceBand.nullable(),
  /** The product's own band, when HQ set one. */
  productBand: PriceBand.nullable(),
  /** The store's own retail price in force now, and those scheduled after it. */
  current: StorePriceEntry.nullable(),
  scheduled: z.array(StorePriceEntry),
});
export type StorePriceRow = z.infer<typeof StorePriceRow>;

export const StorePricePage = z.object({ items: z.array(StorePriceRow), total: z.number().int() });
export type StorePricePage = z.infer<typeof StorePricePage>;

/** A store's own retail price, now (`effectiveFrom` null or absent) or from a future instant. */
export const SetStorePriceBody = z.object({ amountMinor: NonNegativeMinor, effectiveFrom: IsoDateTime.nullable().default(null) });
export type SetStorePriceBody = z.infer<typeof SetStorePriceBody>;

export const StorePriceParams = z.object({ storeId: z.uuid(), productId: z.uuid() });
export type StorePriceParams = z.infer<typeof StorePriceParams>;

/** The `details` of a `PRICE_OUTSIDE_BAND` refusal: the band the price had to fall in. */
export const PriceOutsideBandDetails = ResolvedPriceBand;
export type PriceOutsideBandDetails = z.infer<typeof PriceOutsideBandDetails>;
