import { z } from 'zod';
import { NonNegativeMinor } from '../money/money';
import { IsoDateTime, LocalDate } from './common';

export const Category = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  code: z.string().min(1).max(32),
  nameZh: z.string().min(1),
  nameEn: z.string().min(1),
  /** Siblings show in this order, then by code. */
  sortOrder: z.number().int(),
  /** A deactivated category stays at HQ for history; tills delete their copy. */
  active: z.boolean(),
});
export type Category = z.infer<typeof Category>;

export const ProductUnit = z.enum(['piece', 'kg', 'box', 'bottle', 'pack']);
export type ProductUnit = z.infer<typeof ProductUnit>;

/** A product's lifecycle: new and normal ones sell; a discontinued one sells until its `discontinuedFrom` business date. */
export const ProductStatus = z.enum(['new', 'normal', 'discontinued']);
export type ProductStatus = z.infer<typeof ProductStatus>;

export const Product = z.object({
  id: z.uuid(),
  sku: z.string().min(1).max(32),
  nameZh: z.string().min(1).max(120),
  nameEn: z.string().min(1).max(120),
  categoryId: z.uuid().nullable(),
  brandId: z.uuid().nullable(),
  unit: ProductUnit,
  weighed: z.boolean(),
  /** The item code the chain's scales print inside a 2x label (PLU), digit for digit as printed; null when none. */
  scaleItemCode: z.string().regex(/^\d{1,6}$/, 'a scale item code is 1 to 6 digits').nullable(),
  status: ProductStatus,
  /** The store business date from which a discontinued product no longer sells; null sells on. */
  discontinuedFrom: LocalDate.nullable(),
  /** The Chinese name in toneless pinyin (可乐 → `kele`) and its initials (`kl`), made at HQ with each save, for search. */
  pinyin: z.string(),
  pinyinInitials: z.string(),
  active: z.boolean(),
});
export type Product = z.infer<typeof Product>;

/** Products by id, comma-separated, at most 200 a request: how the office names the products a list holds by id. */
export const ProductIdsQuery = z.object({
  ids: z
    .string()
    .describe('Product ids, comma-separated, 1 to 200')
    .transform((text) => text.split(',').map((id) => id.trim()).filter(Boolean))
    .pipe(z.array(z.uuid({ message: 'must be a product id (a UUID)' })).min(1, 'name at least one product').max(200, 'at most 200 products a request')),
});
export type ProductIdsQuery = z.infer<typeof ProductIdsQuery>;

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

export const AssortmentMode = z.enum(['listed', 'all_except']);
export type AssortmentMode = z.infer<typeof AssortmentMode>;

/**
 * What a store carries (门店经营范围): only the listed products, or all but them. A store with
 * no assortment answers `all_except` with no products: it carries the whole catalog.
 */
export const AssortmentBody = z.object({
  mode: AssortmentMode,
  productIds: z
    .array(z.uuid({ message: 'must be a product id (a UUID)' }))
    .max(50_000, 'at most 50,000 products')
    .superRefine((ids, ctx) => {
      const seen = new Set<string>();
      ids.forEach((id, index) => {
        if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [index], message: `product ${id} is listed twice` });
        seen.add(id);
      });
    }),
});
export type AssortmentBody = z.infer<typeof AssortmentBody>;

export const Assortment = AssortmentBody.extend({ storeId: z.uuid() });
export type Assortment = z.infer<typeof Assortment>;
