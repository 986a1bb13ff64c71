import { describe, expect, it } from 'vitest';
import { priceBasket } from '../price-basket';
import type { RuleCommon } from '../rule-common.schemas';
import { basket, context, rule } from '../testing/promotion-fixtures';

const tea = basket([{ lineId: 'l1', productId: 'tea', unitPriceMinor: 1000 }]);
const applies = (common: Partial<RuleCommon>, fields: Parameters<typeof context>[0] = {}) =>
  priceBasket(tea, context(fields), [rule('item_discount', 'r', { productIds: ['tea'], offer: { type: 'amount_off', amountMinor: 100 }, unitLimit: null }, common)])
    .totalMinor === 900;

describe('when and where a rule runs', () => {
  it('runs from its start to its end on the store clock, a bare end date included', () => {
    expect(applies({ validFrom: '2025-05-21T10:00' })).toBe(true);
    expect(applies({ validFrom: '2025-05-21T10:01' })).toBe(false);
    expect(applies({ validTo: '2025-05-21' })).toBe(true);
    expect(applies({ validTo: '2025-05-21T10:00' })).toBe(false);
  });

  it('runs on its weekdays and hours only', () => {
    expect(applies({ weekdays: [3] })).toBe(true);
    expect(applies({ weekdays: [6, 7] })).toBe(false);
    expect(applies({ hours: [{ from: '09:00', to: '11:00' }] })).toBe(true);
    expect(applies({ hours: [{ from: '14:00', to: '18:00' }] })).toBe(false);
  });

  it('runs in its stores and for its member levels only', () => {
    expect(applies({ storeIds: ['store-1'] })).toBe(true);
    expect(applies({ storeIds: ['store-2'] })).toBe(false);
    expect(applies({ memberLevelIds: ['gold'] })).toBe(false);
    expect(applies({ memberLevelIds: ['gold'] }, { member: { id: 'm', levelId: 'gold', birthday: null } })).toBe(true);
  });
});
