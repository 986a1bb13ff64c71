import { describe, expect, it } from 'vitest';
import { priceBasket } from '../price-basket';
import { basket, context, rule } from '../testing/promotion-fixtures';

const tea = { lineId: 'l1', productId: 'tea', unitPriceMinor: 1000, quantity: 3 };
const price = (offer: Parameters<typeof rule<'item_discount'>>[2]['offer'], lines = [tea]) =>
  priceBasket(basket(lines), context(), [rule('item_discount', 'r1', { productIds: ['tea'], offer, unitLimit: null })]);

describe('item discount', () => {
  it('takes a percentage off the listed product, half up', () => {
    expect(price({ type: 'percent_off', percentBp: 1250 }).totalMinor).toBe(2625);
  });

  it('takes an amount off each unit', () => {
    expect(price({ type: 'amount_off', amountMinor: 150 }).totalMinor).toBe(2550);
  });

  it('sells each unit at a fixed price, never above the price it had', () => {
    expect(price({ type: 'fixed_price', priceMinor: 799 }).totalMinor).toBe(2397);
    expect(price({ type: 'fixed_price', priceMinor: 1200 }).adjustments).toEqual([]);
  });

  it('never takes a line below zero', () => {
    expect(price({ type: 'amount_off', amountMinor: 5000 }).lines[0]?.netMinor).toBe(0);
  });

  it('leaves other products alone', () => {
    const priced = price({ type: 'percent_off', percentBp: 5000 }, [tea, { lineId: 'l2', productId: 'cup', unitPriceMinor: 500, quantity: 1 }]);
    expect(priced.lines.map((l) => l.netMinor)).toEqual([1500, 500]);
  });

  it('prices amounts per kilogram on a weighed line', () => {
    const cheese = { lineId: 'w', productId: 'tea', unitPriceMinor: 4950, quantity: 1, weightGrams: 550 };
    expect(price({ type: 'amount_off', amountMinor: 1000 }, [cheese]).totalMinor).toBe(4400);
  });
});
