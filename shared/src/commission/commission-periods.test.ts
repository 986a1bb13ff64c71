import { describe, expect, it } from 'vitest';
import { periodByKey, periodOf, periodsToCompare } from './commission-periods';

describe('commission periods', () => {
  it('are calendar months by default, with their real last day', () => {
    expect(periodOf('2028-02-29', 1)).toEqual({ key: '2028-02', from: '2028-02-01', to: '2028-02-29' });
    expect(periodByKey('2026-11', 1)).toEqual({ key: '2026-11', from: '2026-11-01', to: '2026-11-30' });
  });

  it('run from the chain’s start day to the day before it, named by the month they end in', () => {
    expect(periodOf('2026-11-26', 26)).toEqual({ key: '2026-12', from: '2026-11-26', to: '2026-12-25' });
    expect(periodOf('2026-12-25', 26)).toEqual({ key: '2026-12', from: '2026-11-26', to: '2026-12-25' });
    expect(periodOf('2026-12-26', 26)).toEqual({ key: '2027-01', from: '2026-12-26', to: '2027-01-25' });
    expect(periodOf('2027-01-10', 26).key).toBe('2027-01');
  });

  it('compare with the month before and the same month a year before', () => {
    expect(periodsToCompare('2027-01')).toEqual({ previous: '2026-12', lastYear: '2026-01' });
  });

  it('refuse a start day some month lacks and a key that is no month', () => {
    expect(() => periodOf('2026-11-01', 29)).toThrow(RangeError);
    expect(() => periodByKey('2026-13', 1)).toThrow(RangeError);
  });
});
