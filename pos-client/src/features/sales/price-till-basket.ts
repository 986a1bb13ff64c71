import { minor, priceBasket, type BasketLine as EngineLine, type CompiledRules, type ManualDiscount, type MemberContext, type Minor, type PricedBasket, type RoundingPolicy, type SaleLineAdjustment, type SalePricing } from '@pos/shared';
import type { Basket } from './basket';

export interface TillPricingPlace {
  storeId: string;
  /** The store's IANA time zone: schedules, happy hours and weekdays are its wall clock. */
  timeZone: string;
}

/**
 * What the till prices a basket with beyond its lines: the promotions, the chain's cash
 * rounding, the member if one was found, the voucher codes presented and the discounts the
 * cashier gave (their `lineId` is the basket line's id).
 */
export interface TillPricing {
  rules: CompiledRules;
  /** The sale is paid in cash alone, so the chain's cash rounding applies. */
  rounding: RoundingPolicy;
  member: MemberContext | null;
  vouchers: readonly string[];
  manualDiscounts: readonly ManualDiscount[];
}

/** A basket line's manual discounts under the sale's line ids, as the sale records them. */
function underSaleIds(discounts: readonly ManualDiscount[], lineIdOf: (basketLineId: string) => string): ManualDiscount[] {
  return discounts.map((d) => (d.lineId === null ? d : { ...d, lineId: lineIdOf(d.lineId) }));
}

/** What the sale records of how it was priced, so HQ prices it again alike. */
export function salePricingOf(pricing: TillPricing, dataSeq: number, lineIdOf: (basketLineId: string) => string): SalePricing {
  return {
    channel: 'retail', member: pricing.member, vouchers: pricing.vouchers.map((code) => ({ code })),
    manualDiscounts: underSaleIds(pricing.manualDiscounts, lineIdOf), dataSeq,
  };
}

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
export function priceTillBasket(basket: Basket, place: TillPricingPlace, instant: string, pricing: TillPricing, lineIds?: readonly string[]): PricedBasket {
  const saleIds = new Map(basket.lines.map((line, index) => [line.id, lineIds?.[index] ?? line.id]));
  const lines: EngineLine[] = basket.lines.map((line) => ({
    lineId: saleIds.get(line.id)!,
    productId: line.productId,
    quantity: line.quantity,
    unitPriceMinor: line.unitPriceMinor,
    categoryId: line.categoryId,
    ancestorCategoryIds: [...line.ancestorCategoryIds],
    brandId: line.brandId,
    clerkId: null,
    weightGrams: line.weightGrams ?? null,
  }));
  const context = {
    ...place, instant, member: pricing.member, vouchers: pricing.vouchers.map((code) => ({ code })),
    manualDiscounts: underSaleIds(pricing.manualDiscounts, (id) => saleIds.get(id) ?? id), rounding: pricing.rounding,
  };
  return priceBasket({ lines }, context, pricing.rules);
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
