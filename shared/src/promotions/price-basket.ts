import { minor } from '../money/money';
import { storeLocalTime } from '../pricing/store-local-time';
import type { RuleContext } from './define-rule';
import { adjustmentsOf, giftLines, pricedLines } from './engine/assemble-basket';
import { cashRoundingDifference } from './engine/cash-rounding';
import { collectCandidates } from './engine/collect-candidates';
import { compileRules, type CompiledRules } from './engine/compile-rules';
import { runLineStage } from './engine/line-stage';
import { applyManualLineDiscounts, applyManualTicketDiscounts } from './engine/manual-stage';
import { pointsMultipliers } from './engine/points-stage';
import type { Share } from './engine/shares';
import { runTicketStage, type TicketAmount } from './engine/ticket-stage';
import { runVoucherStage } from './engine/voucher-stage';
import type { PricedBasket } from './priced-basket.types';
import type { Basket, PricingContext } from './promotions.schemas';
import type { PromotionRule } from './rule-registry';

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/**
 * Prices a basket: (1) the unit prices on the lines, (2) line promotions, then the
 * cashier's line discounts, (3) ticket promotions, (4) vouchers, (5) the cashier's ticket
 * discount, (6) cash rounding. Pure: the inputs are never changed, and the same inputs give
 * the same result. Pass rules through `compileRules` once and reuse them for every scan.
 */
export function priceBasket(basket: Basket, context: PricingContext, rules: CompiledRules | readonly PromotionRule[]): PricedBasket {
  const compiled = 'byProduct' in rules ? rules : compileRules(rules);
  const { lines } = basket;
  const ruleContext: RuleContext = { local: storeLocalTime(context.instant, context.timeZone), storeId: context.storeId, member: context.member };
  const gross = lines.map((line) => line.unitPriceMinor * line.quantity);
  const candidates = collectCandidates(compiled, lines, ruleContext);

  const lineStage = runLineStage({ lines, gross, perLine: candidates.perLine, groups: candidates.groups });
  const afterLines = [...lineStage.remaining];
  const shares: Share[] = [...lineStage.shares];
  const ignoredManualDiscountIds = applyManualLineDiscounts(context.manualDiscounts, lines.map((l) => l.lineId), afterLines, shares);

  const ticketStage = runTicketStage(afterLines, candidates.tickets);
  const remaining = [...ticketStage.remaining];
  shares.push(...ticketStage.shares);
  const ticketAmounts: TicketAmount[] = [...ticketStage.amounts];

  const voucherInput = { compiled, lines, context: ruleContext, codes: context.vouchers.map((v) => v.code) };
  const vouchers = runVoucherStage(voucherInput, remaining, shares, ticketAmounts);
  applyManualTicketDiscounts(context.manualDiscounts, remaining, shares, ticketAmounts);

  const subtotal = sum(gross);
  const total = sum(remaining);
  const rounding = cashRoundingDifference(total, context.rounding);
  const gifts = giftLines(ticketStage.gifts);
  const giftValue = sum(gifts.map((g) => g.valueMinor));
  return {
    lines: pricedLines(lines, gross, remaining, shares, pointsMultipliers(lines.length, candidates.points)),
    adjustments: adjustmentsOf(lines, shares, ticketAmounts),
    gifts,
    vouchers,
    ignoredManualDiscountIds,
    subtotalMinor: minor(subtotal),
    discountMinor: minor(subtotal - total),
    totalMinor: minor(total),
    roundingMinor: minor(rounding),
    payableMinor: minor(total + rounding),
    totalSavingMinor: minor(subtotal - total + giftValue),
    giftValueMinor: minor(giftValue),
  };
}
