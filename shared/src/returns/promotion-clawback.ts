import { minor, type Minor } from '../money/money';
import { priceBasket } from '../promotions/price-basket';
import type { CompiledRules } from '../promotions/engine/compile-rules';
import type { BasketLine } from '../promotions/promotions.schemas';
import type { Sale } from '../schemas/sales';
import { unitsShare } from './line-refunds';

/** What the engine needs of a product beyond the sale line: its category path and brand. */
export interface ProductFacts {
  categoryId: string | null;
  ancestorCategoryIds: readonly string[];
  brandId: string | null;
}

export interface ClawbackInput {
  sale: Pick<Sale, 'lines' | 'storeId' | 'completedAt' | 'pricing'>;
  timeZone: string;
  /** Units of each sale line the customer keeps after this return. */
  kept: ReadonlyMap<string, number>;
  rules: CompiledRules;
  /** Ids of the rules that are promotions (not vouchers): the benefit a return can take back. */
  promotionRuleIds: ReadonlySet<string>;
  facts: ReadonlyMap<string, ProductFacts>;
}

/** The promotion part of a line's discount; a line whose discounts are not itemised (a sale as HQ answers it) takes nothing back. */
function promotionDiscount(line: Sale['lines'][number], promotionRuleIds: ReadonlySet<string>): number {
  if (!line.adjustments) return 0;
  return line.adjustments.filter((a) => promotionRuleIds.has(a.ruleId)).reduce((n, a) => n + a.amountMinor, 0);
}

/**
 * The promotion benefit (促销回收) the goods a customer keeps no longer earn: what the promotions
 * took off the kept units when sold, less what the same promotions take off the kept units
 * alone, priced at the sale's instant for the sale's member, without vouchers or the cashier's
 * discounts (those stay as given). Buy two get one free and one unit back: the two kept pay
 * full price, so the unit back refunds nothing. Never negative: keeping less never costs less.
 * Gift lines are left out: a gift comes back as its own line.
 */
export function promotionClawback(input: ClawbackInput): Minor {
  const sold = input.sale.lines.filter((l) => !l.giftRuleId);
  let keptBenefit = 0;
  const keptLines: BasketLine[] = [];
  for (const line of sold) {
    const kept = Math.min(line.quantity, input.kept.get(line.id) ?? line.quantity);
    if (kept <= 0) continue;
    const discount = promotionDiscount(line, input.promotionRuleIds);
    keptBenefit += discount - unitsShare(minor(discount), line.quantity, line.quantity - kept);
    const facts = input.facts.get(line.productId);
    keptLines.push({
      lineId: line.id, productId: line.productId, quantity: kept, unitPriceMinor: line.unitPriceMinor,
      categoryId: facts?.categoryId ?? null, ancestorCategoryIds: [...(facts?.ancestorCategoryIds ?? [])], brandId: facts?.brandId ?? null,
      clerkId: line.clerkId, weightGrams: line.weightGrams ?? null,
    });
  }
  if (keptLines.length === 0) return minor(0);
  const repriced = priceBasket({ lines: keptLines }, {
    storeId: input.sale.storeId, instant: input.sale.completedAt, timeZone: input.timeZone, member: input.sale.pricing?.member ?? null,
    vouchers: [], manualDiscounts: [], rounding: { unitMinor: 1, mode: 'half_up' },
  }, input.rules);
  return minor(Math.max(0, keptBenefit - repriced.discountMinor));
}
