import { z } from 'zod';
import { NonNegativeMinor } from '../money/money';
import { barcodeCheckDigitHolds } from '../pricing/ean13';
import { Category, Product, ProductStatus, ProductUnit } from './catalog';
import { IsoDateTime, LocalDate, SafeText, SearchText } from './common';

const Code = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'letters, digits, - and _, at most 32');
const Name = SafeText.trim().min(1, 'must not be empty').max(120);
const Order = z.enum(['asc', 'desc']).default('asc');
const Limit = z.coerce.number().int().min(1).max(200).default(20);
const Offset = z.coerce.number().int().min(0).max(1_000_000).default(0);
/** `true`/`false` in a query string. */
const Flag = z.enum(['true', 'false']).transform((text) => text === 'true');
/** Several statuses, comma-separated in a query string. */
const StatusList = z.string().max(200).transform((text) => text.split(',').map((part) => part.trim()).filter(Boolean)).pipe(z.array(ProductStatus).min(1));

/** Creates a category; `parentId` null puts it at the top of the tree. */
export const CategoryBody = z.object({
  parentId: z.uuid().nullable().default(null),
  code: Code,
  nameZh: Name.max(60),
  nameEn: Name.max(60),
  sortOrder: z.number().int().min(0).max(1_000_000).default(0),
});
export type CategoryBody = z.infer<typeof CategoryBody>;

/** Renames, moves (under another parent, never under itself or below) or reorders a category; what is absent stays. */
export const CategoryPatch = z.object({
  parentId: z.uuid().nullable().optional(),
  code: Code.optional(),
  nameZh: Name.max(60).optional(),
  nameEn: Name.max(60).optional(),
  sortOrder: z.number().int().min(0).max(1_000_000).optional(),
}).strict();
export type CategoryPatch = z.infer<typeof CategoryPatch>;

export { Category };

/** A brand (品牌) of the chain's own list. */
export const Brand = z.object({ id: z.uuid(), code: Code, nameZh: z.string(), nameEn: z.string(), active: z.boolean() });
export type Brand = z.infer<typeof Brand>;

export const BrandBody = z.object({ code: Code, nameZh: Name.max(60), nameEn: Name.max(60) });
export type BrandBody = z.infer<typeof BrandBody>;

export const BrandListQuery = z.object({
  q: SearchText(60).optional(),
  active: Flag.optional(),
  sort: z.enum(['code', 'nameZh', 'nameEn']).default('code'),
  order: Order,
  limit: Limit,
  offset: Offset,
});
export type BrandListQuery = z.infer<typeof BrandListQuery>;

export const BrandPage = z.object({ items: z.array(Brand), total: z.number().int() });
export type BrandPage = z.infer<typeof BrandPage>;

/** A product barcode: 8 to 14 digits, with a check digit that holds where it is an EAN-13 or EAN-8. */
export const ProductBarcodeCode = z
  .string()
  .regex(/^\d{8,14}$/, 'a barcode is 8 to 14 digits')
  .refine(barcodeCheckDigitHolds, 'the check digit does not match (EAN-13 or EAN-8)');

const Attribute = SafeText.trim().max(120).nullable().default(null);

/** What HQ sets on a product; barcodes are the whole list (added and removed by what is given). */
export const ProductBody = z
  .object({
    sku: Code,
    nameZh: Name,
    nameEn: Name,
    categoryId: z.uuid().nullable().default(null),
    brandId: z.uuid().nullable().default(null),
    supplierId: z.uuid().nullable().default(null),
    unit: ProductUnit,
    weighed: z.boolean().default(false),
    scaleItemCode: z.string().regex(/^\d{1,6}$/, 'a scale item code is 1 to 6 digits').nullable().default(null),
    status: ProductStatus.default('new'),
    discontinuedFrom: LocalDate.nullable().default(null),
    attributes: z.array(Attribute).length(6, 'six attributes, null where unused').default([null, null, null, null, null, null]),
    barcodes: z
      .array(ProductBarcodeCode)
      .max(20, 'at most 20 barcodes')
      .default([])
      .superRefine((codes, ctx) => {
        codes.forEach((code, index) => {
          if (codes.indexOf(code) !== index) ctx.addIssue({ code: 'custom', path: [index], message: `barcode ${code} is given twice` });
        });
      }),
  })
  .refine((p) => p.discontinuedFrom === null || p.status === 'discontinued', { message: 'only a discontinued product has a discontinued-from date', path: ['discontinuedFrom'] })
  .refine((p) => p.scaleItemCode === null || p.weighed, { message: 'only a weighed product has a scale item code', path: ['scaleItemCode'] });
