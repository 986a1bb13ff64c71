import { z } from 'zod';
import { NonNegativeMinor } from '../money/money';
import { SafeText } from '../schemas/common';

/** An opaque id: UUIDs at HQ, short codes in fixtures; the engine only compares them. */
export const EntityId = SafeText.min(1).max(64);

/** Store-local YYYY-MM-DD[THH:mm[:ss]], or an instant with an offset. */
export const EffectiveFrom = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/, 'must be a date, a local date-time or an ISO instant');

export const PriceListKind = z.enum(['retail', 'member', 'wholesale']);
export type PriceListKind = z.infer<typeof PriceListKind>;

/**
 * One price of a product. `storeId` null is the chain price, otherwise the store's own;
 * `memberLevelId` only for member prices (null: every level); `effectiveFrom` null has
 * always applied, otherwise the price applies from then on (a scheduled price change).
 * `effectiveUntil`, when given, is when it stopped applying (a store price cleared), so a
 * sale made before then is still priced with it. Weighed goods are priced per kilogram.
 */
export const PriceListEntry = z
  .object({
    id: EntityId,
    productId: EntityId,
    storeId: EntityId.nullable(),
    kind: PriceListKind,
    memberLevelId: EntityId.nullable(),
    amountMinor: NonNegativeMinor,
    effectiveFrom: EffectiveFrom.nullable(),
    effectiveUntil: EffectiveFrom.nullable().optional(),
  })
  .refine((entry) => entry.kind === 'member' || entry.memberLevelId === null, {
    message: 'only member prices name a member level',
    path: ['memberLevelId'],
  });
export type PriceListEntry = z.infer<typeof PriceListEntry>;

/** What a store carries: only the listed products, or everything but them. A store with no entry carries the whole catalog. */
export const StoreAssortment = z.object({
  storeId: EntityId,
  mode: z.enum(['listed', 'all_except']),
  productIds: z.array(EntityId),
});
export type StoreAssortment = z.infer<typeof StoreAssortment>;

export const PricedProduct = z.object({
  id: EntityId,
  active: z.boolean(),
  weighed: z.boolean(),
  /** The store business date (YYYY-MM-DD) from which a discontinued product no longer sells; absent or null sells on. */
  discontinuedFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().optional(),
});
export type PricedProduct = z.infer<typeof PricedProduct>;

export const ProductBarcode = z.object({
  code: z.string().regex(/^\d{8,14}$/, 'a barcode is 8 to 14 digits'),
  productId: EntityId,
});
export type ProductBarcode = z.infer<typeof ProductBarcode>;

/** The item code a scale prints for a product (the PLU). */
export const ScaleItem = z.object({
  itemCode: z.string().regex(/^\d{1,6}$/),
  productId: EntityId,
});
export type ScaleItem = z.infer<typeof ScaleItem>;
