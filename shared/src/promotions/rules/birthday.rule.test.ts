import { describe, expect, it } from 'vitest';
import { storeLocalTime } from '../../pricing/store-local-time';
import { priceBasket } from '../price-basket';
import { basket, context, rule, scope } from '../testing/promotion-fixtures';
import { isBirthdayWindow } from './birthday.rule';

const cake = basket([{ lineId: 'l1', productId: 'cake', unitPriceMinor: 8800 }]);
const birthdayRule = rule('birthday', 'bday', { scope: scope(), offer: { type: 'percent_off', percentBp: 2000 }, window: 'week', unitLimit: null });
const member = (birthday: string | null) => ({ id: 'm1', levelId: 'gold', birthday });

describe('birthday promotion', () => {
  it('gives the member the offer in their birthday week', () => {
    expect(priceBasket(cake, context({ member: member('1990-05-23') }), [birthdayRule]).totalMinor).toBe(7040);
  });

  it('does nothing outside the window, without a birthday or without a member', () => {
    expect(priceBasket(cake, context({ member: member('1990-06-23') }), [birthdayRule]).totalMinor).toBe(8800);
    expect(priceBasket(cake, context({ member: member(null) }), [birthdayRule]).totalMinor).toBe(8800);
    expect(priceBasket(cake, context(), [birthdayRule]).totalMinor).toBe(8800);
  });

  it('counts the day, the week across a year end and the month', () => {
    const newYear = storeLocalTime('2025-01-01T12:00:00+08:00', 'Asia/Shanghai');
    expect(isBirthdayWindow(newYear, '12-30', 'week')).toBe(true);
    expect(isBirthdayWindow(newYear, '12-27', 'week')).toBe(false);
    expect(isBirthdayWindow(newYear, '01-01', 'day')).toBe(true);
    expect(isBirthdayWindow(newYear, '2000-01-31', 'month')).toBe(true);
  });

  it('celebrates a 29 February birthday on the 28th in other years', () => {
    expect(isBirthdayWindow(storeLocalTime('2025-02-28T12:00:00+08:00', 'Asia/Shanghai'), '02-29', 'day')).toBe(true);
  });
});