export type ProductBody = z.infer<typeof ProductBody>;

/** A product as the office lists it: the wire product with its main supplier, attributes and barcodes. */
export const ProductRecord = Product.extend({
  supplierId: z.uuid().nullable(),
  attributes: z.array(z.string().nullable()),
  barcodes: z.array(z.string()),
  updatedAt: IsoDateTime.nullable(),
});
export type ProductRecord = z.infer<typeof ProductRecord>;

/** The cost price (进价) in force now; only for callers allowed to see cost. */
export const ProductDetail = ProductRecord.extend({
  costNowMinor: NonNegativeMinor.nullable().optional(),
  /** Whether the product was ever sold or moved in stock: such a product is never deleted, only deactivated. */
  sold: z.boolean(),
});
export type ProductDetail = z.infer<typeof ProductDetail>;

export const ProductSort = z.enum(['sku', 'nameZh', 'nameEn', 'updatedAt', 'status']);

export const ProductListQuery = z.object({
  /** Part of the SKU, a barcode, part of a name, or the name's pinyin (`kele`) or initials (`kl`). */
  q: SearchText(60).optional(),
  /** The category and every category below it. */
  categoryId: z.uuid().optional(),
  brandId: z.uuid().optional(),
  supplierId: z.uuid().optional(),
  status: StatusList.optional(),
  active: Flag.optional(),
  /** Unasked, a search's best matches come first (the whole code or name, then its start, then inside it), and a list without search is by SKU. */
  sort: ProductSort.optional(),
  order: Order,
  limit: Limit,
  offset: Offset,
});
export type ProductListQuery = z.infer<typeof ProductListQuery>;

export const ProductListPage = z.object({ items: z.array(ProductRecord), total: z.number().int() });
export type ProductListPage = z.infer<typeof ProductListPage>;

/** One dated cost price; `effectiveFrom` absent takes effect now. */
export const CostBody = z.object({
  amountMinor: NonNegativeMinor,
  effectiveFrom: IsoDateTime.nullable().default(null),
  supplierId: z.uuid().nullable().default(null),
});
export type CostBody = z.infer<typeof CostBody>;

export const ProductCost = z.object({
  id: z.uuid(),
  productId: z.uuid(),
  supplierId: z.uuid().nullable(),
  amountMinor: NonNegativeMinor,
  effectiveFrom: IsoDateTime,
  enteredAt: IsoDateTime,
});
export type ProductCost = z.infer<typeof ProductCost>;

export const ProductCostHistory = z.object({
  /** The cost in force now: the latest whose `effectiveFrom` is not after now; null when none. */
  current: ProductCost.nullable(),
  /** Every cost, newest effective date first, scheduled ones included. */
  history: z.array(ProductCost),
});
export type ProductCostHistory = z.infer<typeof ProductCostHistory>;

/** The name the chain gives one of its six custom product attributes (产地, 保质期, 规格…), by its slot 1 to 6. */
export const ProductAttributeName = z.object({
  slot: z.number().int().min(1).max(6),
  nameZh: SafeText.trim().min(1).max(30),
  nameEn: SafeText.trim().min(1).max(30),
});
export type ProductAttributeName = z.infer<typeof ProductAttributeName>;

/** The named attributes, at most one a slot; a slot left out is unused. */
export const ProductAttributeNames = z.object({
  attributes: z.array(ProductAttributeName).max(6).superRefine((names, ctx) => {
    names.forEach((name, index) => {
      if (names.findIndex((other) => other.slot === name.slot) !== index) ctx.addIssue({ code: 'custom', path: [index, 'slot'], message: `slot ${name.slot} is named twice` });
    });
  }),
});
export type ProductAttributeNames = z.infer<typeof ProductAttributeNames>;
