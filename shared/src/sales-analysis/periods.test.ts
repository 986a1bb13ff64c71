import { describe, expect, it } from 'vitest';
import { bucketStart, comparedPeriods, daysIn, growthBp, wholeMonthsIn } from './periods';

describe('compared periods (环比 and 同比)', () => {
  it('compares a whole month with the month before and the same month a year earlier', () => {
    expect(comparedPeriods({ from: '2026-11-01', to: '2026-11-30' })).toEqual({
      current: { from: '2026-11-01', to: '2026-11-30' },
      previous: { from: '2026-10-01', to: '2026-10-31' },
      lastYear: { from: '2025-11-01', to: '2025-11-30' },
    });
  });

  it('keeps whole months whole across a leap February, both ways', () => {
    expect(comparedPeriods({ from: '2024-03-01', to: '2024-03-31' }).previous).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(comparedPeriods({ from: '2025-02-01', to: '2025-02-28' }).lastYear).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(comparedPeriods({ from: '2024-02-01', to: '2024-02-29' }).lastYear).toEqual({ from: '2023-02-01', to: '2023-02-28' });
  });

  it('compares a quarter with the quarter before', () => {
    const q = comparedPeriods({ from: '2026-01-01', to: '2026-03-31' });
    expect(q.previous).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(q.lastYear).toEqual({ from: '2025-01-01', to: '2025-03-31' });
  });

  it('compares a leap day with the 28th of February a year earlier and the day before', () => {
    expect(comparedPeriods({ from: '2024-02-29', to: '2024-02-29' })).toEqual({
      current: { from: '2024-02-29', to: '2024-02-29' },
      previous: { from: '2024-02-28', to: '2024-02-28' },
      lastYear: { from: '2023-02-28', to: '2023-02-28' },
    });
  });

  it('compares whole weeks with the weeks before and the same weekdays 52 weeks earlier', () => {
    // 2026-11-23 is a Monday.
    expect(comparedPeriods({ from: '2026-11-23', to: '2026-11-29' })).toEqual({
      current: { from: '2026-11-23', to: '2026-11-29' },
      previous: { from: '2026-11-16', to: '2026-11-22' },
      lastYear: { from: '2025-11-24', to: '2025-11-30' },
    });
  });

  it('compares any other range with as many days just before and the same dates a year earlier', () => {
    expect(comparedPeriods({ from: '2026-11-10', to: '2026-11-19' })).toEqual({
      current: { from: '2026-11-10', to: '2026-11-19' },
      previous: { from: '2026-10-31', to: '2026-11-09' },
      lastYear: { from: '2025-11-10', to: '2025-11-19' },
    });
  });

  it('refuses a range that ends before it starts', () => {
    expect(() => comparedPeriods({ from: '2026-11-02', to: '2026-11-01' })).toThrow(RangeError);
  });

  it('counts days and buckets them', () => {
    expect(daysIn({ from: '2024-02-01', to: '2024-03-01' })).toBe(30);
    expect(bucketStart('2026-11-26', 'week')).toBe('2026-11-23');
    expect(bucketStart('2026-11-23', 'week')).toBe('2026-11-23');
    expect(bucketStart('2026-11-29', 'week')).toBe('2026-11-23');
    expect(bucketStart('2026-11-29', 'month')).toBe('2026-11-01');
    expect(bucketStart('2026-11-29', 'day')).toBe('2026-11-29');
  });

  it('finds the whole calendar months inside a range, leap February and year ends included', () => {
    expect(wholeMonthsIn({ from: '2026-10-01', to: '2026-10-31' })).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(wholeMonthsIn({ from: '2026-09-20', to: '2026-11-05' })).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(wholeMonthsIn({ from: '2025-11-02', to: '2026-02-28' })).toEqual({ from: '2025-12-01', to: '2026-02-28' });
    expect(wholeMonthsIn({ from: '2024-02-01', to: '2024-02-29' })).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(wholeMonthsIn({ from: '2024-02-01', to: '2024-02-28' })).toBeNull();
    expect(wholeMonthsIn({ from: '2026-10-05', to: '2026-10-18' })).toBeNull();
    expect(wholeMonthsIn({ from: '2026-10-02', to: '2026-11-30' })).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(wholeMonthsIn({ from: '2026-12-01', to: '2027-01-30' })).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('gives growth in basis points, none against nothing', () => {
    expect(growthBp(11_250, 10_000)).toBe(1250);
    expect(growthBp(9_000, 10_000)).toBe(-1000);
    expect(growthBp(5_000, 0)).toBeNull();
  });
});
