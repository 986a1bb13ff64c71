import { z } from 'zod';
import { NonNegativeMinor } from '../money/money';
import { IsoDateTime } from './common';

export const Category = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  code: z.string().min(1).max(32),
  nameZh: z.string().min(1),
  nameEn: z.string().min(1),
});
export type Category = z.infer<typeof Category>;

export const ProductUnit = z.enum(['piece', 'kg', 'box', 'bottle', 'pack']);

export const Product = z.object({
  id: z.uuid(),
  sku: z.string().min(1).max(32),
  nameZh: z.string().min(1).max(120),
  nameEn: z.string().min(1).max(120),
  categoryId: z.uuid().nullable(),
  brand: z.string().max(60).nullable(),
  unit: ProductUnit,
  weighed: z.boolean(),
  active: z.boolean(),
});
export type Product = z.infer<typeof Product>;

export const Barcode = z.object({
  code: z.string().regex(/^\d{8,14}$/, 'a barcode is 8 to 14 digits'),
  productId: z.uuid(),
});
export type Barcode = z.infer<typeof Barcode>;

export const PriceKind = z.enum(['retail', 'member', 'wholesale']);
export type PriceKind = z.infer<typeof PriceKind>;

/**
 * A price of a product; `storeId` null is the chain price, otherwise the store's own.
 * `memberLevelId` names the level a member price is for; null or absent is every level.
 * `effectiveFrom` null has always applied; otherwise the price applies from that instant.
 */
export const Price = z.object({
  id: z.uuid(),
  productId: z.uuid(),
  storeId: z.uuid().nullable(),
  kind: PriceKind,
  memberLevelId: z.uuid().nullable().optional(),
  amountMinor: NonNegativeMinor,
  effectiveFrom: IsoDateTime.nullable(),
});
export type Price = z.infer<typeof Price>;
