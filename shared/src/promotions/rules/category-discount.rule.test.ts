import { describe, expect, it } from 'vitest';
import { priceBasket } from '../price-basket';
import { basket, context, rule } from '../testing/promotion-fixtures';

const lines = [
  { lineId: 'l1', productId: 'cola', unitPriceMinor: 300, categoryId: 'soft-drinks', ancestorCategoryIds: ['drinks'] },
  { lineId: 'l2', productId: 'beer', unitPriceMinor: 800, categoryId: 'beer', ancestorCategoryIds: ['drinks'] },
  { lineId: 'l3', productId: 'bread', unitPriceMinor: 500, categoryId: 'bakery', ancestorCategoryIds: [] },
];
const drinksOff = (categoryIds: string[]) =>
  rule('category_discount', 'drinks', { categoryIds, offer: { type: 'percent_off', percentBp: 1000 }, unitLimit: null });

describe('category discount', () => {
  it('reaches every product under a parent category', () => {
    const priced = priceBasket(basket(lines), context(), [drinksOff(['drinks'])]);
    expect(priced.lines.map((l) => l.netMinor)).toEqual([270, 720, 500]);
  });

  it('stays inside the category it names', () => {
    const priced = priceBasket(basket(lines), context(), [drinksOff(['beer'])]);
    expect(priced.lines.map((l) => l.netMinor)).toEqual([300, 720, 500]);
  });
});
