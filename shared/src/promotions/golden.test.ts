import { describe, expect, it } from 'vitest';
import { pricingCases } from '../../../tests/golden/pricing-cases';
import { priceBasket } from './price-basket';
import { basket, context, rule } from './testing/promotion-fixtures';

describe('golden pricing cases', () => {
  it('has the hand-checked cases', () => {
    expect(pricingCases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(pricingCases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const rules = c.rules.map((r) => rule(r.kind, r.id, r.args, r.common));
    const priced = priceBasket(basket(c.lines), context(c.context), rules);
    const { expected } = c;
    expect(priced.totalMinor).toBe(expected.totalMinor);
    expect(priced.lines.reduce((sum, l) => sum + l.netMinor, 0)).toBe(priced.totalMinor);
    if (expected.payableMinor !== undefined) expect(priced.payableMinor).toBe(expected.payableMinor);
    if (expected.lineNets) expect(priced.lines.map((l) => l.netMinor)).toEqual(expected.lineNets);
    if (expected.ruleIds) expect(priced.adjustments.map((a) => a.ruleId)).toEqual(expected.ruleIds);
    if (expected.giftProductIds) expect(priced.gifts.map((g) => g.productId)).toEqual(expected.giftProductIds);
    if (expected.voucherStatuses) expect(priced.vouchers.map((v) => v.status)).toEqual(expected.voucherStatuses);
    if (expected.pointsMultipliersBp) expect(priced.lines.map((l) => l.pointsMultiplierBp)).toEqual(expected.pointsMultipliersBp);
  });
});
