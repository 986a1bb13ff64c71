import { z } from 'zod';
import { QueryFlag } from './paging';
import { NonNegativeMinor } from '../money/money';
import { ScaleBarcodeLayouts } from '../pricing/scale-barcode.schemas';
import { Basket, PricingContext, RoundingPolicy } from '../promotions/promotions.schemas';
import { PromotionRule } from '../promotions/rule-registry';
import { Price, PriceKind, Product } from './catalog';
import { IsoDateTime, SafeText, SearchText } from './common';
import { pageOf, pageQuery } from './paging';
import { defaultReturnPolicy, ReturnPolicy } from './returns';

/** A member level (会员级别); member prices and promotions name it. */
export const MemberLevel = z.object({
  id: z.uuid(),
  code: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'letters, digits, - and _, at most 32'),
  nameZh: SafeText.min(1).max(60),
  nameEn: SafeText.min(1).max(60),
  active: z.boolean(),
});
export type MemberLevel = z.infer<typeof MemberLevel>;

export const CreateMemberLevelBody = MemberLevel.omit({ id: true, active: true });
export type CreateMemberLevelBody = z.infer<typeof CreateMemberLevelBody>;

/** What the level job measures for a level (会员升降级): spend over a period, or the account's points. */
export const LevelRuleBasis = z.enum(['spend', 'points']);
export type LevelRuleBasis = z.infer<typeof LevelRuleBasis>;

/** A level with its rules as the office reads them: rank, upgrade/downgrade rule, default, paid membership. */
export const MemberLevelSettings = MemberLevel.extend({
  /** Higher is better: a member gets the highest-ranked level whose rule they meet. */
  rank: z.number().int(),
  /** Null leaves the level to HQ's hand alone. */
  ruleBasis: LevelRuleBasis.nullable(),
  /** The spend in minor units, or the points, a member needs to hold the level. */
  ruleThreshold: z.number().int().nonnegative().nullable(),
  rulePeriodDays: z.number().int().positive(),
  /** The level a member falls back to; one per chain. */
  isDefault: z.boolean(),
  /** Paid membership (付费会员): a renewal extends the member's paid period by this many months; null where the level is not sold. */
  paidPeriodMonths: z.number().int().nullable(),
});
export type MemberLevelSettings = z.infer<typeof MemberLevelSettings>;

/** `PUT /pricing/member-levels/{id}`: a level's names, rank and rules; the code stays. */
export const UpdateMemberLevelBody = z.object({
  nameZh: SafeText.trim().min(1).max(60),
  nameEn: SafeText.trim().min(1).max(60),
  active: z.boolean(),
  rank: z.number().int().min(0).max(1_000),
  ruleBasis: LevelRuleBasis.nullable(),
  ruleThreshold: z.number().int().min(0).max(10_000_000_000).nullable(),
  rulePeriodDays: z.number().int().min(1).max(3_660),
  isDefault: z.boolean(),
  paidPeriodMonths: z.number().int().min(1).max(120).nullable(),
}).refine((b) => (b.ruleBasis === null) === (b.ruleThreshold === null), { message: 'a rule needs both what it measures and its threshold, or neither', path: ['ruleThreshold'] })
  .refine((b) => b.active || !b.isDefault, { message: 'the default level must stay active', path: ['active'] });
export type UpdateMemberLevelBody = z.infer<typeof UpdateMemberLevelBody>;

/** A price-list entry as HQ answers with it: every field present, `active` false once cancelled. */
export const PriceEntry = Price.extend({ memberLevelId: z.uuid().nullable(), active: z.boolean() });
export type PriceEntry = z.infer<typeof PriceEntry>;

/**
 * Sets a chain price (`storeId` null) or a store's own price. `effectiveFrom` null or absent
 * takes effect now; a future instant schedules the change (调价指定日期生效). Setting the
 * same product, store, kind, level and instant again replaces the amount.
 */
export const SetPriceBody = z
  .object({
    productId: z.uuid(),
    storeId: z.uuid().nullable().default(null),
    kind: PriceKind.default('retail'),
    memberLevelId: z.uuid().nullable().default(null),
    amountMinor: NonNegativeMinor,
    effectiveFrom: IsoDateTime.nullable().default(null),
  })
  .refine((b) => b.kind === 'member' || b.memberLevelId === null, { message: 'only member prices name a member level', path: ['memberLevelId'] });
export type SetPriceBody = z.infer<typeof SetPriceBody>;

/** One CSV row that could not be taken: 1-based row number counting the header as row 1. */
export const PriceImportProblem = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
export type PriceImportProblem = z.infer<typeof PriceImportProblem>;

export const PriceImportResult = z.object({
  imported: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
});
export type PriceImportResult = z.infer<typeof PriceImportResult>;

/** The office's paging contract (`limit`, `offset`, `sort`, `order`); `q` is part of the SKU, a name (Chinese or English), its pinyin or a barcode. */
export const ProductSearchQuery = pageQuery(['sku', 'nameZh', 'nameEn']).extend({
  /** Show this store's prices too, and resolve its retail price now. */
  storeId: z.uuid().optional(),
});
export type ProductSearchQuery = z.infer<typeof ProductSearchQuery>;

