import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths } from '../points/points-expiry';
import { wholeMonthsSince } from './care-reminder';

const day = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('whole months since a day', () => {
  it('counts a month once its day comes round, held to the end of a shorter month', () => {
    expect(wholeMonthsSince('2026-05-15', '2026-11-14')).toBe(5);
    expect(wholeMonthsSince('2026-05-15', '2026-11-15')).toBe(6);
    expect(wholeMonthsSince('2026-08-31', '2027-02-28')).toBe(6);
    expect(wholeMonthsSince('2026-11-22', '2026-11-22')).toBe(0);
    expect(wholeMonthsSince('2026-11-22', '2026-11-21')).toBe(0);
  });

  it('is the most months whose addition does not pass today', () => {
    fc.assert(fc.property(day, day, (since, today) => {
      fc.pre(since <= today);
      const months = wholeMonthsSince(since, today);
      expect(addMonths(since, months) <= today).toBe(true);
      expect(addMonths(since, months + 1) > today).toBe(true);
    }));
  });
});
