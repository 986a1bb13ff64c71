import type { z } from 'zod';
import { Basket, BasketLine, PricingContext } from '../promotions.schemas';
import { PromotionRule } from '../rule-registry';
import type { RuleCommon } from '../rule-common.schemas';

export type RuleInput = z.input<typeof PromotionRule>;
export type RuleKindName = RuleInput['kind'];
export type ArgsOf<K extends RuleKindName> = Extract<RuleInput, { kind: K }>['args'];
export type LineInput = Partial<z.input<typeof BasketLine>> & { lineId: string; productId: string; unitPriceMinor: number };
export type ContextInput = Partial<z.input<typeof PricingContext>>;

/** A rule with every optional field at its "no restriction" value, checked by the wire schema. */
export function rule<K extends RuleKindName>(kind: K, id: string, args: ArgsOf<K>, common: Partial<RuleCommon> = {}): PromotionRule {
  return PromotionRule.parse({
    id,
    name: id,
    priority: 0,
    combination: 'stackable',
    group: null,
    validFrom: null,
    validTo: null,
    weekdays: [],
    hours: [],
    storeIds: [],
    memberLevelIds: [],
    ...common,
    kind,
    args,
  });
}

export const scope = (fields: { productIds?: string[]; categoryIds?: string[]; brandIds?: string[] } = {}) => ({
  productIds: fields.productIds ?? [],
  categoryIds: fields.categoryIds ?? [],
  brandIds: fields.brandIds ?? [],
});

export function basket(lines: readonly LineInput[]): Basket {
  return Basket.parse({
    lines: lines.map((line) => ({
      quantity: 1,
      categoryId: null,
      ancestorCategoryIds: [],
      brandId: null,
      clerkId: null,
      weightGrams: null,
      ...line,
    })),
  });
}

/** A Wednesday mid-morning in a Shanghai store, no member, no vouchers, rounding to the fen. */
export function context(fields: ContextInput = {}): PricingContext {
  return PricingContext.parse({
    storeId: 'store-1',
    instant: '2025-05-21T10:00:00+08:00',
    timeZone: 'Asia/Shanghai',
    member: null,
    vouchers: [],
    manualDiscounts: [],
    rounding: { unitMinor: 1, mode: 'half_up' },
    ...fields,
  });
}
