import { describe, expect, it } from 'vitest';
import { priceBasket } from '../price-basket';
import type { RuleCommon } from '../rule-common.schemas';
import { basket, context, rule, scope } from '../testing/promotion-fixtures';

const tea = basket([{ lineId: 'l1', productId: 'tea', unitPriceMinor: 10_000, categoryId: 'drinks', ancestorCategoryIds: [] }]);
const percent = (id: string, percentBp: number, common: Partial<RuleCommon> = {}) =>
  rule('item_discount', id, { productIds: ['tea'], offer: { type: 'percent_off', percentBp }, unitLimit: null }, common);
const ruleIds = (priced: ReturnType<typeof priceBasket>) => priced.adjustments.map((a) => a.ruleId);

describe('combining rules', () => {
  it('compounds stacked percentages on what remains, higher priority first', () => {
    const priced = priceBasket(tea, context(), [percent('a', 1000, { priority: 1 }), percent('b', 2000, { priority: 2 })]);
    expect(priced.totalMinor).toBe(7200);
    expect(priced.adjustments.map((a) => [a.ruleId, a.amountMinor])).toEqual([['b', 2000], ['a', 800]]);
  });

  it('never combines an exclusive rule with another on the same line', () => {
    const priced = priceBasket(tea, context(), [percent('stack-1', 1000), percent('stack-2', 1000), percent('solo', 2500, { combination: 'exclusive' })]);
    expect(ruleIds(priced)).toEqual(['solo']);
    expect(priced.totalMinor).toBe(7500);
  });

  it('drops an exclusive rule when the stack is better for the customer', () => {
    const priced = priceBasket(tea, context(), [percent('stack-1', 1500), percent('stack-2', 1500), percent('solo', 2500, { combination: 'exclusive' })]);
    expect(ruleIds(priced)).toEqual(['stack-1', 'stack-2']);
    expect(priced.totalMinor).toBe(7225);
  });

  it('takes only the best member of a best-of group', () => {
    const group = { combination: 'best_of' as const, group: 'weekly' };
    const priced = priceBasket(tea, context(), [percent('g-small', 1000, group), percent('g-big', 3000, group), percent('other', 1000)]);
    expect(ruleIds(priced)).toEqual(['g-big', 'other']);
    expect(priced.totalMinor).toBe(6300);
  });

  it('breaks ties by priority, then by rule id', () => {
    const solo = { combination: 'exclusive' as const };
    expect(ruleIds(priceBasket(tea, context(), [percent('b', 2000, solo), percent('a', 2000, solo)]))).toEqual(['a']);
    expect(ruleIds(priceBasket(tea, context(), [percent('b', 2000, { ...solo, priority: 5 }), percent('a', 2000, solo)]))).toEqual(['b']);
  });

  it('keeps an exclusive multi-line deal apart from one-line rules on its lines', () => {
    const lines = basket([
      { lineId: 'l1', productId: 'tea', unitPriceMinor: 1000 },
      { lineId: 'l2', productId: 'tea', unitPriceMinor: 1000 },
    ]);
    const bogo = rule('buy_n_get_m', 'bogo', { scope: scope({ productIds: ['tea'] }), buy: 1, get: 1, rewardPercentBp: 10_000, maxApplications: null }, { combination: 'exclusive' });
    const priced = priceBasket(lines, context(), [bogo, percent('ten', 1000)]);
    expect(ruleIds(priced)).toEqual(['bogo']);
    expect(priced.totalMinor).toBe(1000);
  });

  it('lets only one exclusive ticket rule apply', () => {
    const exclusive = { combination: 'exclusive' as const };
    const priced = priceBasket(tea, context(), [
      rule('spend_threshold_off', 'off-1500', { scope: scope(), tiers: [{ minSpendMinor: 5000, offMinor: 1500 }], repeat: false }, exclusive),
      rule('spend_threshold_percent', 'pct-10', { scope: scope(), tiers: [{ minSpendMinor: 5000, percentBp: 1000 }] }),
    ]);
    expect(ruleIds(priced)).toEqual(['off-1500']);
  });

  it('limits the units a rule discounts per ticket (限量)', () => {
    const lines = basket([
      { lineId: 'l1', productId: 'tea', unitPriceMinor: 1000, quantity: 2 },
      { lineId: 'l2', productId: 'tea', unitPriceMinor: 1000, quantity: 2 },
    ]);
    const limited = rule('item_discount', 'half-off-3', { productIds: ['tea'], offer: { type: 'percent_off', percentBp: 5000 }, unitLimit: 3 });
    expect(priceBasket(lines, context(), [limited]).lines.map((l) => l.netMinor)).toEqual([1000, 1500]);
  });

  it('gives a line two deals both want to one of them, and the other keeps its own lines', () => {
    const lines = basket([
      { lineId: 'l1', productId: 'cola', unitPriceMinor: 600, quantity: 2, brandId: 'fizz' },
      { lineId: 'l2', productId: 'bun', unitPriceMinor: 400, categoryId: 'bakery', ancestorCategoryIds: [] },
      { lineId: 'l3', productId: 'fizz-cake', unitPriceMinor: 500, brandId: 'fizz', categoryId: 'bakery', ancestorCategoryIds: [] },
    ]);
    const fizzSecondHalf = rule('buy_n_get_m', 'fizz-half', { scope: scope({ brandIds: ['fizz'] }), buy: 1, get: 1, rewardPercentBp: 5000, maxApplications: null }, { combination: 'exclusive' });
    const bakeryFree = rule('buy_n_get_m', 'bakery-1-1', { scope: scope({ categoryIds: ['bakery'] }), buy: 1, get: 1, rewardPercentBp: 10_000, maxApplications: null }, { combination: 'exclusive' });
    const priced = priceBasket(lines, context(), [fizzSecondHalf, bakeryFree]);
    // the cake makes the bakery pair (cake 500, bun 400 free) and the colas keep theirs (one half off): 700 off;
    // either deal alone would give 300 (colas and cake) or 400 (cake and bun)
    expect(priced.lines.map((l) => l.netMinor)).toEqual([900, 0, 500]);
    expect(priced.totalSavingMinor).toBe(700);
  });
});
