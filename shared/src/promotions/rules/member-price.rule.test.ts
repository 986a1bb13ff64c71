import { describe, expect, it } from 'vitest';
import { priceBasket } from '../price-basket';
import { basket, context, rule } from '../testing/promotion-fixtures';

const milk = basket([{ lineId: 'l1', productId: 'milk', unitPriceMinor: 650, quantity: 2 }]);
const special = rule('member_price', 'member-milk', { productIds: ['milk'], priceMinor: 500, unitLimit: null }, { memberLevelIds: ['gold'] });
const anyMember = rule('member_price', 'member-milk', { productIds: ['milk'], priceMinor: 500, unitLimit: null });

describe('member special price', () => {
  it('gives members of the level the special price', () => {
    const gold = context({ member: { id: 'm1', levelId: 'gold', birthday: null } });
    expect(priceBasket(milk, gold, [special]).totalMinor).toBe(1000);
  });

  it('is not for other levels or for customers who are not members', () => {
    expect(priceBasket(milk, context({ member: { id: 'm1', levelId: 'silver', birthday: null } }), [special]).totalMinor).toBe(1300);
    expect(priceBasket(milk, context(), [anyMember]).totalMinor).toBe(1300);
  });
});