export const ProductWithPrices = z.object({
  product: Product,
  barcodes: z.array(z.string()),
  /** Active entries of the chain and of the stores the caller may see, scheduled ones included. */
  prices: z.array(PriceEntry),
  /** The retail price that applies now (in `storeId` when given, else the chain's); null when there is none. */
  retailNowMinor: NonNegativeMinor.nullable(),
});
export type ProductWithPrices = z.infer<typeof ProductWithPrices>;

export const ProductPage = pageOf(ProductWithPrices);
export type ProductPage = z.infer<typeof ProductPage>;

/** A basket priced without selling it; `draftRules` replace saved rules with the same id. */
export const PreviewBody = z.object({
  basket: Basket,
  context: PricingContext,
  draftRules: z.array(PromotionRule).max(50).default([]),
  savedRules: z.enum(['include', 'exclude']).default('include'),
});
export type PreviewBody = z.infer<typeof PreviewBody>;

const Stage = z.enum(['line', 'ticket', 'voucher', 'manual']);

/** The engine's priced basket on the wire: every adjustment names the rule behind it. */
export const PricedBasketBody = z.object({
  lines: z.array(z.object({
    lineId: z.string(), productId: z.string(), quantity: z.number().int(), unitPriceMinor: z.number().int(), grossMinor: z.number().int(),
    discountMinor: z.number().int(), netMinor: z.number().int(), pointsMultiplierBp: z.number().int(), clerkId: z.string().nullable(),
    discounts: z.array(z.object({ ruleId: z.string(), stage: Stage, amountMinor: z.number().int() })).readonly(),
  })).readonly(),
  adjustments: z.array(z.object({
    ruleId: z.string(), ruleName: z.string(), kind: z.string(), stage: Stage, lineId: z.string().nullable(), amountMinor: z.number().int(),
    enteredBy: z.string().nullable(), reference: z.string().nullable(),
  })).readonly(),
  gifts: z.array(z.object({ lineId: z.string(), ruleId: z.string(), ruleName: z.string(), productId: z.string(), quantity: z.number().int(), valueMinor: z.number().int() })).readonly(),
  vouchers: z.array(z.object({ code: z.string(), status: z.string(), ruleId: z.string().nullable(), amountMinor: z.number().int() })).readonly(),
  ignoredManualDiscountIds: z.array(z.string()).readonly(),
  subtotalMinor: z.number().int(),
  discountMinor: z.number().int(),
  totalMinor: z.number().int(),
  roundingMinor: z.number().int(),
  payableMinor: z.number().int(),
  totalSavingMinor: z.number().int(),
  giftValueMinor: z.number().int(),
});
export type PricedBasketBody = z.infer<typeof PricedBasketBody>;

/** A promotion rule a difference involves: what the till took off for it and what HQ would, null where one of them did not apply it. */
export const DiscrepancyRule = z.object({ id: z.string(), name: z.string(), tillMinor: z.number().int().nullable(), hqMinor: z.number().int().nullable() });

/**
 * Where HQ's re-pricing of an ingested sale differs from the till's; `lineId` null for the ticket
 * total. With the sale (store, receipt, when the till completed it), the product, what went wrong
 * (`problem`, null when the amounts alone differ), the rules on each side, and whether the till
 * priced with older data than HQ held then (`tillBehind`, null when the sale did not say).
 */
export const PricingDiscrepancy = z.object({
  id: z.uuid(),
  saleId: z.uuid(),
  storeId: z.uuid(),
  storeCode: z.string(),
  receiptNo: z.string(),
  completedAt: IsoDateTime,
  lineId: z.uuid().nullable(),
  product: z.object({ id: z.uuid(), sku: z.string(), nameZh: z.string(), nameEn: z.string() }).nullable(),
  tillMinor: z.number().int(),
  hqMinor: z.number().int(),
  differenceMinor: z.number().int(),
  problem: z.string().nullable(),
  tillBehind: z.boolean().nullable(),
  rules: z.array(DiscrepancyRule),
  detail: z.record(z.string(), z.unknown()),
  createdAt: IsoDateTime,
});
export type PricingDiscrepancy = z.infer<typeof PricingDiscrepancy>;

/** Newest first; by store, by sale, and only those where the till was behind. */
export const DiscrepancyQuery = z.object({
  saleId: z.uuid().optional(),
  storeId: z.uuid().optional(),
  behind: QueryFlag.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type DiscrepancyQuery = z.infer<typeof DiscrepancyQuery>;

export const DiscrepancyList = z.object({ items: z.array(PricingDiscrepancy) });
export type DiscrepancyList = z.infer<typeof DiscrepancyList>;

/**
 * What every till of a chain prices with beyond the catalog: cash rounding (抹零), applied
 * when a sale is paid in cash alone, and the layouts of the labels the chain's scales print,
 * in the order a scan tries them.
 */
export const PricingSettings = z.object({
  cashRounding: RoundingPolicy,
  scaleLayouts: ScaleBarcodeLayouts,
  /** Returns and exchanges (退换货); settings saved before returns existed read as the defaults. */
  returns: ReturnPolicy.default(defaultReturnPolicy),
});
export type PricingSettings = z.infer<typeof PricingSettings>;

/** No rounding and no scale labels: a chain's settings until HQ sets them. */
export const defaultPricingSettings: PricingSettings = { cashRounding: { unitMinor: 1, mode: 'half_up' }, scaleLayouts: [], returns: defaultReturnPolicy };
