import { describe, expect, it } from 'vitest';
import { priceBasket } from '../price-basket';
import { basket, context, rule, scope } from '../testing/promotion-fixtures';

const deal = (fields: { buy: number; get: number; rewardPercentBp?: number; maxApplications?: number | null }, productIds = ['a', 'b', 'c']) =>
  rule('buy_n_get_m', 'deal', {
    scope: scope({ productIds }),
    buy: fields.buy,
    get: fields.get,
    rewardPercentBp: fields.rewardPercentBp ?? 10_000,
    maxApplications: fields.maxApplications ?? null,
  });

describe('buy N get M', () => {
  it('gives one free for every two bought on one line', () => {
    const priced = priceBasket(basket([{ lineId: 'l1', productId: 'a', unitPriceMinor: 500, quantity: 7 }]), context(), [deal({ buy: 2, get: 1 })]);
    expect(priced.totalMinor).toBe(2500);
  });

  it('makes the cheapest of each set free across a mix-and-match group', () => {
    const lines = [
      { lineId: 'l1', productId: 'a', unitPriceMinor: 900 },
      { lineId: 'l2', productId: 'b', unitPriceMinor: 500 },
      { lineId: 'l3', productId: 'c', unitPriceMinor: 700 },
      { lineId: 'l4', productId: 'z', unitPriceMinor: 100 },
    ];
    const priced = priceBasket(basket(lines), context(), [deal({ buy: 2, get: 1 })]);
    expect(priced.lines.map((l) => l.netMinor)).toEqual([900, 0, 700, 100]);
  });

  it('ranks units dearest first so the customer gets the most', () => {
    const lines = [
      { lineId: 'l1', productId: 'a', unitPriceMinor: 1000, quantity: 2 },
      { lineId: 'l2', productId: 'b', unitPriceMinor: 100, quantity: 2 },
    ];
    // sets (1000, 1000) and (100, 100): one 1000 and one 100 free
    expect(priceBasket(basket(lines), context(), [deal({ buy: 1, get: 1 })]).totalMinor).toBe(1100);
  });

  it('can give the reward at a percentage instead of free', () => {
    const line = { lineId: 'l1', productId: 'a', unitPriceMinor: 1000, quantity: 2 };
    expect(priceBasket(basket([line]), context(), [deal({ buy: 1, get: 1, rewardPercentBp: 5000 })]).totalMinor).toBe(1500);
  });

  it('stops after the maximum number of sets', () => {
    const line = { lineId: 'l1', productId: 'a', unitPriceMinor: 1000, quantity: 6 };
    expect(priceBasket(basket([line]), context(), [deal({ buy: 1, get: 1, maxApplications: 2 })]).totalMinor).toBe(4000);
  });

  it('gives nothing until a set is complete', () => {
    const line = { lineId: 'l1', productId: 'a', unitPriceMinor: 1000, quantity: 2 };
    expect(priceBasket(basket([line]), context(), [deal({ buy: 2, get: 1 })]).adjustments).toEqual([]);
  });

  it("rounds the deal's reward once and splits it over the lines it falls on", () => {
    const lines = [
      { lineId: 'l1', productId: 'a', unitPriceMinor: 2501, quantity: 2 },
      { lineId: 'l2', productId: 'b', unitPriceMinor: 2500, quantity: 2 },
    ];
    // rewards: one 2501 and one 2500 at 0.01 %: 0.2501 + 0.25 = 0.5001, rounded once to 1 fen
    const priced = priceBasket(basket(lines), context(), [deal({ buy: 1, get: 1, rewardPercentBp: 1 })]);
    expect(priced.totalSavingMinor).toBe(1);
    expect(priced.lines.map((l) => l.discountMinor)).toEqual([1, 0]);
  });
});
