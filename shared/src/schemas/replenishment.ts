import { z } from 'zod';
import { IsoDateTime, SafeText } from './common';
import { Requisition } from './stock';

/** A whole number of units, as stock counts them (the rule table holds at most a million). */
const Units = z.number().int().min(0).max(1_000_000);

export const ReplenishmentPolicySchema = z.enum(['ideal', 'sell_one_send_one']);

/** A store's rule for a product: up to max when it falls to min (理想库存补货), or one sent for each one sold (买一补一), held to max. */
export const ReplenishmentRuleBody = z.object({
  policy: ReplenishmentPolicySchema,
  minQuantity: Units,
  maxQuantity: Units,
  /** Days from asking to the goods on the shelf: the sales expected meanwhile count against min. */
  leadTimeDays: z.number().int().min(0).max(365),
}).refine((r) => r.maxQuantity >= r.minQuantity, { message: 'max must be at least min', path: ['maxQuantity'] });
export type ReplenishmentRuleBody = z.infer<typeof ReplenishmentRuleBody>;

export const ReplenishmentRuleParams = z.object({ storeId: z.uuid({ message: 'must be a UUID' }), productId: z.uuid({ message: 'must be a UUID' }) });

export const ReplenishmentStoreQuery = z.object({ storeId: z.uuid() });

const ProductNames = { productId: z.uuid(), sku: z.string(), nameZh: z.string(), nameEn: z.string(), packSize: z.number().int() };

export const ReplenishmentRule = z.object({
  storeId: z.uuid(),
  ...ProductNames,
  policy: ReplenishmentPolicySchema,
  minQuantity: z.number().int(),
  maxQuantity: z.number().int(),
  leadTimeDays: z.number().int(),
  /** When a suggestion of this rule last became a requisition: sell one, send one counts sales from here. */
  lastAskedAt: IsoDateTime.nullable(),
  updatedAt: IsoDateTime,
});
export type ReplenishmentRule = z.infer<typeof ReplenishmentRule>;
export const ReplenishmentRuleList = z.object({ items: z.array(ReplenishmentRule) });
export type ReplenishmentRuleList = z.infer<typeof ReplenishmentRuleList>;

/** The facts a suggestion was made from, and how (see `suggestReplenishment`). */
export const ReplenishmentWhySchema = z.object({
  policy: ReplenishmentPolicySchema,
  onHand: z.number().int(),
  inTransit: z.number().int(),
  asked: z.number().int(),
  sold: z.number().int(),
  paceDays: z.number().int(),
  leadTimeDays: z.number().int(),
  expected: z.number().int(),
  min: z.number().int(),
  max: z.number().int(),
  packSize: z.number().int(),
  need: z.number().int(),
  rounding: z.enum(['exact', 'down', 'up']).nullable(),
  outcome: z.enum(['suggest', 'above_min', 'at_max', 'nothing_sold']),
});

export const ReplenishmentSuggestionItem = z.object({ ...ProductNames, packs: z.number().int(), quantity: z.number().int(), why: ReplenishmentWhySchema });
export type ReplenishmentSuggestionItem = z.infer<typeof ReplenishmentSuggestionItem>;

/** Every rule of a store with what it suggests now: those with something to ask first, then by SKU. */
export const ReplenishmentSuggestionList = z.object({ storeId: z.uuid(), items: z.array(ReplenishmentSuggestionItem) });
export type ReplenishmentSuggestionList = z.infer<typeof ReplenishmentSuggestionList>;

/**
 * Ask a warehouse for what the chosen rules suggest now, as one requisition. HQ works the
 * quantities out again when asked, so a second press finds nothing left and is refused.
 */
export const ReplenishmentAskBody = z.object({
  storeId: z.uuid(),
  warehouseId: z.uuid(),
  productIds: z.array(z.uuid()).min(1).max(500).refine((ids) => new Set(ids).size === ids.length, 'each product may be chosen once'),
  note: SafeText.max(200).optional(),
});
export type ReplenishmentAskBody = z.infer<typeof ReplenishmentAskBody>;

export const ReplenishmentAskResult = z.object({
  requisition: Requisition,
  /** Chosen products that had nothing left to ask for by then (asked meanwhile, or stock arrived). */
  skipped: z.array(z.uuid()),
});
export type ReplenishmentAskResult = z.infer<typeof ReplenishmentAskResult>;
