import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, expiryNoticeWindow, firstUnexpiredEarningDay, pointsExpireOn } from './points-expiry';

const day = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('points expiry', () => {
  it('adds months and holds the day to the end of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
  });

  it('lets points earned in a year lapse on the first of January after it', () => {
    expect(pointsExpireOn('2026-12-31', { kind: 'end_of_year' })).toBe('2027-01-01');
    expect(firstUnexpiredEarningDay('2027-01-01', { kind: 'end_of_year' })).toBe('2027-01-01');
    expect(firstUnexpiredEarningDay('2026-12-31', { kind: 'end_of_year' })).toBe('2026-01-01');
  });

  it('never lets points lapse under the policy none', () => {
    expect(pointsExpireOn('2026-01-01', { kind: 'none' })).toBeNull();
    expect(firstUnexpiredEarningDay('2090-01-01', { kind: 'none' })).toBeNull();
  });

  it('lets the last days of a long month lapse with the short month’s end', () => {
    const policy = { kind: 'after_months', months: 1 } as const;
    expect(pointsExpireOn('2026-01-31', policy)).toBe('2026-02-28');
    expect(firstUnexpiredEarningDay('2026-02-28', policy)).toBe('2026-02-01');
  });

  it('says a day has lapsed exactly when it is before the first unexpired earning day', () => {
    fc.assert(fc.property(day, day, fc.integer({ min: 1, max: 120 }), (earnedOn, asOf, months) => {
      for (const policy of [{ kind: 'after_months', months } as const, { kind: 'end_of_year' } as const]) {
        const lapsed = pointsExpireOn(earnedOn, policy)! <= asOf;
        expect(earnedOn < firstUnexpiredEarningDay(asOf, policy)!).toBe(lapsed);
      }
    }));
  });
});

describe('the points an expiry notice announces', () => {
  it('takes the points still good today that lapse within the days given', () => {
    expect(expiryNoticeWindow('2026-12-02', 30, { kind: 'end_of_year' })).toEqual({ from: '2026-01-01', to: '2027-01-01' });
    expect(expiryNoticeWindow('2026-11-22', 30, { kind: 'end_of_year' })).toEqual({ from: '2026-01-01', to: '2026-01-01' });
    expect(expiryNoticeWindow('2026-11-22', 10, { kind: 'after_months', months: 12 })).toEqual({ from: '2025-11-23', to: '2025-12-03' });
    expect(expiryNoticeWindow('2026-11-22', 10, { kind: 'none' })).toBeNull();
  });

  it('holds exactly the earning days whose points are good today and gone the given days later', () => {
    fc.assert(fc.property(day, day, fc.integer({ min: 1, max: 180 }), fc.integer({ min: 1, max: 120 }), (earnedOn, today, withinDays, months) => {
      for (const policy of [{ kind: 'after_months', months } as const, { kind: 'end_of_year' } as const]) {
        const window = expiryNoticeWindow(today, withinDays, policy)!;
        const lapsesOn = pointsExpireOn(earnedOn, policy)!;
        expect(earnedOn >= window.from && earnedOn < window.to).toBe(lapsesOn > today && lapsesOn <= addDays(today, withinDays));
      }
    }));
  });
});
