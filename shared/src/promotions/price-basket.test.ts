import { describe, expect, it } from 'vitest';
import { compileRules } from './engine/compile-rules';
import { priceBasket } from './price-basket';
import { basket, context, rule, scope } from './testing/promotion-fixtures';

describe('priceBasket', () => {
  it('charges the gross when no rule applies', () => {
    const priced = priceBasket(basket([{ lineId: 'l1', productId: 'tea', unitPriceMinor: 1000, quantity: 2 }]), context(), []);
    expect(priced).toMatchObject({ subtotalMinor: 2000, totalMinor: 2000, payableMinor: 2000, adjustments: [], gifts: [] });
  });

  it('runs the stages in order: line, ticket, voucher, manual, rounding', () => {
    const rules = compileRules([
      rule('item_discount', 'ten-off-tea', { productIds: ['tea'], offer: { type: 'percent_off', percentBp: 1000 }, unitLimit: null }),
      rule('spend_threshold_off', 'spend-100-get-10', { scope: scope(), tiers: [{ minSpendMinor: 10000, offMinor: 1000 }], repeat: false }),
      rule('voucher', 'v5', { scope: scope(), codes: ['V5'], faceValueMinor: 500, minSpendMinor: 0, maxPerTicket: 1 }),
    ]);
    const priced = priceBasket(
      basket([{ lineId: 'l1', productId: 'tea', unitPriceMinor: 6000, quantity: 2 }, { lineId: 'l2', productId: 'cup', unitPriceMinor: 1999 }]),
      context({
        vouchers: [{ code: 'V5' }],
        manualDiscounts: [{ id: 'm1', lineId: null, kind: 'amount', value: 100, enteredBy: 'clerk-7', reason: null }],
        rounding: { unitMinor: 10, mode: 'down' },
      }),
      rules,
    );
    // 12000 − 1200 = 10800 tea, + 1999 cup = 12799; −1000 threshold = 11799; −500 voucher = 11299; −100 manual = 11199; down to 11190
    expect(priced.totalMinor).toBe(11199);
    expect(priced.roundingMinor).toBe(-9);
    expect(priced.payableMinor).toBe(11190);
    expect(priced.lines.reduce((s, l) => s + l.netMinor, 0)).toBe(11199);
    expect(priced.adjustments.map((a) => [a.ruleId, a.lineId, a.amountMinor])).toEqual([
      ['ten-off-tea', 'l1', 1200],
      ['spend-100-get-10', null, 1000],
      ['v5', null, 500],
      ['manual:m1', null, 100],
    ]);
    expect(priced.adjustments.at(-1)?.enteredBy).toBe('clerk-7');
  });

  // The engine picks the best combination of rules, each applied as its rule says; it does not
  // hold units back from a deal to keep a threshold. Chains that mix the two see this at the till.
  it("a group deal's reward can take a threshold away: one more item may cost more than its price", () => {
    const rules = compileRules([
      rule('buy_n_get_m', 'second-at-60', { scope: scope({ categoryIds: ['root'] }), buy: 1, get: 1, rewardPercentBp: 4000, maxApplications: null }),
      rule('spend_threshold_off', 'drinks-10-off-3', { scope: scope({ categoryIds: ['drinks'] }), tiers: [{ minSpendMinor: 1000, offMinor: 300 }], repeat: false }),
    ]);
    const line = (lineId: string, unitPriceMinor: number, categoryId: string) => ({ lineId, productId: lineId, unitPriceMinor, categoryId, ancestorCategoryIds: ['root'] });
    const lines = [line('juice', 600, 'drinks'), line('bread', 500, 'bakery'), line('tea', 400, 'drinks')];
    // (juice, bread): bread 40% off; drinks spend 1000 reaches the threshold: 1500 − 200 − 300
    expect(priceBasket(basket(lines), context(), rules).totalMinor).toBe(1000);
    // (juice, cake) and (bread, tea): cake and tea 40% off; drinks spend 840 misses it: 2050 − 380
    expect(priceBasket(basket([...lines, line('cake', 550, 'bakery')]), context(), rules).totalMinor).toBe(1670);
  });
});
