import { minor, priceBasket, type BasketLine as EngineLine, type CompiledRules, type Minor, type PricedBasket, type SaleLineAdjustment, type SalePricing } from '@pos/shared';
import type { Basket } from './basket';

export interface TillPricingPlace {
  storeId: string;
  /** The store's IANA time zone: schedules, happy hours and weekdays are its wall clock. */
  timeZone: string;
}

/** A walk-in customer with no vouchers or typed discounts, recorded on the sale so HQ prices it alike. */
export const walkInPricing: SalePricing = { channel: 'retail', member: null, vouchers: [], manualDiscounts: [] };

/** Cash rounding is not recorded on the sale yet, so the till leaves it off, as HQ does when it prices the sale again. */
const noRounding = { unitMinor: 1, mode: 'half_up' } as const;

/** What the screen shows for one line. */
export interface LinePricing {
  grossMinor: Minor;
  netMinor: Minor;
  adjustments: readonly SaleLineAdjustment[];
}

/**
 * Prices the whole basket with the shared engine, building the lines and context exactly as
 * HQ does from the sale. `lineIds` replaces the screen's line ids with the sale's.
 */
export function priceTillBasket(basket: Basket, place: TillPricingPlace, instant: string, rules: CompiledRules, lineIds?: readonly string[]): PricedBasket {
  const lines: EngineLine[] = basket.lines.map((line, index) => ({
    lineId: lineIds?.[index] ?? line.id,
    productId: line.productId,
    quantity: line.quantity,
    unitPriceMinor: line.unitPriceMinor,
    categoryId: line.categoryId,
    ancestorCategoryIds: [...line.ancestorCategoryIds],
    brandId: line.brandId,
    clerkId: null,
    weightGrams: null,
  }));
  const { member, vouchers, manualDiscounts } = walkInPricing;
  return priceBasket({ lines }, { ...place, instant, member, vouchers, manualDiscounts, rounding: noRounding }, rules);
}

/** Each priced line's discounts by promotion, named, in the order the engine applied them. */
export function lineAdjustments(priced: PricedBasket): SaleLineAdjustment[][] {
  const names = new Map(priced.adjustments.map((a) => [a.ruleId, a.ruleName]));
  return priced.lines.map((line) => {
    const byRule = new Map<string, number>();
    for (const discount of line.discounts) byRule.set(discount.ruleId, (byRule.get(discount.ruleId) ?? 0) + discount.amountMinor);
    return [...byRule].map(([ruleId, amount]) => ({ ruleId, ruleName: names.get(ruleId) ?? ruleId, amountMinor: minor(amount) }));
  });
}

/** The screen's view of each line, by line id. */
export function linePricingById(priced: PricedBasket): ReadonlyMap<string, LinePricing> {
  const adjustments = lineAdjustments(priced);
  return new Map(priced.lines.map((line, index) => [line.lineId, { grossMinor: line.grossMinor, netMinor: line.netMinor, adjustments: adjustments[index] ?? [] }]));
}
