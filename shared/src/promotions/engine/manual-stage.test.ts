import { describe, expect, it } from 'vitest';
import { priceBasket } from '../price-basket';
import { basket, context, rule, scope } from '../testing/promotion-fixtures';

const lines = basket([
  { lineId: 'l1', productId: 'a', unitPriceMinor: 6000 },
  { lineId: 'l2', productId: 'b', unitPriceMinor: 4000 },
]);
const manual = (id: string, lineId: string | null, kind: 'percent' | 'amount', value: number) => ({ id, lineId, kind, value, enteredBy: 'clerk-9', reason: 'damaged box' });

describe('manual discounts', () => {
  it('records who gave a line discount, applied before ticket promotions', () => {
    const threshold = rule('spend_threshold_off', 'spend-100', { scope: scope(), tiers: [{ minSpendMinor: 10_000, offMinor: 1000 }], repeat: false });
    const priced = priceBasket(lines, context({ manualDiscounts: [manual('m1', 'l1', 'amount', 500)] }), [threshold]);
    expect(priced.totalMinor).toBe(9500);
    expect(priced.adjustments).toEqual([
      { ruleId: 'manual:m1', ruleName: 'damaged box', kind: 'manual_line', stage: 'manual', lineId: 'l1', amountMinor: 500, enteredBy: 'clerk-9', reference: null },
    ]);
  });

  it('applies a ticket discount last, spread over the lines', () => {
    const priced = priceBasket(lines, context({ manualDiscounts: [manual('m2', null, 'percent', 1000)] }), []);
    expect(priced.totalMinor).toBe(9000);
    expect(priced.lines.map((l) => l.discountMinor)).toEqual([600, 400]);
  });

  it('ignores, and reports, a discount on a line that is not in the basket', () => {
    const priced = priceBasket(lines, context({ manualDiscounts: [manual('m3', 'gone', 'amount', 100)] }), []);
    expect(priced.ignoredManualDiscountIds).toEqual(['m3']);
    expect(priced.totalMinor).toBe(10_000);
  });
});
